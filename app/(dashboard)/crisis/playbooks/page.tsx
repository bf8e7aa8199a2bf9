import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { BackLink } from "@/components/crisis/back-link";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { LinkButton } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { Table, Td, Th } from "@/components/ui/table";
import { getDb } from "@/db";
import { listPlaybooks } from "@/db/queries/crises";
import { requirePagePermission } from "@/lib/auth/session";
import { pageTitle } from "@/lib/i18n/page-title";

type SP = Promise<Record<string, string | string[] | undefined>>;

export const generateMetadata = () => pageTitle("crisis.playbooks.title");

export default async function PlaybooksPage({ searchParams }: { searchParams: SP }) {
  await requirePagePermission("crisis:manage");
  const db = await getDb();
  const rows = await listPlaybooks(db);
  const t = await getTranslations("crisis");
  const f = await getFormatter();
  const sp = await searchParams;
  return (
    <>
      <BackLink href="/crisis" label={t("title")} />
      <PageHeader title={t("playbooks.title")} lead={t("playbooks.lead")} actions={<LinkButton href="/crisis/playbooks/new">{t("playbooks.new")}</LinkButton>} />
      {sp.deleted ? <Notice tone="success" className="mb-4">{t("playbooks.deleted")}</Notice> : null}
      {rows.length ? (
        <Table aria-label={t("playbooks.title")}>
          <thead>
            <tr>
              <Th>{t("playbooks.name")}</Th>
              <Th>{t("fields.type")}</Th>
              <Th>{t("playbooks.steps")}</Th>
              <Th>{t("playbooks.updated")}</Th>
            </tr>
          </thead>
          <tbody>
            {rows.map((p) => (
              <tr key={p.id}>
                <Td>
                  <Link href={`/crisis/playbooks/${p.id}`} className="font-medium text-blue-800 underline-offset-2 hover:underline">
                    {p.name}
                  </Link>
                  {p.description ? <span className="block text-xs text-slate-600">{p.description}</span> : null}
                </Td>
                <Td>{t(`types.${p.crisisType}`)}</Td>
                <Td className="tabular-nums">{p.steps}</Td>
                <Td className="whitespace-nowrap">{f.dateTime(p.updatedAt, { dateStyle: "medium" })}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      ) : (
        <EmptyState title={t("playbooks.empty")} body={t("playbooks.emptyBody")} />
      )}
    </>
  );
}
