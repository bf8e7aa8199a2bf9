import { asc, count, desc, eq, type SQL, sql, sum } from "drizzle-orm";
import type { Executor } from "../client";
import { channels, type Connector, connectorRuns, connectors, users } from "../schema";
import { recordAudit } from "./audit";
import { openSecret, sealSecret } from "@/lib/crypto/secrets";
import { encryptionKeys, env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { type ConnectorKind, POLLED_CONNECTOR_KINDS } from "@/lib/enums";
import { type Lookup, resolveOutboundUrl, UnsafeUrlError } from "@/lib/http/safe-url";
import { type CreateConnectorInput, kindIssues, SECRET_FIELDS, type SecretField, secretsOf, type UpdateConnectorInput } from "@/lib/schemas/connectors";
import { generateWebhookSecret } from "@/lib/webhooks/signing";

/**
 * The connector register: create, read, change, pause and delete connectors. Secrets are sealed
 * per connector and field before they are stored (lib/crypto/secrets.ts) and never leave this
 * module except to the connector's own run (`connectorSecrets`); the audit log records which
 * secrets changed, not their values. A generic webhook connector gets a signing secret, shown
 * once in the answer that created it.
 */

/** The signing secret of a generic webhook connector (Standard Webhooks, `whsec_…`). */
const SIGNING_SECRET = "signingSecret";

export interface ConnectorOptions {
  /** Default: ALLOW_PRIVATE_NETWORKS. */
  allowPrivateNetworks?: boolean;
  lookup?: Lookup;
}

export interface ConnectorDto {
  id: number;
  kind: ConnectorKind;
  name: string;
  channelId: number;
  channelName: string;
  category: Connector["category"];
  url: string | null;
  hashtags: string[];
  youtubeChannelId: string | null;
  /** Which secrets are stored (never their values). */
  secrets: string[];
  status: Connector["status"];
  pausedReason: string | null;
  intervalMinutes: number;
  consecutiveFailures: number;
  nextRunAt: Date | null;
  lastRunAt: Date | null;
  lastSuccessAt: Date | null;
  lastErrorCode: string | null;
  lastError: string | null;
  createdAt: Date;
  createdByName: string | null;
  totals: { runs: number; fetched: number; created: number; duplicates: number };
}

const isPolled = (kind: ConnectorKind) => (POLLED_CONNECTOR_KINDS as readonly string[]).includes(kind);
const context = (id: number, field: string) => `connector:${id}:${field}`;

/** The URL check of a connector's address as a field error (again at every run). */
async function checkUrl(raw: string, opts?: ConnectorOptions): Promise<string> {
  try {
    const { url } = await resolveOutboundUrl(raw, { allowPrivateNetworks: opts?.allowPrivateNetworks ?? env.ALLOW_PRIVATE_NETWORKS, lookup: opts?.lookup });
    return url.toString();
  } catch (err) {
    if (!(err instanceof UnsafeUrlError)) throw err;
    const key = {
      invalid: "validation.url",
      scheme: "validation.url",
      credentials: "connectors.errors.urlCredentials",
      unresolvable: "connectors.errors.urlUnresolvable",
      forbidden_address: "connectors.errors.urlForbidden",
    }[err.reason];
    throw new AppError("validation_failed", `url: ${err.message}`, { url: [key] });
  }
}

async function requireChannel(db: Executor, channelId: number) {
  const [c] = await db.select({ id: channels.id }).from(channels).where(eq(channels.id, channelId));
  if (!c) throw new AppError("validation_failed", "channelId: no such channel", { channelId: ["connectors.errors.channel"] });
}

function seal(id: number, secrets: Partial<Record<string, string>>, keys = encryptionKeys()): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [field, value] of Object.entries(secrets)) if (value) out[field] = sealSecret(value, context(id, field), keys[0]);
  return out;
}

/**
 * Creates a connector. Returns it, and for a generic webhook connector its signing secret (the
 * only time it is shown). A polled connector is due at once.
 */
export async function createConnector(
  db: Executor,
  actorId: number | null,
  input: CreateConnectorInput,
  now: Date,
  opts?: ConnectorOptions,
): Promise<{ connector: ConnectorDto; signingSecret?: string }> {
  const url = input.url ? await checkUrl(input.url, opts) : null;
  const secrets: Record<string, string> = { ...secretsOf(input) };
  const signingSecret = input.kind === "webhook" ? generateWebhookSecret() : undefined;
  if (signingSecret) secrets[SIGNING_SECRET] = signingSecret;
  const id = await db.transaction(async (tx) => {
    await requireChannel(tx, input.channelId);
    const [row] = await tx
      .insert(connectors)
      .values({
        kind: input.kind,
        name: input.name,
        channelId: input.channelId,
        category: input.category,
        url,
        settings: settingsOf(input),
        intervalMinutes: input.intervalMinutes ?? 15,
        nextRunAt: isPolled(input.kind) ? now : null,
        createdBy: actorId,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: connectors.id });
    // Sealed for this connector's id, which exists only now.
    await tx.update(connectors).set({ secrets: seal(row.id, secrets) }).where(eq(connectors.id, row.id));
    await recordAudit(tx, {
      actorId,
      action: "connector.create",
      entityType: "connector",
      entityId: row.id,
      after: { kind: input.kind, name: input.name, channelId: input.channelId, category: input.category, url, secrets: Object.keys(secrets).sort() },
    });
    return row.id;
  });
  return { connector: (await getConnector(db, id))!, signingSecret };
}

function settingsOf(input: Pick<CreateConnectorInput, "hashtags" | "youtubeChannelId">): Record<string, unknown> {
  return {
    ...(input.hashtags?.length ? { hashtags: input.hashtags } : {}),
    ...(input.youtubeChannelId ? { youtubeChannelId: input.youtubeChannelId } : {}),
  };
}

const dtoColumns = {
  connector: connectors,
  channelName: channels.name,
  createdByName: users.name,
};

async function selectDtos(db: Executor, where: SQL | undefined, limit?: number, offset?: number): Promise<ConnectorDto[]> {
  const q = db
    .select(dtoColumns)
    .from(connectors)
    .innerJoin(channels, eq(channels.id, connectors.channelId))
    .leftJoin(users, eq(users.id, connectors.createdBy))
    .where(where)
    .orderBy(asc(channels.name), asc(connectors.name), asc(connectors.id));
  const rows = await (limit ? q.limit(limit).offset(offset ?? 0) : q);
  if (!rows.length) return [];
  const ids = rows.map((r) => r.connector.id);
  const totals = await db
    .select({
      connectorId: connectorRuns.connectorId,
      runs: count(),
      fetched: sum(connectorRuns.fetched).mapWith(Number),
      created: sum(connectorRuns.created).mapWith(Number),
      duplicates: sum(connectorRuns.duplicates).mapWith(Number),
    })
    .from(connectorRuns)
    .where(sql`${connectorRuns.connectorId} = any(${`{${ids.join(",")}}`}::integer[])`)
    .groupBy(connectorRuns.connectorId);
  const byId = new Map(totals.map((t) => [t.connectorId, t]));
  return rows.map(({ connector: c, channelName, createdByName }) => {
    const t = byId.get(c.id);
    return {
      id: c.id,
      kind: c.kind,
      name: c.name,
      channelId: c.channelId,
      channelName,
      category: c.category,
      url: c.url,
      hashtags: Array.isArray(c.settings.hashtags) ? (c.settings.hashtags as string[]) : [],
      youtubeChannelId: typeof c.settings.youtubeChannelId === "string" ? c.settings.youtubeChannelId : null,
      secrets: Object.keys(c.secrets)
        .filter((k) => k !== SIGNING_SECRET)
        .sort(),
      status: c.status,
      pausedReason: c.pausedReason,
      intervalMinutes: c.intervalMinutes,
      consecutiveFailures: c.consecutiveFailures,
      nextRunAt: c.nextRunAt,
      lastRunAt: c.lastRunAt,
      lastSuccessAt: c.lastSuccessAt,
      lastErrorCode: c.lastErrorCode,
      lastError: c.lastError,
      createdAt: c.createdAt,
      createdByName,
      totals: { runs: t?.runs ?? 0, fetched: t?.fetched ?? 0, created: t?.created ?? 0, duplicates: t?.duplicates ?? 0 },
    };
  });
}

export async function getConnector(db: Executor, id: number): Promise<ConnectorDto | null> {
  const [dto] = await selectDtos(db, eq(connectors.id, id));
  return dto ?? null;
}

/** The connectors of one channel, or all, by channel and name. */
export async function listConnectors(db: Executor, opts: { channelId?: number; page?: number; pageSize?: number } = {}) {
  const pageSize = Math.min(Math.max(opts.pageSize ?? 25, 1), 100);
  const page = Math.max(opts.page ?? 1, 1);
  const where = opts.channelId ? eq(connectors.channelId, opts.channelId) : undefined;
  const [[{ total }], rows] = await Promise.all([
    db.select({ total: count() }).from(connectors).where(where),
    selectDtos(db, where, pageSize, (page - 1) * pageSize),
  ]);
  return { rows, total, page, pageSize };
}

/** The latest runs of a connector, newest first. */
export async function listConnectorRuns(db: Executor, connectorId: number, limit = 20) {
  return db
    .select()
    .from(connectorRuns)
    .where(eq(connectorRuns.connectorId, connectorId))
    .orderBy(desc(connectorRuns.startedAt), desc(connectorRuns.id))
    .limit(Math.min(Math.max(limit, 1), 100));
}

/**
 * Changes a connector. The result must still be a whole connector of its kind (a PATCH cannot
 * take a feed's address away); secrets given replace the stored ones. `paused: true` stops a
 * connector, `paused: false` starts it again with a clean slate (due at once when polled).
 */
export async function updateConnector(db: Executor, actorId: number | null, id: number, patch: UpdateConnectorInput, now: Date, opts?: ConnectorOptions): Promise<ConnectorDto> {
  const url = patch.url ? await checkUrl(patch.url, opts) : patch.url;
  await db.transaction(async (tx) => {
    const [c] = await tx.select().from(connectors).where(eq(connectors.id, id)).for("update");
    if (!c) throw new AppError("not_found", "connector not found");
    if (patch.channelId !== undefined) await requireChannel(tx, patch.channelId);
    const settings = { ...c.settings };
    if (patch.hashtags !== undefined) settings.hashtags = patch.hashtags;
    if (patch.youtubeChannelId !== undefined) settings.youtubeChannelId = patch.youtubeChannelId;
    const next = {
      url: url === undefined ? c.url : url,
      hashtags: (settings.hashtags as string[] | undefined) ?? [],
      youtubeChannelId: (settings.youtubeChannelId as string | undefined) ?? undefined,
      ...secretsOf(patch),
    };
    const issues = kindIssues(c.kind, next, Object.keys(c.secrets));
    if (issues.length) {
      throw new AppError(
        "validation_failed",
        issues.map((i) => `${i.field}: ${i.message}`).join("; "),
        Object.fromEntries(issues.map((i) => [i.field, [i.message]])),
      );
    }
    const newSecrets = seal(id, secretsOf(patch));
    const pausing = patch.paused === true && c.status !== "paused";
    const resuming = patch.paused === false && c.status === "paused";
    const interval = patch.intervalMinutes ?? c.intervalMinutes;
    await tx
      .update(connectors)
      .set({
        name: patch.name ?? c.name,
        channelId: patch.channelId ?? c.channelId,
        category: patch.category === undefined ? c.category : patch.category,
        url: next.url,
        settings,
        secrets: { ...c.secrets, ...newSecrets },
        intervalMinutes: interval,
        ...(pausing ? { status: "paused" as const, pausedReason: "manual", nextRunAt: null } : {}),
        ...(resuming ? { status: "ok" as const, pausedReason: null, consecutiveFailures: 0, nextRunAt: isPolled(c.kind) ? now : null } : {}),
        updatedAt: now,
      })
      .where(eq(connectors.id, id));
    const changed = (Object.keys(patch) as (keyof UpdateConnectorInput)[]).filter((k) => !(SECRET_FIELDS as readonly string[]).includes(k));
    await recordAudit(tx, {
      actorId,
      action: pausing ? "connector.pause" : resuming ? "connector.resume" : "connector.update",
      entityType: "connector",
      entityId: id,
      before: Object.fromEntries(changed.map((k) => [k, k === "paused" ? c.status === "paused" : (c as Record<string, unknown>)[k] ?? c.settings[k] ?? null])),
      after: { ...Object.fromEntries(changed.map((k) => [k, patch[k] ?? null])), ...(Object.keys(newSecrets).length ? { secretsReplaced: Object.keys(newSecrets).sort() } : {}) },
    });
  });
  return (await getConnector(db, id))!;
}

/** Deletes a connector and its run history; the insights it brought stay. */
export async function deleteConnector(db: Executor, actorId: number | null, id: number): Promise<void> {
  await db.transaction(async (tx) => {
    const [c] = await tx.delete(connectors).where(eq(connectors.id, id)).returning();
    if (!c) throw new AppError("not_found", "connector not found");
    await recordAudit(tx, { actorId, action: "connector.delete", entityType: "connector", entityId: id, before: { kind: c.kind, name: c.name, channelId: c.channelId, url: c.url } });
  });
}

/** A connector's secrets, opened: for its own run and its webhook checks only. */
export function connectorSecrets(c: Pick<Connector, "id" | "secrets">, keys = encryptionKeys()): Partial<Record<SecretField | typeof SIGNING_SECRET, string>> {
  const out: Partial<Record<string, string>> = {};
  for (const [field, sealed] of Object.entries(c.secrets)) out[field] = openSecret(sealed, context(c.id, field), keys);
  return out;
}
