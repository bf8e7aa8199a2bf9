import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { GuidelineForm } from "@/components/guidelines/guideline-form";
import { LinkButton } from "@/components/ui/button";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { getDb } from "@/db";
import { getGuideline, scopeOptions } from "@/db/queries/guidelines";
import { requirePagePermission } from "@/lib/auth/session";
import { namedPageTitle } from "@/lib/i18n/page-title";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
  await requirePagePermission("guidelines:write");
  const { id } = await params;
  const g = /^\d{1,9}$/.test(id) ? await getGuideline(await getDb(), Number(id)) : null;
  if (!g) notFound();
  return namedPageTitle(g.open?.title ?? g.title, "guidelines.editKind");
}

export default async function EditGuidelinePage({ params }: { params: Promise<{ id: string }> }) {
  await requirePagePermission("guidelines:write");
  const { id } = await params;
  if (!/^\d{1,9}$/.test(id)) notFound();
  const db = await getDb();
  const [g, options, t] = await Promise.all([getGuideline(db, Number(id)), scopeOptions(db), getTranslations("guidelines")]);
  if (!g) notFound();
  const draft = g.open?.status === "draft" ? g.open : null;
  return (
    <>
      <PageHeader title={t("editor.editTitle", { title: draft?.title ?? g.title, version: draft?.version ?? "–" })} lead={t("editor.editLead")} />
      {draft ? (
        <GuidelineForm
          initial={{
            versionId: draft.id,
            // The draft's own values: they apply only once this version is published.
            title: draft.title,
            scope: draft.scope.kind,
            departmentIds: [...draft.scope.departmentIds],
            channelIds: [...draft.scope.channelIds],
            requiredSignoffs: draft.requiredSignoffs,
            bodyMd: draft.bodyMd,
            changeNote: draft.changeNote ?? "",
          }}
          departments={options.departments}
          channels={options.channels}
        />
      ) : (
        <EmptyState title={t("editor.noDraft")} body={t("editor.noDraftHint")} action={<LinkButton href={`/guidelines/${g.id}`}>{t("backToGuideline")}</LinkButton>} />
      )}
    </>
  );
}
