import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import { RetentionForm, RunRetentionButton, WorksCouncilModeForm } from "@/components/admin/retention-form";
import { Card, EmptyState } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { getDb } from "@/db";
import { getRetention, recentRetentionRuns } from "@/db/queries/retention";
import { getWorksCouncilMode } from "@/db/queries/works-council";
import { requirePagePermission } from "@/lib/auth/session";
import { INSIGHT_CATEGORIES } from "@/lib/enums";
import { sectionPageTitle } from "@/lib/i18n/page-title";
import { MIN_GROUP } from "@/lib/privacy/works-council";

export const generateMetadata = () => sectionPageTitle("admin.tabs.privacy", "admin.title");

/** Data protection: how long what people wrote is kept, and what the nightly runs erased. */
export default async function PrivacyPage() {
  await requirePagePermission("admin:users");
  const db = await getDb();
  const [settings, runs, worksCouncil, t, format] = await Promise.all([
    getRetention(db),
    recentRetentionRuns(db),
    getWorksCouncilMode(db),
    getTranslations(),
    getFormatter(),
  ]);
  const categoryLabel = (c: string) => t(`insights.category.${c}`);
  return (
    <div className="grid gap-6 lg:grid-cols-[3fr_2fr]">
      <Card className="min-w-0 lg:col-span-2">
        <h2 className="text-lg font-medium">{t("admin.record.title")}</h2>
        <p className="mt-1 mb-3 text-sm text-slate-600">{t("admin.record.teaser")}</p>
        <p className="flex flex-wrap gap-4 text-sm">
          <Link href="/admin/privacy/record" className="font-medium text-blue-800 underline">
            {t("admin.record.open")}
          </Link>
          <Link href="/profile/recorded" className="font-medium text-blue-800 underline">
            {t("privacy.recorded.title")}
          </Link>
        </p>
      </Card>
      <Card className="min-w-0 lg:col-span-2">
        <h2 className="text-lg font-medium">{t("admin.privacy.worksCouncilTitle")}</h2>
        <p className="mt-1 mb-3 text-sm text-slate-600">{t("admin.privacy.worksCouncilLead", { n: MIN_GROUP })}</p>
        <WorksCouncilModeForm on={worksCouncil} minGroup={MIN_GROUP} />
      </Card>
      <Card className="min-w-0">
        <h2 className="text-lg font-medium">{t("admin.privacy.retentionTitle")}</h2>
        <p className="mt-1 mb-4 text-sm text-slate-600">{t("admin.privacy.retentionLead")}</p>
        <RetentionForm current={settings} categories={INSIGHT_CATEGORIES.map((c) => ({ key: c, label: categoryLabel(c) }))} />
      </Card>
      <section className="min-w-0 space-y-3" aria-labelledby="retention-runs">
        <h2 id="retention-runs" className="text-lg font-medium">
          {t("admin.privacy.runsTitle")}
        </h2>
        <p className="text-sm text-slate-600">{t("admin.privacy.runsLead")}</p>
        <RunRetentionButton />
        {runs.length === 0 ? (
          <EmptyState title={t("admin.privacy.noRuns")} body={t("admin.privacy.noRunsHint")} />
        ) : (
          <Table>
            <thead>
              <tr>
                <Th>{t("admin.privacy.runAt")}</Th>
                <Th>{t("admin.privacy.runResult")}</Th>
              </tr>
            </thead>
            <tbody>
              {runs.map((r, i) => {
                const parts = Object.entries(r.run.insights ?? {}).map(([c, n]) => `${categoryLabel(c)}: ${n}`);
                return (
                  <tr key={i}>
                    <Td className="whitespace-nowrap">{format.dateTime(r.at, { dateStyle: "medium", timeStyle: "short" })}</Td>
                    <Td>
                      {parts.length ? t("admin.privacy.anonymised", { list: parts.join(", ") }) : t("admin.privacy.nothingAnonymised")}
                      <div className="text-xs text-slate-600">
                        {t("admin.privacy.deleted", {
                          audit: r.run.auditDeleted ?? 0,
                          notifications: r.run.notificationsDeleted ?? 0,
                          mails: r.run.mailsDeleted ?? 0,
                          deliveries: r.run.deliveriesDeleted ?? 0,
                        })}
                        {r.run.loginAttemptsDeleted ? ` · ${t("admin.privacy.loginAttemptsDeleted", { n: r.run.loginAttemptsDeleted })}` : null}
                      </div>
                    </Td>
                  </tr>
                );
              })}
            </tbody>
          </Table>
        )}
      </section>
    </div>
  );
}
