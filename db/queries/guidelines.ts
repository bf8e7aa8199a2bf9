import { and, asc, count, desc, eq, inArray, isNotNull, max, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Executor } from "../client";
import {
  channelAssignments,
  channels,
  departments,
  guidelineAcknowledgments,
  guidelineScopeChannels,
  guidelineScopeDepartments,
  guidelineSignoffs,
  guidelineVersions,
  guidelines,
  users,
} from "../schema";
import { recordAudit } from "./audit";
import { AppError, isUniqueViolation } from "@/lib/errors";
import { type Coverage, computeCoverage, withoutNames } from "@/lib/guidelines/coverage";
import {
  canRecordSignoff,
  canStartNewVersion,
  type SignoffDecision,
  type SignoffFunction,
  type SignoffState,
  signoffState,
  transition,
  type VersionEvent,
  type VersionStatus,
} from "@/lib/guidelines/lifecycle";
import { affectedUsers, appliesTo, type ChannelAssignment, type GuidelineScope, type ScopeKind } from "@/lib/guidelines/scope";

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

async function loadScopes(db: Executor, ids: number[]): Promise<Map<number, ScopeDetail>> {
  const out = new Map<number, ScopeDetail>();
  if (ids.length === 0) return out;
  // Sequential on purpose: this also runs inside transactions, where one connection takes one query at a time.
  const heads = await db.select({ id: guidelines.id, scope: guidelines.scope }).from(guidelines).where(inArray(guidelines.id, ids));
  const deps = await db
    .select({ gid: guidelineScopeDepartments.guidelineId, id: departments.id, name: departments.name })
    .from(guidelineScopeDepartments)
    .innerJoin(departments, eq(departments.id, guidelineScopeDepartments.departmentId))
    .where(inArray(guidelineScopeDepartments.guidelineId, ids))
    .orderBy(asc(departments.name));
  const chans = await db
    .select({ gid: guidelineScopeChannels.guidelineId, id: channels.id, name: channels.name })
    .from(guidelineScopeChannels)
    .innerJoin(channels, eq(channels.id, guidelineScopeChannels.channelId))
    .where(inArray(guidelineScopeChannels.guidelineId, ids))
    .orderBy(asc(channels.name));
  for (const h of heads) out.set(h.id, { kind: h.scope, departmentIds: [], channelIds: [], departments: [], channels: [] });
  for (const d of deps) {
    const s = out.get(d.gid)!;
    (s.departmentIds as number[]).push(d.id);
    s.departments.push({ id: d.id, name: d.name });
  }
  for (const c of chans) {
    const s = out.get(c.gid)!;
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

export interface GuidelineListRow {
  id: number;
  title: string;
  scope: ScopeKind;
  scopeNames: string[];
  latest: { version: number; status: VersionStatus };
  publishedVersion: number | null;
  coverage: { acknowledged: number; total: number; share: number } | null;
}

export interface GuidelineFilter {
  /** Status of the latest version, i.e. where the work on a guideline stands. */
  status?: VersionStatus;
  scope?: ScopeKind;
  /** Readers who neither write nor sign off see only published guidelines. */
  publishedOnly?: boolean;
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
  const conds: SQL[] = [];
  if (f.status) conds.push(eq(lv.status, f.status));
  if (f.scope) conds.push(eq(guidelines.scope, f.scope));
  if (f.publishedOnly) conds.push(isNotNull(pv.id));
  const where = conds.length ? and(...conds) : undefined;
  const rowsQuery = db
    .select({
      id: guidelines.id,
      title: guidelines.title,
      scope: guidelines.scope,
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
  rowsQuery.orderBy(asc(guidelines.title), asc(guidelines.id)).limit(pageSize).offset((page - 1) * pageSize);
  const [found, [{ total }]] = await Promise.all([rowsQuery, countQuery]);
  // The joins were added to a dynamic query, so the types do not know pv comes from a left join.
  const rows = found as ((typeof found)[number] & { publishedId: number | null; publishedVersion: number | null })[];

  const [scopes, { people, assignments }, acks] = await Promise.all([
    loadScopes(db, rows.map((r) => r.id)),
    loadPeople(db),
    acknowledgedBy(db, rows.flatMap((r) => (r.publishedId ? [r.publishedId] : []))),
  ]);
  const out: GuidelineListRow[] = rows.map((r) => {
    const scope = scopes.get(r.id)!;
    let coverage: GuidelineListRow["coverage"] = null;
    if (r.publishedId) {
      const c = computeCoverage(affectedUsers(scope, people, assignments), acks.get(r.publishedId) ?? new Set());
      coverage = { acknowledged: c.acknowledged, total: c.total, share: c.share };
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
  comment: string | null;
  recordedByName: string | null;
  createdAt: Date;
}

export interface VersionDto {
  id: number;
  version: number;
  status: VersionStatus;
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

export async function getGuideline(db: Executor, id: number, opts: { publishedOnly?: boolean } = {}): Promise<GuidelineDetail | null> {
  const [g] = await db.select().from(guidelines).where(eq(guidelines.id, id)).limit(1);
  if (!g) return null;
  const author = alias(users, "author");
  const recorder = alias(users, "recorder");
  const [versionRows, scopes] = await Promise.all([
    db
      .select({
        id: guidelineVersions.id,
        version: guidelineVersions.version,
        status: guidelineVersions.status,
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
      .orderBy(desc(guidelineVersions.version)),
    loadScopes(db, [id]),
  ]);
  const versionIds = versionRows.map((v) => v.id);
  const signoffRows = versionIds.length
    ? await db
        .select({
          id: guidelineSignoffs.id,
          versionId: guidelineSignoffs.versionId,
          function: guidelineSignoffs.function,
          decision: guidelineSignoffs.decision,
          signatoryName: guidelineSignoffs.signatoryName,
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
    const signoffs = signoffRows.filter((s) => s.versionId === v.id).map(({ versionId: _v, ...s }) => s);
    return { ...v, signoffs, signoffState: signoffState(g.requiredSignoffs, signoffs, v.submittedAt) };
  });
  const versions = opts.publishedOnly ? all.filter((v) => v.status === "published" || v.status === "archived") : all;
  return {
    id: g.id,
    title: g.title,
    requiredSignoffs: g.requiredSignoffs,
    scope: scopes.get(id)!,
    versions,
    published: all.find((v) => v.status === "published") ?? null,
    open: opts.publishedOnly ? null : (all.find((v) => v.status === "draft" || v.status === "in_review" || v.status === "approved") ?? null),
    canStartNewVersion: canStartNewVersion(all.map((v) => v.status)),
  };
}

/** Coverage of the published version, per department; names only when the caller may see them. */
export async function getCoverage(db: Executor, guidelineId: number, opts: { withNames: boolean }): Promise<Coverage | null> {
  const [pv] = await db
    .select({ id: guidelineVersions.id })
    .from(guidelineVersions)
    .where(and(eq(guidelineVersions.guidelineId, guidelineId), eq(guidelineVersions.status, "published")))
    .limit(1);
  if (!pv) return null;
  const [scopes, { people, assignments }, acks] = await Promise.all([loadScopes(db, [guidelineId]), loadPeople(db), acknowledgedBy(db, [pv.id])]);
  const c = computeCoverage(affectedUsers(scopes.get(guidelineId)!, people, assignments), acks.get(pv.id) ?? new Set());
  return opts.withNames ? c : withoutNames(c);
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

async function writeScope(tx: Executor, guidelineId: number, input: GuidelineInput) {
  await tx.delete(guidelineScopeDepartments).where(eq(guidelineScopeDepartments.guidelineId, guidelineId));
  await tx.delete(guidelineScopeChannels).where(eq(guidelineScopeChannels.guidelineId, guidelineId));
  if (input.scope === "departments") {
    const ids = [...new Set(input.departmentIds)];
    const found = await tx.select({ id: departments.id }).from(departments).where(inArray(departments.id, ids));
    if (ids.length === 0 || found.length !== ids.length) {
      throw new AppError("validation_failed", "unknown or missing departments", { departmentIds: ["guidelines.errors.departmentsRequired"] });
    }
    await tx.insert(guidelineScopeDepartments).values(ids.map((departmentId) => ({ guidelineId, departmentId })));
  }
  if (input.scope === "channels") {
    const ids = [...new Set(input.channelIds)];
    const found = ids.length ? await tx.select({ id: channels.id }).from(channels).where(inArray(channels.id, ids)) : [];
    if (ids.length === 0 || found.length !== ids.length) {
      throw new AppError("validation_failed", "unknown or missing channels", { channelIds: ["guidelines.errors.channelsRequired"] });
    }
    await tx.insert(guidelineScopeChannels).values(ids.map((channelId) => ({ guidelineId, channelId })));
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

export async function createGuideline(db: Executor, actorId: number | null, input: GuidelineInput) {
  return db.transaction(async (tx) => {
    const [g] = await tx
      .insert(guidelines)
      .values({ title: input.title, scope: input.scope, requiredSignoffs: input.requiredSignoffs, createdBy: actorId })
      .returning();
    await writeScope(tx, g.id, input);
    const [v] = await tx
      .insert(guidelineVersions)
      .values({ guidelineId: g.id, version: 1, bodyMd: input.bodyMd, changeNote: input.changeNote, createdBy: actorId })
      .returning({ id: guidelineVersions.id });
    await recordAudit(tx, { actorId, action: "guideline.create", entityType: "guideline", entityId: g.id, after: { ...scopeAudit(input), versionId: v.id } });
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

/** Edits a guideline together with its draft: scope and sign-offs are fixed once a version is in review. */
export async function updateDraft(db: Executor, actorId: number | null, versionId: number, input: GuidelineInput) {
  return db.transaction(async (tx) => {
    const { v, g } = await lockVersion(tx, versionId);
    if (v.status !== "draft") throw notDraft();
    await writeScope(tx, g.id, input);
    await tx
      .update(guidelines)
      .set({ title: input.title, scope: input.scope, requiredSignoffs: input.requiredSignoffs, updatedAt: new Date() })
      .where(eq(guidelines.id, g.id));
    await tx
      .update(guidelineVersions)
      .set({ bodyMd: input.bodyMd, changeNote: input.changeNote, updatedAt: new Date() })
      .where(eq(guidelineVersions.id, v.id));
    await recordAudit(tx, {
      actorId,
      action: "guideline.update_draft",
      entityType: "guideline_version",
      entityId: v.id,
      before: { title: g.title, scope: g.scope, requiredSignoffs: g.requiredSignoffs, bodyLength: v.bodyMd.length, changeNote: v.changeNote },
      after: { ...scopeAudit(input), bodyLength: input.bodyMd.length, changeNote: input.changeNote },
    });
    return { id: g.id, versionId: v.id };
  });
}

/** Starts the next version as a draft copy of the newest one. */
export async function startNewVersion(db: Executor, actorId: number | null, guidelineId: number) {
  return db.transaction(async (tx) => {
    const [g] = await tx.select().from(guidelines).where(eq(guidelines.id, guidelineId)).for("update");
    if (!g) throw new AppError("not_found", "guideline not found");
    const existing = await tx
      .select({ version: guidelineVersions.version, status: guidelineVersions.status, bodyMd: guidelineVersions.bodyMd })
      .from(guidelineVersions)
      .where(eq(guidelineVersions.guidelineId, guidelineId))
      .orderBy(desc(guidelineVersions.version));
    if (!canStartNewVersion(existing.map((v) => v.status))) {
      throw new AppError("conflict", "a version is already in progress", { _form: ["guidelines.errors.versionInProgress"] });
    }
    const next = (existing[0]?.version ?? 0) + 1;
    try {
      const [v] = await tx
        .insert(guidelineVersions)
        .values({ guidelineId, version: next, bodyMd: existing[0]?.bodyMd ?? "", createdBy: actorId })
        .returning({ id: guidelineVersions.id });
      await recordAudit(tx, { actorId, action: "guideline.new_version", entityType: "guideline_version", entityId: v.id, after: { guidelineId, version: next } });
      return { id: guidelineId, versionId: v.id };
    } catch (err) {
      if (isUniqueViolation(err)) throw new AppError("conflict", "version exists", { _form: ["guidelines.errors.versionInProgress"] });
      throw err;
    }
  });
}

async function currentSignoffs(tx: Executor, versionId: number, required: SignoffFunction[], submittedAt: Date | null) {
  const rows = await tx
    .select({ function: guidelineSignoffs.function, decision: guidelineSignoffs.decision, createdAt: guidelineSignoffs.createdAt })
    .from(guidelineSignoffs)
    .where(eq(guidelineSignoffs.versionId, versionId));
  return signoffState(required, rows, submittedAt);
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
    const state = await currentSignoffs(tx, v.id, g.requiredSignoffs, v.submittedAt);
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
        .set({ status: r.to, updatedAt: now, ...(stamp ? { [stamp]: now } : {}) })
        .where(eq(guidelineVersions.id, v.id));
    } catch (err) {
      if (isUniqueViolation(err)) throw new AppError("conflict", "another version was published", { _form: ["guidelines.errors.invalidTransition"] });
      throw err;
    }
    if (event === "publish" || event === "archive") {
      await tx.update(guidelines).set({ archivedAt: event === "archive" ? now : null, updatedAt: now }).where(eq(guidelines.id, g.id));
    }
    await recordAudit(tx, { actorId, action: `guideline_version.${event}`, entityType: "guideline_version", entityId: v.id, before: { status: v.status }, after: { status: r.to, version: v.version } });
    return { id: g.id, versionId: v.id, status: r.to };
  });
}

export interface SignoffInput {
  versionId: number;
  function: SignoffFunction;
  decision: SignoffDecision;
  signatoryName: string;
  comment: string | null;
}

/**
 * Records a sign-off given by a function (legal, data protection, works council). A rejection sends
 * the version back to draft; the last missing approval moves it on to approved.
 */
export async function recordSignoff(db: Executor, actorId: number | null, input: SignoffInput) {
  return db.transaction(async (tx) => {
    const { v, g } = await lockVersion(tx, input.versionId);
    if (!canRecordSignoff(v.status, g.requiredSignoffs, input.function)) {
      const key = v.status !== "in_review" ? "guidelines.errors.notInReview" : "guidelines.errors.signoffNotRequired";
      throw new AppError("conflict", "sign-off not possible", { function: [key] });
    }
    if (input.decision === "rejected" && !input.comment) {
      throw new AppError("validation_failed", "a rejection needs a reason", { comment: ["guidelines.errors.reasonRequired"] });
    }
    const [s] = await tx
      .insert(guidelineSignoffs)
      .values({ ...input, recordedBy: actorId })
      .returning();
    await recordAudit(tx, { actorId, action: `guideline_signoff.${input.decision}`, entityType: "guideline_version", entityId: v.id, after: { signoffId: s.id, function: s.function, decision: s.decision, signatoryName: s.signatoryName, comment: s.comment } });
    const now = new Date();
    let status: VersionStatus = v.status;
    if (input.decision === "rejected") {
      status = "draft";
    } else if (transition(v.status, "approve", await currentSignoffs(tx, v.id, g.requiredSignoffs, v.submittedAt)).ok) {
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
    const scopes = await loadScopes(tx, [v.guidelineId]);
    const assignments = await assignmentsOf(tx);
    if (!appliesTo(scopes.get(v.guidelineId)!, { departmentId: user.departmentId, active: true }, assignments)) {
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
      id: guidelines.id,
      title: guidelines.title,
      scope: guidelines.scope,
      versionId: guidelineVersions.id,
      version: guidelineVersions.version,
      publishedAt: guidelineVersions.publishedAt,
      changeNote: guidelineVersions.changeNote,
      acknowledgedAt: guidelineAcknowledgments.acknowledgedAt,
    })
    .from(guidelineVersions)
    .innerJoin(guidelines, eq(guidelines.id, guidelineVersions.guidelineId))
    .leftJoin(
      guidelineAcknowledgments,
      and(eq(guidelineAcknowledgments.versionId, guidelineVersions.id), eq(guidelineAcknowledgments.userId, user.id)),
    )
    .where(eq(guidelineVersions.status, "published"));
  const [scopes, assignments] = await Promise.all([loadScopes(db, rows.map((r) => r.id)), assignmentsOf(db)]);
  const mine: MyGuidelineRow[] = rows
    .filter((r) => appliesTo(scopes.get(r.id)!, { departmentId: user.departmentId, active: true }, assignments))
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

export async function countPendingGuidelines(db: Executor, user: Reader): Promise<number> {
  return (await listMyGuidelines(db, user, { pageSize: 1 })).pending;
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
  if (!pv) return { applies: false, versionId: null, acknowledgedAt: null };
  const [scopes, assignments] = await Promise.all([loadScopes(db, [guidelineId]), assignmentsOf(db)]);
  const applies = appliesTo(scopes.get(guidelineId)!, { departmentId: user.departmentId, active: true }, assignments);
  return { applies, versionId: pv.id, acknowledgedAt: pv.acknowledgedAt };
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
