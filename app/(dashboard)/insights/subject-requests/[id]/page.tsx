import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { SubjectRequestActions } from "@/components/insights/subject-request-actions";
import { Card } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { getDb } from "@/db";
import { findSubjectTraces, getSubjectRequest, traceCounts } from "@/db/queries/subject-requests";
import { requirePagePermission } from "@/lib/auth/session";
import { sectionPageTitle } from "@/lib/i18n/page-title";

export const generateMetadata = () => sectionPageTitle("insights.subjects.detailTitle", "insights.title");

const TRACE_KINDS = ["insights", "history", "mentions", "advocates", "webhookDeliveries", "mails"] as const;

/**
 * One request: while open, everything found for the handle (with the export) and the step that
 * completes it; once completed, what was done.
 */
export default async function SubjectRequestPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePagePermission("privacy:subjects");
  const { id } = await params;
  if (!/^\d{1,9}$/.test(id)) notFound();
  const db = await getDb();
  const r = await getSubjectRequest(db, Number(id));
  if (!r) notFound();
  const [t, format] = await Promise.all([getTranslations("insights"), getFormatter()]);
  const traces = r.handle ? await findSubjectTraces(db, r.platform, r.handle) : null;
  const counts = traces ? traceCounts(traces) : (r.outcome ?? {});
  const when = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" });
  return (
    <div className="space-y-6">
      <Link href="/insights/subject-requests" className="text-sm text-blue-800 hover:underline">
        ← {t("subjects.back")}
      </Link>
      <Card className="space-y-2">
        <h2 className="text-lg font-semibold">
          {t(`subjects.kinds.${r.kind}`)}: {t(`platform.${r.platform}`)} · <span className="font-mono">{r.handle ?? r.handleMasked}</span>
        </h2>
        <p className="text-sm text-slate-600">
          {t("subjects.requestedBy", { date: when(r.requestedAt), name: r.requestedByName ?? "—" })}
          {r.note ? ` · ${r.note}` : ""}
        </p>
        {r.status === "completed" ? (
          <p role="status" className="font-medium text-green-900">
            {t(r.kind === "erasure" ? "subjects.erasedOn" : "subjects.answeredOn", { date: when(r.completedAt!) })}
          </p>
        ) : null}
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
          {TRACE_KINDS.map((k) => (
            <div key={k} className="contents">
              <dt className="text-slate-700">{t(`subjects.traces.${k}`)}</dt>
              <dd className="tabular-nums">{counts[k] ?? 0}</dd>
            </div>
          ))}
        </dl>
      </Card>
      {traces ? (
        <>
          <Card className="space-y-3">
            <h3 className="font-medium">{t("subjects.exportTitle")}</h3>
            <p className="text-sm text-slate-600">{t("subjects.exportHint")}</p>
            <div className="flex flex-wrap gap-3">
              <a href={`/api/privacy/subject-requests/${r.id}/export?format=json`} className="font-medium text-blue-800 underline" download>
                {t("subjects.exportJson")}
              </a>
              <a href={`/api/privacy/subject-requests/${r.id}/export?format=csv`} className="font-medium text-blue-800 underline" download>
                {t("subjects.exportCsv")}
              </a>
            </div>
            <p className="text-sm text-slate-700">{t(r.kind === "erasure" ? "subjects.eraseHint" : "subjects.completeHint")}</p>
            <SubjectRequestActions id={r.id} kind={r.kind} />
          </Card>
          <section aria-labelledby="subject-insights" className="min-w-0 space-y-2">
            <h3 id="subject-insights" className="font-medium">
              {t("subjects.traces.insights")}
            </h3>
            {traces.insights.length === 0 ? (
              <p className="text-sm text-slate-600">{t("subjects.none")}</p>
            ) : (
              <Table>
                <thead>
                  <tr>
                    <Th>{t("subjects.when")}</Th>
                    <Th>{t("subjects.text")}</Th>
                  </tr>
                </thead>
                <tbody>
                  {traces.insights.map((i) => (
                    <tr key={i.id}>
                      <Td className="whitespace-nowrap">
                        <Link href={`/insights/${i.id}`} className="text-blue-800 hover:underline">
                          {when(i.occurredAt)}
                        </Link>
                      </Td>
                      <Td className="[overflow-wrap:anywhere]">{i.text === "" ? t("anonymised") : i.text}</Td>
                    </tr>
                  ))}
                </tbody>
              </Table>
            )}
          </section>
          <section aria-labelledby="subject-mentions" className="min-w-0 space-y-2">
            <h3 id="subject-mentions" className="font-medium">
              {t("subjects.traces.mentions")}
            </h3>
            {traces.mentions.length === 0 ? (
              <p className="text-sm text-slate-600">{t("subjects.none")}</p>
            ) : (
              <ul className="space-y-1 text-sm">
                {traces.mentions.map((m) => (
                  <li key={`${m.place}-${m.key}`} className="[overflow-wrap:anywhere]">
                    <span className="font-mono text-xs text-slate-600">{m.place}</span> {m.value.slice(0, 300)}
                  </li>
                ))}
              </ul>
            )}
          </section>
        </>
      ) : null}
    </div>
  );
}
