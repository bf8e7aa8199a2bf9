import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { deletePlaybookAction } from "../../actions";
import { BackLink } from "@/components/crisis/back-link";
import { PlaybookForm } from "@/components/crisis/playbook-form";
import { ActionButtonForm } from "@/components/ui/action-button-form";
import { PageHeader } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { getDb } from "@/db";
import { getPlaybook } from "@/db/queries/crises";
import { requirePagePermission } from "@/lib/auth/session";
import { toRow } from "@/lib/crisis/checklist";
import { departmentKindOptions } from "@/lib/crisis/department-kinds";
import { namedPageTitle } from "@/lib/i18n/page-title";

type Params = Promise<{ id: string }>;
type SP = Promise<Record<string, string | string[] | undefined>>;

const idOf = (raw: string) => (/^\d{1,9}$/.test(raw) ? Number(raw) : null);

export async function generateMetadata({ params }: { params: Params }) {
  const id = idOf((await params).id);
  const p = id ? await getPlaybook(await getDb(), id) : undefined;
  return namedPageTitle(p?.name ?? "–", "crisis.playbooks.kind");
}

export default async function PlaybookPage({ params, searchParams }: { params: Params; searchParams: SP }) {
  await requirePagePermission("crisis:manage");
  const id = idOf((await params).id);
  if (!id) notFound();
  const p = await getPlaybook(await getDb(), id);
  if (!p) notFound();
  const t = await getTranslations("crisis");
  const sp = await searchParams;
  return (
    <>
      <BackLink href="/crisis/playbooks" label={t("playbooks.title")} />
      <PageHeader
        title={p.name}
        lead={t("playbooks.editLead")}
        actions={<ActionButtonForm action={deletePlaybookAction} fields={{ id }} label={t("playbooks.delete")} confirm={t("playbooks.deleteConfirm", { name: p.name })} variant="danger" />}
      />
      {sp.saved ? <Notice tone="success" className="mb-4">{t("playbooks.created")}</Notice> : null}
      <PlaybookForm
        playbook={{ id: p.id, name: p.name, crisisType: p.crisisType, description: p.description, steps: p.steps.map(toRow) }}
        departmentKinds={await departmentKindOptions()}
      />
    </>
  );
}
