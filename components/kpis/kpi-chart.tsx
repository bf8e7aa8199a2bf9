"use client";

import { useFormatter, useTranslations } from "next-intl";
import { CartesianGrid, Line, LineChart, ReferenceArea, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatKpiValue } from "./format";
import type { KpiDto } from "@/db/queries/kpis";

export interface ChartPoint {
  label: string;
  value: number | null;
  target: number;
}

/** Actual values per period against the target line, with the warning (amber) and critical (red) bands. */
export function KpiChart({ kpi, points }: { kpi: Pick<KpiDto, "unit" | "direction" | "warningThreshold" | "criticalThreshold" | "target">; points: ChartPoint[] }) {
  const t = useTranslations("kpis.detail");
  const format = useFormatter();
  const values = points.flatMap((p) => (p.value === null ? [p.target] : [p.value, p.target]));
  const lo = Math.min(...values, kpi.criticalThreshold, kpi.warningThreshold);
  const hi = Math.max(...values, kpi.criticalThreshold, kpi.warningThreshold);
  const pad = (hi - lo) * 0.1 || Math.abs(hi) * 0.1 || 1;
  const min = Math.max(lo >= 0 ? 0 : -Infinity, lo - pad);
  const max = hi + pad;
  const higher = kpi.direction === "higher_is_better";
  const fmt = (v: number) => formatKpiValue(format, kpi.unit, v);
  return (
    <figure role="img" aria-label={t("chartLabel")} className="h-72 w-full">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={points} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
          <CartesianGrid stroke="#e2e8f0" />
          {higher ? (
            <>
              <ReferenceArea y1={min} y2={kpi.criticalThreshold} fill="#fecaca" fillOpacity={0.6} ifOverflow="hidden" />
              <ReferenceArea y1={kpi.criticalThreshold} y2={kpi.warningThreshold} fill="#fde68a" fillOpacity={0.6} ifOverflow="hidden" />
            </>
          ) : (
            <>
              <ReferenceArea y1={kpi.warningThreshold} y2={kpi.criticalThreshold} fill="#fde68a" fillOpacity={0.6} ifOverflow="hidden" />
              <ReferenceArea y1={kpi.criticalThreshold} y2={max} fill="#fecaca" fillOpacity={0.6} ifOverflow="hidden" />
            </>
          )}
          <XAxis dataKey="label" tick={{ fontSize: 12 }} />
          <YAxis domain={[min, max]} tickFormatter={fmt} tick={{ fontSize: 12 }} width={80} />
          <Tooltip formatter={(v) => (typeof v === "number" ? fmt(v) : String(v))} />
          <Line type="stepAfter" dataKey="target" name={t("target")} stroke="#475569" strokeDasharray="5 4" dot={false} isAnimationActive={false} />
          <Line type="monotone" dataKey="value" name={t("actual")} stroke="#1d4ed8" strokeWidth={2} connectNulls={false} isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </figure>
  );
}
