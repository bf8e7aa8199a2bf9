import { getFormatter, getTranslations } from "next-intl/server";
import { MarkAllRead } from "@/components/notifications/mark-all-read";
import { Badge, EmptyState, PageHeader } from "@/components/ui/card";
import { Pagination } from "@/components/ui/pagination";
import { getDb } from "@/db";
import { listNotifications } from "@/db/queries/notifications";
import { requireUser } from "@/lib/auth/session";
import { pageParam } from "@/lib/search-params";

type SP = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata() {
  const t = await getTranslations("notifications");
  return { title: t("title") };
}

/** The signed-in person's notifications, newest first; each opens what it is about and counts as read. */
export default async function NotificationsPage({ searchParams }: { searchParams: SP }) {
  const user = await requireUser();
  const { rows, total, page, pageSize } = await listNotifications(await getDb(), user.id, { page: pageParam(await searchParams) });
  const t = await getTranslations("notifications");
  const format = await getFormatter();
  // Shown while the list has entries, not only while some are unread: marking all read re-renders
  // the page, and the confirmation lives in this form, so it must not vanish with the last unread.
  const markable = total > 0;
  return (
    <>
      <PageHeader title={t("title")} lead={t("lead")} actions={
          <div className="flex flex-wrap items-start gap-3">
            <a href="/profile" className="rounded px-2 py-1 text-sm font-medium text-blue-800 underline">
              {t("preferences.settingsLink")}
            </a>
            {markable ? <MarkAllRead /> : null}
          </div>
        }
      />
      {rows.length === 0 ? (
        <EmptyState title={t("empty")} body={t("emptyHint")} />
      ) : (
        <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
          {rows.map((n) => {
            const department = typeof n.data.department === "string" ? n.data.department : t("noDepartment");
            const subject = typeof n.data.subject === "string" ? n.data.subject : "";
            const severity = n.data.severity === "critical" ? "critical" : "warning";
            return (
              <li key={n.id} className={n.readAt ? "p-4" : "bg-blue-50 p-4"}>
                <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
                  {n.readAt ? null : <Badge tone="blue">{t("unread")}</Badge>}
                  <a href={`/notifications/${n.id}`} className="font-medium text-blue-800 underline">
                    {t(`kind.${n.kind}`, { department, subject, severity, escalated: n.data.escalated ? "yes" : "no" })}
                  </a>
                  <time dateTime={n.createdAt.toISOString()} className="text-sm text-slate-600">
                    {format.dateTime(n.createdAt, { dateStyle: "medium", timeStyle: "short" })}
                  </time>
                </div>
                {typeof n.data.excerpt === "string" && n.kind !== "crisis_alert" ? <p className="mt-1 break-words text-sm text-slate-700">{n.data.excerpt}</p> : null}
              </li>
            );
          })}
        </ul>
      )}
      <Pagination page={page} pageSize={pageSize} total={total} basePath="/notifications" params={{}} />
    </>
  );
}
