import { getFormatter, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import type { FlowFigures, TriageFigures } from "@/db/queries/insights";

/**
 * How the departments handle what is routed to them and, in the company-wide view, what the
 * triage closed without a department (flowFigures carries those figures on its result).
 */
export async function FlowFiguresSection({ figures, days }: { figures: FlowFigures[] & { triage?: TriageFigures | null }; days: number }) {
  const t = await getTranslations("insights.flow");
  const format = await getFormatter();
  const hours = (v: number | null) => (v === null ? "—" : t("hours", { value: format.number(v, { maximumFractionDigits: 1 }) }));
  const rows = figures.filter((f) => f.received > 0 || f.open > 0);
  return (
    <Card aria-labelledby="flow-title">
      <h2 id="flow-title" className="font-medium">
        {t("title")}
      </h2>
      <p className="mb-3 text-sm text-slate-600">{t("lead", { days })}</p>
      {figures.triage ? (
        <div className="mb-4" data-testid="triage-figures">
          <h3 className="text-sm font-medium text-slate-800">{t("triageTitle")}</h3>
          <p className="text-xs text-slate-600">{t("triageLead", { days })}</p>
          <dl className="mt-2 flex flex-wrap gap-x-6 gap-y-2 text-sm">
            {(
              [
                ["waiting", figures.triage.waiting],
                ["noAction", figures.triage.noAction],
                ["spam", figures.triage.spam],
              ] as const
            ).map(([key, value]) => (
              <div key={key} className="flex items-baseline gap-2">
                <dt className="text-slate-600">{t(key)}</dt>
                <dd className="font-semibold tabular-nums text-slate-900">{format.number(value)}</dd>
              </div>
            ))}
          </dl>
        </div>
      ) : null}
      {rows.length === 0 ? (
        <p className="text-sm text-slate-600">{t("empty")}</p>
      ) : (
        // Below md one card per department (seven columns do not fit a phone): the same rows, `<Table cards="pairs">`.
        <Table cards="pairs">
          <thead>
            <tr>
              <Th>
                <span className="sr-only">{t("department")}</span>
              </Th>
              <Th className="text-right">{t("received")}</Th>
              <Th className="text-right">{t("open")}</Th>
              <Th className="text-right">{t("overdue")}</Th>
              <Th className="text-right">{t("medianAccept")}</Th>
              <Th className="text-right">{t("medianResolve")}</Th>
              <Th className="text-right">{t("sla")}</Th>
            </tr>
          </thead>
          <tbody>
            {rows.map((f) => (
              <tr key={f.departmentId}>
                <Th scope="row" className="bg-white">
                  {f.departmentName}
                </Th>
                <Td className="text-right tabular-nums" data-label={t("received")}>
                  {format.number(f.received)}
                </Td>
                <Td className="text-right tabular-nums" data-label={t("open")}>
                  {format.number(f.open)}
                </Td>
                <Td className={f.overdue ? "text-right font-semibold tabular-nums text-red-800" : "text-right tabular-nums"} data-label={t("overdue")}>
                  {format.number(f.overdue)}
                </Td>
                <Td className="text-right tabular-nums" data-label={t("medianAccept")}>
                  {hours(f.medianHoursToAccept)}
                </Td>
                <Td className="text-right tabular-nums" data-label={t("medianResolve")}>
                  {hours(f.medianHoursToResolve)}
                </Td>
                <Td className="text-right tabular-nums" data-label={t("sla")}>
                  {f.slaCompliance === null ? "—" : format.number(f.slaCompliance, { style: "percent" })}
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </Card>
  );
}
