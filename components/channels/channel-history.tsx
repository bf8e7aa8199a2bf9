import { getFormatter, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { CursorPagination } from "@/components/ui/pagination";
import { getDb } from "@/db";
import { listAudit } from "@/db/queries/audit";
import { cursorParams } from "@/lib/pagination/cursor";

const KNOWN = ["create", "update", "strategy", "assign", "unassign"] as const;

function actionKey(action: string) {
  const key = action.replace(/^channel\./, "");
  return (KNOWN as readonly string[]).includes(key) ? (key as (typeof KNOWN)[number]) : null;
}

/** The channel's history from the audit log: a retired channel keeps it too. */
export async function ChannelHistory({ channelId, searchParams }: { channelId: number; searchParams: Record<string, string | string[] | undefined> }) {
  // A broken page link shows the newest entries.
  const { after, before } = cursorParams(searchParams);
  const { rows, count, newer, older } = await listAudit(await getDb(), { entityType: "channel", entityId: String(channelId), after, before, pageSize: 10 });
  const t = await getTranslations("channels.detail");
  const format = await getFormatter();
  return (
    <Card>
      <h3 className="mb-3 font-medium text-slate-900">{t("history")}</h3>
      {rows.length === 0 ? (
        <p className="text-sm text-slate-600">{t("historyEmpty")}</p>
      ) : (
        <ol className="space-y-2 text-sm">
          {rows.map((r) => (
            <li key={r.id} className="flex flex-wrap gap-x-3">
              <time dateTime={r.createdAt.toISOString()} className="text-slate-600 tabular-nums">
                {format.dateTime(r.createdAt, { dateStyle: "medium", timeStyle: "short" })}
              </time>
              <span className="font-medium">{actionKey(r.action) ? t(`historyActions.${actionKey(r.action)!}`) : r.action}</span>
              <span className="text-slate-700">{r.actorName ?? t("system")}</span>
            </li>
          ))}
        </ol>
      )}
      <CursorPagination count={count} newer={newer} older={older} basePath={`/channels/${channelId}`} params={{}} />
    </Card>
  );
}
