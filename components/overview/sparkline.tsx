/** A tiny inline chart of attainment (1 = on target, dashed); gaps where a step had no data. */
export function Sparkline({ points, label }: { points: (number | null)[]; label: string }) {
  const w = 96;
  const h = 28;
  const values = points.filter((p): p is number => p !== null);
  if (values.length === 0) return <span className="text-xs text-slate-500">—</span>;
  const lo = Math.min(0.5, ...values);
  const hi = Math.max(1.5, ...values);
  const x = (i: number) => (points.length === 1 ? w / 2 : (i / (points.length - 1)) * (w - 4) + 2);
  const y = (v: number) => h - 2 - ((v - lo) / (hi - lo)) * (h - 4);
  const segments: string[] = [];
  let current = "";
  points.forEach((p, i) => {
    if (p === null) {
      if (current) segments.push(current);
      current = "";
    } else current += `${current ? " L" : "M"}${x(i).toFixed(1)},${y(p).toFixed(1)}`;
  });
  if (current) segments.push(current);
  const lastIndex = points.length - 1 - [...points].reverse().findIndex((p) => p !== null);
  return (
    <svg width={w} height={h} viewBox={`0 0 ${w} ${h}`} role="img" aria-label={label} className="overflow-visible">
      <line x1={0} x2={w} y1={y(1)} y2={y(1)} stroke="#64748b" strokeDasharray="3 3" strokeWidth={1} />
      {segments.map((d) => (
        <path key={d} d={d} fill="none" stroke="#1d4ed8" strokeWidth={1.5} />
      ))}
      <circle cx={x(lastIndex)} cy={y(points[lastIndex]!)} r={2.5} fill="#1d4ed8" />
    </svg>
  );
}
