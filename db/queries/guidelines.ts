import { and, arrayOverlaps, asc, count, desc, eq, inArray, isNotNull, max, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Executor } from "../client";
import {
  channelAssignments,
  channels,
  departments,
  guidelineAcknowledgments,
  guidelineSignoffs,
  guidelineVersionChannels,
  guidelineVersionDepartments,
  guidelineVersions,
  guidelines,
  users,
} from "../schema";
import { recordAudit } from "./audit";
import { AppError, isUniqueViolation } from "@/lib/errors";
import { emit } from "@/lib/jobs/enqueue";
import { guidelinePublished } from "@/lib/jobs/events";
import { concernsSigner, recordsOnBehalf } from "@/lib/guidelines/access";
import { type Coverage, computeCoverage, suppressSmallGroups, withoutNames } from "@/lib/guidelines/coverage";
import {
  canRecordSignoff,
  canStartNewVersion,
  nextReviewRound,
  type SignoffDecision,
  type SignoffFunction,
  type SignoffState,
  signoffState,
  transition,
  type VersionEvent,
  type VersionStatus,
} from "@/lib/guidelines/lifecycle";
import { affectedUsers, appliesTo, type ChannelAssignment, type GuidelineScope, type ScopeKind } from "@/lib/guidelines/scope";
import type { CrisisType, GuidelineKind } from "@/lib/enums";

// ─── Scope context ───────────────────────────────────────────────────────────

interface Person {
  id: number;
  name: string;
  departmentId: number | null;
  departmentName: string | null;
  active: boolean;
}

/** Everyone and every channel assignment: a company has hundreds of people, not millions. */
async function loadPeople(db: Executor): Promise<{ people: Person[]; assignments: ChannelAssignment[] }> {
  const [people, assignments] = await Promise.all([
    db
      .select({ id: users.id, name: users.name, departmentId: users.departmentId, departmentName: departments.name, active: users.active })
      .from(users)
      .leftJoin(departments, eq(departments.id, users.departmentId)),
    db.select({ channelId: channelAssignments.channelId, departmentId: channelAssignments.departmentId }).from(channelAssignments),
  ]);
  return { people, assignments };
}

async function assignmentsOf(db: Executor): Promise<ChannelAssignment[]> {
  return db.select({ channelId: channelAssignments.channelId, departmentId: channelAssignments.departmentId }).from(channelAssignments);
}

interface ScopeDetail extends GuidelineScope {
  departments: { id: number; name: string }[];
  channels: { id: number; name: string }[];
}

/** The scope of each given version (title, scope and sign-offs belong to a version, not the guideline). */
async function loadScopes(db: Executor, versionIds: number[]): Promise<Map<number, ScopeDetail>> {
  const out = new Map<number, ScopeDetail>();
  if (versionIds.length === 0) return out;
  // Sequential on purpose: this also runs inside transactions, where one connection takes one query at a time.
  const heads = await db
    .select({ id: guidelineVersions.id, scope: guidelineVersions.scope })
    .from(guidelineVersions)
    .where(inArray(guidelineVersions.id, versionIds));
  const deps = await db
    .select({ vid: guidelineVersionDepartments.versionId, id: departments.id, name: departments.name })
    .from(guidelineVersionDepartments)
    .innerJoin(departments, eq(departments.id, guidelineVersionDepartments.departmentId))
    .where(inArray(guidelineVersionDepartments.versionId, versionIds))
    .orderBy(asc(departments.name));
  const chans = await db
    .select({ vid: guidelineVersionChannels.versionId, id: channels.id, name: channels.name })
    .from(guidelineVersionChannels)
    .innerJoin(channels, eq(channels.id, guidelineVersionChannels.channelId))
    .where(inArray(guidelineVersionChannels.versionId, versionIds))
    .orderBy(asc(channels.name));
  for (const h of heads) out.set(h.id, { kind: h.scope, departmentIds: [], channelIds: [], departments: [], channels: [] });
  for (const d of deps) {
    const s = out.get(d.vid)!;
    (s.departmentIds as number[]).push(d.id);
    s.departments.push({ id: d.id, name: d.name });
  }
  for (const c of chans) {
    const s = out.get(c.vid)!;
    (s.channelIds as number[]).push(c.id);
    s.channels.push({ id: c.id, name: c.name });
  }
  return out;
}

async function acknowledgedBy(db: Executor, versionIds: number[]): Promise<Map<number, Set<number>>> {
  const out = new Map<number, Set<number>>();
  if (versionIds.length === 0) return out;
  const rows = await db
    .select({ versionId: guidelineAcknowledgments.versionId, userId: guidelineAcknowledgments.userId })
    .from(guidelineAcknowledgments)
    .where(inArray(guidelineAcknowledgments.versionId, versionIds));
  for (const r of rows) {
    if (!out.has(r.versionId)) out.set(r.versionId, new Set());
    out.get(r.versionId)!.add(r.userId);
  }
  return out;
}

// ─── List ────────────────────────────────────────────────────────────────────

/**
 * One row per guideline. Title and scope are those of the published version; a guideline that has
 * never been published (only writers and reviewers see it) shows its latest version's.
 */
export interface GuidelineListRow {
  id: number;
  title: string;
  scope: ScopeKind;
  scopeNames: string[];
  latest: { version: number; status: VersionStatus };
  publishedVersion: number | null;
  /** `suppressed`: works-council mode hides the numbers of a guideline affecting fewer people than the limit. */
  coverage: { acknowledged: number; total: number; share: number; suppressed?: boolean } | null;
}

export interface GuidelineFilter {
  /** Status of the latest version, i.e. where the work on a guideline stands. */
  status?: VersionStatus;
  scope?: ScopeKind;
  /** Readers who neither write nor sign off see only published guidelines. */
  publishedOnly?: boolean;
  /** Guidelines unless asked for holding statements (the crisis room's list). */
  kind?: GuidelineKind;
  /** Works-council mode: coverage of fewer people than this is hidden (lib/privacy/works-council.ts). */
  minGroup?: number;
  page?: number;
  pageSize?: number;
}

export async function listGuidelines(db: Executor, f: GuidelineFilter = {}) {
  const pageSize = Math.min(Math.max(f.pageSize ?? 20, 1), 100);
  const page = Math.max(f.page ?? 1, 1);
  const latestNo = db
    .select({ gid: guidelineVersions.guidelineId, n: max(guidelineVersions.version).as("n") })
    .from(guidelineVersions)
    .groupBy(guidelineVersions.guidelineId)
    .as("latest_no");
  const lv = alias(guidelineVersions, "lv");
  const pv = alias(guidelineVersions, "pv");
  // What the guideline shows: the published version's values, else (never published) the latest version's.
  const shownTitle = sql<string>`coalesce(${pv.title}, ${lv.title})`;
  const shownScope = sql<ScopeKind>`coalesce(${pv.scope}, ${lv.scope})`;
  const conds: SQL[] = [eq(guidelines.kind, f.kind ?? "guideline")];
  if (f.status) conds.push(eq(lv.status, f.status));
  if (f.scope) conds.push(sql`${shownScope} = ${f.scope}`);
  if (f.publishedOnly) conds.push(isNotNull(pv.id));
  const where = conds.length ? and(...conds) : undefined;
  const rowsQuery = db
    .select({
      id: guidelines.id,
      title: shownTitle,
      scope: shownScope,
      latestId: lv.id,
      latestVersion: lv.version,
      latestStatus: lv.status,
      publishedId: pv.id,
      publishedVersion: pv.version,
    })
    .from(guidelines)
    .$dynamic();
  const countQuery = db.select({ total: count() }).from(guidelines).$dynamic();
  // Both queries need the same joins: the latest version (for status) and the published one.
  for (const q of [rowsQuery, countQuery] as const) {
    q.innerJoin(latestNo, eq(latestNo.gid, guidelines.id))
      .innerJoin(lv, and(eq(lv.guidelineId, guidelines.id), eq(lv.version, latestNo.n)))
      .leftJoin(pv, and(eq(pv.guidelineId, guidelines.id), eq(pv.status, "published")))
      .where(where);
  }
  rowsQuery.orderBy(asc(shownTitle), asc(guidelines.id)).limit(pageSize).offset((page - 1) * pageSize);
  const [found, [{ total }]] = await Promise.all([rowsQuery, countQuery]);
  // The joins were added to a dynamic query, so the types do not know pv comes from a left join.
  const rows = found as ((typeof found)[number] & { publishedId: number | null; publishedVersion: number | null })[];

  const [scopes, { people, assignments }, acks] = await Promise.all([
    loadScopes(db, rows.map((r) => r.publishedId ?? r.latestId)),
    loadPeople(db),
    acknowledgedBy(db, rows.flatMap((r) => (r.publishedId ? [r.publishedId] : []))),
  ]);
  const out: GuidelineListRow[] = rows.map((r) => {
    const scope = scopes.get(r.publishedId ?? r.latestId)!;
    let coverage: GuidelineListRow["coverage"] = null;
    if (r.publishedId) {
      const c = suppressSmallGroups(computeCoverage(affectedUsers(scope, people, assignments), acks.get(r.publishedId) ?? new Set()), f.minGroup ?? 0);
      coverage = { acknowledged: c.acknowledged, total: c.total, share: c.share, ...(c.suppressed ? { suppressed: true } : {}) };
    }
    return {
      id: r.id,
      title: r.title,
      scope: r.scope,
      scopeNames: r.scope === "departments" ? scope.departments.map((d) => d.name) : scope.channels.map((c) => c.name),
      latest: { version: r.latestVersion, status: r.latestStatus },
      publishedVersion: r.publishedVersion,
      coverage,
    };
  });
  return { rows: out, total, page, pageSize };
}

// ─── Detail ──────────────────────────────────────────────────────────────────

export interface SignoffDto {
  id: number;
  function: SignoffFunction;
  decision: SignoffDecision;
  signatoryName: string;
  /** Set when the signatory signed with their own login; null when recorded on their behalf. */
  signatoryId: number | null;
  onBehalfReference: string | null;
  comment: string | null;
  recordedByName: string | null;
  createdAt: Date;
}

export interface VersionDto {
  id: number;
  version: number;
  status: VersionStatus;
  /** Title, scope and required sign-offs as this version has them. */
  title: string;
  scope: ScopeDetail;
  requiredSignoffs: SignoffFunction[];
  reviewRound: number;
  bodyMd: string;
  changeNote: string | null;
  createdByName: string | null;
  createdAt: Date;
  submittedAt: Date | null;
  approvedAt: Date | null;
  publishedAt: Date | null;
  archivedAt: Date | null;
  signoffs: SignoffDto[];
  signoffState: SignoffState;
}

export interface GuidelineDetail {
  id: number;
  /** A guideline, or a holding statement (approved is its last stage: it is used, not published). */
  kind: GuidelineKind;
  crisisType: CrisisType | null;
  language: string | null;
  /** Title, required sign-offs and scope of the published version (of the latest one while none is published). */
  title: string;
  requiredSignoffs: SignoffFunction[];
  scope: ScopeDetail;
  /** Newest first. */
  versions: VersionDto[];
  published: VersionDto | null;
  /** The version being worked on (draft, in review or approved), if any. */
  open: VersionDto | null;
  canStartNewVersion: boolean;
}

/**
 * A guideline with its versions. With `publishedOnly` (readers) only published and archived versions
 * are returned, and a guideline without any is not found: a reader never sees a draft's title.
 */
export async function getGuideline(
  db: Executor,
  id: number,
  opts: { publishedOnly?: boolean; signer?: { id: number; signoffFunctions: readonly SignoffFunction[] } } = {},
): Promise<GuidelineDetail | null> {
  const [g] = await db.select().from(guidelines).where(eq(guidelines.id, id)).limit(1);
  if (!g) return null;
  const author = alias(users, "author");
  const recorder = alias(users, "recorder");
  const versionRows = await db
    .select({
      id: guidelineVersions.id,
      version: guidelineVersions.version,
      status: guidelineVersions.status,
      title: guidelineVersions.title,
      requiredSignoffs: guidelineVersions.requiredSignoffs,
      reviewRound: guidelineVersions.reviewRound,
      bodyMd: guidelineVersions.bodyMd,
      changeNote: guidelineVersions.changeNote,
      createdByName: author.name,
      createdAt: guidelineVersions.createdAt,
      submittedAt: guidelineVersions.submittedAt,
      approvedAt: guidelineVersions.approvedAt,
      publishedAt: guidelineVersions.publishedAt,
      archivedAt: guidelineVersions.archivedAt,
    })
    .from(guidelineVersions)
    .leftJoin(author, eq(author.id, guidelineVersions.createdBy))
    .where(eq(guidelineVersions.guidelineId, id))
    .orderBy(desc(guidelineVersions.version));
  const versionIds = versionRows.map((v) => v.id);
  const scopes = await loadScopes(db, versionIds);
  const signoffRows = versionIds.length
    ? await db
        .select({
          id: guidelineSignoffs.id,
          versionId: guidelineSignoffs.versionId,
          function: guidelineSignoffs.function,
          decision: guidelineSignoffs.decision,
          reviewRound: guidelineSignoffs.reviewRound,
          signatoryName: guidelineSignoffs.signatoryName,
          signatoryId: guidelineSignoffs.signatoryId,
          onBehalfReference: guidelineSignoffs.onBehalfReference,
          comment: guidelineSignoffs.comment,
          recordedByName: recorder.name,
          createdAt: guidelineSignoffs.createdAt,
        })
        .from(guidelineSignoffs)
        .leftJoin(recorder, eq(recorder.id, guidelineSignoffs.recordedBy))
        .where(inArray(guidelineSignoffs.versionId, versionIds))
        .orderBy(asc(guidelineSignoffs.createdAt), asc(guidelineSignoffs.id))
    : [];
  const all: VersionDto[] = versionRows.map((v) => {
    const signoffs = signoffRows.filter((s) => s.versionId === v.id).map(({ versionId: _v, reviewRound: _r, ...s }) => s);
    const rows = signoffRows.filter((s) => s.versionId === v.id);
    return { ...v, scope: scopes.get(v.id)!, signoffs, signoffState: signoffState(v.requiredSignoffs, rows, v.reviewRound) };
  });
  // A reader who holds a sign-off function also sees the unpublished version that awaits (or carries) their signature.
  const signer = opts.signer;
  const readable = (v: VersionDto) => v.status === "published" || v.status === "archived" || (signer ? concernsSigner(v, signer) : false);
  const versions = opts.publishedOnly ? all.filter(readable) : all;
  const published = all.find((v) => v.status === "published") ?? null;
  // What the guideline shows as a whole: the published version, else the newest the caller may see.
  const shown = published ?? versions[0];
  if (!shown) return null;
  return {
    id: g.id,
    kind: g.kind,
    crisisType: g.crisisType,
    language: g.language,
    title: shown.title,
    requiredSignoffs: shown.requiredSignoffs,
    scope: shown.scope,
    versions,
    published,
    open: versions.find((v) => v.status === "draft" || v.status === "in_review" || v.status === "approved") ?? null,
    canStartNewVersion: canStartNewVersion(all.map((v) => v.status)),
  };
}

/**
 * Coverage of the published version, per department; names only when the caller may see them, and
 * in works-council mode no group smaller than `minGroup`.
 */
export async function getCoverage(db: Executor, guidelineId: number, opts: { withNames: boolean; minGroup?: number }): Promise<Coverage | null> {
  const [pv] = await db
    .select({ id: guidelineVersions.id })
    .from(guidelineVersions)
    .where(and(eq(guidelineVersions.guidelineId, guidelineId), eq(guidelineVersions.status, "published")))
    .limit(1);
  if (!pv) return null;
  const [scopes, { people, assignments }, acks] = await Promise.all([loadScopes(db, [pv.id]), loadPeople(db), acknowledgedBy(db, [pv.id])]);
  const c = computeCoverage(affectedUsers(scopes.get(pv.id)!, people, assignments), acks.get(pv.id) ?? new Set());
  const shown = suppressSmallGroups(c, opts.minGroup ?? 0);
  return opts.withNames ? shown : withoutNames(shown);
}

/** The active people each version applies to (its own scope, today's departments and channel assignments). */
export async function usersAffectedByVersions(db: Executor, versionIds: number[]): Promise<Map<number, number[]>> {
  const out = new Map<number, number[]>();
  if (!versionIds.length) return out;
  // Sequential: this runs inside the notification job's transaction.
  const scopes = await loadScopes(db, versionIds);
  const people = await db.select({ id: users.id, departmentId: users.departmentId, active: users.active }).from(users);
  const assignments = await assignmentsOf(db);
  for (const [vid, scope] of scopes) out.set(vid, affectedUsers(scope, people, assignments).map((p) => p.id));
  return out;
}

// ─── Writes ──────────────────────────────────────────────────────────────────

export interface GuidelineInput {
  title: string;
  scope: ScopeKind;
  departmentIds: number[];
  channelIds: number[];
  requiredSignoffs: SignoffFunction[];
  bodyMd: string;
  changeNote: string | null;
}

/** Replaces the scope of one version (only ever a draft, or a version being created). */
async function writeScope(tx: Executor, versionId: number, input: Pick<GuidelineInput, "scope" | "departmentIds" | "channelIds">) {
  await tx.delete(guidelineVersionDepartments).where(eq(guidelineVersionDepartments.versionId, versionId));
  await tx.delete(guidelineVersionChannels).where(eq(guidelineVersionChannels.versionId, versionId));
  if (input.scope === "departments") {
    const ids = [...new Set(input.departmentIds)];
    const found = ids.length ? await tx.select({ id: departments.id }).from(departments).where(inArray(departments.id, ids)) : [];
    if (ids.length === 0 || found.length !== ids.length) {
      throw new AppError("validation_failed", "unknown or missing departments", { departmentIds: ["guidelines.errors.departmentsRequired"] });
    }
    await tx.insert(guidelineVersionDepartments).values(ids.map((departmentId) => ({ versionId, departmentId })));
  }
  if (input.scope === "channels") {
    const ids = [...new Set(input.channelIds)];
    const found = ids.length ? await tx.select({ id: channels.id }).from(channels).where(inArray(channels.id, ids)) : [];
    if (ids.length === 0 || found.length !== ids.length) {
      throw new AppError("validation_failed", "unknown or missing channels", { channelIds: ["guidelines.errors.channelsRequired"] });
    }
    await tx.insert(guidelineVersionChannels).values(ids.map((channelId) => ({ versionId, channelId })));
  }
}

function scopeAudit(input: GuidelineInput) {
  return {
    title: input.title,
    scope: input.scope,
    departmentIds: input.scope === "departments" ? input.departmentIds : [],
    channelIds: input.scope === "channels" ? input.channelIds : [],
    requiredSignoffs: input.requiredSignoffs,
  };
}

export async function createGuideline(db: Executor, actorId: number | null, input: GuidelineInput, statement?: { crisisType: CrisisType; language: string }) {
  return db.transaction(async (tx) => {
    const [g] = await tx
      .insert(guidelines)
      .values({ createdBy: actorId, ...(statement ? { kind: "holding_statement" as const, crisisType: statement.crisisType, language: statement.language } : {}) })
      .returning({ id: guidelines.id });
    const [v] = await tx
      .insert(guidelineVersions)
      .values({
        guidelineId: g.id,
        version: 1,
        title: input.title,
        scope: input.scope,
        requiredSignoffs: input.requiredSignoffs,
        bodyMd: input.bodyMd,
        changeNote: input.changeNote,
        createdBy: actorId,
      })
      .returning({ id: guidelineVersions.id });
    await writeScope(tx, v.id, input);
    await recordAudit(tx, { actorId, action: "guideline.create", entityType: "guideline", entityId: g.id, after: { ...scopeAudit(input), versionId: v.id, ...(statement ? { kind: "holding_statement", ...statement } : {}) } });
    return { id: g.id, versionId: v.id };
  });
}

async function lockVersion(tx: Executor, versionId: number) {
  const [v] = await tx.select().from(guidelineVersions).where(eq(guidelineVersions.id, versionId)).for("update");
  if (!v) throw new AppError("not_found", "guideline version not found");
  const [g] = await tx.select().from(guidelines).where(eq(guidelines.id, v.guidelineId)).for("update");
  return { v, g };
}

const notDraft = () => new AppError("conflict", "only drafts can be edited", { _form: ["guidelines.errors.notDraft"] });

/**
 * Edits a draft: its text, and its own title, scope and required sign-offs. Nothing published
 * changes until the draft itself is published. Scope and sign-offs are fixed once it is in review.
 */
export async function updateDraft(db: Executor, actorId: number | null, versionId: number, input: GuidelineInput) {
  return db.transaction(async (tx) => {
    const { v, g } = await lockVersion(tx, versionId);
    if (v.status !== "draft") throw notDraft();
    const before = (await loadScopes(tx, [v.id])).get(v.id)!;
    await writeScope(tx, v.id, input);
    await tx
      .update(guidelineVersions)
      .set({
        title: input.title,
        scope: input.scope,
        requiredSignoffs: input.requiredSignoffs,
        bodyMd: input.bodyMd,
        changeNote: input.changeNote,
        updatedAt: new Date(),
      })
      .where(eq(guidelineVersions.id, v.id));
    await recordAudit(tx, {
      actorId,
      action: "guideline.update_draft",
      entityType: "guideline_version",
      entityId: v.id,
      before: {
        title: v.title,
        scope: v.scope,
        departmentIds: [...before.departmentIds],
        channelIds: [...before.channelIds],
        requiredSignoffs: v.requiredSignoffs,
        bodyLength: v.bodyMd.length,
        changeNote: v.changeNote,
      },
      after: { ...scopeAudit(input), bodyLength: input.bodyMd.length, changeNote: input.changeNote },
    });
    return { id: g.id, versionId: v.id };
  });
}

/** Starts the next version as a draft copy of the newest one: its text, title, scope and required sign-offs. */
export async function startNewVersion(db: Executor, actorId: number | null, guidelineId: number) {
  return db.transaction(async (tx) => {
    const [g] = await tx.select().from(guidelines).where(eq(guidelines.id, guidelineId)).for("update");
    if (!g) throw new AppError("not_found", "guideline not found");
    const existing = await tx
      .select()
      .from(guidelineVersions)
      .where(eq(guidelineVersions.guidelineId, guidelineId))
      .orderBy(desc(guidelineVersions.version));
    if (!canStartNewVersion(existing.map((v) => v.status))) {
      throw new AppError("conflict", "a version is already in progress", { _form: ["guidelines.errors.versionInProgress"] });
    }
    const newest = existing[0];
    if (!newest) throw new AppError("not_found", "guideline has no version to start from");
    const next = newest.version + 1;
    try {
      const [v] = await tx
        .insert(guidelineVersions)
        .values({
          guidelineId,
          version: next,
          title: newest.title,
          scope: newest.scope,
          requiredSignoffs: newest.requiredSignoffs,
          bodyMd: newest.bodyMd,
          createdBy: actorId,
        })
        .returning({ id: guidelineVersions.id });
      const scope = (await loadScopes(tx, [newest.id])).get(newest.id)!;
      await writeScope(tx, v.id, { scope: scope.kind, departmentIds: [...scope.departmentIds], channelIds: [...scope.channelIds] });
      await recordAudit(tx, { actorId, action: "guideline.new_version", entityType: "guideline_version", entityId: v.id, after: { guidelineId, version: next } });
      return { id: guidelineId, versionId: v.id };
    } catch (err) {
      if (isUniqueViolation(err)) throw new AppError("conflict", "version exists", { _form: ["guidelines.errors.versionInProgress"] });
      throw err;
    }
  });
}

/** The sign-off state of a version in its current review round. */
async function currentSignoffs(tx: Executor, v: { id: number; requiredSignoffs: SignoffFunction[]; reviewRound: number }) {
  const rows = await tx
    .select({ function: guidelineSignoffs.function, decision: guidelineSignoffs.decision, reviewRound: guidelineSignoffs.reviewRound })
    .from(guidelineSignoffs)
    .where(eq(guidelineSignoffs.versionId, v.id))
    .orderBy(asc(guidelineSignoffs.id));
  return signoffState(v.requiredSignoffs, rows, v.reviewRound);
}

const TIMESTAMP_OF: Partial<Record<VersionStatus, "submittedAt" | "approvedAt" | "publishedAt" | "archivedAt">> = {
  in_review: "submittedAt",
  approved: "approvedAt",
  published: "publishedAt",
  archived: "archivedAt",
};

/**
 * Moves a version through its lifecycle (submit, withdraw, approve, publish, archive). Publishing
 * archives the previously published version of the same guideline in the same transaction.
 */
export async function changeVersionStatus(
  db: Executor,
  actorId: number | null,
  versionId: number,
  event: Exclude<VersionEvent, "reject" | "supersede">,
) {
  return db.transaction(async (tx) => {
    const { v, g } = await lockVersion(tx, versionId);
    // A holding statement is used from the crisis room once approved; it never goes out to readers.
    if (g.kind === "holding_statement" && event === "publish") {
      throw new AppError("conflict", "holding statements are not published", { _form: ["guidelines.errors.statementNotPublished"] });
    }
    const state = await currentSignoffs(tx, v);
    const r = transition(v.status, event, state);
    if (!r.ok) {
      const key = r.reason === "signoffs_missing" ? "guidelines.errors.signoffsMissing" : "guidelines.errors.invalidTransition";
      throw new AppError("conflict", r.reason, { _form: [key] });
    }
    const now = new Date();
    if (event === "publish") {
      const superseded = await tx
        .update(guidelineVersions)
        .set({ status: "archived", archivedAt: now, updatedAt: now })
        .where(and(eq(guidelineVersions.guidelineId, g.id), eq(guidelineVersions.status, "published")))
        .returning({ id: guidelineVersions.id, version: guidelineVersions.version });
      for (const s of superseded) {
        await recordAudit(tx, { actorId, action: "guideline_version.supersede", entityType: "guideline_version", entityId: s.id, before: { status: "published" }, after: { status: "archived", supersededBy: v.version } });
      }
    }
    const stamp = TIMESTAMP_OF[r.to];
    try {
      await tx
        .update(guidelineVersions)
        .set({
          status: r.to,
          updatedAt: now,
          ...(stamp ? { [stamp]: now } : {}),
          // Each submission opens a new review round; sign-offs of earlier rounds no longer count.
          ...(event === "submit" ? { reviewRound: nextReviewRound(v.reviewRound) } : {}),
        })
        .where(eq(guidelineVersions.id, v.id));
    } catch (err) {
      if (isUniqueViolation(err)) throw new AppError("conflict", "another version was published", { _form: ["guidelines.errors.invalidTransition"] });
      throw err;
    }
    if (event === "publish" || event === "archive") {
      await tx.update(guidelines).set({ archivedAt: event === "archive" ? now : null, updatedAt: now }).where(eq(guidelines.id, g.id));
    }
    await recordAudit(tx, { actorId, action: `guideline_version.${event}`, entityType: "guideline_version", entityId: v.id, before: { status: v.status }, after: { status: r.to, version: v.version } });
    // Subscribers (webhooks) hear of the publication through jobs that exist exactly when it commits.
    if (event === "publish") await emit(tx, [guidelinePublished(g.id, v.id, v.title, now)]);
    return { id: g.id, versionId: v.id, status: r.to };
  });
}

export interface SignoffInput {
  versionId: number;
  function: SignoffFunction;
  decision: SignoffDecision;
  comment: string | null;
  /**
   * Absent: the actor signs for a function they hold, under their own name. Present: a manager
   * records the decision of someone without a login, naming them and where it is documented.
   */
  onBehalf?: { signatoryName: string; reference: string } | null;
}

/**
 * Records a sign-off given by a function (legal, data protection, works council): by a holder of
 * that function with their own login, or on their behalf by the central unit with a reference. A
 * rejection sends the version back to draft; the last missing approval moves it on to approved.
 */
export async function recordSignoff(db: Executor, actorId: number, input: SignoffInput) {
  return db.transaction(async (tx) => {
    const [actor] = await tx
      .select({ id: users.id, name: users.name, role: users.role, active: users.active, signoffFunctions: users.signoffFunctions })
      .from(users)
      .where(eq(users.id, actorId));
    if (!actor?.active) throw new AppError("forbidden", "unknown or inactive user");
    const onBehalf = input.onBehalf ?? null;
    if (onBehalf) {
      if (!recordsOnBehalf(actor.role)) throw new AppError("forbidden", "may not record sign-offs on behalf of others");
      const fieldErrors: Record<string, string[]> = {};
      if (!onBehalf.signatoryName.trim()) fieldErrors.signatoryName = ["validation.required"];
      if (!onBehalf.reference.trim()) fieldErrors.reference = ["guidelines.errors.referenceRequired"];
      if (Object.keys(fieldErrors).length) throw new AppError("validation_failed", "on-behalf sign-off needs a signatory and a reference", fieldErrors);
    } else if (!actor.signoffFunctions.includes(input.function)) {
      throw new AppError("forbidden", "does not hold this sign-off function");
    }
    const { v, g } = await lockVersion(tx, input.versionId);
    if (!canRecordSignoff(v.status, v.requiredSignoffs, input.function)) {
      const key = v.status !== "in_review" ? "guidelines.errors.notInReview" : "guidelines.errors.signoffNotRequired";
      throw new AppError("conflict", "sign-off not possible", { function: [key] });
    }
    if (input.decision === "rejected" && !input.comment) {
      throw new AppError("validation_failed", "a rejection needs a reason", { comment: ["guidelines.errors.reasonRequired"] });
    }
    const [s] = await tx
      .insert(guidelineSignoffs)
      .values({
        versionId: v.id,
        function: input.function,
        decision: input.decision,
        comment: input.comment,
        reviewRound: v.reviewRound,
        signatoryName: onBehalf ? onBehalf.signatoryName.trim() : actor.name,
        signatoryId: onBehalf ? null : actor.id,
        onBehalfReference: onBehalf ? onBehalf.reference.trim() : null,
        recordedBy: actor.id,
      })
      .returning();
    await recordAudit(tx, {
      actorId,
      action: `guideline_signoff.${input.decision}`,
      entityType: "guideline_version",
      entityId: v.id,
      after: { signoffId: s.id, function: s.function, decision: s.decision, reviewRound: s.reviewRound, signatoryName: s.signatoryName, signatoryId: s.signatoryId, onBehalfReference: s.onBehalfReference, comment: s.comment },
    });
    const now = new Date();
    let status: VersionStatus = v.status;
    if (input.decision === "rejected") {
      status = "draft";
    } else if (transition(v.status, "approve", await currentSignoffs(tx, v)).ok) {
      status = "approved";
    }
    if (status !== v.status) {
      await tx
        .update(guidelineVersions)
        .set({ status, updatedAt: now, ...(status === "approved" ? { approvedAt: now } : {}) })
        .where(eq(guidelineVersions.id, v.id));
      await recordAudit(tx, { actorId, action: `guideline_version.${status === "draft" ? "reject" : "approve"}`, entityType: "guideline_version", entityId: v.id, before: { status: v.status }, after: { status } });
    }
    return { id: g.id, versionId: v.id, status };
  });
}

export interface AwaitingSignoffRow {
  guidelineId: number;
  versionId: number;
  title: string;
  version: number;
  submittedAt: Date | null;
  requiredSignoffs: SignoffFunction[];
  /** The decision per function in the current review round. */
  decisions: SignoffState["decisions"];
  /** Of the functions asked about, those that have not decided in this round. */
  awaiting: SignoffFunction[];
}

/**
 * Versions in review that need a sign-off of one of `functions`, oldest submission first: what a
 * legal, data-protection or works-council signatory has on their desk. Those their function already
 * decided in this round are included (marked by `awaiting`) until the review ends.
 */
export async function listAwaitingSignoff(db: Executor, opts: { functions: readonly SignoffFunction[]; page?: number; pageSize?: number }) {
  const pageSize = Math.min(Math.max(opts.pageSize ?? 20, 1), 100);
  const page = Math.max(opts.page ?? 1, 1);
  if (opts.functions.length === 0) return { rows: [] as AwaitingSignoffRow[], total: 0, awaiting: 0, page, pageSize };
  const versionRows = await db
    .select({
      guidelineId: guidelineVersions.guidelineId,
      versionId: guidelineVersions.id,
      title: guidelineVersions.title,
      version: guidelineVersions.version,
      submittedAt: guidelineVersions.submittedAt,
      requiredSignoffs: guidelineVersions.requiredSignoffs,
      reviewRound: guidelineVersions.reviewRound,
    })
    .from(guidelineVersions)
    .where(
      and(
        eq(guidelineVersions.status, "in_review"),
        arrayOverlaps(guidelineVersions.requiredSignoffs, [...opts.functions]),
      ),
    )
    .orderBy(asc(guidelineVersions.submittedAt), asc(guidelineVersions.id));
  const ids = versionRows.map((v) => v.versionId);
  const signoffRows = ids.length
    ? await db
        .select({ versionId: guidelineSignoffs.versionId, function: guidelineSignoffs.function, decision: guidelineSignoffs.decision, reviewRound: guidelineSignoffs.reviewRound })
        .from(guidelineSignoffs)
        .where(inArray(guidelineSignoffs.versionId, ids))
        .orderBy(asc(guidelineSignoffs.id))
    : [];
  const all: AwaitingSignoffRow[] = versionRows.map(({ reviewRound, ...v }) => {
    const state = signoffState(v.requiredSignoffs, signoffRows.filter((s) => s.versionId === v.versionId), reviewRound);
    const awaiting = v.requiredSignoffs.filter((f) => opts.functions.includes(f) && state.decisions[f] === undefined);
    return { ...v, decisions: state.decisions, awaiting };
  });
  // Still to decide first; what this function has decided stays visible below until the review ends.
  all.sort((a, b) => Number(b.awaiting.length > 0) - Number(a.awaiting.length > 0));
  return {
    rows: all.slice((page - 1) * pageSize, page * pageSize),
    total: all.length,
    awaiting: all.filter((r) => r.awaiting.length > 0).length,
    page,
    pageSize,
  };
}

// ─── Acknowledgments ─────────────────────────────────────────────────────────

interface Reader {
  id: number;
  departmentId: number | null;
}

/** Records that a person read and confirmed this exact published version; only for guidelines that apply to them. */
export async function acknowledgeVersion(db: Executor, user: Reader, versionId: number) {
  return db.transaction(async (tx) => {
    const [v] = await tx
      .select({ id: guidelineVersions.id, status: guidelineVersions.status, guidelineId: guidelineVersions.guidelineId, version: guidelineVersions.version })
      .from(guidelineVersions)
      .where(eq(guidelineVersions.id, versionId));
    if (!v) throw new AppError("not_found", "guideline version not found");
    if (v.status !== "published") {
      throw new AppError("conflict", "only the published version can be acknowledged", { _form: ["guidelines.errors.notPublished"] });
    }
    // The published version's own scope decides, whatever a draft of the next version says.
    const scopes = await loadScopes(tx, [v.id]);
    const assignments = await assignmentsOf(tx);
    if (!appliesTo(scopes.get(v.id)!, { departmentId: user.departmentId, active: true }, assignments)) {
      throw new AppError("forbidden", "this guideline does not apply to you");
    }
    const inserted = await tx
      .insert(guidelineAcknowledgments)
      .values({ versionId: v.id, userId: user.id })
      .onConflictDoNothing()
      .returning({ at: guidelineAcknowledgments.acknowledgedAt });
    if (inserted.length) {
      await recordAudit(tx, { actorId: user.id, action: "guideline.acknowledge", entityType: "guideline_version", entityId: v.id, after: { guidelineId: v.guidelineId, version: v.version } });
    }
    return { id: v.guidelineId, versionId: v.id };
  });
}

export interface MyGuidelineRow {
  id: number;
  title: string;
  scope: ScopeKind;
  versionId: number;
  version: number;
  publishedAt: Date | null;
  changeNote: string | null;
  acknowledgedAt: Date | null;
  pending: boolean;
}

/** The published guidelines that apply to one person, pending ones first. */
export async function listMyGuidelines(db: Executor, user: Reader, opts: { page?: number; pageSize?: number } = {}) {
  const pageSize = Math.min(Math.max(opts.pageSize ?? 20, 1), 100);
  const page = Math.max(opts.page ?? 1, 1);
  const rows = await db
    .select({
      id: guidelineVersions.guidelineId,
      title: guidelineVersions.title,
      scope: guidelineVersions.scope,
      versionId: guidelineVersions.id,
      version: guidelineVersions.version,
      publishedAt: guidelineVersions.publishedAt,
      changeNote: guidelineVersions.changeNote,
      acknowledgedAt: guidelineAcknowledgments.acknowledgedAt,
    })
    .from(guidelineVersions)
    .leftJoin(
      guidelineAcknowledgments,
      and(eq(guidelineAcknowledgments.versionId, guidelineVersions.id), eq(guidelineAcknowledgments.userId, user.id)),
    )
    .where(eq(guidelineVersions.status, "published"));
  const [scopes, assignments] = await Promise.all([loadScopes(db, rows.map((r) => r.versionId)), assignmentsOf(db)]);
  const mine: MyGuidelineRow[] = rows
    .filter((r) => appliesTo(scopes.get(r.versionId)!, { departmentId: user.departmentId, active: true }, assignments))
    .map((r) => ({ ...r, pending: r.acknowledgedAt === null }))
    .sort((a, b) => Number(b.pending) - Number(a.pending) || a.title.localeCompare(b.title, "de"));
  return {
    rows: mine.slice((page - 1) * pageSize, page * pageSize),
    total: mine.length,
    pending: mine.filter((r) => r.pending).length,
    page,
    pageSize,
  };
}

/**
 * How many published guidelines apply to an (active) person and wait for their acknowledgment, as
 * one query: the same rule as `appliesTo` — company-wide, their department named, or a channel
 * assigned to their department named.
 */
export function pendingGuidelinesQuery(db: Executor, user: Reader) {
  const dep = user.departmentId;
  const reaches =
    dep === null
      ? eq(guidelineVersions.scope, "company")
      : sql`(${guidelineVersions.scope} = 'company'
          or (${guidelineVersions.scope} = 'departments' and exists (
            select 1 from ${guidelineVersionDepartments}
            where ${guidelineVersionDepartments.versionId} = ${guidelineVersions.id} and ${guidelineVersionDepartments.departmentId} = ${dep}))
          or (${guidelineVersions.scope} = 'channels' and exists (
            select 1 from ${guidelineVersionChannels}
            join ${channelAssignments} on ${channelAssignments.channelId} = ${guidelineVersionChannels.channelId}
            where ${guidelineVersionChannels.versionId} = ${guidelineVersions.id} and ${channelAssignments.departmentId} = ${dep})))`;
  return db
    .select({ n: count() })
    .from(guidelineVersions)
    .where(
      and(
        eq(guidelineVersions.status, "published"),
        reaches,
        sql`not exists (select 1 from ${guidelineAcknowledgments} where ${guidelineAcknowledgments.versionId} = ${guidelineVersions.id} and ${guidelineAcknowledgments.userId} = ${user.id})`,
      ),
    );
}

export async function countPendingGuidelines(db: Executor, user: Reader): Promise<number> {
  return (await pendingGuidelinesQuery(db, user))[0].n;
}

/** Whether a guideline applies to a person, and when they acknowledged its published version. */
export async function myAcknowledgment(db: Executor, user: Reader, guidelineId: number) {
  const [pv] = await db
    .select({ id: guidelineVersions.id, acknowledgedAt: guidelineAcknowledgments.acknowledgedAt })
    .from(guidelineVersions)
    .leftJoin(
      guidelineAcknowledgments,
      and(eq(guidelineAcknowledgments.versionId, guidelineVersions.id), eq(guidelineAcknowledgments.userId, user.id)),
    )
    .where(and(eq(guidelineVersions.guidelineId, guidelineId), eq(guidelineVersions.status, "published")))
    .limit(1);
  if (!pv) return { applies: false, versionId: null, acknowledgedAt: null, lastAcknowledgedVersion: null };
  const [scopes, assignments, [last]] = await Promise.all([
    loadScopes(db, [pv.id]),
    assignmentsOf(db),
    // The newest version of this guideline the person confirmed: what the changes are shown against.
    db
      .select({ version: max(guidelineVersions.version) })
      .from(guidelineAcknowledgments)
      .innerJoin(guidelineVersions, eq(guidelineVersions.id, guidelineAcknowledgments.versionId))
      .where(and(eq(guidelineVersions.guidelineId, guidelineId), eq(guidelineAcknowledgments.userId, user.id))),
  ]);
  const applies = appliesTo(scopes.get(pv.id)!, { departmentId: user.departmentId, active: true }, assignments);
  return { applies, versionId: pv.id, acknowledgedAt: pv.acknowledgedAt, lastAcknowledgedVersion: last?.version ?? null };
}

/** Options for the editor's scope pickers. */
export async function scopeOptions(db: Executor) {
  const [deps, chans] = await Promise.all([
    db.select({ id: departments.id, name: departments.name }).from(departments).orderBy(asc(departments.name)),
    db.select({ id: channels.id, name: channels.name, platform: channels.platform }).from(channels).orderBy(asc(channels.name)),
  ]);
  return { departments: deps, channels: chans };
}

/** Two versions of one guideline by number, for the diff. */
export async function getVersionsByNumber(db: Executor, guidelineId: number, numbers: number[]) {
  return db
    .select({ id: guidelineVersions.id, version: guidelineVersions.version, status: guidelineVersions.status, bodyMd: guidelineVersions.bodyMd, changeNote: guidelineVersions.changeNote, publishedAt: guidelineVersions.publishedAt })
    .from(guidelineVersions)
    .where(and(eq(guidelineVersions.guidelineId, guidelineId), inArray(guidelineVersions.version, numbers)));
}
