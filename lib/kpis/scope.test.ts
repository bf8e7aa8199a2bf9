import { describe, expect, it } from "vitest";
import { alertScope, inScope, measurementScope, overviewScope } from "./scope";

describe("department scopes", () => {
  it("lets the manager record values for every department, a head only for their own", () => {
    expect(measurementScope({ role: "manager", departmentId: 6 })).toEqual({ all: true });
    const head = measurementScope({ role: "department_head", departmentId: 2 });
    expect(inScope(head, 2)).toBe(true);
    expect(inScope(head, 3)).toBe(false);
    expect(inScope(measurementScope({ role: "department_head", departmentId: null }), 2)).toBe(false);
  });

  it("shows executives and admins the whole overview, heads their department's", () => {
    expect(overviewScope({ role: "executive", departmentId: null })).toEqual({ all: true });
    expect(overviewScope({ role: "admin", departmentId: null })).toEqual({ all: true });
    expect(overviewScope({ role: "department_head", departmentId: 4 })).toEqual({ all: false, departmentId: 4 });
  });

  it("shows all alerts to the central unit and executives, a head their department's", () => {
    expect(alertScope({ role: "manager", departmentId: 6 })).toEqual({ all: true });
    expect(alertScope({ role: "executive", departmentId: null })).toEqual({ all: true });
    expect(alertScope({ role: "department_head", departmentId: 2 })).toEqual({ all: false, departmentId: 2 });
  });
});
