import { and, asc, count, eq, gt, isNotNull, isNull, or } from "drizzle-orm";
import type { Executor } from "../client";
import { advocates, channels, connectors, departments, webhookEndpoints } from "../schema";
import { recordAudit } from "./audit";
import { getRetention } from "./retention";
import { readSetting, writeSetting } from "./settings";
import { totpRequiredRoles } from "./two-factor";
import { getWorksCouncilMode } from "./works-council";
import { type Controller, EMPTY_CONTROLLER, type RecordFacts } from "@/lib/privacy/record";

const CONTROLLER_KEY = "privacy.controller";

/** Who is responsible for the processing, as the admins entered it (empty fields until then). */
export async function getController(db: Executor): Promise<Controller> {
  const v = await readSetting(db, CONTROLLER_KEY);
  const s = (typeof v === "object" && v !== null ? v : {}) as Record<string, unknown>;
  const str = (k: keyof Controller) => (typeof s[k] === "string" ? (s[k] as string) : EMPTY_CONTROLLER[k]);
  return { name: str("name"), address: str("address"), contact: str("contact"), dpo: str("dpo") };
}

export async function setController(db: Executor, actorId: number, c: Controller) {
  await db.transaction(async (tx) => {
    const before = await getController(tx);
    await writeSetting(tx, CONTROLLER_KEY, c);
    await recordAudit(tx, { actorId, action: "privacy.controller", entityType: "privacy", before, after: c });
  });
}

/** A URL's host name, never its path or query (they can carry tokens); null for what does not parse. */
function hostOf(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname || null;
  } catch {
    return null;
  }
}

/**
 * What the record of processing is built from: the configuration in the database, and from the
 * environment the directory and mail server (hosts only).
 */
export async function recordFacts(
  db: Executor,
  env: { OIDC_ISSUER?: string; SMTP_URL?: string },
  now: Date = new Date(),
): Promise<RecordFacts> {
  const [controller, depts, hooks, sources, retention, twoFactorRoles, worksCouncilMode, [{ n: advocateCount }]] = await Promise.all([
    getController(db),
    db.select({ name: departments.name }).from(departments).orderBy(asc(departments.name)),
    db
      .select({ url: webhookEndpoints.url, events: webhookEndpoints.events, disabledAt: webhookEndpoints.disabledAt })
      .from(webhookEndpoints)
      .orderBy(asc(webhookEndpoints.id)),
    db
      .select({ name: connectors.name, platform: channels.platform })
      .from(connectors)
      .innerJoin(channels, eq(channels.id, connectors.channelId))
      .orderBy(asc(connectors.name), asc(connectors.id)),
    getRetention(db),
    totpRequiredRoles(db),
    getWorksCouncilMode(db),
    db
      .select({ n: count() })
      .from(advocates)
      .where(
        and(
          isNotNull(advocates.consentAt),
          isNull(advocates.consentRevokedAt),
          or(isNull(advocates.consentExpiresAt), gt(advocates.consentExpiresAt, now)),
        ),
      ),
  ]);
  return {
    controller,
    departments: depts.map((d) => d.name),
    webhooks: hooks.map((h) => ({ host: hostOf(h.url) ?? "?", events: h.events, active: h.disabledAt === null })),
    connectors: sources.map((c) => ({ name: c.name, platform: c.platform })),
    retention,
    ssoIssuerHost: hostOf(env.OIDC_ISSUER),
    twoFactorRoles,
    worksCouncilMode,
    mailHost: hostOf(env.SMTP_URL),
    advocates: advocateCount,
  };
}
