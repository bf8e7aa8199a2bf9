import { getLocale, getTranslations } from "next-intl/server";
import { getOverview } from "@/db/queries/overview";
import { sessionRoute } from "@/lib/api";
import { overviewCsv } from "@/lib/kpis/overview-csv";
import { todayIn } from "@/lib/kpis/periods";
import { overviewScope } from "@/lib/kpis/scope";
import { overviewQuerySchema } from "@/lib/schemas/kpis";

export const dynamic = "force-dynamic";

/** The overview as shown (same period, same comparison), as a CSV file for Excel. */
export const GET = sessionRoute("overview:read", async (req, { db, user }) => {
  const q = overviewQuerySchema.parse(Object.fromEntries(new URL(req.url).searchParams));
  const today = todayIn();
  const data = await getOverview(db, { kind: q.period, anchor: q.date ?? today, today, scope: overviewScope(user) });
  const t = await getTranslations();
  const text = overviewCsv(data.departments, {
    locale: (await getLocale()) === "en" ? "en" : "de",
    compare: q.compare,
    labels: {
      headers: {
        department: t("alerts.columns.department"),
        process: t("kpis.fields.process"),
        kpi: t("overview.columns.kpi"),
        unit: t("kpis.fields.unit"),
        value: t("overview.columns.value"),
        target: t("overview.columns.target"),
        status: `${t("overview.columns.status")} (${t(`overview.windowStatus.${q.period}` as "overview.windowStatus.month")})`,
        alert: t("overview.alertPrefix"),
        alertSince: t("overview.alertSince"),
        overall: t("overview.overall"),
        trend: t("overview.columns.trend"),
        previousValue: t("overview.columns.previous"),
        previousStatus: `${t("overview.columns.status")} ${t("overview.columns.previous")}`,
      },
      unit: (u) => t(`kpis.units.${u}` as "kpis.units.count"),
      status: (s) => t(`kpis.status.${s}` as "kpis.status.on_target"),
      trend: (x) => t(`overview.trends.${x}` as "overview.trends.flat"),
    },
  });
  const name = `ueberblick-${q.period}-${data.window.start}.csv`;
  return new Response(text, {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${name}"` },
  });
});
