import { describe, expect, it } from "vitest";
import type { Status } from "./thresholds";
import { outOfRangeSince, decideAlert, type OpenAlert } from "./alerts";

const P = "2026-04-01";
const evalOf = (status: Status, periodStart = P) => ({ periodStart, status, value: 1 });
const open = (severity: OpenAlert["severity"], status: OpenAlert["status"] = "open", periodStart = P): OpenAlert => ({ severity, status, periodStart });

describe("decideAlert", () => {
  it("opens an alert with the crossed severity when none is open", () => {
    expect(decideAlert(null, evalOf("warning"), P)).toEqual({ type: "open", severity: "warning" });
    expect(decideAlert(null, evalOf("critical"), P)).toEqual({ type: "open", severity: "critical" });
  });

  it("does nothing while on target without an alert, or without data", () => {
    expect(decideAlert(null, evalOf("on_target"), P)).toEqual({ type: "none" });
    expect(decideAlert(open("warning"), evalOf("no_data"), P)).toEqual({ type: "none" });
  });

  it("escalates warning to critical instead of opening a second alert", () => {
    expect(decideAlert(open("warning"), evalOf("critical"), P)).toEqual({ type: "escalate" });
    expect(decideAlert(open("warning", "acknowledged"), evalOf("critical"), P)).toEqual({ type: "escalate" });
  });

  it("never duplicates: the same or a milder out-of-range status updates the open alert", () => {
    expect(decideAlert(open("warning"), evalOf("warning"), P)).toEqual({ type: "update" });
    expect(decideAlert(open("critical"), evalOf("critical"), P)).toEqual({ type: "update" });
    expect(decideAlert(open("critical"), evalOf("warning"), P)).toEqual({ type: "update" });
  });

  it("resolves automatically when back in range, whether acknowledged or not", () => {
    expect(decideAlert(open("critical"), evalOf("on_target"), P)).toEqual({ type: "resolve" });
    expect(decideAlert(open("warning", "acknowledged"), evalOf("on_target"), P)).toEqual({ type: "resolve" });
  });

  it("carries an alert into the next period, or resolves it there", () => {
    expect(decideAlert(open("warning", "open", "2026-03-01"), evalOf("critical"), P)).toEqual({ type: "escalate" });
    expect(decideAlert(open("critical", "open", "2026-03-01"), evalOf("on_target"), P)).toEqual({ type: "resolve" });
  });

  it("ignores late values for periods older than the latest one", () => {
    expect(decideAlert(null, evalOf("critical", "2026-03-01"), P)).toEqual({ type: "none" });
    expect(decideAlert(open("critical"), evalOf("on_target", "2026-03-01"), P)).toEqual({ type: "none" });
  });
});

describe("short of target within tolerance", () => {
  it("raises no alert and resolves an open one", () => {
    expect(decideAlert(null, evalOf("within_tolerance"), P)).toEqual({ type: "none" });
    expect(decideAlert({ severity: "warning", status: "open", periodStart: P }, evalOf("within_tolerance"), P)).toEqual({ type: "resolve" });
  });
});

describe("outOfRangeSince", () => {
  const run = (...statuses: Status[]) => statuses.map((status, i) => ({ periodStart: `2026-0${i + 1}-01`, status }));
  it("is the first period of the unbroken out-of-range run that ends with the latest period", () => {
    expect(outOfRangeSince(run("on_target", "warning", "critical", "warning"))).toBe("2026-02-01");
    expect(outOfRangeSince(run("critical", "within_tolerance", "warning"))).toBe("2026-03-01");
    expect(outOfRangeSince(run("warning", "critical"))).toBe("2026-01-01");
  });
  it("breaks the run at a period without data or within tolerance, and is null when the latest is in range", () => {
    expect(outOfRangeSince(run("warning", "no_data", "warning"))).toBe("2026-03-01");
    expect(outOfRangeSince(run("warning", "on_target"))).toBeNull();
    expect(outOfRangeSince([])).toBeNull();
  });
});
