import { describe, expect, it } from "vitest";
import {
  availableEvents,
  canRecordSignoff,
  canStartNewVersion,
  isEditable,
  type SignoffFunction,
  signoffState,
  transition,
  VERSION_EVENTS,
  VERSION_STATUSES,
  type VersionEvent,
  type VersionStatus,
} from "./lifecycle";

const t0 = new Date("2025-03-01T10:00:00Z");
const later = (min: number) => new Date(t0.getTime() + min * 60_000);
const ALL: SignoffFunction[] = ["legal", "data_protection", "works_council"];
const approvedAll = signoffState([], [], t0);
const missingAll = signoffState(ALL, [], t0);

// The complete table: for each status, the events allowed and where they lead (with sign-offs given).
const ALLOWED: Record<VersionStatus, Partial<Record<VersionEvent, VersionStatus>>> = {
  draft: { submit: "in_review" },
  in_review: { withdraw: "draft", approve: "approved", reject: "draft" },
  approved: { withdraw: "draft", publish: "published" },
  published: { archive: "archived", supersede: "archived" },
  archived: {},
};

describe("version transitions", () => {
  for (const from of VERSION_STATUSES) {
    for (const event of VERSION_EVENTS) {
      const to = ALLOWED[from][event];
      it(`${from} --${event}--> ${to ?? "refused"}`, () => {
        const r = transition(from, event, approvedAll);
        if (to) expect(r).toEqual({ ok: true, to });
        else expect(r).toEqual({ ok: false, reason: "invalid_transition" });
      });
    }
  }

  it("refuses approval and publication while a required sign-off is missing", () => {
    expect(transition("in_review", "approve", missingAll)).toEqual({ ok: false, reason: "signoffs_missing" });
    expect(transition("approved", "publish", missingAll)).toEqual({ ok: false, reason: "signoffs_missing" });
    expect(transition("approved", "publish")).toEqual({ ok: false, reason: "signoffs_missing" });
  });

  it("lets a version without required sign-offs be approved and published", () => {
    expect(transition("in_review", "approve", signoffState([], [], t0))).toEqual({ ok: true, to: "approved" });
  });

  it("offers only the events a person chooses", () => {
    expect(availableEvents("draft", missingAll)).toEqual(["submit"]);
    expect(availableEvents("in_review", missingAll)).toEqual(["withdraw"]);
    expect(availableEvents("in_review", approvedAll)).toEqual(["withdraw", "approve"]);
    expect(availableEvents("approved", approvedAll)).toEqual(["withdraw", "publish"]);
    expect(availableEvents("published", approvedAll)).toEqual(["archive"]);
    expect(availableEvents("archived", approvedAll)).toEqual([]);
  });
});

describe("sign-off state", () => {
  it("needs every required function approved", () => {
    const s = signoffState(ALL, [
      { function: "legal", decision: "approved", createdAt: later(1) },
      { function: "works_council", decision: "approved", createdAt: later(2) },
    ], t0);
    expect(s.missing).toEqual(["data_protection"]);
    expect(s.allApproved).toBe(false);
  });

  it("counts the latest decision per function, so an approval after a rejection counts", () => {
    const s = signoffState(["legal"], [
      { function: "legal", decision: "approved", createdAt: later(5) },
      { function: "legal", decision: "rejected", createdAt: later(1) },
    ], t0);
    expect(s.decisions.legal).toBe("approved");
    expect(s.allApproved).toBe(true);
  });

  it("ignores sign-offs from an earlier review round", () => {
    const resubmitted = later(10);
    const s = signoffState(["legal"], [{ function: "legal", decision: "approved", createdAt: later(1) }], resubmitted);
    expect(s.allApproved).toBe(false);
    expect(signoffState(["legal"], [{ function: "legal", decision: "approved", createdAt: later(1) }], null).allApproved).toBe(false);
  });

  it("does not let an unrequired function stand in for a required one", () => {
    const s = signoffState(["works_council"], [{ function: "legal", decision: "approved", createdAt: later(1) }], t0);
    expect(s.missing).toEqual(["works_council"]);
  });

  it("records sign-offs only in review and only for required functions", () => {
    expect(canRecordSignoff("in_review", ["legal"], "legal")).toBe(true);
    expect(canRecordSignoff("in_review", ["legal"], "works_council")).toBe(false);
    for (const s of ["draft", "approved", "published", "archived"] as const) expect(canRecordSignoff(s, ALL, "legal")).toBe(false);
  });
});

describe("editing and new versions", () => {
  it("edits drafts only", () => {
    expect(VERSION_STATUSES.filter(isEditable)).toEqual(["draft"]);
  });

  it("starts a new version only when nothing is in progress", () => {
    expect(canStartNewVersion([])).toBe(true);
    expect(canStartNewVersion(["archived", "published"])).toBe(true);
    expect(canStartNewVersion(["published", "draft"])).toBe(false);
    expect(canStartNewVersion(["published", "in_review"])).toBe(false);
    expect(canStartNewVersion(["published", "approved"])).toBe(false);
  });
});
