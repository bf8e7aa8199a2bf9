import { and, eq, isNull, lte, ne, or, sql } from "drizzle-orm";
import type { Executor } from "../client";
import { type Connector, connectorRuns, connectors } from "../schema";
import { connectorSecrets } from "./connectors";
import { ingestItems, type IntakeSummary } from "./insight-intake";
import { FeedError, type FeedItem, parseFeed } from "@/lib/connectors/feed";
import { FetchError, type FetchOptions, fetchSource } from "@/lib/connectors/fetch";
import { fetchMastodon, type MastodonCursor } from "@/lib/connectors/mastodon";
import { toIntakeItem } from "@/lib/connectors/to-intake";
import { fetchYoutube, type YoutubeCursor } from "@/lib/connectors/youtube";
import { env } from "@/lib/env";
import { AppError, zodFieldErrors } from "@/lib/errors";
import { CONNECTOR_PAUSE_AFTER, type ConnectorRunTrigger } from "@/lib/enums";
import type { ValidatedItem } from "@/lib/insights/intake";
import { emit } from "@/lib/jobs/enqueue";
import { connectorPaused } from "@/lib/jobs/events";
import { intakeItemSchema, MAX_BATCH } from "@/lib/schemas/insights";

/**
 * One run of a polled connector: claim it (two instances never run the same connector at once),
 * fetch its source, read the items, hand them to the intake in batches (each batch all or
 * nothing; items stored before are counted as duplicates, so a re-poll never stores twice), then
 * record the run and the connector's new state in one transaction: due again after its interval,
 * or after a failure later each time (doubling, at most a day, at least what a 429's
 * Retry-After asks), and paused after CONNECTOR_PAUSE_AFTER failures in a row.
 */

export const MAX_BACKOFF_MINUTES = 24 * 60;

export interface RunOutcome {
  outcome: "ok" | "not_modified" | "failed" | "skipped";
  fetched: number;
  created: number;
  duplicates: number;
  errorCode?: string;
  error?: string;
  /** The connector was paused by this run's failure. */
  paused?: boolean;
}

export interface RunDeps {
  /** Outbound request settings (tests: a fixture server on 127.0.0.1). */
  fetch?: Partial<Pick<FetchOptions, "allowPrivateNetworks" | "lookup" | "timeoutMs" | "maxBytes">>;
  /** The YouTube Data API's address (tests: a fixture server); default YOUTUBE_API_URL or Google's. */
  youtubeApiBase?: string;
}

/** The wait after the `failures`-th failure in a row: the interval doubled each time, capped at a day. */
export function backoffMinutes(intervalMinutes: number, failures: number, retryAfterSeconds?: number): number {
  const doubled = Math.min(intervalMinutes * 2 ** Math.max(failures - 1, 0), MAX_BACKOFF_MINUTES);
  return Math.max(doubled, Math.ceil((retryAfterSeconds ?? 0) / 60));
}

const addMinutes = (d: Date, m: number) => new Date(d.getTime() + m * 60_000);

/**
 * Takes the connector for this run: a scheduled run only when it is due and not paused (another
 * instance that got there first leaves nothing to take); a manual run whenever it is not paused.
 * Moves its due time past the run, so the scheduler does not hand it out again meanwhile.
 */
async function claim(db: Executor, id: number, trigger: ConnectorRunTrigger, now: Date): Promise<Connector | null> {
  const due = trigger === "schedule" ? or(isNull(connectors.nextRunAt), lte(connectors.nextRunAt, now)) : undefined;
  const [c] = await db
    .update(connectors)
    .set({ nextRunAt: sql`${now.toISOString()}::timestamptz + make_interval(mins => ${connectors.intervalMinutes})` })
    .where(and(eq(connectors.id, id), ne(connectors.status, "paused"), due))
    .returning();
  return c ?? null;
}

export async function runConnector(db: Executor, id: number, trigger: ConnectorRunTrigger, now: Date, deps: RunDeps = {}): Promise<RunOutcome> {
  const c = await claim(db, id, trigger, now);
  if (!c) {
    if (trigger !== "schedule") {
      const [exists] = await db.select({ status: connectors.status }).from(connectors).where(eq(connectors.id, id));
      if (!exists) throw new AppError("not_found", "connector not found");
      throw new AppError("conflict", "the connector is paused; resume it first", { paused: ["connectors.errors.pausedRun"] });
    }
    return { outcome: "skipped", fetched: 0, created: 0, duplicates: 0 };
  }
  const started = now;
  const t0 = performance.now();
  // The run's end on the same clock as its start.
  const finished = () => new Date(now.getTime() + Math.round(performance.now() - t0));
  let result: RunOutcome & { outcome: "ok" | "not_modified" | "failed" };
  let cursor = c.cursor;
  try {
    const fetched = await fetchItems(c, deps);
    if (fetched.kind === "not_modified") {
      result = { outcome: "not_modified", fetched: 0, created: 0, duplicates: 0 };
    } else {
      cursor = { ...c.cursor, ...fetched.cursor };
      const stored = await store(db, c, fetched.items, now);
      result = { outcome: "ok", fetched: fetched.items.length, created: stored.created, duplicates: stored.duplicates };
    }
  } catch (err) {
    if (!(err instanceof FetchError) && !(err instanceof FeedError)) throw err;
    result = {
      outcome: "failed",
      fetched: 0,
      created: 0,
      duplicates: 0,
      errorCode: err.code,
      error: err.message.slice(0, 1000),
    };
    const retryAfter = err instanceof FetchError ? err.detail.retryAfterSeconds : undefined;
    return db.transaction(async (tx) => {
      const failures = c.consecutiveFailures + 1;
      const paused = failures >= CONNECTOR_PAUSE_AFTER;
      const [still] = await tx
        .update(connectors)
        .set({
          // Paused by hand while the run was under way: it stays paused.
          status: sql`case when ${connectors.status} = 'paused' then ${connectors.status} else ${paused ? "paused" : "failing"}::connector_status end`,
          pausedReason: sql`case when ${connectors.status} = 'paused' then ${connectors.pausedReason} else ${paused ? "failures" : null} end`,
          consecutiveFailures: failures,
          nextRunAt: sql`case when ${connectors.status} = 'paused' then null else ${paused ? null : addMinutes(now, backoffMinutes(c.intervalMinutes, failures, retryAfter)).toISOString()}::timestamptz end`,
          lastRunAt: now,
          lastErrorCode: result.errorCode,
          lastError: result.error,
          updatedAt: now,
        })
        .where(eq(connectors.id, c.id))
        .returning({ id: connectors.id });
      // Deleted while the run was under way: nothing left to record.
      if (!still) return { ...result, paused: false };
      await tx.insert(connectorRuns).values({ connectorId: c.id, trigger, startedAt: started, finishedAt: finished(), ...runColumns(result) });
      // The managers hear of it (notify.connector), in the same transaction as the pause.
      if (paused) await emit(tx, [connectorPaused(c.id, now)]);
      return { ...result, paused };
    });
  }
  await db.transaction(async (tx) => {
    const [still] = await tx
      .update(connectors)
      .set({
        // Paused by hand while the run was under way: it stays paused.
        status: sql`case when ${connectors.status} = 'paused' then ${connectors.status} else 'ok'::connector_status end`,
        pausedReason: sql`case when ${connectors.status} = 'paused' then ${connectors.pausedReason} else null end`,
        consecutiveFailures: 0,
        cursor,
        nextRunAt: sql`case when ${connectors.status} = 'paused' then null else ${addMinutes(now, c.intervalMinutes).toISOString()}::timestamptz end`,
        lastRunAt: now,
        lastSuccessAt: now,
        lastErrorCode: null,
        lastError: null,
        updatedAt: now,
      })
      .where(eq(connectors.id, c.id))
      .returning({ id: connectors.id });
    // Deleted while the run was under way: nothing left to record.
    if (still) await tx.insert(connectorRuns).values({ connectorId: c.id, trigger, startedAt: started, finishedAt: finished(), ...runColumns(result) });
  });
  return result;
}

function runColumns(r: RunOutcome & { outcome: "ok" | "not_modified" | "failed" }) {
  return {
    outcome: r.outcome,
    fetched: r.fetched,
    created: r.created,
    duplicates: r.duplicates,
    errorCode: r.errorCode ?? null,
    error: r.error ?? null,
  };
}

type Fetched = { kind: "not_modified" } | { kind: "items"; items: FeedItem[]; cursor: Record<string, unknown> };

/** The source's new items (feeds: conditional on the last ETag / Last-Modified). */
async function fetchItems(c: Connector, deps: RunDeps): Promise<Fetched> {
  const outbound = { allowPrivateNetworks: env.ALLOW_PRIVATE_NETWORKS, ...deps.fetch };
  switch (c.kind) {
    case "feed": {
      const res = await fetchSource(c.url!, {
        ...outbound,
        etag: typeof c.cursor.etag === "string" ? c.cursor.etag : null,
        lastModified: typeof c.cursor.lastModified === "string" ? c.cursor.lastModified : null,
      });
      if (res.kind === "not_modified") return { kind: "not_modified" };
      const feed = parseFeed(res.text, res.contentType);
      return { kind: "items", items: feed.items, cursor: { etag: res.etag, lastModified: res.lastModified } };
    }
    case "mastodon": {
      const hashtags = Array.isArray(c.settings.hashtags) ? (c.settings.hashtags as string[]) : [];
      const r = await fetchMastodon(c.url!, { hashtags, accessToken: connectorSecrets(c).accessToken }, c.cursor as MastodonCursor, outbound);
      return { kind: "items", items: r.items, cursor: { ...r.cursor } };
    }
    case "youtube": {
      const apiKey = connectorSecrets(c).apiKey;
      const youtubeChannelId = typeof c.settings.youtubeChannelId === "string" ? c.settings.youtubeChannelId : null;
      if (!apiKey || !youtubeChannelId) throw new FetchError("unauthorized", "the connector has no API key or channel id");
      const r = await fetchYoutube({ youtubeChannelId, apiKey }, c.cursor as YoutubeCursor, { ...outbound, apiBase: deps.youtubeApiBase ?? env.YOUTUBE_API_URL });
      return { kind: "items", items: r.items, cursor: { ...r.cursor } };
    }
    default:
      // Meta and generic webhooks receive; they are never fetched.
      throw new FetchError("http_status", `connectors of kind ${c.kind} are not fetched`);
  }
}

/** Items as the intake checks them, each made an intake item of this connector. */
function validated(c: Connector, items: readonly FeedItem[], now: Date): ValidatedItem[] {
  return items.map((item, index) => {
    const parsed = intakeItemSchema.safeParse(toIntakeItem(c, item, now));
    return parsed.success ? { index, ok: true, item: parsed.data } : { index, ok: false, errors: zodFieldErrors(parsed.error) };
  });
}

/** Hands checked items to the intake, MAX_BATCH at a time; counts what was new and what was stored before. */
async function storeValidated(db: Executor, c: Pick<Connector, "name">, items: ValidatedItem[], now: Date): Promise<IntakeSummary> {
  const total: IntakeSummary = { created: 0, duplicates: 0, invalid: 0, routed: 0, items: [] };
  for (let i = 0; i < items.length; i += MAX_BATCH) {
    const batch = items.slice(i, i + MAX_BATCH).map((v, index) => ({ ...v, index }));
    const summary = await ingestItems(db, { via: "connector", userId: null, label: c.name }, batch, now);
    total.created += summary.created;
    total.duplicates += summary.duplicates;
    total.invalid += summary.invalid;
    total.routed += summary.routed;
    total.items.push(...summary.items.map((r) => ({ ...r, index: r.index + i })));
  }
  return total;
}

const store = (db: Executor, c: Connector, items: FeedItem[], now: Date) => storeValidated(db, c, validated(c, items, now), now);

/** A receiving connector (Meta, generic webhook) by id, or null when there is none of these kinds. */
export async function receivingConnector(db: Executor, id: number, kind: "meta" | "webhook"): Promise<Connector | null> {
  const [c] = await db
    .select()
    .from(connectors)
    .where(and(eq(connectors.id, id), eq(connectors.kind, kind)));
  return c ?? null;
}

/**
 * What a receiving connector was sent: Meta's comments (as feed items) or a listening suite's
 * intake items (already checked; channel defaulted to the connector's). Stored through the
 * intake, recorded as a run of trigger "webhook".
 */
export async function receiveItems(db: Executor, c: Connector, items: { feed: readonly FeedItem[] } | { checked: ValidatedItem[] }, now: Date): Promise<IntakeSummary> {
  const checked = "feed" in items ? validated(c, items.feed, now) : items.checked;
  const summary = checked.length ? await storeValidated(db, c, checked, now) : { created: 0, duplicates: 0, invalid: 0, routed: 0, items: [] };
  await db.transaction(async (tx) => {
    await tx.update(connectors).set({ status: "ok", consecutiveFailures: 0, lastRunAt: now, lastSuccessAt: now, lastErrorCode: null, lastError: null, updatedAt: now }).where(eq(connectors.id, c.id));
    await tx.insert(connectorRuns).values({
      connectorId: c.id,
      trigger: "webhook",
      startedAt: now,
      finishedAt: now,
      outcome: "ok",
      fetched: checked.length,
      created: summary.created,
      duplicates: summary.duplicates,
    });
  });
  return summary;
}
