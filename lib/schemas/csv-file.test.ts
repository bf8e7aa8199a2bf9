import { describe, expect, it } from "vitest";
import { zodFieldErrors } from "@/lib/errors";
import { csvFileSchema, MAX_INSIGHT_CSV_BYTES } from "./insights";

const errorsOf = (file: unknown) => {
  const r = csvFileSchema.safeParse({ file });
  return r.success ? null : zodFieldErrors(r.error).file;
};

describe("csvFileSchema (insight CSV import)", () => {
  it("takes a file up to exactly 10 MB", () => {
    expect(errorsOf(new Blob([new Uint8Array(10_475_393)]))).toBeNull();
    expect(errorsOf(new Blob([new Uint8Array(MAX_INSIGHT_CSV_BYTES)]))).toBeNull();
  });

  it("refuses one byte more as too large", () => {
    expect(errorsOf(new Blob([new Uint8Array(MAX_INSIGHT_CSV_BYTES + 1)]))).toEqual(["insights.import.errors.tooLarge"]);
  });

  it("asks for a file when none, an empty one or text came", () => {
    for (const v of [undefined, new Blob([]), "external_id;text"]) expect(errorsOf(v)).toEqual(["insights.import.errors.noFile"]);
  });
});
