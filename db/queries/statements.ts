import { and, asc, desc, eq, inArray, max, sql } from "drizzle-orm";
import type { Executor } from "../client";
import { channels, crises, crisisEvents, crisisStatements, guidelines, guidelineVersions, users } from "../schema";
import { recordAudit } from "./audit";
import { createGuideline } from "./guidelines";
import { type CrisisType, STATEMENT_SIGNOFFS, type VersionStatus } from "@/lib/enums";
import { AppError } from "@/lib/errors";

/**
 * Holding statements are guidelines of kind `holding_statement`: written, submitted, signed off
 * (legal and communications) and approved through the guidelines' one lifecycle
 * (db/queries/guidelines.ts, lib/guidelines/lifecycle.ts); approved is their last stage. The crisis
 * room uses an approved version, adapted to the case, and records where it was posted.
 */
export interface StatementInput {
  title: string;
  crisisType: CrisisType;
  language: "de" | "en";
  body: string;
}

export async function createStatement(db: Executor, actorId: number, input: StatementInput) {
  return createGuideline(
    db,
    actorId,
    { title: input.title, scope: "company", departmentIds: [], channelIds: [], requiredSignoffs: [...STATEMENT_SIGNOFFS], bodyMd: input.body, changeNote: null },
    { crisisType: input.crisisType, language: input.language },
  );
}

export interface StatementRow {
  id: number;
  title: string;
  crisisType: CrisisType | null;
  language: string | null;
  latestStatus: VersionStatus;
  latestVersion: number;
  approvedVersionId: number | null;
}

/** Every holding statement with where its newest version stands, by kind of crisis and language. */
export async function listStatements(db: Executor): Promise<StatementRow[]> {
  const latest = db
    .select({ gid: guidelineVersions.guidelineId, n: max(guidelineVersions.version).as("n") })
    .from(guidelineVersions)
    .groupBy(guidelineVersions.guidelineId)
    .as("latest");
  const rows = await db
    .select({
      id: guidelines.id,
      title: guidelineVersions.title,
      crisisType: guidelines.crisisType,
      language: guidelines.language,
      latestStatus: guidelineVersions.status,
      latestVersion: guidelineVersions.version,
      approvedVersionId: sql<number | null>`(select v.id from guideline_versions v where v.guideline_id = ${guidelines.id} and v.status = 'approved' order by v.version desc limit 1)`,
    })
    .from(guidelines)
    .innerJoin(latest, eq(latest.gid, guidelines.id))
    .innerJoin(guidelineVersions, and(eq(guidelineVersions.guidelineId, guidelines.id), eq(guidelineVersions.version, latest.n)))
    .where(eq(guidelines.kind, "holding_statement"))
    .orderBy(asc(guidelines.crisisType), asc(guidelines.language), asc(guidelineVersions.title));
  return rows.map((r) => ({ ...r, approvedVersionId: r.approvedVersionId == null ? null : Number(r.approvedVersionId) }));
}

/** Approved statements to choose from in a crisis: those of its kind first, then the others. */
export async function approvedStatements(db: Executor, crisisType: CrisisType | null) {
  const rows = await db
    .select({ versionId: guidelineVersions.id, title: guidelineVersions.title, body: guidelineVersions.bodyMd, crisisType: guidelines.crisisType, language: guidelines.language })
    .from(guidelineVersions)
    .innerJoin(guidelines, eq(guidelines.id, guidelineVersions.guidelineId))
    .where(and(eq(guidelines.kind, "holding_statement"), eq(guidelineVersions.status, "approved")))
    .orderBy(asc(guidelineVersions.title));
  return rows.sort((a, b) => Number(b.crisisType === crisisType) - Number(a.crisisType === crisisType));
}

/**
 * Records a statement used in an active crisis: the approved version it came from (still
 * approved now, checked under lock), its approved text, the text as adapted, where it went.
 */
export async function recordStatementUse(
  db: Executor,
  actorId: number,
  crisisId: number,
  input: { versionId: number; text: string; channelIds: number[]; postedNote: string | null },
  now: Date,
): Promise<number> {
  return db.transaction(async (tx) => {
    const [c] = await tx.select({ status: crises.status }).from(crises).where(eq(crises.id, crisisId)).for("update");
    if (!c) throw new AppError("not_found", "crisis not found");
    if (c.status !== "active") throw new AppError("conflict", "statements are used in an active crisis");
    const [v] = await tx
      .select({ id: guidelineVersions.id, status: guidelineVersions.status, title: guidelineVersions.title, body: guidelineVersions.bodyMd, kind: guidelines.kind, language: guidelines.language })
      .from(guidelineVersions)
      .innerJoin(guidelines, eq(guidelines.id, guidelineVersions.guidelineId))
      .where(eq(guidelineVersions.id, input.versionId))
      .for("share", { of: guidelineVersions });
    if (!v || v.kind !== "holding_statement" || v.status !== "approved") {
      throw new AppError("validation_failed", "only an approved holding statement can be used", { versionId: ["crisis.statements.errors.notApproved"] });
    }
    const [row] = await tx
      .insert(crisisStatements)
      .values({ crisisId, versionId: v.id, title: v.title, language: v.language, approvedText: v.body, text: input.text, channelIds: input.channelIds, postedNote: input.postedNote, usedBy: actorId, usedAt: now })
      .returning({ id: crisisStatements.id });
    await tx.insert(crisisEvents).values({ crisisId, at: now, actorId, kind: "statement_used", payload: { title: v.title, adapted: input.text !== v.body } });
    await recordAudit(tx, { actorId, action: "crisis.statement_use", entityType: "crisis", entityId: crisisId, after: { statementId: row.id, versionId: v.id, channelIds: input.channelIds } });
    return row.id;
  });
}

export async function crisisStatementsOf(db: Executor, crisisId: number) {
  return db
    .select({
      id: crisisStatements.id,
      title: crisisStatements.title,
      language: crisisStatements.language,
      approvedText: crisisStatements.approvedText,
      text: crisisStatements.text,
      channelIds: crisisStatements.channelIds,
      postedNote: crisisStatements.postedNote,
      usedAt: crisisStatements.usedAt,
      usedByName: users.name,
    })
    .from(crisisStatements)
    .leftJoin(users, eq(users.id, crisisStatements.usedBy))
    .where(eq(crisisStatements.crisisId, crisisId))
    .orderBy(desc(crisisStatements.usedAt), desc(crisisStatements.id));
}

/** Channel names for the statements' "posted on" lists. */
export async function channelNames(db: Executor, ids: number[]): Promise<Map<number, string>> {
  if (!ids.length) return new Map();
  const rows = await db.select({ id: channels.id, name: channels.name }).from(channels).where(inArray(channels.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r.name]));
}
