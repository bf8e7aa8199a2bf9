import { describe, expect, it } from "vitest";
import { slaPhase } from "./sla";

const routedAt = new Date("2030-03-01T08:00:00Z");
const slaDueAt = new Date("2030-03-02T08:00:00Z"); // 24 h: due soon from 02:00 on 2 March
const at = (iso: string) => new Date(iso);

describe("slaPhase", () => {
  it("is on time before 75 % of the SLA", () => {
    expect(slaPhase({ status: "routed", routedAt, slaDueAt }, at("2030-03-02T01:59:59Z"))).toBe("on_time");
  });
  it("is due soon from 75 % on while not accepted", () => {
    expect(slaPhase({ status: "routed", routedAt, slaDueAt }, at("2030-03-02T02:00:00Z"))).toBe("due_soon");
    expect(slaPhase({ status: "accepted", routedAt, slaDueAt }, at("2030-03-02T02:00:00Z"))).toBe("on_time");
  });
  it("is overdue at the due time while open, accepted or not", () => {
    expect(slaPhase({ status: "routed", routedAt, slaDueAt }, slaDueAt)).toBe("overdue");
    expect(slaPhase({ status: "accepted", routedAt, slaDueAt }, at("2030-03-05T00:00:00Z"))).toBe("overdue");
  });
  it("has no phase when closed or without an SLA", () => {
    expect(slaPhase({ status: "resolved", routedAt, slaDueAt }, at("2030-03-05T00:00:00Z"))).toBeNull();
    expect(slaPhase({ status: "triage", routedAt: null, slaDueAt: null }, slaDueAt)).toBeNull();
  });
});
