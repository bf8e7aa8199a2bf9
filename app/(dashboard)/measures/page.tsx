import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { STATUS_TONE } from "@/components/measures/status-tone";
import { Button, LinkButton } from "@/components/ui/button";
import { Badge, Card, EmptyState, PageHeader } from "@/components/ui/card";
import { Label, Select } from "@/components/ui/input";
import { Notice } from "@/components/ui/notice";
import { Pagination } from "@/components/ui/pagination";
import { Table, Td, Th } from "@/components/ui/table";
import { getDb } from "@/db";
import { listDepartments } from "@/db/queries/departments";
import { listMeasures, portfolio } from "@/db/queries/measures";
import { requirePagePermission } from "@/lib/auth/session";
import { MEASURE_STATUSES } from "@/lib/enums";
import { pageTitle } from "@/lib/i18n/page-title";
import { todayIn } from "@/lib/kpis/periods";
import { measureReadScope } from "@/lib/measures/access";
import { can } from "@/lib/permissions";
import { enumParam, pageParam } from "@/lib/search-params";

type SP = Promise<Record<string, string | string[] | undefined>>;

export const generateMetadata = () => pageTitle("measures.title");

/**
 * The measures the reader may see (the central unit and executives all, a head their
 * department's), the portfolio per department with spend and verdicts, and the list to drill into.
 */
export default async function MeasuresPage({ searchParams }: { searchParams: SP }) {
  const user = await requirePagePermission("measures:read");
  const sp = await searchParams;
  const db = await getDb();
  const scope = measureReadScope(user);
  const departments = scope.all ? await listDepartments(db) : [];
  const departmentId = scope.all && typeof sp.department === "string" && /^\d{1,9}$/.test(sp.department) ? Number(sp.department) : undefined;
  const status = enumParam(sp, "status", MEASURE_STATUSES);
  const today = todayIn();
  const [{ rows, total, page, pageSize }, folio, t, format] = await Promise.all([
    listMeasures(db, { scope, departmentId, status, page: pageParam(sp) }),
    portfolio(db, scope, today),
    getTranslations("measures"),
    getFormatter(),
  ]);
  const eur = (cents: number) => format.number(cents / 100, { style: "currency", currency: "EUR" });
  const day = (d: string) => format.dateTime(new Date(`${d}T12:00:00Z`), { dateStyle: "medium", timeZone: "UTC" });
  const sum = folio.reduce(
    (a, r) => ({
      measures: a.measures + r.measures,
      plannedCents: a.plannedCents + r.plannedCents,
      actualCents: a.actualCents + r.actualCents,
      holds: a.holds + r.verdicts.holds,
      notHold: a.notHold + r.verdicts.does_not_hold,
      open: a.open + r.verdicts.open,
    }),
    { measures: 0, plannedCents: 0, actualCents: 0, holds: 0, notHold: 0, open: 0 },
  );
  return (
    <>
      <PageHeader
        title={t("title")}
        lead={t("lead")}
        actions={can(user.role, "measures:write") ? <LinkButton href="/measures/new">{t("new")}</LinkButton> : undefined}
      />
      {sp.deleted ? (
        <Notice tone="success" className="mb-4">
          {t("deleted")}
        </Notice>
      ) : null}
      {folio.length ? (
        <Card className="mb-6" aria-labelledby="portfolio-title">
          <h2 id="portfolio-title" className="font-medium">
            {t("portfolio.title")}
          </h2>
          <p className="mb-3 text-sm text-slate-600">{t("portfolio.lead")}</p>
          <Table scrollLabel={t("portfolio.caption")}>
            <caption className="sr-only">{t("portfolio.caption")}</caption>
            <thead>
              <tr>
                <Th>{t("portfolio.department")}</Th>
                <Th className="text-right">{t("portfolio.count")}</Th>
                <Th className="text-right">{t("portfolio.planned")}</Th>
                <Th className="text-right">{t("portfolio.actual")}</Th>
                <Th>{t("portfolio.verdicts")}</Th>
              </tr>
            </thead>
            <tbody>
              {folio.map((r) => (
                <tr key={r.departmentId}>
                  <Td>{r.departmentName}</Td>
                  <Td className="text-right tabular-nums">{r.measures}</Td>
                  <Td className="text-right tabular-nums whitespace-nowrap">{eur(r.plannedCents)}</Td>
                  <Td className="text-right tabular-nums whitespace-nowrap">{eur(r.actualCents)}</Td>
                  <Td>{t("portfolio.verdictCounts", { holds: r.verdicts.holds, notHold: r.verdicts.does_not_hold, open: r.verdicts.open })}</Td>
                </tr>
              ))}
              {scope.all && folio.length > 1 ? (
                <tr className="font-medium">
                  <Td>{t("portfolio.company")}</Td>
                  <Td className="text-right tabular-nums">{sum.measures}</Td>
                  <Td className="text-right tabular-nums whitespace-nowrap">{eur(sum.plannedCents)}</Td>
                  <Td className="text-right tabular-nums whitespace-nowrap">{eur(sum.actualCents)}</Td>
                  <Td>{t("portfolio.verdictCounts", { holds: sum.holds, notHold: sum.notHold, open: sum.open })}</Td>
                </tr>
              ) : null}
            </tbody>
          </Table>
        </Card>
      ) : null}
      <form method="get" className="mb-4 flex flex-wrap items-end gap-3" aria-label={t("filter")}>
        {scope.all ? (
          <div>
            <Label htmlFor="f-department">{t("fields.department")}</Label>
            <Select id="f-department" name="department" defaultValue={departmentId ? String(departmentId) : ""}>
              <option value="">{t("all")}</option>
              {departments.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.name}
                </option>
              ))}
            </Select>
          </div>
        ) : null}
        <div>
          <Label htmlFor="f-status">{t("fields.status")}</Label>
          <Select id="f-status" name="status" defaultValue={status ?? ""}>
            <option value="">{t("all")}</option>
            {MEASURE_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`statuses.${s}`)}
              </option>
            ))}
          </Select>
        </div>
        <Button type="submit" variant="secondary">
          {t("apply")}
        </Button>
      </form>
      {rows.length ? (
        <Table scrollLabel={t("caption")}>
          <caption className="sr-only">{t("caption")}</caption>
          <thead>
            <tr>
              <Th>{t("fields.title")}</Th>
              <Th>{t("fields.process")}</Th>
              <Th>{t("fields.period")}</Th>
              <Th>{t("fields.status")}</Th>
              <Th className="text-right">{t("fields.planned")}</Th>
              <Th className="text-right">{t("fields.actual")}</Th>
            </tr>
          </thead>
          <tbody>
            {rows.map((m) => (
              <tr key={m.id}>
                <Td className="min-w-48">
                  <Link href={`/measures/${m.id}`} className="font-medium text-blue-800 underline-offset-2 hover:underline">
                    {m.title}
                  </Link>
                </Td>
                <Td className="min-w-40">
                  {m.departmentName}: {m.processName}
                </Td>
                <Td className="whitespace-nowrap">
                  {day(m.startsOn)} – {m.endsOn ? day(m.endsOn) : "…"}
                </Td>
                <Td>
                  <Badge tone={STATUS_TONE[m.status]}>{t(`statuses.${m.status}`)}</Badge>
                </Td>
                <Td className="text-right tabular-nums whitespace-nowrap">{eur(m.plannedCents)}</Td>
                <Td className="text-right tabular-nums whitespace-nowrap">{eur(m.actualCents)}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      ) : (
        <EmptyState title={status || departmentId ? t("emptyFiltered") : t("empty")} body={status || departmentId ? undefined : t("emptyBody")} />
      )}
      <Pagination page={page} pageSize={pageSize} total={total} basePath="/measures" params={{ department: departmentId ? String(departmentId) : undefined, status }} />
    </>
  );
}
