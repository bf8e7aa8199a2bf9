/**
 * The trend arrow of a KPI describes the sparkline beside it, nothing else.
 *
 * The rule: the sparkline draws attainment (value against target, so up is better in both
 * directions — for "lower is better" a falling value draws a rising line) for each step of the
 * shown window and the one before it. The arrow is the direction of the least-squares line through
 * the drawn points: its rise from the first to the last drawn step, in attainment, decides —
 * at least +0.02 (2 % of the target) "improving" ↗, at most −0.02 "worsening" ↘, anything
 * between "flat" →. Steps without data are skipped (they are gaps in the line too); fewer than two
 * points give no trend.
 */
export type Trend = "improving" | "worsening" | "flat";

export const TREND_TOLERANCE = 0.02;

export function trendOfSeries(points: readonly (number | null)[], tolerance = TREND_TOLERANCE): Trend | null {
  const xs: number[] = [];
  const ys: number[] = [];
  points.forEach((p, i) => {
    if (p !== null && Number.isFinite(p)) {
      xs.push(i);
      ys.push(p);
    }
  });
  if (xs.length < 2) return null;
  const n = xs.length;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < n; i++) {
    sxy += (xs[i] - mx) * (ys[i] - my);
    sxx += (xs[i] - mx) ** 2;
  }
  const rise = (sxy / sxx) * (xs[n - 1] - xs[0]);
  if (Math.abs(rise) < tolerance) return "flat";
  return rise > 0 ? "improving" : "worsening";
}
