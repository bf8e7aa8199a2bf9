import { inArray, sql } from "drizzle-orm";
import type { Executor } from "../client";
import { channels, departments, type Platform } from "../schema";
import { recordAudit } from "./audit";
import { arrayLiteral } from "./sql-array";
import { evaluateCrisis } from "./crisis";
import { loadRuleSpecs } from "./routing-rules";
import { AppError, type FieldErrors } from "@/lib/errors";
import { classify } from "@/lib/insights/classifier";
import { validateIntakeBody, type ValidatedItem } from "@/lib/insights/intake";
import { compileRules, route } from "@/lib/routing/engine";
import type { CsvPreview } from "@/lib/insights/csv";
import type { IntakeItem } from "@/lib/schemas/insights";
import { emit } from "@/lib/jobs/enqueue";
import { type DomainEvent, insightCreated, insightRouted } from "@/lib/jobs/events";

/** How an insight came in; shown in its history ("received via API · CRM-Anbindung"). */
export interface IntakeActor {
  via: "api" | "csv" | "form" | "connector";
  userId: number | null;
  /** The API token's name, for the history. */
  label?: string | null;
}

export interface IntakeItemResult {
  index: number;
  status: "created" | "duplicate" | "invalid";
  id?: number;
  /** The department a rule routed it to; null = waits in triage. */
  departmentId?: number | null;
  errors?: FieldErrors;
}

export interface IntakeSummary {
  created: number;
  duplicates: number;
  invalid: number;
  routed: number;
  items: IntakeItemResult[];
}

/** One insight as the intake statement receives it, column by column. */
interface IntakeRow {
  source: string;
  external_id: string;
  channel_id: number | null;
  platform: Platform;
  occurred_at: string;
  text: string;
  url: string | null;
  language: string | null;
  language_derived: boolean;
  author_handle: string | null;
  category: string;
  sentiment: string;
  sentiment_derived: boolean;
  status: "routed" | "triage";
  department_id: number | null;
  rule_id: number | null;
  routed_at: string | null;
  sla_due_at: string | null;
}

const keyOf = (source: string, externalId: string) => `${source}\u0000${externalId}`;

/**
 * Stores a validated batch: invalid items are reported and skipped, valid ones are classified,
 * routed by the active rules and inserted in one statement together with their history event.
 * Intake and rule routing are one step, so they are one `received` event that names the rule and
 * department when a rule matched (the history shows it as "received" and "routed by rule");
 * routing by hand later is a `routed` event of its own. (source, external id) already stored or repeated
 * within the batch are reported as duplicates and never stored twice. All of it runs in one
 * transaction with its audit entry: on any database error nothing of the batch is written.
 */
export async function ingestItems(db: Executor, actor: IntakeActor, validated: ValidatedItem[], now = new Date()): Promise<IntakeSummary> {
  return db.transaction(async (tx) => {
    const results: IntakeItemResult[] = validated.map((v) => (v.ok ? { index: v.index, status: "created" } : { index: v.index, status: "invalid", errors: v.errors }));
    const valid = validated.filter((v): v is Extract<ValidatedItem, { ok: true }> => v.ok);

    const channelIds = [...new Set(valid.map((v) => v.item.channelId).filter((x): x is number => x != null))];
    const channelPlatform = new Map<number, Platform>();
    if (channelIds.length) {
      const rows = await tx.select({ id: channels.id, platform: channels.platform }).from(channels).where(inArray(channels.id, channelIds));
      for (const r of rows) channelPlatform.set(r.id, r.platform);
    }
    const rules = compileRules(await loadRuleSpecs(tx, { activeOnly: true }));

    const seen = new Set<string>();
    const rows: IntakeRow[] = [];
    const rowIndex = new Map<string, number>();
    for (const { index, item } of valid) {
      if (item.channelId != null && !channelPlatform.has(item.channelId)) {
        results[index] = { index, status: "invalid", errors: { channelId: ["insights.errors.unknownChannel"] } };
        continue;
      }
      const key = keyOf(item.source, item.externalId);
      if (seen.has(key)) {
        results[index] = { index, status: "duplicate" };
        continue;
      }
      seen.add(key);
      const platform = item.channelId != null ? channelPlatform.get(item.channelId)! : item.platform!;
      const c = classify(item);
      const decision = route(rules, { ...item, platform, channelId: item.channelId ?? null, sentiment: c.sentiment, language: c.language }, now);
      rowIndex.set(key, index);
      results[index] = { index, status: "created", departmentId: decision?.departmentId ?? null };
      rows.push({
        source: item.source,
        external_id: item.externalId,
        channel_id: item.channelId ?? null,
        platform,
        occurred_at: item.occurredAt.toISOString(),
        text: item.text,
        url: item.url,
        language: c.language,
        language_derived: c.languageDerived,
        author_handle: item.authorHandle,
        category: item.category,
        sentiment: c.sentiment,
        sentiment_derived: c.sentimentDerived,
        status: decision ? "routed" : "triage",
        department_id: decision?.departmentId ?? null,
        rule_id: decision?.ruleId ?? null,
        routed_at: decision ? now.toISOString() : null,
        sla_due_at: decision?.slaDueAt.toISOString() ?? null,
      });
    }

    if (rows.length) {
      const note = actor.label ? `${actor.via}:${actor.label}` : actor.via;
      // One round trip: the rows travel column by column as array parameters (cheaper for the
      // server to read than one JSON document); the events are written from the rows the insert
      // really created, so duplicates get no second history.
      const col = <K extends keyof IntakeRow>(k: K) => rows.map((r) => r[k]);
      const res = await tx.execute(sql`
        with input as (
          select * from unnest(
            ${arrayLiteral(col("source"))}::text[], ${arrayLiteral(col("external_id"))}::text[],
            ${arrayLiteral(col("channel_id"))}::integer[], ${arrayLiteral(col("platform"))}::"platform"[],
            ${arrayLiteral(col("occurred_at"))}::timestamptz[], ${arrayLiteral(col("text"))}::text[],
            ${arrayLiteral(col("url"))}::text[], ${arrayLiteral(col("language"))}::text[],
            ${arrayLiteral(col("language_derived"))}::boolean[], ${arrayLiteral(col("author_handle"))}::text[],
            ${arrayLiteral(col("category"))}::"insight_category"[], ${arrayLiteral(col("sentiment"))}::"sentiment"[],
            ${arrayLiteral(col("sentiment_derived"))}::boolean[], ${arrayLiteral(col("status"))}::"insight_status"[],
            ${arrayLiteral(col("department_id"))}::integer[], ${arrayLiteral(col("rule_id"))}::integer[],
            ${arrayLiteral(col("routed_at"))}::timestamptz[], ${arrayLiteral(col("sla_due_at"))}::timestamptz[]
          ) as x(source, external_id, channel_id, platform, occurred_at, text, url, language, language_derived,
            author_handle, category, sentiment, sentiment_derived, status, department_id, rule_id, routed_at, sla_due_at)
        ), ins as (
          insert into insights (source, external_id, channel_id, platform, occurred_at, text, url, language,
            language_derived, author_handle, category, sentiment, sentiment_derived, status, department_id, rule_id,
            routed_at, sla_due_at)
          select source, external_id, channel_id, platform, occurred_at, text, url, language, language_derived,
            author_handle, category, sentiment, sentiment_derived, status, department_id, rule_id, routed_at, sla_due_at
          from input
          on conflict (source, external_id) do nothing
          returning id, source, external_id, rule_id, department_id, created_at
        ), ev as (
          insert into insight_events (insight_id, type, actor_id, rule_id, to_department_id, note, created_at)
          select id, 'received'::insight_event_type, ${actor.userId}::integer, rule_id, department_id, ${note}, created_at from ins
        )
        select id, source, external_id from ins`);
      const created = new Set<string>();
      for (const r of res.rows as { id: string | number; source: string; external_id: string }[]) {
        const key = keyOf(r.source, r.external_id);
        created.add(key);
        const index = rowIndex.get(key)!;
        results[index] = { ...results[index], id: Number(r.id) };
      }
      for (const [key, index] of rowIndex) {
        if (!created.has(key)) results[index] = { index, status: "duplicate" };
      }
    }

    // Whoever is told about new and routed insights (notifications, webhooks) hears it from jobs
    // that exist exactly when this batch commits; all of them in one statement.
    const events: DomainEvent[] = [];
    for (const r of results) {
      if (r?.status !== "created" || !r.id) continue;
      events.push(insightCreated(r.id, r.departmentId ?? null, now));
      if (r.departmentId != null) events.push(insightRouted(r.id, r.departmentId, "rule", now));
    }
    await emit(tx, events);
    const summary = summarise(results);
    // New negative voices may add up to a crisis; only then is the early warning re-evaluated.
    if (rows.some((r) => r.sentiment === "negative" || r.category === "crisis_signal")) await evaluateCrisis(tx, now);
    if (summary.created > 0) {
      await recordAudit(tx, {
        actorId: actor.userId,
        action: "insight.ingest",
        entityType: "insight",
        after: { via: actor.via, label: actor.label ?? null, created: summary.created, routed: summary.routed, duplicates: summary.duplicates, invalid: summary.invalid },
      });
    }
    return summary;
  });
}

function summarise(items: IntakeItemResult[]): IntakeSummary {
  const s: IntakeSummary = { created: 0, duplicates: 0, invalid: 0, routed: 0, items };
  for (const r of items) {
    if (r.status === "created") {
      s.created++;
      if (r.departmentId != null) s.routed++;
    } else if (r.status === "duplicate") s.duplicates++;
    else s.invalid++;
  }
  return s;
}

/**
 * What `POST /api/v1/insights` runs: validate the body, then store what is valid. A body that is
 * not a batch at all is refused as a whole (AppError); within a batch, invalid items are reported
 * per item with field errors while the valid ones are stored.
 */
export async function ingestBody(db: Executor, actor: IntakeActor, body: unknown, now = new Date()): Promise<IntakeSummary> {
  const checked = validateIntakeBody(body);
  if (!checked.ok) throw new AppError(checked.code, checked.message, checked.fields);
  return ingestItems(db, actor, checked.items, now);
}

/**
 * What a CSV import would do, without writing: how many rows are new, how many were imported
 * before, and where the active rules would send the first rows.
 */
export async function ingestPreview(db: Executor, items: (IntakeItem & { line: number })[], now = new Date()): Promise<CsvPreview> {
  const keys = items.map((i) => ({ source: i.source, external_id: i.externalId }));
  const existing = await db.execute(sql`
    select k.source, k.external_id from jsonb_to_recordset(${JSON.stringify(keys)}::jsonb) as k(source text, external_id text)
    where exists (select 1 from insights i where i.source = k.source and i.external_id = k.external_id)`);
  const known = new Set((existing.rows as { source: string; external_id: string }[]).map((r) => keyOf(r.source, r.external_id)));
  const rules = compileRules(await loadRuleSpecs(db, { activeOnly: true }));
  const depNames = new Map((await db.select({ id: departments.id, name: departments.name }).from(departments)).map((d) => [d.id, d.name]));
  let routed = 0;
  const sample: Extract<CsvPreview, { ok: true }>["sample"] = [];
  for (const item of items) {
    const duplicate = known.has(keyOf(item.source, item.externalId));
    const c = classify(item);
    const decision = duplicate
      ? null
      : route(rules, { ...item, platform: item.platform ?? null, channelId: item.channelId ?? null, sentiment: c.sentiment, language: c.language }, now);
    if (decision) routed++;
    if (sample.length < 20) {
      sample.push({
        line: item.line,
        occurredAt: item.occurredAt.toISOString(),
        category: item.category,
        text: item.text.slice(0, 160),
        departmentName: decision ? (depNames.get(decision.departmentId) ?? null) : null,
        duplicate,
      });
    }
  }
  return { ok: true, rows: items.length, fresh: items.length - known.size, duplicates: known.size, routed, sample };
}
