import Link from "next/link";
import { forbidden } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { Badge, EmptyState, PageHeader } from "@/components/ui/card";
import { LinkButton } from "@/components/ui/button";
import { Pagination } from "@/components/ui/pagination";
import { Table, Td, Th } from "@/components/ui/table";
import { getDb } from "@/db";
import { type CrisisListRow, crisisScopeOf, listCrises } from "@/db/queries/crises";
import { requirePagePermission } from "@/lib/auth/session";
import { pageTitle } from "@/lib/i18n/page-title";
import { can } from "@/lib/permissions";
import { pageParam } from "@/lib/search-params";

type SP = Promise<Record<string, string | string[] | undefined>>;

export const generateMetadata = () => pageTitle("crisis.title");

const STATUS_TONE = { draft: "amber", active: "red", closed: "slate", dismissed: "slate" } as const;

export default async function CrisesPage({ searchParams }: { searchParams: SP }) {
  const user = await requirePagePermission("crisis:read");
  const db = await getDb();
  const scope = await crisisScopeOf(db, user);
  if (!scope) forbidden();
  const sp = await searchParams;
  const { open, past, pastTotal, page, pageSize } = await listCrises(db, scope, pageParam(sp));
  const t = await getTranslations("crisis");
  const f = await getFormatter();
  const manage = can(user.role, "crisis:manage");

  const table = (rows: CrisisListRow[], label: string) => (
    <Table aria-label={label}>
      <thead>
        <tr>
          <Th>{t("columns.title")}</Th>
          <Th>{t("columns.status")}</Th>
          <Th>{t("columns.severity")}</Th>
          <Th>{t("columns.started")}</Th>
          <Th>{t("columns.lead")}</Th>
          <Th>{t("columns.checklist")}</Th>
        </tr>
      </thead>
      <tbody>
        {rows.map((c) => (
          <tr key={c.id}>
            <Td>
              <Link href={`/crisis/${c.id}`} className="font-medium text-blue-800 underline-offset-2 hover:underline">
                {c.title}
              </Link>
              {c.crisisType ? <span className="block text-xs text-slate-600">{t(`types.${c.crisisType}`)}</span> : null}
            </Td>
            <Td>
              <Badge tone={STATUS_TONE[c.status]}>{t(`statuses.${c.status}`)}</Badge>
            </Td>
            <Td>{t(`severities.${c.severity}`)}</Td>
            <Td className="whitespace-nowrap">{f.dateTime(c.startedAt, { dateStyle: "medium", timeStyle: "short" })}</Td>
            <Td>{c.leadName ?? "–"}</Td>
            <Td className="tabular-nums">{c.stepsTotal ? t("stepsDone", { done: c.stepsDone, total: c.stepsTotal }) : "–"}</Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );

  return (
    <>
      <PageHeader
        title={t("title")}
        lead={t("lead")}
        actions={
          manage ? (
            <>
              <LinkButton href="/crisis/playbooks" variant="secondary">
                {t("playbooks.title")}
              </LinkButton>
              <LinkButton href="/crisis/advocates" variant="secondary">
                {t("advocates.title")}
              </LinkButton>
              <LinkButton href="/crisis/statements" variant="secondary">
                {t("statements.title")}
              </LinkButton>
              <LinkButton href="/crisis/new">{t("declare.action")}</LinkButton>
            </>
          ) : null
        }
      />
      <section aria-labelledby="open-crises" className="mb-8">
        <h2 id="open-crises" className="mb-3 text-lg font-semibold text-slate-900">
          {t("open")}
        </h2>
        {open.length ? table(open, t("open")) : <EmptyState title={t("emptyOpen")} body={t("emptyOpenBody")} />}
      </section>
      <section aria-labelledby="past-crises">
        <h2 id="past-crises" className="mb-3 text-lg font-semibold text-slate-900">
          {t("past")}
        </h2>
        {past.length ? table(past, t("past")) : <EmptyState title={t("emptyPast")} />}
        <Pagination page={page} pageSize={pageSize} total={pastTotal} basePath="/crisis" params={{}} />
      </section>
    </>
  );
}
