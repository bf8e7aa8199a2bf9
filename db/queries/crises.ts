import { and, asc, count, desc, eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "../client";
import {
  channels,
  crises,
  crisisChannels,
  crisisEvents,
  crisisInsights,
  crisisStatements,
  crisisSteps,
  crisisTopics,
  departments,
  insights,
  playbooks,
  playbookSteps,
  users,
  type Crisis,
} from "../schema";
import { recordAudit } from "./audit";
import type { CrisisScope } from "@/lib/crisis/access";
import { crisisScope } from "@/lib/crisis/access";
import { checklistFrom } from "@/lib/crisis/checklist";
import { chartWindow, fillHours } from "@/lib/crisis/membership";
import type { PostMortemInput } from "@/lib/crisis/post-mortem";
import type { CrisisEventKind, CrisisSeverityLevel, CrisisStatus, CrisisStepRole, CrisisType, Role } from "@/lib/enums";
import { AppError } from "@/lib/errors";
import { foldText } from "@/lib/routing/text";

export const CRISIS_PAGE_SIZE = 20;
export const CRISIS_INSIGHTS_PAGE = 50;

/** The scope a signed-in person sees crises in (null: none at all). */
export async function crisisScopeOf(db: Executor, user: { role: Role; departmentId: number | null }): Promise<CrisisScope | null> {
  let kind: string | null = null;
  if (user.departmentId != null && user.role === "department_head") {
    const [d] = await db.select({ kind: departments.kind }).from(departments).where(eq(departments.id, user.departmentId));
    kind = d?.kind ?? null;
  }
  return crisisScope(user, kind);
}

/** A crisis concerns a department when one of its channels is assigned there or a step is the department's. */
function concerns(departmentId: number) {
  return sql`(exists (select 1 from crisis_channels cc join channel_assignments ca on ca.channel_id = cc.channel_id
      where cc.crisis_id = ${crises.id} and ca.department_id = ${departmentId})
    or exists (select 1 from crisis_steps cs where cs.crisis_id = ${crises.id} and cs.department_id = ${departmentId}))`;
}

function scopeWhere(scope: CrisisScope) {
  return scope.all ? undefined : concerns(scope.departmentId);
}

export interface CrisisListRow {
  id: number;
  title: string;
  status: CrisisStatus;
  severity: number;
  crisisType: CrisisType | null;
  startedAt: Date;
  closedAt: Date | null;
  leadName: string | null;
  stepsTotal: number;
  stepsDone: number;
}

/** Draft and active crises first (all of them), then a page of past ones; newest first in each. */
export async function listCrises(db: Executor, scope: CrisisScope, page = 1): Promise<{ open: CrisisListRow[]; past: CrisisListRow[]; pastTotal: number; page: number; pageSize: number }> {
  const base = () =>
    db
      .select({
        id: crises.id,
        title: crises.title,
        status: crises.status,
        severity: crises.severity,
        crisisType: crises.crisisType,
        startedAt: crises.startedAt,
        closedAt: crises.closedAt,
        leadName: users.name,
        stepsTotal: sql<number>`(select count(*)::int from crisis_steps s where s.crisis_id = ${crises.id})`,
        stepsDone: sql<number>`(select count(*)::int from crisis_steps s where s.crisis_id = ${crises.id} and s.done_at is not null)`,
      })
      .from(crises)
      .leftJoin(users, eq(users.id, crises.leadId));
  const openWhere = and(inArray(crises.status, ["draft", "active"]), scopeWhere(scope));
  const pastWhere = and(inArray(crises.status, ["closed", "dismissed"]), scopeWhere(scope));
  const [open, past, [{ n }]] = await Promise.all([
    base().where(openWhere).orderBy(desc(crises.startedAt), desc(crises.id)),
    base()
      .where(pastWhere)
      .orderBy(desc(crises.startedAt), desc(crises.id))
      .limit(CRISIS_PAGE_SIZE)
      .offset((page - 1) * CRISIS_PAGE_SIZE),
    db.select({ n: count() }).from(crises).where(pastWhere),
  ]);
  return { open, past, pastTotal: n, page, pageSize: CRISIS_PAGE_SIZE };
}

/** Active crises the reader may see (the executive overview's picture). */
export async function countActiveCrises(db: Executor, scope: CrisisScope): Promise<number> {
  const [{ n }] = await db.select({ n: count() }).from(crises).where(and(eq(crises.status, "active"), scopeWhere(scope)));
  return n;
}

/** Drafts the early warning opened that nobody confirmed or dismissed yet (the navigation's badge). */
export function draftCrisesCountQuery(db: Executor) {
  return db.select({ n: count() }).from(crises).where(eq(crises.status, "draft"));
}

export async function countDraftCrises(db: Executor): Promise<number> {
  return (await draftCrisesCountQuery(db))[0].n;
}

export interface CrisisDetail extends Crisis {
  leadName: string | null;
  playbookName: string | null;
  channels: { id: number; name: string; platform: string }[];
  topics: string[];
}

/** One crisis, if the scope may see it (undefined: not found or not theirs, which the page answers alike… see canSee). */
export async function getCrisis(db: Executor, id: number): Promise<CrisisDetail | undefined> {
  const [row] = await db
    .select({ crisis: crises, leadName: users.name, playbookName: playbooks.name })
    .from(crises)
    .leftJoin(users, eq(users.id, crises.leadId))
    .leftJoin(playbooks, eq(playbooks.id, crises.playbookId))
    .where(eq(crises.id, id));
  if (!row) return undefined;
  const [chs, tps] = await Promise.all([
    db
      .select({ id: channels.id, name: channels.name, platform: channels.platform })
      .from(crisisChannels)
      .innerJoin(channels, eq(channels.id, crisisChannels.channelId))
      .where(eq(crisisChannels.crisisId, id))
      .orderBy(asc(channels.name)),
    db.select({ topic: crisisTopics.topic }).from(crisisTopics).where(eq(crisisTopics.crisisId, id)).orderBy(asc(crisisTopics.folded)),
  ]);
  return { ...row.crisis, leadName: row.leadName, playbookName: row.playbookName, channels: chs, topics: tps.map((t) => t.topic) };
}

export async function crisisVisible(db: Executor, scope: CrisisScope, id: number): Promise<boolean> {
  if (scope.all) return true;
  const [row] = await db.select({ id: crises.id }).from(crises).where(and(eq(crises.id, id), concerns(scope.departmentId)));
  return !!row;
}

// ─── Writes ──────────────────────────────────────────────────────────────────

export interface CrisisFields {
  title: string;
  severity: CrisisSeverityLevel;
  crisisType: CrisisType | null;
  leadId: number | null;
  playbookId: number | null;
  channelIds: number[];
  topics: string[];
}

export interface DeclareInput extends CrisisFields {
  startedAt: Date;
}

async function addEvent(db: Executor, crisisId: number, at: Date, actorId: number | null, kind: CrisisEventKind, payload: Record<string, unknown> = {}, stepId: number | null = null) {
  await db.insert(crisisEvents).values({ crisisId, at, actorId, kind, payload, stepId });
}

async function lockCrisis(db: Executor, id: number): Promise<Crisis> {
  const [c] = await db.select().from(crises).where(eq(crises.id, id)).for("update");
  if (!c) throw new AppError("not_found", "crisis not found");
  return c;
}

async function checkRefs(db: Executor, f: Pick<CrisisFields, "leadId" | "playbookId" | "channelIds">) {
  if (f.leadId != null) {
    const [u] = await db.select({ id: users.id, active: users.active, role: users.role }).from(users).where(eq(users.id, f.leadId));
    if (!u || !u.active) throw new AppError("validation_failed", "lead not found", { leadId: ["crisis.errors.lead"] });
  }
  if (f.playbookId != null) {
    const [p] = await db.select({ id: playbooks.id }).from(playbooks).where(eq(playbooks.id, f.playbookId));
    if (!p) throw new AppError("validation_failed", "playbook not found", { playbookId: ["crisis.errors.playbook"] });
  }
  if (f.channelIds.length) {
    const found = await db.select({ id: channels.id }).from(channels).where(inArray(channels.id, f.channelIds));
    if (found.length !== new Set(f.channelIds).size) throw new AppError("validation_failed", "channel not found", { channelIds: ["crisis.errors.channel"] });
  }
}

/** Topics, folded and deduplicated; refused when a draft or active crisis already holds one of them. */
async function setTopics(db: Executor, crisisId: number, topics: string[]) {
  await db.delete(crisisTopics).where(eq(crisisTopics.crisisId, crisisId));
  const byFold = new Map<string, string>();
  for (const t of topics) {
    const f = foldText(t).trim();
    if (f && !byFold.has(f)) byFold.set(f, t.trim());
  }
  if (!byFold.size) return;
  const taken = await db
    .select({ topic: crisisTopics.topic, crisisId: crisisTopics.crisisId })
    .from(crisisTopics)
    .where(and(eq(crisisTopics.open, true), inArray(crisisTopics.folded, [...byFold.keys()]), sql`${crisisTopics.crisisId} <> ${crisisId}`));
  if (taken.length) {
    throw new AppError("conflict", `topic "${taken[0].topic}" is held by crisis ${taken[0].crisisId}`, { topics: ["crisis.errors.topicTaken"] });
  }
  await db.insert(crisisTopics).values([...byFold].map(([folded, topic]) => ({ crisisId, topic, folded, open: true })));
}

async function setChannels(db: Executor, crisisId: number, channelIds: number[]) {
  await db.delete(crisisChannels).where(eq(crisisChannels.crisisId, crisisId));
  const ids = [...new Set(channelIds)];
  if (ids.length) await db.insert(crisisChannels).values(ids.map((channelId) => ({ crisisId, channelId })));
}

/** The playbook's steps as the crisis's checklist; a step for a department kind goes to the first such department. */
async function createChecklist(db: Executor, crisisId: number, playbookId: number, startedAt: Date) {
  const steps = await db.select().from(playbookSteps).where(eq(playbookSteps.playbookId, playbookId)).orderBy(asc(playbookSteps.position));
  if (!steps.length) return;
  const kinds = [...new Set(steps.map((s) => s.responsibleDepartmentKind).filter((k): k is NonNullable<typeof k> => k != null))];
  const deps = kinds.length
    ? await db.select({ id: departments.id, kind: departments.kind }).from(departments).where(inArray(departments.kind, kinds)).orderBy(asc(departments.id))
    : [];
  const depOf = new Map<string, number>();
  for (const d of deps) if (!depOf.has(d.kind)) depOf.set(d.kind, d.id);
  await db.insert(crisisSteps).values(
    checklistFrom(steps, startedAt).map((s) => ({
      crisisId,
      position: s.position,
      title: s.title,
      dueAt: s.dueAt,
      responsibleRole: s.responsibleRole,
      departmentId: s.responsibleDepartmentKind ? (depOf.get(s.responsibleDepartmentKind) ?? null) : null,
    })),
  );
}

/** A manager declares a crisis by hand: it is active at once, with the playbook's checklist. */
export async function declareCrisis(db: Executor, actorId: number, input: DeclareInput, now: Date): Promise<number> {
  return db.transaction(async (tx) => {
    await checkRefs(tx, input);
    const [row] = await tx
      .insert(crises)
      .values({
        title: input.title,
        status: "active",
        severity: input.severity,
        crisisType: input.crisisType,
        startedAt: input.startedAt,
        leadId: input.leadId,
        playbookId: input.playbookId,
        openedBy: actorId,
        confirmedAt: now,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: crises.id });
    await setChannels(tx, row.id, input.channelIds);
    await setTopics(tx, row.id, input.topics);
    if (input.playbookId != null) await createChecklist(tx, row.id, input.playbookId, input.startedAt);
    await addEvent(tx, row.id, now, actorId, "declared", { title: input.title, severity: input.severity });
    await recordAudit(tx, { actorId, action: "crisis.declare", entityType: "crisis", entityId: row.id, after: { ...input, startedAt: input.startedAt.toISOString() } });
    return row.id;
  });
}

/**
 * The early warning's spike becomes a draft crisis the managers confirm or dismiss. Runs inside
 * the transaction that opened the alert; it starts when the window that raised it began.
 */
export async function draftCrisisFromAlert(db: Executor, alert: { id: number; severity: "warning" | "critical"; current: number; windowHours: number }, now: Date): Promise<number | null> {
  const startedAt = new Date(now.getTime() - alert.windowHours * 3_600_000);
  const [row] = await db
    .insert(crises)
    .values({
      title: `Negative spike: ${alert.current} in ${alert.windowHours} h`,
      status: "draft",
      severity: alert.severity === "critical" ? 3 : 2,
      startedAt,
      alertId: alert.id,
      createdAt: now,
      updatedAt: now,
    })
    .onConflictDoNothing()
    .returning({ id: crises.id });
  if (!row) return null;
  await addEvent(db, row.id, now, null, "drafted", { alertId: alert.id, current: alert.current, windowHours: alert.windowHours });
  await recordAudit(db, { actorId: null, action: "crisis.draft", entityType: "crisis", entityId: row.id, after: { alertId: alert.id } });
  return row.id;
}

/** A manager confirms a draft: it becomes active with what they filled in, and its checklist. */
export async function confirmCrisis(db: Executor, actorId: number, id: number, f: CrisisFields, now: Date): Promise<void> {
  await db.transaction(async (tx) => {
    const c = await lockCrisis(tx, id);
    if (c.status !== "draft") throw new AppError("conflict", "only a draft can be confirmed");
    await checkRefs(tx, f);
    await tx
      .update(crises)
      .set({ status: "active", title: f.title, severity: f.severity, crisisType: f.crisisType, leadId: f.leadId, playbookId: f.playbookId, confirmedAt: now, updatedAt: now })
      .where(eq(crises.id, id));
    await setChannels(tx, id, f.channelIds);
    await setTopics(tx, id, f.topics);
    if (f.playbookId != null) await createChecklist(tx, id, f.playbookId, c.startedAt);
    await addEvent(tx, id, now, actorId, "confirmed", { title: f.title, severity: f.severity });
    await recordAudit(tx, { actorId, action: "crisis.confirm", entityType: "crisis", entityId: id, before: { status: "draft" }, after: { status: "active", ...f } });
  });
}

export async function dismissCrisis(db: Executor, actorId: number, id: number, now: Date): Promise<void> {
  await db.transaction(async (tx) => {
    const c = await lockCrisis(tx, id);
    if (c.status !== "draft") throw new AppError("conflict", "only a draft can be dismissed");
    await tx.update(crises).set({ status: "dismissed", dismissedAt: now, updatedAt: now }).where(eq(crises.id, id));
    await tx.update(crisisTopics).set({ open: false }).where(eq(crisisTopics.crisisId, id));
    await addEvent(tx, id, now, actorId, "dismissed");
    await recordAudit(tx, { actorId, action: "crisis.dismiss", entityType: "crisis", entityId: id, before: { status: "draft" }, after: { status: "dismissed" } });
  });
}

/** Closing needs a summary; the topics are free again for the next crisis. */
export async function closeCrisis(db: Executor, actorId: number, id: number, summary: string, now: Date): Promise<void> {
  await db.transaction(async (tx) => {
    const c = await lockCrisis(tx, id);
    if (c.status !== "active") throw new AppError("conflict", "only an active crisis can be closed");
    await tx.update(crises).set({ status: "closed", summary, closedAt: now, updatedAt: now }).where(eq(crises.id, id));
    await tx.update(crisisTopics).set({ open: false }).where(eq(crisisTopics.crisisId, id));
    await addEvent(tx, id, now, actorId, "closed", { summary });
    await recordAudit(tx, { actorId, action: "crisis.close", entityType: "crisis", entityId: id, before: { status: "active" }, after: { status: "closed", summary } });
  });
}

async function lockActiveStep(db: Executor, crisisId: number, stepId: number) {
  const c = await lockCrisis(db, crisisId);
  if (c.status !== "active") throw new AppError("conflict", "the crisis is not active");
  const [s] = await db.select().from(crisisSteps).where(and(eq(crisisSteps.id, stepId), eq(crisisSteps.crisisId, crisisId))).for("update");
  if (!s) throw new AppError("not_found", "step not found");
  return s;
}

export async function setStepDone(db: Executor, actorId: number, crisisId: number, stepId: number, done: boolean, now: Date): Promise<void> {
  await db.transaction(async (tx) => {
    const s = await lockActiveStep(tx, crisisId, stepId);
    if (!!s.doneAt === done) return;
    await tx
      .update(crisisSteps)
      .set(done ? { doneAt: now, doneBy: actorId } : { doneAt: null, doneBy: null })
      .where(eq(crisisSteps.id, stepId));
    await addEvent(tx, crisisId, now, actorId, done ? "step_done" : "step_reopened", { title: s.title }, stepId);
    await recordAudit(tx, { actorId, action: done ? "crisis.step_done" : "crisis.step_reopen", entityType: "crisis", entityId: crisisId, after: { stepId } });
  });
}

export async function assignStep(db: Executor, actorId: number, crisisId: number, stepId: number, assigneeId: number | null, now: Date): Promise<void> {
  await db.transaction(async (tx) => {
    const s = await lockActiveStep(tx, crisisId, stepId);
    if (s.assigneeId === assigneeId) return;
    let name: string | null = null;
    if (assigneeId != null) {
      const [u] = await tx.select({ name: users.name, active: users.active }).from(users).where(eq(users.id, assigneeId));
      if (!u || !u.active) throw new AppError("validation_failed", "assignee not found", { assigneeId: ["crisis.errors.assignee"] });
      name = u.name;
    }
    await tx.update(crisisSteps).set({ assigneeId }).where(eq(crisisSteps.id, stepId));
    await addEvent(tx, crisisId, now, actorId, "step_assigned", { title: s.title, assigneeId, assignee: name }, stepId);
    await recordAudit(tx, { actorId, action: "crisis.step_assign", entityType: "crisis", entityId: crisisId, before: { assigneeId: s.assigneeId }, after: { stepId, assigneeId } });
  });
}

export async function commentStep(db: Executor, actorId: number, crisisId: number, stepId: number, comment: string, now: Date): Promise<void> {
  await db.transaction(async (tx) => {
    const s = await lockActiveStep(tx, crisisId, stepId);
    await addEvent(tx, crisisId, now, actorId, "step_commented", { title: s.title, comment }, stepId);
  });
}

/** A manager adds an insight the channels and topics did not catch. */
export async function addCrisisInsight(db: Executor, actorId: number, crisisId: number, insightId: number, now: Date): Promise<boolean> {
  return db.transaction(async (tx) => {
    const c = await lockCrisis(tx, crisisId);
    if (c.status !== "active" && c.status !== "draft") throw new AppError("conflict", "the crisis is over");
    const [i] = await tx.select({ id: insights.id }).from(insights).where(eq(insights.id, insightId));
    if (!i) throw new AppError("validation_failed", "insight not found", { insightId: ["crisis.errors.insight"] });
    const [added] = await tx.insert(crisisInsights).values({ crisisId, insightId, addedBy: actorId, addedAt: now }).onConflictDoNothing().returning({ id: crisisInsights.insightId });
    if (!added) return false;
    await addEvent(tx, crisisId, now, actorId, "insight_added", { insightId });
    return true;
  });
}

/** Lessons learned are written after the close, and can be improved later; each change is audited. */
export async function setLessonsLearned(db: Executor, actorId: number, id: number, text: string, now: Date): Promise<void> {
  await db.transaction(async (tx) => {
    const c = await lockCrisis(tx, id);
    if (c.status !== "closed") throw new AppError("conflict", "lessons are written once the crisis is closed");
    await tx.update(crises).set({ lessonsLearned: text, updatedAt: now }).where(eq(crises.id, id));
    await recordAudit(tx, { actorId, action: "crisis.lessons", entityType: "crisis", entityId: id, before: { lessonsLearned: c.lessonsLearned }, after: { lessonsLearned: text } });
  });
}

// ─── The room ────────────────────────────────────────────────────────────────

/**
 * The rule of lib/crisis/membership.ts (belongsToCrisis) in SQL, for the insights table aliased
 * `i`: since the start (until the close), on its channels, mentioning a topic; with neither, the
 * negative voices; plus those added by hand.
 */
function membership(c: Pick<Crisis, "id" | "startedAt" | "closedAt">, hasChannels: boolean, hasTopics: boolean) {
  const time = c.closedAt
    ? sql`i.occurred_at >= ${c.startedAt.toISOString()}::timestamptz and i.occurred_at <= ${c.closedAt.toISOString()}::timestamptz`
    : sql`i.occurred_at >= ${c.startedAt.toISOString()}::timestamptz`;
  const parts = [time];
  if (hasChannels) parts.push(sql`i.channel_id in (select channel_id from crisis_channels where crisis_id = ${c.id})`);
  if (hasTopics) parts.push(sql`exists (select 1 from crisis_topics t where t.crisis_id = ${c.id} and strpos(i.text_folded, t.folded) > 0)`);
  if (!hasChannels && !hasTopics) parts.push(sql`(i.sentiment = 'negative' or i.category = 'crisis_signal')`);
  return sql`((${sql.join(parts, sql` and `)}) or i.id in (select insight_id from crisis_insights where crisis_id = ${c.id}))`;
}

export interface CrisisInsightRow {
  id: number;
  occurredAt: Date;
  text: string;
  sentiment: string;
  category: string;
  status: string;
  channelName: string | null;
  departmentName: string | null;
  added: boolean;
}

/** The newest insights of the crisis (a page by keyset on occurred_at, id) and how many there are. */
export async function crisisInsightPage(
  db: Executor,
  c: CrisisDetail,
  before?: { occurredAt: Date; id: number },
): Promise<{ rows: CrisisInsightRow[]; total: number; negative: number }> {
  const where = membership(c, c.channels.length > 0, c.topics.length > 0);
  const cursor = before ? sql`and (i.occurred_at, i.id) < (${before.occurredAt.toISOString()}::timestamptz, ${before.id})` : sql``;
  const [rows, totals] = await Promise.all([
    db.execute(sql`
      select i.id, i.occurred_at, i.text, i.sentiment, i.category, i.status, ch.name as channel_name, d.name as department_name,
        exists (select 1 from crisis_insights ci where ci.crisis_id = ${c.id} and ci.insight_id = i.id) as added
      from insights i
      left join channels ch on ch.id = i.channel_id
      left join departments d on d.id = i.department_id
      where ${where} ${cursor}
      order by i.occurred_at desc, i.id desc
      limit ${CRISIS_INSIGHTS_PAGE}`),
    db.execute(sql`
      select count(*)::int as total, count(*) filter (where i.sentiment = 'negative' or i.category = 'crisis_signal')::int as negative
      from insights i where ${where}`),
  ]);
  const t = totals.rows[0] as { total: number; negative: number };
  return {
    rows: (rows.rows as Record<string, unknown>[]).map((r) => ({
      id: Number(r.id),
      occurredAt: new Date(r.occurred_at as string),
      text: r.text as string,
      sentiment: r.sentiment as string,
      category: r.category as string,
      status: r.status as string,
      channelName: (r.channel_name as string | null) ?? null,
      departmentName: (r.department_name as string | null) ?? null,
      added: r.added === true || r.added === "t",
    })),
    total: Number(t.total),
    negative: Number(t.negative),
  };
}

/**
 * Volume and negative share per hour, from 48 h before the start. The lead-in counts by the
 * crisis's channels and topics without the start bound (that is the point of it: the rise).
 */
export async function crisisVolume(db: Executor, c: CrisisDetail, now: Date) {
  const { from, to } = chartWindow(c, now);
  const frame = { ...c, startedAt: from, closedAt: to };
  const where = membership(frame, c.channels.length > 0, c.topics.length > 0);
  const res = await db.execute(sql`
    select floor(extract(epoch from i.occurred_at) / 3600)::bigint as h, count(*)::int as total,
      count(*) filter (where i.sentiment = 'negative' or i.category = 'crisis_signal')::int as negative
    from insights i
    where ${where} and i.occurred_at >= ${from.toISOString()}::timestamptz and i.occurred_at < ${to.toISOString()}::timestamptz
    group by 1 order by 1`);
  const rows = (res.rows as { h: string | number; total: number; negative: number }[]).map((r) => ({
    hour: new Date(Number(r.h) * 3_600_000),
    total: Number(r.total),
    negative: Number(r.negative),
  }));
  return fillHours(rows, from, to);
}

export interface CrisisStepRow {
  id: number;
  position: number;
  title: string;
  dueAt: Date;
  responsibleRole: CrisisStepRole | null;
  departmentName: string | null;
  assigneeId: number | null;
  assigneeName: string | null;
  doneAt: Date | null;
  doneByName: string | null;
  comments: { at: Date; by: string | null; text: string }[];
}

export async function crisisChecklist(db: Executor, crisisId: number): Promise<CrisisStepRow[]> {
  const assignee = sql`(select name from users u where u.id = ${crisisSteps.assigneeId})`;
  const doneBy = sql`(select name from users u where u.id = ${crisisSteps.doneBy})`;
  const [steps, comments] = await Promise.all([
    db
      .select({
        id: crisisSteps.id,
        position: crisisSteps.position,
        title: crisisSteps.title,
        dueAt: crisisSteps.dueAt,
        responsibleRole: crisisSteps.responsibleRole,
        departmentName: departments.name,
        assigneeId: crisisSteps.assigneeId,
        assigneeName: sql<string | null>`${assignee}`,
        doneAt: crisisSteps.doneAt,
        doneByName: sql<string | null>`${doneBy}`,
      })
      .from(crisisSteps)
      .leftJoin(departments, eq(departments.id, crisisSteps.departmentId))
      .where(eq(crisisSteps.crisisId, crisisId))
      .orderBy(asc(crisisSteps.position)),
    db
      .select({ stepId: crisisEvents.stepId, at: crisisEvents.at, by: users.name, payload: crisisEvents.payload })
      .from(crisisEvents)
      .leftJoin(users, eq(users.id, crisisEvents.actorId))
      .where(and(eq(crisisEvents.crisisId, crisisId), eq(crisisEvents.kind, "step_commented")))
      .orderBy(asc(crisisEvents.at), asc(crisisEvents.id)),
  ]);
  const byStep = new Map<number, CrisisStepRow["comments"]>();
  for (const c of comments) {
    if (c.stepId == null) continue;
    const list = byStep.get(c.stepId) ?? [];
    list.push({ at: c.at, by: c.by, text: String(c.payload.comment ?? "") });
    byStep.set(c.stepId, list);
  }
  return steps.map((s) => ({ ...s, comments: byStep.get(s.id) ?? [] }));
}

export const TIMELINE_LIMIT = 200;

/** The newest events first (the room shows the latest 200). */
export async function crisisTimeline(db: Executor, crisisId: number) {
  return db
    .select({ id: crisisEvents.id, at: crisisEvents.at, kind: crisisEvents.kind, actorName: users.name, payload: crisisEvents.payload })
    .from(crisisEvents)
    .leftJoin(users, eq(users.id, crisisEvents.actorId))
    .where(eq(crisisEvents.crisisId, crisisId))
    .orderBy(desc(crisisEvents.at), desc(crisisEvents.id))
    .limit(TIMELINE_LIMIT);
}

/** What the post-mortem of a closed crisis is computed from (lib/crisis/post-mortem.ts). */
export async function postMortemInput(db: Executor, c: CrisisDetail): Promise<PostMortemInput | null> {
  if (c.status !== "closed" || !c.closedAt) return null;
  const [events, steps, hours, statements] = await Promise.all([
    db.select({ at: crisisEvents.at, kind: crisisEvents.kind, actorId: crisisEvents.actorId }).from(crisisEvents).where(eq(crisisEvents.crisisId, c.id)),
    db.select({ position: crisisSteps.position, title: crisisSteps.title, dueAt: crisisSteps.dueAt, doneAt: crisisSteps.doneAt }).from(crisisSteps).where(eq(crisisSteps.crisisId, c.id)),
    crisisVolume(db, c, c.closedAt),
    db.select({ usedAt: crisisStatements.usedAt }).from(crisisStatements).where(eq(crisisStatements.crisisId, c.id)),
  ]);
  return { startedAt: c.startedAt, closedAt: c.closedAt, events, steps, hours, statementsUsedAt: statements.map((s) => s.usedAt) };
}

/** What earlier crises of the same kind taught (closed, with lessons learned), newest first: the next crisis starts there. */
export async function earlierLessons(db: Executor, c: Pick<Crisis, "id" | "crisisType">, limit = 3) {
  if (!c.crisisType) return [];
  return db
    .select({ id: crises.id, title: crises.title, closedAt: crises.closedAt, lessonsLearned: crises.lessonsLearned })
    .from(crises)
    .where(and(eq(crises.crisisType, c.crisisType), eq(crises.status, "closed"), sql`${crises.lessonsLearned} is not null`, sql`${crises.id} <> ${c.id}`))
    .orderBy(desc(crises.closedAt), desc(crises.id))
    .limit(limit);
}

/** The whole timeline, oldest first, for the post-mortem's export. */
export async function fullTimeline(db: Executor, crisisId: number) {
  return db
    .select({ id: crisisEvents.id, at: crisisEvents.at, kind: crisisEvents.kind, actorName: users.name, payload: crisisEvents.payload })
    .from(crisisEvents)
    .leftJoin(users, eq(users.id, crisisEvents.actorId))
    .where(eq(crisisEvents.crisisId, crisisId))
    .orderBy(asc(crisisEvents.at), asc(crisisEvents.id));
}

// ─── Playbooks ───────────────────────────────────────────────────────────────

export interface PlaybookInput {
  name: string;
  crisisType: CrisisType;
  description: string | null;
  steps: { title: string; dueOffsetMinutes: number; responsibleRole: CrisisStepRole | null; responsibleDepartmentKind: string | null }[];
}

export async function listPlaybooks(db: Executor) {
  return db
    .select({
      id: playbooks.id,
      name: playbooks.name,
      crisisType: playbooks.crisisType,
      description: playbooks.description,
      updatedAt: playbooks.updatedAt,
      steps: sql<number>`(select count(*)::int from playbook_steps s where s.playbook_id = ${playbooks.id})`,
    })
    .from(playbooks)
    .orderBy(asc(playbooks.name), asc(playbooks.id));
}

export async function getPlaybook(db: Executor, id: number) {
  const [p] = await db.select().from(playbooks).where(eq(playbooks.id, id));
  if (!p) return undefined;
  const steps = await db.select().from(playbookSteps).where(eq(playbookSteps.playbookId, id)).orderBy(asc(playbookSteps.position));
  return { ...p, steps };
}

async function writeSteps(db: Executor, playbookId: number, steps: PlaybookInput["steps"]) {
  await db.delete(playbookSteps).where(eq(playbookSteps.playbookId, playbookId));
  if (steps.length) {
    await db.insert(playbookSteps).values(
      steps.map((s, i) => ({
        playbookId,
        position: i + 1,
        title: s.title,
        dueOffsetMinutes: s.dueOffsetMinutes,
        responsibleRole: s.responsibleRole,
        responsibleDepartmentKind: s.responsibleDepartmentKind as (typeof playbookSteps.$inferInsert)["responsibleDepartmentKind"],
      })),
    );
  }
}

export async function createPlaybook(db: Executor, actorId: number | null, input: PlaybookInput, now: Date): Promise<number> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(playbooks)
      .values({ name: input.name, crisisType: input.crisisType, description: input.description, createdBy: actorId, createdAt: now, updatedAt: now })
      .returning({ id: playbooks.id });
    await writeSteps(tx, row.id, input.steps);
    await recordAudit(tx, { actorId, action: "playbook.create", entityType: "playbook", entityId: row.id, after: input });
    return row.id;
  });
}

/** Editing a playbook changes the checklists of crises opened later, not of those already running. */
export async function updatePlaybook(db: Executor, actorId: number, id: number, input: PlaybookInput, now: Date): Promise<void> {
  await db.transaction(async (tx) => {
    const [p] = await tx.select().from(playbooks).where(eq(playbooks.id, id)).for("update");
    if (!p) throw new AppError("not_found", "playbook not found");
    await tx.update(playbooks).set({ name: input.name, crisisType: input.crisisType, description: input.description, updatedAt: now }).where(eq(playbooks.id, id));
    await writeSteps(tx, id, input.steps);
    await recordAudit(tx, { actorId, action: "playbook.update", entityType: "playbook", entityId: id, before: { name: p.name }, after: input });
  });
}

export async function deletePlaybook(db: Executor, actorId: number, id: number): Promise<void> {
  await db.transaction(async (tx) => {
    const [p] = await tx.delete(playbooks).where(eq(playbooks.id, id)).returning({ id: playbooks.id, name: playbooks.name });
    if (!p) throw new AppError("not_found", "playbook not found");
    await recordAudit(tx, { actorId, action: "playbook.delete", entityType: "playbook", entityId: id, before: { name: p.name } });
  });
}

/** People who can lead a crisis or take a step: active managers, heads and executives. */
export async function crisisPeople(db: Executor) {
  return db
    .select({ id: users.id, name: users.name, role: users.role })
    .from(users)
    .where(and(eq(users.active, true), inArray(users.role, ["manager", "department_head", "executive"])))
    .orderBy(asc(users.name));
}
