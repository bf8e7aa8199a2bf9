import { getLocale } from "next-intl/server";
import { minGroupOf } from "@/db/queries/works-council";
import { sessionRoute } from "@/lib/api";
import { isLocale } from "@/lib/i18n/config";
import { todayIn } from "@/lib/kpis/periods";
import { overviewScope } from "@/lib/kpis/scope";
import { boardReportPdf } from "@/lib/report/board-report";
import { overviewQuerySchema } from "@/lib/schemas/kpis";

export const dynamic = "force-dynamic";

/** The overview for the chosen period as a PDF board report, in `?locale=de|en` (default: the reader's language). */
export const GET = sessionRoute("overview:read", async (req, { db, user }) => {
  const params = Object.fromEntries(new URL(req.url).searchParams);
  const q = overviewQuerySchema.parse(params);
  const locale = isLocale(params.locale) ? params.locale : (await getLocale()) === "en" ? "en" : "de";
  const now = new Date();
  const today = todayIn(now);
  const pdf = await boardReportPdf(db, {
    kind: q.period,
    anchor: q.date ?? today,
    today,
    now,
    scope: overviewScope(user),
    locale,
    minGroup: await minGroupOf(db, user.role),
  });
  const name = `${locale === "de" ? "vorstandsbericht" : "board-report"}-${q.period}-${q.date ?? today}.pdf`;
  return new Response(new Uint8Array(pdf), {
    headers: { "content-type": "application/pdf", "content-disposition": `attachment; filename="${name}"`, "cache-control": "no-store" },
  });
});
