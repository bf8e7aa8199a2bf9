import { getLocale } from "next-intl/server";
import { findSubjectTraces, getSubjectRequest } from "@/db/queries/subject-requests";
import { recordAudit } from "@/db/queries/audit";
import { apiError, sessionRoute } from "@/lib/api";
import { subjectCsv, subjectJson } from "@/lib/privacy/subject-export";

export const dynamic = "force-dynamic";

/** The export of an open request: `?format=json` (default) or `csv`, as a download. Audited. */
export const GET = sessionRoute<{ id: string }>("privacy:subjects", async (req, { db, user, params }) => {
  if (!/^\d{1,9}$/.test(params.id)) return apiError("not_found", "No such request.");
  const format = new URL(req.url).searchParams.get("format") ?? "json";
  if (format !== "json" && format !== "csv") return apiError("bad_request", "format must be json or csv.");
  const r = await getSubjectRequest(db, Number(params.id));
  if (!r) return apiError("not_found", "No such request.");
  if (!r.handle) return apiError("conflict", "The request is completed; its handle is no longer stored.");
  const traces = await findSubjectTraces(db, r.platform, r.handle);
  await recordAudit(db, { actorId: user.id, action: "subject_request.export", entityType: "subject_request", entityId: r.id, after: { format } });
  const now = new Date();
  const name = `auskunft-${r.id}-${now.toISOString().slice(0, 10)}.${format}`;
  const body =
    format === "csv"
      ? subjectCsv(traces, (await getLocale()) === "en" ? "en" : "de")
      : subjectJson({ requestId: r.id, platform: r.platform, handle: r.handle, requestedAt: r.requestedAt, exportedAt: now }, traces);
  return new Response(body, {
    headers: {
      "content-type": format === "csv" ? "text/csv; charset=utf-8" : "application/json; charset=utf-8",
      "content-disposition": `attachment; filename="${name}"`,
      "cache-control": "no-store",
    },
  });
});
