import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import { getTranslations } from "next-intl/server";
import { OverviewView } from "@/components/overview/overview-view";
import { PageHeader } from "@/components/ui/card";
import { getDb } from "@/db";
import { getOverview } from "@/db/queries/overview";
import { requirePagePermission } from "@/lib/auth/session";
import { todayIn } from "@/lib/kpis/periods";
import { overviewScope } from "@/lib/kpis/scope";
import { can } from "@/lib/permissions";
import { queryKeys } from "@/lib/query-keys";
import { overviewQuerySchema } from "@/lib/schemas/kpis";

type SP = Promise<Record<string, string | string[] | undefined>>;

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
  await client.prefetchQuery({
    queryKey: queryKeys.overview({ period: q.period, date }),
    queryFn: () => getOverview(db, { kind: q.period, anchor: date, today, scope: overviewScope(user) }),
  });
  return (
    <>
      <PageHeader title={t("title")} lead={can(user.role, "overview:read_all") ? t("lead") : `${t("lead")} ${t("ownDepartment")}`} />
      <HydrationBoundary state={dehydrate(client)}>
        <OverviewView initial={{ period: q.period, date, compare: q.compare }} today={today} />
      </HydrationBoundary>
    </>
  );
}
