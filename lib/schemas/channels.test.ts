import { describe, expect, it } from "vitest";
import { zodFieldErrors } from "@/lib/errors";
import { assignmentSchema, createChannelSchema, processSchema, strategySchema } from "./channels";

function errors(result: { success: boolean; error?: unknown }) {
  return result.success ? {} : zodFieldErrors(result.error as never);
}

const valid = {
  name: " Brenner Karriere ",
  platform: "linkedin",
  handle: " @brenner-karriere ",
  url: "https://www.linkedin.com/company/brenner-karriere",
  status: "active",
  ownerId: "3",
  deputyId: "",
  nextReviewOn: "2026-09-30",
  owningDepartmentId: "5",
  ourGain: "  Bewerbungen  ",
  theirGain: "",
};

describe("createChannelSchema", () => {
  it("normalises the handle, empties to null, ids to numbers", () => {
    const r = createChannelSchema.safeParse(valid);
    expect(r.success).toBe(true);
    expect(r.data).toMatchObject({
      name: "Brenner Karriere",
      handle: "brenner-karriere",
      ownerId: 3,
      deputyId: null,
      owningDepartmentId: 5,
      nextReviewOn: "2026-09-30",
      ourGain: "Bewerbungen",
      theirGain: null,
      targetGroupsPresent: null,
    });
  });

  it("accepts only http and https addresses", () => {
    for (const url of ["ftp://example.com/x", "javascript:alert(1)", "www.example.com", "mailto:a@b.de"]) {
      expect(errors(createChannelSchema.safeParse({ ...valid, url })), url).toEqual({ url: ["validation.url"] });
    }
    expect(createChannelSchema.safeParse({ ...valid, url: "http://intranet.example/wiki" }).success).toBe(true);
    expect(createChannelSchema.safeParse({ ...valid, url: "" }).data?.url).toBeNull();
  });

  it("reports unknown platforms and statuses, missing names and bad dates with keys", () => {
    const r = createChannelSchema.safeParse({ ...valid, name: " ", platform: "myspace", status: "deleted", nextReviewOn: "31.12.2026" });
    expect(errors(r)).toEqual({
      name: ["validation.required"],
      platform: ["validation.invalidChoice"],
      status: ["validation.invalidChoice"],
      nextReviewOn: ["channels.errors.date"],
    });
  });

  it("limits strategy answers", () => {
    expect(errors(strategySchema.safeParse({ id: "1", ourGain: "x".repeat(2001) }))).toEqual({ ourGain: ["validation.tooLong"] });
  });
});

describe("assignment and process schemas", () => {
  it("requires a department and a known responsibility", () => {
    expect(errors(assignmentSchema.safeParse({ channelId: "1", departmentId: "", responsibility: "boss" }))).toEqual({
      departmentId: ["validation.required"],
      responsibility: ["validation.invalidChoice"],
    });
  });

  it("trims process names and requires them", () => {
    expect(processSchema.safeParse({ departmentId: "2", name: " Recruiting " }).data).toEqual({ departmentId: 2, name: "Recruiting", description: null });
    expect(errors(processSchema.safeParse({ departmentId: "2", name: "" }))).toEqual({ name: ["validation.required"] });
  });
});
