import { describe, expect, it } from "vitest";
import { zodFieldErrors } from "@/lib/errors";
import { createUserSchema, departmentSchema, updateUserSchema } from "./admin";

function errors(result: { success: boolean; error?: unknown }) {
  return result.success ? {} : zodFieldErrors(result.error as never);
}

describe("createUserSchema", () => {
  const valid = { email: " Anna.Berg@Example.com ", name: "Anna Berg", password: "long-enough-pw", role: "employee", departmentId: "", locale: "de" };

  it("normalises e-mail and treats an empty department as none", () => {
    const r = createUserSchema.safeParse(valid);
    expect(r.success).toBe(true);
    expect(r.data).toMatchObject({ email: "anna.berg@example.com", departmentId: null, role: "employee" });
  });

  it("reports each bad field with a translatable key", () => {
    const r = createUserSchema.safeParse({ email: "not-an-email", name: "  ", password: "short", role: "boss", departmentId: "x" });
    expect(errors(r)).toMatchObject({
      email: ["validation.email"],
      name: ["validation.required"],
      password: ["validation.passwordTooShort"],
      role: ["validation.invalidChoice"],
    });
    expect(errors(r)).toHaveProperty("departmentId");
  });

  it("rejects missing fields as required rather than crashing", () => {
    const r = createUserSchema.safeParse({});
    expect(errors(r)).toMatchObject({ email: ["validation.required"], name: ["validation.required"], password: ["validation.required"] });
  });
});

describe("updateUserSchema", () => {
  it("reads an unticked checkbox as inactive", () => {
    const r = updateUserSchema.safeParse({ id: "3", name: "X", role: "manager", departmentId: "2" });
    expect(r.data).toEqual({ id: 3, name: "X", role: "manager", departmentId: 2, active: false, signoffFunctions: [] });
    expect(updateUserSchema.safeParse({ id: "3", name: "X", role: "manager", active: "on" }).data?.active).toBe(true);
  });

  it("reads ticked sign-off functions, none ticked as none, and refuses unknown ones", () => {
    const base = { id: "3", name: "X", role: "employee" };
    expect(updateUserSchema.safeParse({ ...base, signoffFunctions: ["works_council", "legal"] }).data?.signoffFunctions).toEqual(["works_council", "legal"]);
    expect(updateUserSchema.safeParse(base).data?.signoffFunctions).toEqual([]);
    expect(updateUserSchema.safeParse({ ...base, signoffFunctions: ["ceo"] }).success).toBe(false);
  });
});

describe("departmentSchema", () => {
  it("accepts a lower-case slug with hyphens", () => {
    expect(departmentSchema.safeParse({ name: "Vertrieb Süd", slug: "vertrieb-sued", kind: "sales", headUserId: "" }).success).toBe(true);
  });
  it.each(["Vertrieb", "vertrieb süd", "-x", "a", "x--y"])("rejects the slug %j", (slug) => {
    expect(errors(departmentSchema.safeParse({ name: "V", slug, kind: "sales" }))).toHaveProperty("slug");
  });
  it("rejects an unknown kind", () => {
    expect(errors(departmentSchema.safeParse({ name: "V", slug: "v-1", kind: "legal" }))).toMatchObject({ kind: ["validation.invalidChoice"] });
  });
});
