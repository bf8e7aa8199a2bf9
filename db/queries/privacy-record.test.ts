import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { availableBackends, createTestDb, type TestDb } from "../testing";
import { auditLog, connectors, departments, guidelines, guidelineVersions, users, webhookEndpoints } from "../schema";
import { seedDemo } from "../seed";
import { getCoverage, listGuidelines } from "./guidelines";
import { getController, recordFacts, setController } from "./record-of-processing";
import { getWorksCouncilMode, minGroupOf, setWorksCouncilMode } from "./works-council";
import { buildRecord, recordMarkdown } from "@/lib/privacy/record";

const NOW = new Date("2026-05-04T10:00:00Z");
const labels = { category: (c: string) => `cat:${c}`, platform: (p: string) => `pf:${p}`, role: (r: string) => `role:${r}` };

for (const backend of availableBackends()) {
  describe(`record of processing and works-council mode on ${backend}`, () => {
    let t: TestDb;
    let admin: number;

    beforeAll(async () => {
      t = await createTestDb(backend);
      await seedDemo(t.db, NOW);
      [{ id: admin }] = await t.db.select({ id: users.id }).from(users).where(eq(users.email, "admin@example.com"));
    });
    afterAll(async () => {
      await t?.dispose();
    });

    it("builds the record from the configuration: departments, connectors, webhook hosts without their paths", async () => {
      await t.db.insert(webhookEndpoints).values({ url: "https://crm.example.net/hooks/secret-token-123?key=abc", events: ["insight.routed"], secret: "x" });
      const facts = await recordFacts(t.db, { OIDC_ISSUER: "https://login.example.org/tenant/v2.0", SMTP_URL: "smtp://u:p@mail.example.org:587" }, NOW);
      const names = (await t.db.select({ name: departments.name }).from(departments)).map((d) => d.name).sort((a, b) => a.localeCompare(b));
      expect([...facts.departments].sort((a, b) => a.localeCompare(b))).toEqual(names);
      const connectorNames = (await t.db.select({ name: connectors.name }).from(connectors)).map((c) => c.name);
      expect(facts.connectors.map((c) => c.name).sort()).toEqual([...connectorNames].sort());
      expect(facts.webhooks).toContainEqual({ host: "crm.example.net", events: ["insight.routed"], active: true });
      expect(facts.ssoIssuerHost).toBe("login.example.org");
      expect(facts.mailHost).toBe("mail.example.org");
      expect(facts.advocates).toBeGreaterThan(0);

      const md = recordMarkdown(buildRecord(facts, "de", labels), "de", "2026-05-04");
      for (const n of names) expect(md).toContain(n);
      expect(md).toContain("crm.example.net");
      expect(md).not.toContain("secret-token-123");
      expect(md).not.toContain("u:p");
      expect(md).toContain("cat:applicant_question: 6 Monate");
    });

    it("keeps the controller the admins entered, and audits the change", async () => {
      expect(await getController(t.db)).toEqual({ name: "", address: "", contact: "", dpo: "" });
      const c = { name: "Beispiel AG", address: "Hauptstraße 1\n12345 Musterstadt", contact: "datenschutz@example.com", dpo: "Dr. Daten" };
      await setController(t.db, admin, c);
      expect(await getController(t.db)).toEqual(c);
      expect(await t.db.select().from(auditLog).where(eq(auditLog.action, "privacy.controller"))).toHaveLength(1);
      const md = recordMarkdown(buildRecord(await recordFacts(t.db, {}, NOW), "en", labels), "en", "2026-05-04");
      expect(md).toContain("| Controller | Beispiel AG |");
      expect(md).toContain("Hauptstraße 1 12345 Musterstadt");
    });

    it("hides coverage of groups under five for everyone below the central unit while the mode is on", async () => {
      expect(await getWorksCouncilMode(t.db)).toBe(false);
      expect(await minGroupOf(t.db, "department_head")).toBe(0);
      const [g] = await t.db
        .select({ id: guidelines.id })
        .from(guidelines)
        .innerJoin(guidelineVersions, and(eq(guidelineVersions.guidelineId, guidelines.id), eq(guidelineVersions.status, "published")))
        .where(eq(guidelines.kind, "guideline"))
        .limit(1);
      const open = (await getCoverage(t.db, g.id, { withNames: false, minGroup: await minGroupOf(t.db, "department_head") }))!;
      expect(open.departments.some((d) => d.suppressed)).toBe(false);

      await setWorksCouncilMode(t.db, admin, true);
      expect(await getWorksCouncilMode(t.db)).toBe(true);
      expect(await minGroupOf(t.db, "manager")).toBe(0);
      const min = await minGroupOf(t.db, "department_head");
      expect(min).toBe(5);
      const limited = (await getCoverage(t.db, g.id, { withNames: false, minGroup: min }))!;
      limited.departments.forEach((d, i) => {
        const before = open.departments[i];
        if (before.total < 5) expect(d).toMatchObject({ total: 0, acknowledged: 0, suppressed: true });
        else expect(d).toEqual(before);
      });
      expect(open.departments.some((d) => d.total < 5)).toBe(true);
      const list = await listGuidelines(t.db, { publishedOnly: true, minGroup: min });
      for (const row of list.rows) if (row.coverage?.suppressed) expect(row.coverage).toMatchObject({ total: 0, acknowledged: 0 });
      expect(await t.db.select().from(auditLog).where(eq(auditLog.action, "privacy.works_council_mode"))).toHaveLength(1);
      await setWorksCouncilMode(t.db, admin, false);
      expect(await getWorksCouncilMode(t.db)).toBe(false);
    });
  });
}
