import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/card";
import type { ChannelStatus } from "@/db/schema";
import type { ChannelGap } from "@/lib/channels/gaps";

const STATUS_TONE = { planned: "blue", active: "green", paused: "amber", retired: "slate" } as const;

export function ChannelStatusBadge({ status }: { status: ChannelStatus }) {
  const t = useTranslations("channels.statuses");
  return <Badge tone={STATUS_TONE[status]}>{t(status)}</Badge>;
}

export function GapBadges({ gaps }: { gaps: readonly ChannelGap[] }) {
  const t = useTranslations("channels.gaps");
  if (!gaps.length) return null;
  return (
    <ul className="flex flex-wrap gap-1">
      {gaps.map((g) => (
        <li key={g}>
          <Badge tone="red">{t(g)}</Badge>
        </li>
      ))}
    </ul>
  );
}
