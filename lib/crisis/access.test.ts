import { describe, expect, it } from "vitest";
import { crisisScope } from "./access";

describe("who sees crisis rooms", () => {
  it("gives managers, executives and the communications department every crisis", () => {
    expect(crisisScope({ role: "manager", departmentId: null }, null)).toEqual({ all: true });
    expect(crisisScope({ role: "executive", departmentId: null }, null)).toEqual({ all: true });
    expect(crisisScope({ role: "department_head", departmentId: 4 }, "communications")).toEqual({ all: true });
  });

  it("gives other heads their own department's crises and nobody else any", () => {
    expect(crisisScope({ role: "department_head", departmentId: 2 }, "service")).toEqual({ all: false, departmentId: 2 });
    expect(crisisScope({ role: "department_head", departmentId: null }, null)).toBeNull();
    expect(crisisScope({ role: "admin", departmentId: null }, null)).toBeNull();
    expect(crisisScope({ role: "employee", departmentId: 2 }, "communications")).toBeNull();
  });
});
