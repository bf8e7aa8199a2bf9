import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/card";
import type { Status } from "@/lib/kpis/thresholds";

const TONE = { on_target: "green", warning: "amber", critical: "red", no_data: "slate" } as const;
const DOT = { on_target: "●", warning: "▲", critical: "■", no_data: "○" } as const;

/** Red/amber/green with a shape as well as a colour, so the status does not rely on colour alone. */
export function StatusBadge({ status }: { status: Status }) {
  const t = useTranslations("kpis.status");
  return (
    <Badge tone={TONE[status]} data-status={status}>
      <span aria-hidden="true" className="mr-1">
        {DOT[status]}
      </span>
      {t(status)}
    </Badge>
  );
}
