/**
 * A playbook's steps become a crisis's checklist: each step is due a fixed time after the crisis
 * started ("within 1 h: holding statement on all affected channels").
 */
export const MAX_DUE_OFFSET_MINUTES = 30 * 24 * 60;

export function stepDueAt(startedAt: Date, dueOffsetMinutes: number): Date {
  return new Date(startedAt.getTime() + dueOffsetMinutes * 60_000);
}

export type StepState = "open" | "overdue" | "done" | "done_late";

export function stepState(step: { dueAt: Date; doneAt: Date | null }, now: Date): StepState {
  if (step.doneAt) return step.doneAt > step.dueAt ? "done_late" : "done";
  return now > step.dueAt ? "overdue" : "open";
}

/** An offset as people say it: "45 min", "2 h", "1 d 6 h". */
export function offsetParts(minutes: number): { days: number; hours: number; minutes: number } {
  const m = Math.max(0, Math.round(minutes));
  return { days: Math.floor(m / 1440), hours: Math.floor((m % 1440) / 60), minutes: m % 60 };
}

export function formatOffset(minutes: number): string {
  const p = offsetParts(minutes);
  const parts = [];
  if (p.days) parts.push(`${p.days} d`);
  if (p.hours) parts.push(`${p.hours} h`);
  if (p.minutes || parts.length === 0) parts.push(`${p.minutes} min`);
  return parts.join(" ");
}

export interface PlaybookStepDef {
  title: string;
  dueOffsetMinutes: number;
  responsibleRole: string | null;
  responsibleDepartmentKind: string | null;
}

/** The checklist a crisis gets from its playbook: in the playbook's order, each with its due time. */
export function checklistFrom<T extends PlaybookStepDef>(steps: readonly T[], startedAt: Date): (T & { position: number; dueAt: Date })[] {
  return steps.map((s, i) => ({ ...s, position: i + 1, dueAt: stepDueAt(startedAt, s.dueOffsetMinutes) }));
}

/** A playbook step as its editor holds it (components/crisis/playbook-form.tsx). */
export interface PlaybookStepRow {
  title: string;
  due: string;
  unit: "min" | "h" | "d";
  role: string;
  department: string;
}

/** An offset in minutes as the editor shows it: whole days, else whole hours, else minutes. */
export function toRow(s: { title: string; dueOffsetMinutes: number; responsibleRole: string | null; responsibleDepartmentKind: string | null }): PlaybookStepRow {
  const m = s.dueOffsetMinutes;
  const [due, unit] = m > 0 && m % 1440 === 0 ? [m / 1440, "d" as const] : m % 60 === 0 ? [m / 60, "h" as const] : [m, "min" as const];
  return { title: s.title, due: String(due), unit, role: s.responsibleRole ?? "", department: s.responsibleDepartmentKind ?? "" };
}
