import { describe, expect, it } from "vitest";
import { baselinePerWindow, crisisDecision, crisisSeverity, DEFAULT_CRISIS_POLICY as P } from "./crisis";

describe("crisis detection", () => {
  it("needs an absolute minimum when the company is usually quiet", () => {
    expect(crisisSeverity(9, 0)).toBeNull();
    expect(crisisSeverity(10, 0)).toBe("warning");
    expect(crisisSeverity(24, 0)).toBe("warning");
    expect(crisisSeverity(25, 0)).toBe("critical");
  });

  it("compares with the usual rate when that is higher", () => {
    // Usually 5 per window: 14 is below three times that, 15 is a warning, 30 critical.
    expect(crisisSeverity(14, 5)).toBeNull();
    expect(crisisSeverity(15, 5)).toBe("warning");
    expect(crisisSeverity(29, 5)).toBe("warning");
    expect(crisisSeverity(30, 5)).toBe("critical");
  });

  it("averages the baseline over windows of the same length", () => {
    // 14 days of 6-hour windows are 56 windows.
    expect(baselinePerWindow(56, P)).toBe(1);
    expect(baselinePerWindow(0, P)).toBe(0);
  });

  it.each([
    [null, null, "none"],
    [null, "warning", "open"],
    [null, "critical", "open"],
    ["warning", "critical", "escalate"],
    ["warning", "warning", "keep"],
    ["critical", "warning", "keep"],
    ["critical", "critical", "keep"],
    ["warning", null, "resolve"],
    ["critical", null, "resolve"],
  ] as const)("open %s, now %s → %s", (open, now, expected) => {
    expect(crisisDecision(open ? { severity: open } : null, now)).toBe(expected);
  });
});
