/**
 * Migration 0003 moves title, scope and required sign-offs from guidelines onto every version and
 * numbers review rounds. Applied to a database that holds guidelines in the 0002 shape, it must
 * lose nothing and keep which sign-offs count.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Connection } from "./client";
import { getGuideline, listMyGuidelines } from "./queries/guidelines";
import { availableBackends, createTestDb, type TestDb } from "./testing";

const ALL = path.join(process.cwd(), "db", "migrations");

/** A copy of the migrations folder that ends before `tag`. */
function migrationsBefore(tag: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "migrations-"));
  const journal = JSON.parse(fs.readFileSync(path.join(ALL, "meta", "_journal.json"), "utf8"));
  const cut = journal.entries.findIndex((e: { tag: string }) => e.tag === tag);
  journal.entries = journal.entries.slice(0, cut);
  fs.mkdirSync(path.join(dir, "meta"));
  fs.writeFileSync(path.join(dir, "meta", "_journal.json"), JSON.stringify(journal));
  for (const e of journal.entries) fs.copyFileSync(path.join(ALL, `${e.tag}.sql`), path.join(dir, `${e.tag}.sql`));
  return dir;
}

async function migrateTo(conn: Connection, folder: string) {
  if (conn.kind === "pglite") await migratePglite(conn.db, { migrationsFolder: folder });
  else await migratePg(conn.db as never, { migrationsFolder: folder });
}

for (const backend of availableBackends()) {
  describe(`migration 0003 on ${backend}`, () => {
    let t: TestDb;
    const rows = async <T>(q: ReturnType<typeof sql>) => ((await t.db.execute(q)) as unknown as { rows: T[] }).rows;

    beforeAll(async () => {
      t = await createTestDb(backend, { migrate: false });
      const before = migrationsBefore("0003_guideline_version_fields");
      await migrateTo(t, before);
      fs.rmSync(before, { recursive: true });
      // Data in the 0002 shape: title, scope and sign-offs on the guideline.
      const statements = `
        insert into departments (id, slug, name, kind) overriding system value values (901, 'mig-a', 'Mig A', 'sales'), (902, 'mig-b', 'Mig B', 'hr');
        insert into channels (id, name, platform, handle, status) overriding system value values (911, 'Mig Kanal', 'linkedin', 'mig', 'active');
        insert into channel_assignments (channel_id, department_id, responsibility) values (911, 902, 'owner');
        insert into users (id, email, name, password_hash, role, department_id) overriding system value values (921, 'mig@example.com', 'Mig', 'x', 'employee', 901);
        insert into guidelines (id, title, scope, required_signoffs) overriding system value values
          (931, 'Abteilungsregeln', 'departments', '{legal,works_council}'),
          (932, 'Kanalregeln', 'channels', '{}');
        insert into guideline_scope_departments (guideline_id, department_id) values (931, 901), (931, 902);
        insert into guideline_scope_channels (guideline_id, channel_id) values (932, 911);
        insert into guideline_versions (id, guideline_id, version, body_md, status, submitted_at, approved_at, published_at, archived_at) overriding system value values
          (941, 931, 1, 'v1', 'archived', '2025-01-01T10:00Z', '2025-01-02T10:00Z', '2025-01-03T10:00Z', '2025-02-03T10:00Z'),
          (942, 931, 2, 'v2', 'published', '2025-02-01T10:00Z', '2025-02-02T10:00Z', '2025-02-03T10:00Z', null),
          (943, 931, 3, 'v3', 'in_review', '2025-03-10T10:00Z', null, null, null),
          (944, 932, 1, 'k1', 'draft', null, null, null, null);
        insert into guideline_signoffs (id, version_id, function, decision, signatory_name, comment, created_at) overriding system value values
          (951, 942, 'legal', 'approved', 'L', null, '2025-02-01T12:00Z'),
          (952, 942, 'works_council', 'approved', 'W', null, '2025-02-01T13:00Z'),
          (953, 943, 'legal', 'approved', 'L', null, '2025-03-01T12:00Z'),
          (954, 943, 'works_council', 'rejected', 'W', 'Nein', '2025-03-02T12:00Z'),
          (955, 943, 'legal', 'approved', 'L', null, '2025-03-10T12:00Z');
      `;
      // One statement per query: PGlite's extended protocol takes no more.
      for (const q of statements.split(";").map((x) => x.trim()).filter(Boolean)) await t.db.execute(sql.raw(q));
      await migrateTo(t, ALL);
    });
    afterAll(async () => {
      await t?.dispose();
    });

    it("copies the guideline's title, scope and required sign-offs into every version", async () => {
      const versions = await rows<{ id: number; title: string; scope: string; required_signoffs: string | string[] }>(
        sql`select id, title, scope, required_signoffs from guideline_versions where id between 941 and 944 order by id`,
      );
      expect(versions.map((v) => [v.id, v.title, v.scope])).toEqual([
        [941, "Abteilungsregeln", "departments"],
        [942, "Abteilungsregeln", "departments"],
        [943, "Abteilungsregeln", "departments"],
        [944, "Kanalregeln", "channels"],
      ]);
      const deps = await rows<{ version_id: number; department_id: number }>(sql`select version_id, department_id from guideline_version_departments order by 1, 2`);
      expect(deps.map((d) => [d.version_id, d.department_id])).toEqual([[941, 901], [941, 902], [942, 901], [942, 902], [943, 901], [943, 902]]);
      const chans = await rows<{ version_id: number; channel_id: number }>(sql`select version_id, channel_id from guideline_version_channels`);
      expect(chans.map((c) => [c.version_id, c.channel_id])).toEqual([[944, 911]]);

      const g = (await getGuideline(t.db, 931))!;
      expect(g).toMatchObject({ title: "Abteilungsregeln", requiredSignoffs: ["legal", "works_council"] });
      expect(g.scope.departments.map((d) => d.name)).toEqual(["Mig A", "Mig B"]);
      expect(g.versions.map((v) => v.requiredSignoffs)).toEqual([["legal", "works_council"], ["legal", "works_council"], ["legal", "works_council"]]);
      const mine = await listMyGuidelines(t.db, { id: 921, departmentId: 901 });
      expect(mine.rows.map((r) => [r.title, r.version])).toEqual([["Abteilungsregeln", 2]]);
    });

    it("keeps which sign-offs count: those since the last submission form the current round", async () => {
      const rounds = await rows<{ id: number; review_round: number }>(sql`select id, review_round from guideline_versions where id between 941 and 944 order by id`);
      expect(rounds.map((r) => [r.id, r.review_round])).toEqual([[941, 1], [942, 1], [943, 1], [944, 0]]);
      const signoffs = await rows<{ id: number; review_round: number }>(sql`select id, review_round from guideline_signoffs where id between 951 and 955 order by id`);
      expect(signoffs.map((s) => [s.id, s.review_round])).toEqual([[951, 1], [952, 1], [953, 0], [954, 0], [955, 1]]);
      const g = (await getGuideline(t.db, 931))!;
      expect(g.open!.signoffState).toMatchObject({ decisions: { legal: "approved" }, missing: ["works_council"] });
      expect(g.published!.signoffState.allApproved).toBe(true);
    });

    it("drops the guideline-level columns and scope tables", async () => {
      const cols = await rows<{ column_name: string }>(sql`select column_name from information_schema.columns where table_name = 'guidelines' order by 1`);
      // Later migrations add columns of their own (e.g. 0028's kind of guideline); these three went to the versions.
      const names = cols.map((c) => c.column_name);
      expect(names).toEqual(expect.arrayContaining(["archived_at", "created_at", "created_by", "id", "updated_at"]));
      for (const gone of ["title", "scope", "required_signoffs"]) expect(names).not.toContain(gone);
      const tables = await rows<{ n: number }>(sql`select count(*)::int as n from information_schema.tables where table_name in ('guideline_scope_departments', 'guideline_scope_channels')`);
      expect(tables[0].n).toBe(0);
    });
  });
}
