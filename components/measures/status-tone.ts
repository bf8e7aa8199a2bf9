import type { MeasureStatus } from "@/lib/enums";
import type { Verdict } from "@/lib/measures/economics";

/** Badge colours of a measure's status and verdict, the same on the list and the measure's page. */
export const STATUS_TONE: Record<MeasureStatus, "slate" | "blue" | "green" | "amber"> = { planned: "slate", running: "blue", completed: "green", stopped: "amber" };
export const VERDICT_TONE: Record<Verdict, "green" | "red" | "slate"> = { holds: "green", does_not_hold: "red", open: "slate" };
