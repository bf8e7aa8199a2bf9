import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import { SubjectRequestForm } from "@/components/insights/subject-request-form";
import { Badge, Card, EmptyState } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { getDb } from "@/db";
import { listSubjectRequests } from "@/db/queries/subject-requests";
import { requirePagePermission } from "@/lib/auth/session";
import { sectionPageTitle } from "@/lib/i18n/page-title";

export const generateMetadata = () => sectionPageTitle("insights.tabs.subjects", "insights.title");

/** Data subject requests (GDPR Art. 15 and 17) about social media authors: the record and a new one. */
export default async function SubjectRequestsPage() {
  await requirePagePermission("privacy:subjects");
  const [rows, t, format] = await Promise.all([getDb().then(listSubjectRequests), getTranslations("insights"), getFormatter()]);
  return (
    <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
      <section className="min-w-0 space-y-3" aria-labelledby="subject-requests">
        <h2 id="subject-requests" className="text-lg font-medium">
          {t("subjects.listTitle")}
        </h2>
        <p className="text-sm text-slate-600">{t("subjects.lead")}</p>
        {rows.length === 0 ? (
          <EmptyState title={t("subjects.empty")} body={t("subjects.emptyHint")} />
        ) : (
          <Table>
            <thead>
              <tr>
                <Th>{t("subjects.requested")}</Th>
                <Th>{t("subjects.kind")}</Th>
                <Th>{t("subjects.who")}</Th>
                <Th>{t("subjects.status")}</Th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <Td className="whitespace-nowrap">
                    <Link href={`/insights/subject-requests/${r.id}`} className="font-medium text-blue-800 hover:underline">
                      {format.dateTime(r.requestedAt, { dateStyle: "medium" })}
                    </Link>
                    <div className="text-xs text-slate-600">{r.requestedByName ?? "—"}</div>
                  </Td>
                  <Td>{t(`subjects.kinds.${r.kind}`)}</Td>
                  <Td>
                    {t(`platform.${r.platform}`)} · <span className="font-mono">{r.handleMasked}</span>
                  </Td>
                  <Td>
                    <Badge tone={r.status === "open" ? "amber" : "green"}>{t(`subjects.statuses.${r.status}`)}</Badge>
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </section>
      <Card className="min-w-0">
        <h2 className="mb-3 text-lg font-medium">{t("subjects.newTitle")}</h2>
        <SubjectRequestForm />
      </Card>
    </div>
  );
}
