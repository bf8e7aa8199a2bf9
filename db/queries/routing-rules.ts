import { asc, count, desc, eq, gt, lt, max } from "drizzle-orm";
import type { Executor } from "../client";
import { channels, departments, insights, routingRules, type RoutingRule } from "../schema";
import { recordAudit } from "./audit";
import { AppError } from "@/lib/errors";
import type { InsightFacts, RuleSpec } from "@/lib/routing/engine";
import type { RuleInput } from "@/lib/schemas/insights";

export interface RuleDto extends RuleSpec {
  name: string;
  departmentName: string;
  updatedAt: Date;
}

const ruleColumns = {
  id: routingRules.id,
  name: routingRules.name,
  position: routingRules.position,
  active: routingRules.active,
  categories: routingRules.categories,
  platforms: routingRules.platforms,
  channelIds: routingRules.channelIds,
  keywords: routingRules.keywords,
  keywordMode: routingRules.keywordMode,
  sentiments: routingRules.sentiments,
  languages: routingRules.languages,
  departmentId: routingRules.departmentId,
  slaHours: routingRules.slaHours,
  departmentName: departments.name,
  updatedAt: routingRules.updatedAt,
};

/** Rules as the engine needs them, in order. */
export async function loadRuleSpecs(db: Executor, opts: { activeOnly?: boolean } = {}): Promise<RuleSpec[]> {
  const { departmentName: _d, updatedAt: _u, name: _n, ...spec } = ruleColumns;
  return db
    .select(spec)
    .from(routingRules)
    .where(opts.activeOnly ? eq(routingRules.active, true) : undefined)
    .orderBy(asc(routingRules.position), asc(routingRules.id));
}

export async function listRules(db: Executor, opts: { page?: number; pageSize?: number } = {}) {
  const pageSize = Math.min(Math.max(opts.pageSize ?? 50, 1), 200);
  const page = Math.max(opts.page ?? 1, 1);
  const [rows, [{ total }]] = await Promise.all([
    db
      .select(ruleColumns)
      .from(routingRules)
      .innerJoin(departments, eq(departments.id, routingRules.departmentId))
      .orderBy(asc(routingRules.position), asc(routingRules.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ total: count() }).from(routingRules),
  ]);
  return { rows: rows as RuleDto[], total, page, pageSize };
}

export async function getRule(db: Executor, id: number): Promise<RuleDto | null> {
  const [row] = await db
    .select(ruleColumns)
    .from(routingRules)
    .innerJoin(departments, eq(departments.id, routingRules.departmentId))
    .where(eq(routingRules.id, id));
  return (row as RuleDto) ?? null;
}

async function assertDepartment(db: Executor, id: number) {
  const [d] = await db.select({ id: departments.id }).from(departments).where(eq(departments.id, id));
  if (!d) throw new AppError("validation_failed", "unknown department", { departmentId: ["validation.invalidChoice"] });
}

export async function createRule(db: Executor, actorId: number | null, input: RuleInput): Promise<RoutingRule> {
  return db.transaction(async (tx) => {
    await assertDepartment(tx, input.departmentId);
    // New rules go last: adding a rule never changes how existing insights would have been routed.
    const [{ last }] = await tx.select({ last: max(routingRules.position) }).from(routingRules);
    const [row] = await tx
      .insert(routingRules)
      .values({ ...input, position: (last ?? 0) + 1 })
      .returning();
    await recordAudit(tx, { actorId, action: "routing_rule.create", entityType: "routing_rule", entityId: row.id, after: row });
    return row;
  });
}

export async function updateRule(db: Executor, actorId: number | null, id: number, input: RuleInput): Promise<RoutingRule> {
  return db.transaction(async (tx) => {
    await assertDepartment(tx, input.departmentId);
    const [before] = await tx.select().from(routingRules).where(eq(routingRules.id, id)).for("update");
    if (!before) throw new AppError("not_found", "rule not found");
    const [row] = await tx
      .update(routingRules)
      .set({ ...input, updatedAt: new Date() })
      .where(eq(routingRules.id, id))
      .returning();
    await recordAudit(tx, { actorId, action: "routing_rule.update", entityType: "routing_rule", entityId: id, before, after: row });
    return row;
  });
}

export async function setRuleActive(db: Executor, actorId: number | null, id: number, active: boolean) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(routingRules)
      .set({ active, updatedAt: new Date() })
      .where(eq(routingRules.id, id))
      .returning({ id: routingRules.id, name: routingRules.name, active: routingRules.active });
    if (!row) throw new AppError("not_found", "rule not found");
    await recordAudit(tx, { actorId, action: active ? "routing_rule.enable" : "routing_rule.disable", entityType: "routing_rule", entityId: id, after: row });
    return row;
  });
}

/** Swaps a rule with its neighbour above or below; at the edge nothing changes. */
export async function moveRule(db: Executor, actorId: number | null, id: number, direction: "up" | "down") {
  return db.transaction(async (tx) => {
    // Lock the whole list: two managers reordering at once must not produce equal positions.
    const all = await tx.select({ id: routingRules.id, position: routingRules.position }).from(routingRules).for("update");
    const me = all.find((r) => r.id === id);
    if (!me) throw new AppError("not_found", "rule not found");
    const [neighbour] = await tx
      .select({ id: routingRules.id, position: routingRules.position })
      .from(routingRules)
      .where(direction === "up" ? lt(routingRules.position, me.position) : gt(routingRules.position, me.position))
      .orderBy(direction === "up" ? desc(routingRules.position) : asc(routingRules.position))
      .limit(1);
    if (!neighbour) return { moved: false };
    await tx.update(routingRules).set({ position: neighbour.position }).where(eq(routingRules.id, me.id));
    await tx.update(routingRules).set({ position: me.position }).where(eq(routingRules.id, neighbour.id));
    await recordAudit(tx, {
      actorId,
      action: "routing_rule.move",
      entityType: "routing_rule",
      entityId: id,
      before: { position: me.position },
      after: { position: neighbour.position, direction, swappedWith: neighbour.id },
    });
    return { moved: true };
  });
}

export async function deleteRule(db: Executor, actorId: number | null, id: number) {
  return db.transaction(async (tx) => {
    const [row] = await tx.delete(routingRules).where(eq(routingRules.id, id)).returning();
    if (!row) throw new AppError("not_found", "rule not found");
    // Insights keep their department; their history still says a rule routed them (rule_id becomes null).
    await recordAudit(tx, { actorId, action: "routing_rule.delete", entityType: "routing_rule", entityId: id, before: row });
    return row;
  });
}

export interface PreviewInsight extends InsightFacts {
  id: number;
  occurredAt: string;
}

/** The latest insights, for the rule editor's live preview (it runs the engine in the browser). */
export async function previewSample(db: Executor, limit = 500): Promise<PreviewInsight[]> {
  const rows = await db
    .select({
      id: insights.id,
      occurredAt: insights.occurredAt,
      category: insights.category,
      platform: insights.platform,
      channelId: insights.channelId,
      text: insights.text,
      sentiment: insights.sentiment,
      language: insights.language,
    })
    .from(insights)
    .orderBy(desc(insights.createdAt), desc(insights.id))
    .limit(Math.min(limit, 500));
  return rows.map((r) => ({ ...r, occurredAt: r.occurredAt.toISOString() }));
}

/** Channels for filters, forms and rules (the register itself belongs to the channel capability). */
export async function listChannelOptions(db: Executor) {
  return db
    .select({ id: channels.id, name: channels.name, platform: channels.platform })
    .from(channels)
    .orderBy(asc(channels.name))
    .limit(500);
}

export type ChannelOption = Awaited<ReturnType<typeof listChannelOptions>>[number];
