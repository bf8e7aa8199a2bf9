import { describe, expect, it } from "vitest";
import {
  availableEvents,
  canRecordSignoff,
  canStartNewVersion,
  isEditable,
  nextReviewRound,
  type SignoffFunction,
  signoffState,
  transition,
  VERSION_EVENTS,
  VERSION_STATUSES,
  type VersionEvent,
  type VersionStatus,
} from "./lifecycle";

const ALL: SignoffFunction[] = ["legal", "data_protection", "works_council"];
const approvedAll = signoffState([], [], 1);
const missingAll = signoffState(ALL, [], 1);

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
    expect(transition("in_review", "approve", signoffState([], [], 1))).toEqual({ ok: true, to: "approved" });
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
      { function: "legal", decision: "approved", reviewRound: 1 },
      { function: "works_council", decision: "approved", reviewRound: 1 },
    ], 1);
    expect(s.missing).toEqual(["data_protection"]);
    expect(s.allApproved).toBe(false);
  });

  it("counts the latest decision per function within the round", () => {
    const s = signoffState(["legal"], [
      { function: "legal", decision: "rejected", reviewRound: 2 },
      { function: "legal", decision: "approved", reviewRound: 2 },
    ], 2);
    expect(s.decisions.legal).toBe("approved");
    expect(s.allApproved).toBe(true);
  });

  it("ignores sign-offs from an earlier review round", () => {
    const earlier = [{ function: "legal", decision: "approved", reviewRound: 1 }] as const;
    expect(signoffState(["legal"], earlier, 1).allApproved).toBe(true);
    const s = signoffState(["legal"], earlier, 2);
    expect(s.allApproved).toBe(false);
    expect(s.decisions).toEqual({});
  });

  it("lets an approval after a rejection count only when it belongs to the new round", () => {
    const history = [
      { function: "legal", decision: "approved", reviewRound: 1 },
      { function: "works_council", decision: "rejected", reviewRound: 1 },
      { function: "works_council", decision: "approved", reviewRound: 2 },
    ] as const;
    const s = signoffState(["legal", "works_council"], history, 2);
    expect(s.decisions).toEqual({ works_council: "approved" });
    expect(s.missing).toEqual(["legal"]);
  });

  it("counts nothing for a version that was never submitted", () => {
    expect(signoffState(["legal"], [{ function: "legal", decision: "approved", reviewRound: 0 }], 0).allApproved).toBe(false);
    expect(signoffState([], [], 0).allApproved).toBe(true);
  });

  it("starts a new round with every submission", () => {
    expect(nextReviewRound(0)).toBe(1);
    expect(nextReviewRound(1)).toBe(2);
    expect(nextReviewRound(41)).toBe(42);
  });

  it("does not let an unrequired function stand in for a required one", () => {
    const s = signoffState(["works_council"], [{ function: "legal", decision: "approved", reviewRound: 1 }], 1);
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
