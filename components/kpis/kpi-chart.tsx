"use client";

import { useFormatter, useTranslations } from "next-intl";
import { CartesianGrid, Line, LineChart, ReferenceArea, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { KpiDto } from "@/db/queries/kpis";
import { niceScale } from "@/lib/kpis/chart-window";
import { formatKpiValue } from "./format";

export interface ChartPoint {
  label: string;
  value: number | null;
  target: number;
}

const ACTUAL = "#1d4ed8";
const TARGET = "#475569";
const WARNING_BAND = "#fde68a";
const CRITICAL_BAND = "#fecaca";

type Kpi = Pick<KpiDto, "unit" | "direction" | "warningThreshold" | "criticalThreshold" | "target">;

interface TooltipProps {
  active?: boolean;
  label?: string | number;
  payload?: readonly { payload?: ChartPoint }[];
}

/** One period under the pointer, as a reader says it: "Ist: 3,5 h", "Ziel: 2 h". */
function PeriodTooltip({ active, label, payload, fmt }: TooltipProps & { fmt: (v: number | null) => string }) {
  const t = useTranslations("kpis.detail");
  const point = payload?.[0]?.payload;
  if (!active || !point) return null;
  return (
    <div className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-md" data-testid="kpi-chart-tooltip">
      <p className="font-medium text-slate-900">{label}</p>
      <p className="text-slate-800">
        {t("actual")}: <span className="tabular-nums">{fmt(point.value)}</span>
      </p>
      <p className="text-slate-600">
        {t("targetShort")}: <span className="tabular-nums">{fmt(point.target)}</span>
      </p>
    </div>
  );
}

function Swatch({ kind, color }: { kind: "line" | "dashed" | "band"; color: string }) {
  if (kind === "band") return <span aria-hidden="true" className="inline-block h-3 w-5 rounded-sm border border-slate-300" style={{ backgroundColor: color }} />;
  return (
    <svg aria-hidden="true" width="20" height="10" className="inline-block">
      <line x1="0" x2="20" y1="5" y2="5" stroke={color} strokeWidth={kind === "line" ? 2.5 : 1.5} strokeDasharray={kind === "dashed" ? "5 3" : undefined} />
    </svg>
  );
}

/**
 * Actual values per period against the target line, with the warning (amber) and critical (red)
 * bands. Values are joined by straight lines: a curve would invent values between periods.
 */
export function KpiChart({ kpi, points, marker, label }: { kpi: Kpi; points: ChartPoint[]; marker?: { at: string; text: string }; label?: string }) {
  const t = useTranslations("kpis.detail");
  const format = useFormatter();
  const fmt = (v: number | null) => formatKpiValue(format, kpi.unit, v);
  const values = points.flatMap((p) => (p.value === null ? [p.target] : [p.value, p.target]));
  const lo = Math.min(...values, kpi.criticalThreshold, kpi.warningThreshold);
  const hi = Math.max(...values, kpi.criticalThreshold, kpi.warningThreshold);
  // Round ticks on round bounds; never below zero for values that cannot be negative.
  const scale = niceScale(lo >= 0 ? Math.max(0, lo - (hi - lo) * 0.05) : lo, hi + (hi - lo) * 0.05, 6);
  const higher = kpi.direction === "higher_is_better";
  const side = higher ? "below" : "above";
  return (
    <figure className="w-full">
      <div role="img" aria-label={label ?? t("chartLabel")} className="h-72 w-full" data-testid="kpi-chart">
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={points} margin={{ top: 8, right: 16, bottom: 8, left: 8 }} accessibilityLayer={false}>
            <CartesianGrid stroke="#e2e8f0" />
            {higher ? (
              <>
                <ReferenceArea y1={scale.min} y2={kpi.criticalThreshold} fill={CRITICAL_BAND} fillOpacity={0.6} ifOverflow="hidden" />
                <ReferenceArea y1={kpi.criticalThreshold} y2={kpi.warningThreshold} fill={WARNING_BAND} fillOpacity={0.6} ifOverflow="hidden" />
              </>
            ) : (
              <>
                <ReferenceArea y1={kpi.warningThreshold} y2={kpi.criticalThreshold} fill={WARNING_BAND} fillOpacity={0.6} ifOverflow="hidden" />
                <ReferenceArea y1={kpi.criticalThreshold} y2={scale.max} fill={CRITICAL_BAND} fillOpacity={0.6} ifOverflow="hidden" />
              </>
            )}
            <XAxis dataKey="label" tick={{ fontSize: 12, fill: "#334155" }} interval="preserveStartEnd" minTickGap={12} />
            <YAxis domain={[scale.min, scale.max]} ticks={scale.ticks} tickFormatter={(v: number) => fmt(v)} tick={{ fontSize: 12, fill: "#334155" }} width={72} allowDataOverflow />
            {/* A moment on the time axis, e.g. where a measure began. */}
            {marker ? <ReferenceLine x={marker.at} stroke="#0f172a" strokeDasharray="2 3" label={{ value: marker.text, position: "insideTopLeft", fontSize: 12, fill: "#0f172a" }} /> : null}
            <Tooltip content={<PeriodTooltip fmt={fmt} />} isAnimationActive={false} />
            <Line type="linear" dataKey="target" name={t("targetShort")} stroke={TARGET} strokeDasharray="5 4" dot={false} isAnimationActive={false} />
            <Line
              type="linear"
              dataKey="value"
              name={t("actual")}
              stroke={ACTUAL}
              strokeWidth={2}
              dot={{ r: 3, fill: ACTUAL }}
              connectNulls={false}
              isAnimationActive={false}
            />
          </LineChart>
        </ResponsiveContainer>
      </div>
      <figcaption>
        <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-700" aria-label={t("legend")} data-testid="kpi-chart-legend">
          <li className="flex items-center gap-1.5">
            <Swatch kind="line" color={ACTUAL} /> {t("actual")}
          </li>
          <li className="flex items-center gap-1.5">
            <Swatch kind="dashed" color={TARGET} /> {t("legendTarget", { value: fmt(kpi.target) })}
          </li>
          <li className="flex items-center gap-1.5">
            <Swatch kind="band" color={WARNING_BAND} /> {t(`legendWarning.${side}`, { value: fmt(kpi.warningThreshold) })}
          </li>
          <li className="flex items-center gap-1.5">
            <Swatch kind="band" color={CRITICAL_BAND} /> {t(`legendCritical.${side}`, { value: fmt(kpi.criticalThreshold) })}
          </li>
        </ul>
      </figcaption>
    </figure>
  );
}
