import { describe, expect, it } from "vitest";
import { checklistFrom, formatOffset, stepDueAt, stepState, toRow } from "./checklist";

const start = new Date("2026-10-25T00:30:00Z");

describe("checklist", () => {
  it("is due a fixed time after the start, also across the change from summer time", () => {
    // 25 Oct 2026 is the night clocks in Germany go back: the due time counts real minutes.
    expect(stepDueAt(start, 60).toISOString()).toBe("2026-10-25T01:30:00.000Z");
    expect(stepDueAt(start, 24 * 60).toISOString()).toBe("2026-10-26T00:30:00.000Z");
  });

  it("keeps the playbook's order and numbers the steps", () => {
    const steps = checklistFrom(
      [
        { title: "Holding statement", dueOffsetMinutes: 60, responsibleRole: "manager", responsibleDepartmentKind: null },
        { title: "Inform the board", dueOffsetMinutes: 30, responsibleRole: "executive", responsibleDepartmentKind: null },
      ],
      start,
    );
    expect(steps.map((s) => [s.position, s.title, s.dueAt.toISOString()])).toEqual([
      [1, "Holding statement", "2026-10-25T01:30:00.000Z"],
      [2, "Inform the board", "2026-10-25T01:00:00.000Z"],
    ]);
  });

  it("tells open, overdue, done and done late apart", () => {
    const dueAt = new Date("2026-10-25T01:30:00Z");
    expect(stepState({ dueAt, doneAt: null }, new Date("2026-10-25T01:30:00Z"))).toBe("open");
    expect(stepState({ dueAt, doneAt: null }, new Date("2026-10-25T01:30:01Z"))).toBe("overdue");
    expect(stepState({ dueAt, doneAt: new Date("2026-10-25T01:00:00Z") }, new Date("2026-10-26T00:00:00Z"))).toBe("done");
    expect(stepState({ dueAt, doneAt: new Date("2026-10-25T02:00:00Z") }, new Date("2026-10-25T02:00:00Z"))).toBe("done_late");
  });

  it("says offsets as people do", () => {
    expect(formatOffset(0)).toBe("0 min");
    expect(formatOffset(45)).toBe("45 min");
    expect(formatOffset(120)).toBe("2 h");
    expect(formatOffset(1800)).toBe("1 d 6 h");
  });

  it("shows a step's offset in the editor in the largest whole unit", () => {
    const row = (m: number) => toRow({ title: "x", dueOffsetMinutes: m, responsibleRole: null, responsibleDepartmentKind: null });
    expect([row(2880), row(120), row(90), row(0)].map((r) => `${r.due} ${r.unit}`)).toEqual(["2 d", "2 h", "90 min", "0 h"]);
  });
});
