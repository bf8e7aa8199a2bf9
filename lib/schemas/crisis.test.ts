import { describe, expect, it } from "vitest";
import { advocateSchema, closeCrisisSchema, declareCrisisSchema, playbookSchema } from "./crisis";

const berlinNow = () => new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Berlin", dateStyle: "short", timeStyle: "short" }).format(new Date()).replace(" ", "T");

describe("crisis forms", () => {
  it("reads topics as a comma list, deduplicated, and channels as a list", () => {
    const r = declareCrisisSchema.safeParse({ title: " Akku ", severity: "3", startedAt: berlinNow(), topics: "Akku, Rückruf;Akku", channelIds: ["2", "2", "5"] });
    expect(r.success).toBe(true);
    if (r.success) {
      expect(r.data.title).toBe("Akku");
      expect(r.data.topics).toEqual(["Akku", "Rückruf"]);
      expect(r.data.channelIds).toEqual([2, 5]);
      expect(r.data.leadId).toBeNull();
    }
  });

  it("refuses a start in the future, a bad severity and one-letter topics", () => {
    const r = declareCrisisSchema.safeParse({ title: "x", severity: "4", startedAt: "2999-01-01T00:00", topics: "a" });
    expect(r.success).toBe(false);
    const keys = r.success ? [] : r.error.issues.map((i) => `${i.path.join(".")}:${i.message}`);
    expect(keys).toEqual(expect.arrayContaining(["severity:crisis.errors.severity", "startedAt:crisis.errors.startedRange", "topics:crisis.errors.topicLength"]));
  });

  it("needs a summary of some substance to close", () => {
    expect(closeCrisisSchema.safeParse({ id: "1", summary: "ok" }).success).toBe(false);
    expect(closeCrisisSchema.safeParse({ id: "1", summary: "Rückruf läuft, Lage ruhig." }).success).toBe(true);
  });

  it("builds playbook steps from index-aligned rows, skipping empty rows and naming the bad row", () => {
    const ok = playbookSchema.safeParse({
      name: "Produktmangel",
      crisisType: "product_defect",
      stepTitle: ["Holding statement", "", "Vorstand informieren"],
      stepDue: ["1", "", "30"],
      stepUnit: ["h", "h", "min"],
      stepRole: ["manager", "", ""],
      stepDepartment: ["", "", "communications"],
    });
    expect(ok.success && ok.data.steps).toEqual([
      { title: "Holding statement", dueOffsetMinutes: 60, responsibleRole: "manager", responsibleDepartmentKind: null },
      { title: "Vorstand informieren", dueOffsetMinutes: 30, responsibleRole: null, responsibleDepartmentKind: "communications" },
    ]);
    const bad = playbookSchema.safeParse({ name: "x", crisisType: "other", stepTitle: ["a", ""], stepDue: ["1.5", "2"], stepUnit: ["h", "d"], stepRole: ["boss", ""], stepDepartment: ["", ""] });
    expect(bad.success).toBe(false);
    const paths = bad.success ? [] : bad.error.issues.map((i) => i.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["steps.0.due", "steps.0.role", "steps.1.title"]));
    expect(playbookSchema.safeParse({ name: "x", crisisType: "other" }).success).toBe(false);
    expect(playbookSchema.safeParse({ name: "x", crisisType: "other", stepTitle: ["a"], stepDue: ["31"], stepUnit: ["d"] }).success).toBe(false);
  });
});

describe("the advocate form", () => {
  const base = { kind: "fan", name: "Eva Maier", email: "Eva@Example.com", platforms: "LinkedIn: eva-maier\n\nx: @eva", "languages": ["de", "de", "en"], topics: "Getriebe, Ausbildung" };

  it("reads platforms per line, languages and topics, and lower-cases the address", () => {
    const r = advocateSchema.safeParse({ ...base, consentAt: "2026-01-15", consentScope: "Krisen-Briefings per E-Mail", consentMethod: "online_form" });
    expect(r.success && r.data).toMatchObject({
      platforms: [{ platform: "linkedin", handle: "eva-maier" }, { platform: "x", handle: "@eva" }],
      languages: ["de", "en"],
      topics: ["Getriebe", "Ausbildung"],
      email: "eva@example.com",
      consentMethod: "online_form",
    });
    // The day starts in company time: midnight in Berlin is 23:00 UTC the day before in winter.
    expect(r.success && r.data.consentAt?.toISOString()).toBe("2026-01-14T23:00:00.000Z");
  });

  it("refuses what cannot be right, naming the field", () => {
    const paths = (x: Record<string, unknown>) => {
      const r = advocateSchema.safeParse(x);
      return r.success ? [] : r.error.issues.map((i) => `${i.path.join(".")}:${i.message}`);
    };
    expect(paths({ ...base, platforms: "myspace: eva" })).toContain("platforms:crisis.advocates.errors.platformLine");
    expect(paths({ ...base, email: "kein-mail" })).toContain("email:validation.email");
    expect(paths({ kind: "employee" })).toContain("userId:crisis.advocates.errors.user");
    expect(paths({ ...base, consentAt: "2026-02-30" })).toContain("consentAt:crisis.advocates.errors.date");
    expect(paths({ ...base, consentAt: "2026-01-15" })).toEqual(expect.arrayContaining(["consentScope:crisis.advocates.errors.scope", "consentMethod:crisis.advocates.errors.method"]));
    expect(paths({ ...base, consentAt: "2026-01-15", consentScope: "x", consentMethod: "email", consentExpiresAt: "2026-01-10" })).toContain("consentExpiresAt:crisis.advocates.errors.expiry");
    expect(paths({ ...base, consentExpiresAt: "2026-01-10" })).toContain("consentExpiresAt:crisis.advocates.errors.expiryWithoutConsent");
  });
});
