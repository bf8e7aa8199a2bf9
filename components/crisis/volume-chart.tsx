"use client";

import { useFormatter, useTranslations } from "next-intl";
import { Bar, CartesianGrid, ComposedChart, Line, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export interface VolumePoint {
  hour: string;
  total: number;
  negative: number;
  negativeShare: number | null;
}

const TOTAL = "#94a3b8";
const NEGATIVE = "#b91c1c";

/**
 * Insights per hour (bars: all, red: negative) and the negative share (line, right axis), with the
 * crisis's start marked. A table below the chart says the same for screen readers.
 */
export function VolumeChart({ points, startedAt }: { points: VolumePoint[]; startedAt: string }) {
  const t = useTranslations("crisis.room");
  const f = useFormatter();
  const label = (iso: string) => f.dateTime(new Date(iso), { day: "2-digit", month: "2-digit", hour: "2-digit", minute: "2-digit" });
  const startHour = new Date(Math.floor(new Date(startedAt).getTime() / 3_600_000) * 3_600_000).toISOString();
  return (
    <div className="h-72 w-full" role="img" aria-label={t("chartLabel")}>
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={points} margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
          <CartesianGrid stroke="#e2e8f0" vertical={false} />
          <XAxis dataKey="hour" tickFormatter={label} minTickGap={40} tick={{ fontSize: 12, fill: "#334155" }} />
          <YAxis yAxisId="n" allowDecimals={false} tick={{ fontSize: 12, fill: "#334155" }} width={40} />
          <YAxis yAxisId="p" orientation="right" domain={[0, 100]} unit=" %" tick={{ fontSize: 12, fill: "#334155" }} width={48} />
          <Tooltip labelFormatter={(v) => label(String(v))} />
          <ReferenceLine x={startHour} yAxisId="n" stroke="#1e293b" strokeDasharray="4 3" label={{ value: t("start"), fontSize: 12, fill: "#1e293b", position: "insideTopLeft" }} />
          <Bar yAxisId="n" dataKey="total" name={t("volume")} fill={TOTAL} isAnimationActive={false} />
          <Bar yAxisId="n" dataKey="negative" name={t("negative")} fill={NEGATIVE} isAnimationActive={false} />
          <Line yAxisId="p" dataKey="negativeShare" name={t("negativeShare")} stroke="#1d4ed8" dot={false} strokeWidth={2} connectNulls={false} isAnimationActive={false} />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
