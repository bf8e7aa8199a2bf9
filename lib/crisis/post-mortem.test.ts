import { describe, expect, it } from "vitest";
import { formatMinutes, mdText, postMortem, postMortemMarkdown } from "./post-mortem";

const startedAt = new Date("2026-03-29T00:30:00Z"); // the night German clocks go forward
const closedAt = new Date("2026-03-31T06:30:00Z");
const at = (min: number) => new Date(startedAt.getTime() + min * 60_000);
const hour = (iso: string, total: number, negative: number) => ({ hour: new Date(iso).toISOString(), total, negative });

const input = {
  startedAt,
  closedAt,
  events: [
    { at: at(-5), kind: "drafted", actorId: null },
    { at: at(42), kind: "confirmed", actorId: 3 },
    { at: at(50), kind: "step_done", actorId: 3 },
  ],
  steps: [
    { position: 2, title: "Holding statement", dueAt: at(60), doneAt: at(95) },
    { position: 1, title: "Lage bewerten", dueAt: at(30), doneAt: at(50) },
    { position: 3, title: "Rückruf prüfen", dueAt: at(240), doneAt: null },
    { position: 4, title: "Pünktlich", dueAt: at(300), doneAt: at(120) },
  ],
  // The hour before the start is lead-in and does not count.
  hours: [hour("2026-03-28T23:00Z", 50, 50), hour("2026-03-29T00:00Z", 4, 3), hour("2026-03-29T01:00Z", 9, 8), hour("2026-03-29T02:00Z", 2, 0)],
};

describe("the post-mortem", () => {
  it("measures duration and first response from the start, in real minutes", () => {
    const pm = postMortem(input);
    expect(pm.durationMinutes).toBe(2 * 1440 + 360);
    expect(pm.firstResponseMinutes).toBe(42);
    expect(pm.firstStatementMinutes).toBeNull();
    expect(postMortem({ ...input, statementsUsedAt: [at(200), at(75)] }).firstStatementMinutes).toBe(75);
  });

  it("finds the peak hour and the negative share of the crisis's own hours", () => {
    const pm = postMortem(input);
    expect(pm.peak).toEqual({ hour: "2026-03-29T01:00:00.000Z", total: 9 });
    expect([pm.insights, pm.negative, pm.negativeShare]).toEqual([15, 11, 73.3]);
  });

  it("lists steps done late and not done, in checklist order", () => {
    const pm = postMortem(input);
    expect(pm.stepsTotal).toBe(4);
    expect(pm.stepsOnTime).toBe(1);
    expect(pm.lateSteps).toEqual([
      { position: 1, title: "Lage bewerten", lateMinutes: 20 },
      { position: 2, title: "Holding statement", lateMinutes: 35 },
    ]);
    expect(pm.undoneSteps).toEqual([{ position: 3, title: "Rückruf prüfen" }]);
  });

  it("has no first response or peak when nobody acted and nothing arrived", () => {
    const pm = postMortem({ ...input, events: [{ at: at(0), kind: "drafted", actorId: null }], hours: [], steps: [] });
    expect([pm.firstResponseMinutes, pm.firstStatementMinutes, pm.peak, pm.negativeShare, pm.stepsTotal]).toEqual([null, null, null, null, 0]);
  });

  it("writes Markdown in the reader's language, company time, with people's text made inert", () => {
    const md = postMortemMarkdown(
      {
        title: "Akku # <script>",
        leadName: "Jonas Weber",
        startedAt,
        closedAt,
        summary: "Erste Zeile\n[Link](http://evil.example)",
        lessonsLearned: null,
        figures: postMortem(input),
        timeline: [{ at: at(42), text: "Als Krise bestätigt: Akku" }],
      },
      "de",
    );
    expect(md).toContain("# Nachbetrachtung: Akku \\# \\<script\\>");
    // 00:30 UTC on the night of the change is 01:30 CET; closing at 06:30 UTC is 08:30 CEST.
    expect(md).toContain("Beginn: 29.03.2026, 01:30");
    expect(md).toContain("Ende: 31.03.2026, 08:30");
    expect(md).toContain("Erste Reaktion nach: 42 min");
    expect(md).toContain("- 1. Lage bewerten (zu spät um 20 min)");
    expect(md).toContain("\\[Link\\]\\(http://evil\\.example\\)");
    expect(md).toContain("noch keine festgehalten");
    const en = postMortemMarkdown({ title: "x", leadName: null, startedAt, closedAt, summary: null, lessonsLearned: "ok", figures: postMortem(input), timeline: [], activation: { briefed: 3, read: 2, acted: 1, firstActionMinutes: 95 } }, "en");
    expect(en).toContain("## Lessons learned\n\nok");
    expect(en).toContain("- Advocates: 3 briefed, 2 read, 1 acted, first action after 1 h 35 min");
  });

  it("says durations as people do", () => {
    expect([formatMinutes(0), formatMinutes(59), formatMinutes(60), formatMinutes(1501)]).toEqual(["0 min", "59 min", "1 h", "1 d 1 h 1 min"]);
    expect(mdText("a*b_c")).toBe("a\\*b\\_c");
  });
});
