import { Badge } from "@/components/ui/card";
import type { VersionStatus } from "@/lib/guidelines/lifecycle";

const TONES: Record<VersionStatus, "slate" | "amber" | "blue" | "green"> = {
  draft: "slate",
  in_review: "amber",
  approved: "blue",
  published: "green",
  archived: "slate",
};

/** The status is always written out; the colour only repeats it. */
export function VersionStatusBadge({ status, label }: { status: VersionStatus; label: string }) {
  return <Badge tone={TONES[status]}>{label}</Badge>;
}
