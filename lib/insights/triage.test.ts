import { describe, expect, it } from "vitest";
import { groupSkips, isTriageExit, routeSkipReason } from "./triage";

describe("routeSkipReason", () => {
  const at = (status: string, departmentId: number | null = null, loopClosed = false) => ({ status, departmentId, loopClosed });

  it("routes triage and the triage exits", () => {
    expect(routeSkipReason(at("triage"), 1)).toBeNull();
    expect(routeSkipReason(at("no_action"), 1)).toBeNull();
    expect(routeSkipReason(at("spam"), 1)).toBeNull();
  });

  it("moves an open insight to another department but not to the one it is with", () => {
    expect(routeSkipReason(at("routed", 2), 1)).toBeNull();
    expect(routeSkipReason(at("accepted", 2), 1)).toBeNull();
    expect(routeSkipReason(at("routed", 1), 1)).toBe("same_department");
    expect(routeSkipReason(at("accepted", 1), 1)).toBe("same_department");
  });

  it("leaves finished and unknown insights alone, naming why", () => {
    expect(routeSkipReason(at("resolved", 1), 2)).toBe("done");
    expect(routeSkipReason(at("declined", 1), 1)).toBe("done");
    expect(routeSkipReason(at("resolved", 1, true), 2)).toBe("loop_closed");
    expect(routeSkipReason(undefined, 1)).toBe("not_found");
  });
});

describe("groupSkips", () => {
  it("groups by reason in a fixed order and drops empty groups", () => {
    const groups = groupSkips([
      { id: 1, reason: "not_found" as const },
      { id: 2, reason: "same_department" as const },
      { id: 3, reason: "same_department" as const },
    ]);
    expect(groups.map(([r, l]) => [r, l.map((x) => x.id)])).toEqual([
      ["same_department", [2, 3]],
      ["not_found", [1]],
    ]);
  });
});

it("knows the triage exits", () => {
  expect(isTriageExit("spam")).toBe(true);
  expect(isTriageExit("no_action")).toBe(true);
  expect(isTriageExit("triage")).toBe(false);
});
