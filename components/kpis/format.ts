import type { createFormatter } from "next-intl";
import type { KpiDto } from "@/db/queries/kpis";

type NumberFormatter = Pick<ReturnType<typeof createFormatter>, "number">;

/** A KPI value in its unit, for server and client components alike (both formatters share this API). */
export function formatKpiValue(format: NumberFormatter, unit: KpiDto["unit"] | null, value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "—";
  switch (unit) {
    case "eur":
      return format.number(value, { style: "currency", currency: "EUR", maximumFractionDigits: Math.abs(value) < 100 ? 2 : 0 });
    case "percent":
      return `${format.number(value, { maximumFractionDigits: 1 })} %`;
    case "hours":
      return `${format.number(value, { maximumFractionDigits: 1 })} h`;
    case "score":
      return format.number(value, { maximumFractionDigits: 2 });
    default:
      return format.number(value, { maximumFractionDigits: Math.abs(value) < 10 ? 1 : 0 });
  }
}
