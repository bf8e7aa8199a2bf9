import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/card";
import type { Status } from "@/lib/kpis/thresholds";

const TONE = { on_target: "green", within_tolerance: "yellow", warning: "amber", critical: "red", no_data: "slate" } as const;
const DOT = { on_target: "●", within_tolerance: "◐", warning: "▲", critical: "■", no_data: "○" } as const;

/**
 * A status with a shape as well as a colour, so it does not rely on colour alone. `prefix` says
 * what the status is of (e.g. "Quartal" or "Warnung"), where a row shows more than one.
 */
export function StatusBadge({ status, prefix, wrap = false }: { status: Status; prefix?: string; wrap?: boolean }) {
  const t = useTranslations("kpis.status");
  // `wrap` for narrow fixed columns: the badge breaks into lines instead of spilling into the next cell.
  return (
    <Badge tone={TONE[status]} data-status={status} className={wrap ? "items-start whitespace-normal" : "whitespace-nowrap"}>
      <span aria-hidden="true" className="mr-1">
        {DOT[status]}
      </span>
      {prefix ? `${prefix}: ` : null}
      {t(status)}
    </Badge>
  );
}
