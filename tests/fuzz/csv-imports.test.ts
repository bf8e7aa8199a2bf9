/**
 * Property-based probes of both CSV imports, as their route handler and server actions run them:
 * read the file's bytes (lib/), then preview and store through the query layer. Arbitrary bytes and
 * hostile cells never throw anything but a clear validation error, and an import stores all its
 * rows or none. (The cookie-authenticated handlers themselves need a Next request; the e2e suite
 * sends them the probe's requests.)
 */
import { count, eq } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { businessProcesses, departments, insightEvents, insights, kpis, measurements } from "@/db/schema";
import { ingestItems, ingestPreview } from "@/db/queries/insight-intake";
import { recordMeasurements } from "@/db/queries/measurements";
import { seedFoundation } from "@/db/seed/foundation";
import { availableBackends, createTestDb, type TestDb } from "@/db/testing";
import { AppError } from "@/lib/errors";
import { csvToIntake } from "@/lib/insights/csv";
import { readMeasurementCsv } from "@/lib/kpis/csv-import";

const TODAY = "2026-06-15";
const NOW = new Date("2026-06-15T10:00:00Z");

const cell = fc.oneof(
  fc.constantFrom("", "1e308", "-1", "100,5", "12,5", "1.000,5", "NaN", "=1+1", '"', '""', ";", "\u0000", "31.02.2026", "01.06.2026", "2026-06-01", "0000-01-01", "01.01.0001 00:30"),
  fc.string({ maxLength: 20 }),
);
const encode = (text: string, cp1252: boolean) =>
  cp1252 ? Uint8Array.from([...text].map((c) => (c.charCodeAt(0) < 256 ? c.charCodeAt(0) : 0x3f))) : new TextEncoder().encode(text);
const csv = (header: string, width: number) =>
  fc
    .tuple(fc.array(fc.array(cell, { minLength: width, maxLength: width }), { maxLength: 6 }), fc.constantFrom(";", ","), fc.boolean(), fc.boolean())
    .map(([rows, sep, bom, cp1252]) => {
      const text = [header.replaceAll(";", sep), ...rows.map((r) => r.join(sep))].join("\r\n");
      return encode((bom && !cp1252 ? "\uFEFF" : "") + text, cp1252);
    });
const anyBytes = fc.oneof(fc.uint8Array({ maxLength: 400 }), fc.string().map((s) => new TextEncoder().encode(s)));

for (const backend of availableBackends()) {
  describe(`CSV imports under arbitrary files on ${backend}`, () => {
    let t: TestDb;
    let kpiId = 0;
    const writable: { id: number; name: string; period: "month"; unit: "percent"; departmentId: number }[] = [];

    beforeAll(async () => {
      t = await createTestDb(backend);
      await t.db.transaction((tx) => seedFoundation(tx));
      const [dep] = await t.db.select({ id: departments.id }).from(departments).limit(1);
      const [proc] = await t.db.insert(businessProcesses).values({ departmentId: dep.id, name: "CSV-Fuzzing" }).returning();
      [{ id: kpiId }] = await t.db
        .insert(kpis)
        .values({ businessProcessId: proc.id, name: "Quote", unit: "percent", direction: "higher_is_better", period: "month", aggregation: "avg", target: 90, warningThreshold: 80, criticalThreshold: 70 })
        .returning({ id: kpis.id });
      writable.push({ id: kpiId, name: "Quote", period: "month", unit: "percent", departmentId: dep.id });
    });
    afterAll(async () => {
      await t?.dispose();
    });

    const storedValues = async () => (await t.db.select({ n: count() }).from(measurements).where(eq(measurements.kpiId, kpiId)))[0].n;

    async function importMeasurements(bytes: Uint8Array) {
      const result = readMeasurementCsv(bytes, { writable, known: new Set([kpiId]), today: TODAY });
      if (!result.ok) {
        expect(result.issues.length).toBeGreaterThan(0);
        return;
      }
      const before = await storedValues();
      try {
        const stored = await recordMeasurements(t.db, { userId: null, scope: { all: true } }, result.rows, "csv", TODAY);
        expect(await storedValues()).toBe(before + stored.stored);
        expect(stored.stored).toBe(result.rows.length);
      } catch (err) {
        expect(err).toBeInstanceOf(AppError);
        expect(await storedValues()).toBe(before);
      }
    }

    async function importInsights(bytes: Uint8Array) {
      const parsed = csvToIntake(bytes);
      if (!parsed.ok) {
        expect(parsed.issues.length).toBeGreaterThan(0);
        return;
      }
      await ingestPreview(t.db, parsed.items, NOW);
      const before = { i: (await t.db.select({ n: count() }).from(insights))[0].n, e: (await t.db.select({ n: count() }).from(insightEvents))[0].n };
      const res = await ingestItems(t.db, { via: "csv", userId: null }, parsed.items.map((item, index) => ({ index, ok: true as const, item })), NOW);
      const after = { i: (await t.db.select({ n: count() }).from(insights))[0].n, e: (await t.db.select({ n: count() }).from(insightEvents))[0].n };
      expect(after.i - before.i).toBe(res.created);
      expect(after.e - before.e).toBe(res.created);
    }

    it("the KPI import: arbitrary bytes", async () => {
      await fc.assert(fc.asyncProperty(anyBytes, importMeasurements));
    });

    it("the KPI import: German-Excel files with hostile cells, UTF-8 or Windows-1252", async () => {
      const kpiCell = fc.oneof(fc.constant(String(0)), cell).map((c) => (c === "0" ? "Quote" : c));
      const file = fc
        .tuple(fc.array(fc.tuple(kpiCell, cell, cell), { maxLength: 6 }), fc.boolean())
        .map(([rows, cp1252]) => encode(["Kennzahl;Datum;Wert", ...rows.map((r) => r.join(";"))].join("\r\n"), cp1252));
      // Rows that are right but for their values: these reach the database.
      const plausible = fc
        .array(fc.tuple(fc.constantFrom("Quote", String(kpiId)), fc.constantFrom("01.06.2026", "2026-05-31", "15.06.2026"), fc.constantFrom("12,5", "99", "100", "0", "100,5", "-1", "1e308", "1.000")), { minLength: 1, maxLength: 4 })
        .map((rows) => encode(["Kennzahl;Datum;Wert", ...rows.map((r) => r.join(";"))].join("\r\n"), false));
      // The example always runs first, so the property is known to reach the database, not only the parser.
      const good = encode("Kennzahl;Datum;Wert\r\nQuote;01.06.2026;12,5", false);
      await fc.assert(fc.asyncProperty(fc.oneof(file, plausible, csv("Kennzahl;Datum;Wert", 3)), importMeasurements), { examples: [[good]] });
      expect(await storedValues()).toBeGreaterThan(0);
    });

    it("the insight import: arbitrary bytes", async () => {
      await fc.assert(fc.asyncProperty(anyBytes, importInsights));
    });

    it("the insight import: files with hostile cells, UTF-8 or Windows-1252", async () => {
      const plausible = fc
        .array(
          fc.tuple(
            fc.uuid(),
            // Mostly right, so that whole files reach the database; sometimes a date out of range.
            fc.oneof({ weight: 6, arbitrary: fc.constant("01.06.2026 09:15") }, { weight: 1, arbitrary: fc.constantFrom("01.01.0001 00:30", "31.12.2101 10:00") }),
            fc.oneof({ weight: 4, arbitrary: fc.constantFrom("Lieferung zu spät", "Größe passt nicht") }, { weight: 1, arbitrary: cell }),
            fc.constantFrom("Beschwerde", "Lob", "Idee"),
            fc.constantFrom("Facebook", "Forum"),
          ),
          { minLength: 1, maxLength: 3 },
        )
        .chain((rows) => fc.boolean().map((cp1252) => encode(["external_id;zeitpunkt;text;kategorie;plattform", ...rows.map((r) => r.join(";"))].join("\r\n"), cp1252)));
      const good = encode("external_id;zeitpunkt;text;kategorie;plattform\r\nfuzz-example;01.06.2026 09:15;Größe passt nicht;Beschwerde;Forum", true);
      await fc.assert(fc.asyncProperty(fc.oneof(plausible, csv("external_id;zeitpunkt;text;kategorie;plattform", 5)), importInsights), { examples: [[good]] });
      expect((await t.db.select({ n: count() }).from(insights))[0].n).toBeGreaterThan(0);
    });
  });
}
