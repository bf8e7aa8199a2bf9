import { describe, expect, it } from "vitest";
import { affectedUsers, appliesTo, type ChannelAssignment, type GuidelineScope, scopeDepartments } from "./scope";

const MARKETING = 1;
const HR = 2;
const SALES = 3;
const users = [
  { id: 1, departmentId: MARKETING, active: true },
  { id: 2, departmentId: HR, active: true },
  { id: 3, departmentId: SALES, active: true },
  { id: 4, departmentId: HR, active: false },
  { id: 5, departmentId: null, active: true },
];
const assignments: ChannelAssignment[] = [
  { channelId: 10, departmentId: MARKETING },
  { channelId: 10, departmentId: SALES },
  { channelId: 11, departmentId: HR },
];
const ids = (scope: GuidelineScope) => affectedUsers(scope, users, assignments).map((u) => u.id);

describe("scope resolution", () => {
  it("company-wide reaches every active user, with or without a department", () => {
    expect(ids({ kind: "company", departmentIds: [], channelIds: [] })).toEqual([1, 2, 3, 5]);
  });

  it("departments reach their active members only", () => {
    expect(ids({ kind: "departments", departmentIds: [HR], channelIds: [] })).toEqual([2]);
    expect(ids({ kind: "departments", departmentIds: [HR, SALES], channelIds: [] })).toEqual([2, 3]);
    expect(ids({ kind: "departments", departmentIds: [], channelIds: [] })).toEqual([]);
  });

  it("channels reach the members of every department assigned to them", () => {
    expect(ids({ kind: "channels", departmentIds: [], channelIds: [10] })).toEqual([1, 3]);
    expect(ids({ kind: "channels", departmentIds: [], channelIds: [10, 11] })).toEqual([1, 2, 3]);
    expect(ids({ kind: "channels", departmentIds: [], channelIds: [99] })).toEqual([]);
  });

  it("ignores department ids on a channel scope and channel ids on a department scope", () => {
    expect(ids({ kind: "channels", departmentIds: [HR], channelIds: [] })).toEqual([]);
    expect(ids({ kind: "departments", departmentIds: [], channelIds: [10] })).toEqual([]);
  });

  it("answers the same question for one person", () => {
    const scope: GuidelineScope = { kind: "channels", departmentIds: [], channelIds: [11] };
    expect(appliesTo(scope, { departmentId: HR, active: true }, assignments)).toBe(true);
    expect(appliesTo(scope, { departmentId: HR, active: false }, assignments)).toBe(false);
    expect(appliesTo(scope, { departmentId: null, active: true }, assignments)).toBe(false);
    expect(scopeDepartments({ kind: "company", departmentIds: [], channelIds: [] }, assignments)).toBe("all");
  });
});
