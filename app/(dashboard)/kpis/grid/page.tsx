import { getFormatter, getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { formatKpiValue } from "@/components/kpis/format";
import { MeasurementGrid } from "@/components/kpis/measurement-grid";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { Input, Label, Select } from "@/components/ui/input";
import { getDb } from "@/db";
import { listKpis, listProcesses } from "@/db/queries/kpis";
import { kpiSeries } from "@/db/queries/measurements";
import { requirePagePermission } from "@/lib/auth/session";
import { isDay, todayIn } from "@/lib/kpis/periods";
import { measurementScope } from "@/lib/kpis/scope";
import { intParam, param } from "@/lib/search-params";
import { pageTitle } from "@/lib/i18n/page-title";

type SP = Promise<Record<string, string | string[] | undefined>>;

export const generateMetadata = () => pageTitle("kpis.grid.title");

export default async function GridPage({ searchParams }: { searchParams: SP }) {
  const user = await requirePagePermission("measurements:write");
  const sp = await searchParams;
  const scope = measurementScope(user);
  const db = await getDb();
  const processes = scope.all ? await listProcesses(db) : scope.departmentId ? await listProcesses(db, { departmentId: scope.departmentId }) : [];
  const today = todayIn();
  const rawDay = param(sp, "date");
  const day = rawDay && isDay(rawDay) && rawDay <= today ? rawDay : today;
  const processId = intParam(sp, "process");
  const process = processes.find((p) => p.id === processId);
  const t = await getTranslations("kpis");
  const format = await getFormatter();
  // Derived KPIs take no entered values.
  const kpis = process ? (await listKpis(db, { processId: process.id, pageSize: 200 })).rows.filter((k) => !k.derived) : [];
  const rows = await Promise.all(
    kpis.map(async (k) => {
      const [current] = await kpiSeries(db, k, { until: day, today, periods: 1 });
      return { id: k.id, name: k.name, unitLabel: `${t(`units.${k.unit}`)} · ${t(`periods.${k.period}`)} · ${t(`aggregations.${k.aggregation}`)}`, current: formatKpiValue(format, k.unit, current.value) };
    }),
  );
  return (
    <>
      <PageHeader title={t("grid.title")} lead={t("grid.lead")} />
      <form method="get" className="mb-4 flex flex-wrap items-end gap-3">
        <div>
          <Label htmlFor="process">{t("grid.process")}</Label>
          <Select id="process" name="process" defaultValue={process?.id ?? ""} className="min-w-64">
            <option value="">—</option>
            {processes.map((p) => (
              <option key={p.id} value={p.id}>
                {p.departmentName} · {p.name}
              </option>
            ))}
          </Select>
        </div>
        <div>
          <Label htmlFor="date">{t("grid.date")}</Label>
          <Input id="date" type="date" name="date" defaultValue={day} max={today} />
        </div>
        <Button type="submit" variant="secondary">
          {t("grid.show")}
        </Button>
      </form>
      {!process ? (
        <EmptyState title={t("grid.pick")} />
      ) : rows.length === 0 ? (
        <EmptyState title={t("grid.empty")} />
      ) : (
        <MeasurementGrid key={`${process.id}-${day}`} processId={process.id} day={day} rows={rows} />
      )}
    </>
  );
}
