import { getFormatter, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import type { FlowFigures } from "@/db/queries/insights";

export async function FlowFiguresSection({ figures, days }: { figures: FlowFigures[]; days: number }) {
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
      {rows.length === 0 ? (
        <p className="text-sm text-slate-600">{t("empty")}</p>
      ) : (
        <Table>
          <thead>
            <tr>
              <Th />
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
                <Td className="text-right tabular-nums">{format.number(f.received)}</Td>
                <Td className="text-right tabular-nums">{format.number(f.open)}</Td>
                <Td className={f.overdue ? "text-right font-semibold tabular-nums text-red-800" : "text-right tabular-nums"}>{format.number(f.overdue)}</Td>
                <Td className="text-right tabular-nums">{hours(f.medianHoursToAccept)}</Td>
                <Td className="text-right tabular-nums">{hours(f.medianHoursToResolve)}</Td>
                <Td className="text-right tabular-nums">{f.slaCompliance === null ? "—" : format.number(f.slaCompliance, { style: "percent" })}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </Card>
  );
}
