import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { formatDay, formatKpiValue, formatPeriod } from "@/components/kpis/format";
import { StatusBadge } from "@/components/kpis/status-badge";
import { Badge, EmptyState } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import type { AlertDto } from "@/db/queries/alerts";
import { AcknowledgeForm } from "./acknowledge-form";

/** Alerts as a table; the acknowledge form appears where the viewer may use it. */
export async function AlertList({ rows, canAcknowledge, showKpi = true }: { rows: AlertDto[]; canAcknowledge: (a: AlertDto) => boolean; showKpi?: boolean }) {
  const t = await getTranslations("alerts");
  const tp = await getTranslations("kpis.periodOf");
  const format = await getFormatter();
  const when = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" });
  if (rows.length === 0) return <EmptyState title={t("empty")} body={t("emptyHint")} />;
  return (
    <Table>
      <thead>
        <tr>
          <Th>{t("columns.opened")}</Th>
          {showKpi ? <Th>{t("columns.kpi")}</Th> : null}
          <Th>{t("columns.severity")}</Th>
          <Th>{t("columns.value")}</Th>
          <Th>{t("columns.status")}</Th>
          <Th>{t("columns.handling")}</Th>
        </tr>
      </thead>
      <tbody>
        {rows.map((a) => (
          <tr key={a.id} data-testid={`alert-${a.id}`}>
            <Td>
              {/* "Since" comes from the data: the first period that crossed the threshold. */}
              {a.since ? formatDay(format, a.since) : when(a.openedAt)}
              {a.since ? <div className="text-xs text-slate-600">{t("detected", { when: when(a.openedAt) })}</div> : null}
              {a.escalatedAt ? <div className="text-xs text-slate-600">{t("escalated", { when: when(a.escalatedAt) })}</div> : null}
            </Td>
            {showKpi ? (
              <Td>
                {a.kpiId ? (
                  <Link href={`/kpis/${a.kpiId}`} className="font-medium text-blue-800 underline-offset-2 hover:underline">
                    {a.kpiName}
                  </Link>
                ) : (
                  <>
                    <span className="font-medium">{t(`kinds.${a.kind}`)}</span>
                    {a.kind === "crisis" && a.value !== null ? (
                      <div className="text-sm">{t("crisisDetail", { count: a.value })}</div>
                    ) : null}
                  </>
                )}
                <div className="text-xs text-slate-600">{a.departmentName}</div>
              </Td>
            ) : null}
            <Td>
              <StatusBadge status={a.severity} />
            </Td>
            <Td className="tabular-nums">
              {formatKpiValue(format, a.kpiUnit, a.value)} / {formatKpiValue(format, a.kpiUnit, a.target)}
              {a.periodStart && a.kpiPeriod ? <div className="text-xs text-slate-600">{formatPeriod(format, tp, a.periodStart, a.kpiPeriod)}</div> : null}
            </Td>
            <Td>
              <Badge tone={a.status === "open" ? "red" : a.status === "acknowledged" ? "amber" : "green"}>{t(`statuses.${a.status}`)}</Badge>
              {a.resolvedAt ? <div className="text-xs text-slate-600">{t("resolvedAt", { when: when(a.resolvedAt) })}</div> : null}
            </Td>
            <Td className="max-w-sm">
              {a.acknowledgedAt ? (
                <div className="text-sm">
                  <span className="text-slate-600">{t("acknowledgedBy", { name: a.acknowledgedByName ?? "—" })}:</span> {a.acknowledgeComment}
                </div>
              ) : null}
              {a.status === "open" && canAcknowledge(a) ? <AcknowledgeForm id={a.id} kpiName={a.kpiName ?? t(`kinds.${a.kind}`)} /> : null}
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
