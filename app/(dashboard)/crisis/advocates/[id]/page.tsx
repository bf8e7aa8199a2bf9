import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { deleteAdvocateAction, revokeConsentAction } from "../../actions";
import { AdvocateForm } from "@/components/crisis/advocate-form";
import { BackLink } from "@/components/crisis/back-link";
import { ActionButtonForm } from "@/components/ui/action-button-form";
import { Badge, PageHeader } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { getDb } from "@/db";
import { advocateUserOptions, getAdvocate } from "@/db/queries/advocates";
import { requirePagePermission } from "@/lib/auth/session";
import { advocateFormValues } from "@/lib/crisis/advocate-values";
import { consentState } from "@/lib/crisis/consent";
import { namedPageTitle } from "@/lib/i18n/page-title";

type Params = Promise<{ id: string }>;
type SP = Promise<Record<string, string | string[] | undefined>>;

const idOf = (raw: string) => (/^\d{1,9}$/.test(raw) ? Number(raw) : null);

export async function generateMetadata({ params }: { params: Params }) {
  await requirePagePermission("crisis:manage");
  const id = idOf((await params).id);
  const a = id ? await getAdvocate(await getDb(), id) : undefined;
  return namedPageTitle(a?.name ?? "–", "crisis.advocates.kindTitle");
}

export default async function AdvocatePage({ params, searchParams }: { params: Params; searchParams: SP }) {
  await requirePagePermission("crisis:manage");
  const id = idOf((await params).id);
  if (!id) notFound();
  const db = await getDb();
  const a = await getAdvocate(db, id);
  if (!a) notFound();
  const users = await advocateUserOptions(db);
  const t = await getTranslations("crisis.advocates");
  const f = await getFormatter();
  const sp = await searchParams;
  const state = consentState(a, new Date());
  const own = a.userId != null ? [{ id: a.userId, name: a.name }] : [];
  return (
    <>
      <BackLink href="/crisis/advocates" label={t("title")} />
      <PageHeader
        title={a.name}
        lead={t("formLead")}
        actions={
          <>
            {state === "valid" ? <ActionButtonForm action={revokeConsentAction} fields={{ id }} label={t("revoke")} confirm={t("revokeConfirm", { name: a.name })} /> : null}
            <ActionButtonForm action={deleteAdvocateAction} fields={{ id }} label={t("delete")} confirm={t("deleteConfirm", { name: a.name })} variant="danger" />
          </>
        }
      />
      {sp.saved ? (
        <Notice tone="success" className="mb-4">
          {t("created")}
        </Notice>
      ) : null}
      <p className="mb-4 flex flex-wrap items-center gap-2 text-sm text-slate-700">
        <Badge tone={state === "valid" ? "green" : state === "revoked" ? "red" : state === "expired" ? "amber" : "slate"}>{t(`consentStates.${state}`)}</Badge>
        {a.consentRevokedAt ? t("revokedAt", { time: f.dateTime(a.consentRevokedAt, { dateStyle: "medium", timeStyle: "short" }) }) : null}
      </p>
      <AdvocateForm advocate={advocateFormValues(a)} users={[...own, ...users]} />
    </>
  );
}
