import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { DepartmentInbox } from "@/components/insights/department-inbox";
import { FlowFiguresSection } from "@/components/insights/flow-figures";
import { InsightFilters } from "@/components/insights/insight-filters";
import { InsightTable } from "@/components/insights/insight-table";
import { LIST_HEADING_ID } from "@/components/insights/focus";
import { CursorPagination, InvalidCursorNotice } from "@/components/ui/pagination";
import { getDb } from "@/db";
import { listDepartments } from "@/db/queries/departments";
import { departmentInbox, flowFigures, listInsights } from "@/db/queries/insights";
import { listChannelOptions } from "@/db/queries/routing-rules";
import { insightCategoryEnum, insightStatusEnum, sentimentEnum } from "@/db/schema";
import { requirePagePermission } from "@/lib/auth/session";
import { pageTitle } from "@/lib/i18n/page-title";
import { dayBound, FLOW_DAYS, flowWindow } from "@/lib/insights/period";
import { can } from "@/lib/permissions";
import { queryKeys } from "@/lib/query-keys";
import { cursorParams } from "@/lib/pagination/cursor";
import { enumParam, intParam, param } from "@/lib/search-params";
import { cn } from "@/lib/utils";

type SP = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata({ searchParams }: { searchParams: SP }) {
  const user = await requirePagePermission("insights:read");
  if (can(user.role, "insights:triage")) return pageTitle(param(await searchParams, "view") === "all" ? "insights.titles.all" : "insights.titles.triage");
  return pageTitle(can(user.role, "insights:act") ? "insights.titles.inbox" : "insights.titles.all");
}

export default async function InsightsPage({ searchParams }: { searchParams: SP }) {
  const user = await requirePagePermission("insights:read");
  const sp = await searchParams;
  const db = await getDb();
  const t = await getTranslations("insights");
  const central = can(user.role, "insights:triage");
  const head = !central && can(user.role, "insights:act");

  const viewAll = param(sp, "view") === "all" || !central;
  const values = {
    status: enumParam(sp, "status", insightStatusEnum.enumValues) ?? (viewAll ? undefined : "triage"),
    category: enumParam(sp, "category", insightCategoryEnum.enumValues),
    sentiment: enumParam(sp, "sentiment", sentimentEnum.enumValues),
    channel: param(sp, "channel"),
    department: param(sp, "department"),
    from: param(sp, "from"),
    to: param(sp, "to"),
    q: param(sp, "q")?.slice(0, 100),
  };
  const now = new Date();
  // A broken or tampered page link shows the first page and says so.
  const cursor = cursorParams(sp);
  const [list, departments, channels, figures] = await Promise.all([
    listInsights(db, user, {
      status: values.status,
      category: values.category,
      sentiment: values.sentiment,
      channelId: intParam(sp, "channel"),
      departmentId: intParam(sp, "department"),
      from: dayBound(values.from),
      to: dayBound(values.to, true),
      q: values.q,
      after: cursor.after,
      before: cursor.before,
    }),
    listDepartments(db),
    listChannelOptions(db),
    flowFigures(db, { ...flowWindow(now, FLOW_DAYS), now, departmentId: head ? (user.departmentId ?? -1) : undefined }),
  ]);
  const depOptions = departments.map((d) => ({ id: d.id, name: d.name }));
  const hasFilters = Object.entries(values).some(([k, v]) => v && !(k === "status" && v === "triage" && !param(sp, "status")));

  let inbox: React.ReactNode = null;
  if (head) {
    // Prefetched on the server so the first paint has data; the client then polls.
    const client = new QueryClient();
    await client.prefetchQuery({ queryKey: queryKeys.insights.inbox(1), queryFn: () => departmentInbox(db, user, { page: 1 }) });
    inbox = (
      <section aria-labelledby="inbox-title" className="space-y-2">
        <h2 id="inbox-title" className="text-lg font-medium">
          {t("inbox.title")}
        </h2>
        <p className="text-sm text-slate-600">{t("inbox.lead")}</p>
        <HydrationBoundary state={dehydrate(client)}>
          <DepartmentInbox />
        </HydrationBoundary>
      </section>
    );
  }

  const tab = (active: boolean) =>
    cn("rounded-md px-3 py-1.5 text-sm font-medium", active ? "bg-blue-100 text-blue-900" : "text-slate-700 hover:bg-slate-100");
  return (
    <div className="space-y-8">
      {inbox}
      <section aria-labelledby="list-title" className="space-y-3">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2 id={LIST_HEADING_ID} tabIndex={-1} className="text-lg font-medium focus:outline-none focus-visible:ring-2 focus-visible:ring-blue-600">
            {head ? t("inbox.allTitle") : viewAll ? t("triage.allTitle") : t("triage.title")}
          </h2>
          {central ? (
            <div className="flex gap-1">
              <Link href="/insights" className={tab(!viewAll)} aria-current={!viewAll ? "page" : undefined}>
                {t("triage.viewTriage")}
              </Link>
              <Link href="/insights?view=all" className={tab(viewAll)} aria-current={viewAll ? "page" : undefined}>
                {t("triage.viewAll")}
              </Link>
            </div>
          ) : null}
        </div>
        {central && !viewAll ? <p className="text-sm text-slate-600">{t("triage.lead")}</p> : null}
        <InsightFilters values={values} channels={channels} departments={head ? null : depOptions} />
        {cursor.invalid ? <InvalidCursorNotice /> : null}
        <InsightTable
          rows={list.rows}
          departments={depOptions}
          canRoute={central}
          showDepartment={!head}
          highlight={values.q}
          empty={
            central && !viewAll && !hasFilters
              ? { title: t("triage.emptyTriage"), body: t("triage.emptyTriageHint") }
              : { title: t("triage.empty"), body: t("triage.emptyHint") }
          }
        />
        <CursorPagination
          count={list.count}
          newer={list.newer}
          older={list.older}
          basePath="/insights"
          params={{ ...values, status: param(sp, "status"), view: viewAll && central ? "all" : undefined }}
        />
      </section>
      <FlowFiguresSection figures={figures} days={FLOW_DAYS} />
    </div>
  );
}
