import { NextResponse } from "next/server";
import { activeKpiIds, writableKpis } from "@/db/queries/kpis";
import { recordMeasurements } from "@/db/queries/measurements";
import { apiError, readBodyLimited, sessionRoute } from "@/lib/api";
import { MAX_CSV_BYTES } from "@/lib/csv/parse";
import { importPreview, readMeasurementCsv } from "@/lib/kpis/csv-import";
import { todayIn } from "@/lib/kpis/periods";
import { measurementScope } from "@/lib/kpis/scope";

export const dynamic = "force-dynamic";

const PREVIEW_ROWS = 100;
const MAX_ISSUES = 1000;

/**
 * The CSV import of measurements, as a route handler because files of 100,000 rows exceed what
 * a server action accepts. `?mode=preview` checks and shows the rows; `?mode=import` checks again
 * (nothing is trusted from the preview) and stores all rows or none. The body is the file's bytes
 * as they are (UTF-8 or Windows-1252, see lib/csv/parse.ts).
 */
export const POST = sessionRoute("measurements:write", async (req, { db, user }) => {
  const mode = new URL(req.url).searchParams.get("mode");
  if (mode !== "preview" && mode !== "import") return apiError("bad_request", "mode must be preview or import.");
  // Counted while it streams in: a chunked upload declares no length, and a declared one may lie.
  const bytes = await readBodyLimited(req, MAX_CSV_BYTES, "The file may be at most 50 MB.");
  const scope = measurementScope(user);
  const today = todayIn();
  const [writable, known] = await Promise.all([writableKpis(db, scope), activeKpiIds(db)]);
  const result = readMeasurementCsv(bytes, { writable, known, today });
  const total = result.ok ? result.rows.length : result.total;
  const issues = result.ok ? [] : result.issues;
  const preview = importPreview(result, PREVIEW_ROWS);
  const body = { total, errorCount: issues.length, issues: issues.slice(0, MAX_ISSUES), preview };
  if (mode === "preview" || !result.ok) {
    return NextResponse.json({ data: { ...body, imported: 0 } }, { status: mode === "import" && !result.ok ? 422 : 200 });
  }
  const stored = await recordMeasurements(
    db,
    { userId: user.id, scope },
    result.rows.map((r) => ({ kpiId: r.kpiId, measuredOn: r.measuredOn, value: r.value })),
    "csv",
    today,
  );
  return NextResponse.json({ data: { ...body, imported: stored.stored, alerts: stored.alerts.length } });
});
