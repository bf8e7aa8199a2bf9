import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { BackLink } from "@/components/crisis/back-link";
import { VersionStatusBadge } from "@/components/guidelines/status-badge";
import { LinkButton } from "@/components/ui/button";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { getDb } from "@/db";
import { listStatements } from "@/db/queries/statements";
import { requirePagePermission } from "@/lib/auth/session";
import { pageTitle } from "@/lib/i18n/page-title";

export const generateMetadata = () => pageTitle("crisis.statements.title");

export default async function StatementsPage() {
  await requirePagePermission("crisis:manage");
  const rows = await listStatements(await getDb());
  const t = await getTranslations("crisis");
  const tg = await getTranslations("guidelines");
  return (
    <>
      <BackLink href="/crisis" label={t("title")} />
      <PageHeader title={t("statements.title")} lead={t("statements.lead")} actions={<LinkButton href="/crisis/statements/new">{t("statements.new")}</LinkButton>} />
      {rows.length ? (
        <Table aria-label={t("statements.title")}>
          <thead>
            <tr>
              <Th>{t("statements.titleField")}</Th>
              <Th>{t("fields.type")}</Th>
              <Th>{t("statements.language")}</Th>
              <Th>{t("statements.state")}</Th>
            </tr>
          </thead>
          <tbody>
            {rows.map((s) => (
              <tr key={s.id}>
                <Td>
                  <Link href={`/guidelines/${s.id}`} className="font-medium text-blue-800 underline-offset-2 hover:underline">
                    {s.title}
                  </Link>
                </Td>
                <Td>{s.crisisType ? t(`types.${s.crisisType}`) : "–"}</Td>
                <Td>{s.language ? t(`advocates.languageNames.${s.language as "de"}`) : "–"}</Td>
                <Td>
                  <VersionStatusBadge status={s.latestStatus} label={s.latestStatus === "approved" ? t("statements.usable") : tg(`status.${s.latestStatus}`)} />
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      ) : (
        <EmptyState title={t("statements.empty")} body={t("statements.emptyBody")} />
      )}
    </>
  );
}
