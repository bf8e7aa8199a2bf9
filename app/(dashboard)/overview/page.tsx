import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import { getTranslations } from "next-intl/server";
import { FlowFiguresSection } from "@/components/insights/flow-figures";
import { GuidelineCoverageSection } from "@/components/overview/guideline-coverage";
import { OverviewView } from "@/components/overview/overview-view";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { PageHeader } from "@/components/ui/card";
import { getDb } from "@/db";
import { listGuidelines } from "@/db/queries/guidelines";
import { latestStoredScores, scoreTrend } from "@/db/queries/integration-score";
import { IntegrationScoreCard } from "@/components/overview/integration-score";
import { ExecutivePicture } from "@/components/overview/executive-picture";
import { countActiveCrises, crisisScopeOf } from "@/db/queries/crises";
import { portfolio } from "@/db/queries/measures";
import { measureReadScope } from "@/lib/measures/access";
import { minGroupOf } from "@/db/queries/works-council";
import { flowFigures } from "@/db/queries/insights";
import { getOverview } from "@/db/queries/overview";
import { requirePagePermission } from "@/lib/auth/session";
import { FLOW_DAYS, flowWindow } from "@/lib/insights/period";
import { pageTitle } from "@/lib/i18n/page-title";
import { todayIn } from "@/lib/kpis/periods";
import { overviewScope } from "@/lib/kpis/scope";
import { can } from "@/lib/permissions";
import { queryKeys } from "@/lib/query-keys";
import { overviewQuerySchema } from "@/lib/schemas/kpis";


type SP = Promise<Record<string, string | string[] | undefined>>;

export const generateMetadata = () => pageTitle("overview.title");

export default async function OverviewPage({ searchParams }: { searchParams: SP }) {
  const user = await requirePagePermission("overview:read");
  const sp = await searchParams;
  const q = overviewQuerySchema.parse(Object.fromEntries(Object.entries(sp).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])));
  const today = todayIn();
  const date = q.date ?? today;
  const t = await getTranslations("overview");
  // Server prefetch: the first paint has the data; period switches refetch on the client.
  const client = new QueryClient();
  const db = await getDb();
  // How the departments act on what the social web tells them, and how far the guidelines reach:
  // asked together with the KPIs (on PostgreSQL each on a connection of its own).
  const all = can(user.role, "overview:read_all");
  const now = new Date();
  const minGroup = await minGroupOf(db, user.role);
  const crisisScope = can(user.role, "crisis:read") ? await crisisScopeOf(db, user) : null;
  const [, figures, guidelines, stored, trend, activeCrises, folio] = await Promise.all([
    client.prefetchQuery({
      queryKey: queryKeys.overview({ period: q.period, date }),
      queryFn: () => getOverview(db, { kind: q.period, anchor: date, today, scope: overviewScope(user) }),
    }),
    flowFigures(db, { ...flowWindow(now, FLOW_DAYS), now, departmentId: all ? undefined : (user.departmentId ?? -1) }),
    listGuidelines(db, { publishedOnly: true, pageSize: 100, minGroup }),
    latestStoredScores(db),
    all ? scoreTrend(db) : Promise.resolve([]),
    crisisScope ? countActiveCrises(db, crisisScope) : Promise.resolve(null),
    can(user.role, "measures:read") ? portfolio(db, measureReadScope(user), today) : Promise.resolve(null),
  ]);
  const shown = client.getQueryData<Awaited<ReturnType<typeof getOverview>>>(queryKeys.overview({ period: q.period, date }));
  const measures = folio
    ? folio.reduce((a, r) => ({ count: a.count + r.measures, actualCents: a.actualCents + r.actualCents, holds: a.holds + r.verdicts.holds }), { count: 0, actualCents: 0, holds: 0 })
    : null;
  const scores = all ? stored : stored.filter((s) => s.departmentId === user.departmentId);
  return (
    <>
      <PageHeader title={t("title")} lead={can(user.role, "overview:read_all") ? t("lead") : `${t("lead")} ${t("ownDepartment")}`} />
      {shown ? (
        <div className="mb-6">
          <ExecutivePicture window={shown.window} departments={shown.departments} openAlerts={shown.alerts.open} activeCrises={activeCrises} measures={measures} />
        </div>
      ) : null}
      {scores.length ? (
        <div className="mb-6">
          <IntegrationScoreCard scores={scores} trend={trend} all={all} />
        </div>
      ) : null}
      <HydrationBoundary state={dehydrate(client)}>
        <OverviewView initial={{ period: q.period, date, compare: q.compare }} today={today} />
      </HydrationBoundary>
      {/* One below the other: side by side, the seven columns of the flow table did not fit half the page. */}
      <div className="mt-6 grid grid-cols-1 gap-6">
        {/* The flow card is the insights' component; where its table is wider than a phone, the card
            scrolls here as a whole, in a region that keyboard users can reach and scroll. */}
        <ScrollRegion label={t("flowRegion")} landmark hint={{ moreKey: "overview.flowMore", backKey: "overview.flowBack" }} frameless>
          <FlowFiguresSection figures={figures} days={FLOW_DAYS} />
        </ScrollRegion>
        <div className="min-w-0">
          <GuidelineCoverageSection rows={guidelines.rows.filter((g) => g.publishedVersion !== null)} minGroup={minGroup} />
        </div>
      </div>
    </>
  );
}
