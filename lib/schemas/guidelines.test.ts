import { describe, expect, it } from "vitest";
import { zodFieldErrors } from "@/lib/errors";
import { createGuidelineSchema, signoffSchema, transitionSchema, updateDraftSchema } from "./guidelines";

const errors = (r: { success: boolean; error?: unknown }) => (r.success ? {} : zodFieldErrors(r.error as never));
const valid = { title: " Leitfaden ", scope: "company", bodyMd: "# Text", changeNote: "" };

describe("guideline schemas", () => {
  it("accepts a company-wide guideline and normalises lists and empty notes", () => {
    const r = createGuidelineSchema.safeParse({ ...valid, requiredSignoffs: ["legal", "legal", "works_council"] });
    expect(r.success).toBe(true);
    expect(r.data).toMatchObject({ title: "Leitfaden", departmentIds: [], channelIds: [], requiredSignoffs: ["legal", "works_council"], changeNote: null });
  });

  it("needs departments or channels for those scopes", () => {
    expect(errors(createGuidelineSchema.safeParse({ ...valid, scope: "departments" }))).toEqual({ departmentIds: ["guidelines.errors.departmentsRequired"] });
    expect(errors(updateDraftSchema.safeParse({ ...valid, versionId: "3", scope: "channels" }))).toEqual({ channelIds: ["guidelines.errors.channelsRequired"] });
    expect(createGuidelineSchema.safeParse({ ...valid, scope: "departments", departmentIds: ["4"] }).data?.departmentIds).toEqual([4]);
  });

  it("reports empty text, unknown scope and unknown sign-off functions", () => {
    expect(errors(createGuidelineSchema.safeParse({ title: "", scope: "planet", bodyMd: " ", requiredSignoffs: ["ceo"] }))).toMatchObject({
      title: ["validation.required"],
      scope: ["validation.invalidChoice"],
      bodyMd: ["validation.required"],
      "requiredSignoffs.0": ["validation.invalidChoice"],
    });
  });

  it("requires a reason for a rejected sign-off", () => {
    const base = { versionId: "1", function: "works_council", decision: "rejected", signatoryName: "Monika Hahn" };
    expect(errors(signoffSchema.safeParse(base))).toEqual({ comment: ["guidelines.errors.reasonRequired"] });
    expect(signoffSchema.safeParse({ ...base, comment: "Zu unbestimmt." }).success).toBe(true);
    expect(signoffSchema.safeParse({ ...base, decision: "approved" }).success).toBe(true);
  });

  it("offers only events a person may trigger", () => {
    expect(transitionSchema.safeParse({ versionId: "1", event: "publish" }).success).toBe(true);
    expect(errors(transitionSchema.safeParse({ versionId: "1", event: "supersede" }))).toEqual({ event: ["validation.invalidChoice"] });
  });
});

describe("sign-off modes", () => {
  const base = { versionId: "4", function: "works_council", decision: "approved" };

  it("signs in person by default, ignoring any typed name", () => {
    expect(signoffSchema.safeParse({ ...base, signatoryName: "Jemand" }).data).toEqual({ versionId: 4, function: "works_council", decision: "approved", comment: null, onBehalf: null });
  });

  it("on behalf needs the signatory and a reference, with a message that says what to give", () => {
    expect(errors(signoffSchema.safeParse({ ...base, mode: "on_behalf" }))).toEqual({
      signatoryName: ["validation.required"],
      reference: ["guidelines.errors.referenceRequired"],
    });
    expect(signoffSchema.safeParse({ ...base, mode: "on_behalf", signatoryName: "Monika Hahn", reference: "Protokoll 3/2030" }).data?.onBehalf).toEqual({
      signatoryName: "Monika Hahn",
      reference: "Protokoll 3/2030",
    });
  });
});
