import { z } from "zod";
import { CONNECTOR_KINDS, CONNECTOR_STATUSES, INSIGHT_CATEGORIES } from "@/lib/enums";

/** The public API's view of connectors (also the OpenAPI document's). Secrets never appear: only which are set. */

const instant = (description: string) => z.iso.datetime({ offset: true }).meta({ description });

export const apiConnector = z
  .object({
    id: z.number().int(),
    kind: z.enum(CONNECTOR_KINDS),
    name: z.string(),
    channelId: z.number().int(),
    channelName: z.string(),
    category: z.enum(INSIGHT_CATEGORIES).nullable().meta({ description: "The category its insights get unless routing rules decide otherwise." }),
    url: z.string().nullable().meta({ description: "The feed or the Mastodon instance." }),
    hashtags: z.array(z.string()),
    youtubeChannelId: z.string().nullable(),
    secrets: z.array(z.string()).meta({ description: "Which secrets are stored (apiKey, accessToken, appSecret, verifyToken); never their values." }),
    receiveUrl: z.string().nullable().meta({ description: "Where Meta or a listening suite posts (receiving kinds); null for polled ones." }),
    status: z.enum(CONNECTOR_STATUSES),
    pausedReason: z.enum(["manual", "failures"]).nullable(),
    intervalMinutes: z.number().int(),
    consecutiveFailures: z.number().int(),
    nextRunAt: instant("When it is fetched next (polled kinds, not paused).").nullable(),
    lastRunAt: instant("Its last run.").nullable(),
    lastSuccessAt: instant("Its last successful run.").nullable(),
    lastError: z.object({ code: z.string(), message: z.string() }).nullable(),
    totals: z.object({ runs: z.number().int(), fetched: z.number().int(), created: z.number().int(), duplicates: z.number().int() }),
    createdAt: instant("When it was created."),
  })
  .meta({ id: "Connector", description: "Brings one channel's voices in: polled (feed, Mastodon, YouTube) or receiving (Meta, generic webhook)." });
export type ApiConnector = z.infer<typeof apiConnector>;

export const connectorListQuery = z
  .object({
    channelId: z.coerce.number().int().min(1).max(2_147_483_647).optional(),
    page: z.coerce.number().int().min(1).max(100_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(25),
  })
  .strict();

export const apiConnectorRun = z.object({
  outcome: z.enum(["ok", "not_modified", "failed"]),
  fetched: z.number().int(),
  created: z.number().int(),
  duplicates: z.number().int(),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
});
