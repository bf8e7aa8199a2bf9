import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { PageHeader } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { getDb } from "@/db";
import { getRetention } from "@/db/queries/retention";
import { getWorksCouncilMode } from "@/db/queries/works-council";
import { requireUser } from "@/lib/auth/session";
import { MIN_GROUP } from "@/lib/privacy/works-council";

export async function generateMetadata() {
  const t = await getTranslations("privacy.recorded");
  return { title: t("title") };
}

const ROWS = ["account", "acknowledgments", "insightActions", "logins", "notificationReads", "audit", "twoFactor", "advocate"] as const;

/**
 * Transparency for employees and the works council (BetrVG §87(1) no. 6): everything the tool
 * records about the people who use it, who can see it and how long it stays — with the periods
 * and the works-council mode as they are set now.
 */
export default async function RecordedAboutMePage() {
  await requireUser();
  const db = await getDb();
  const [t, retention, mode] = await Promise.all([getTranslations("privacy.recorded"), getRetention(db), getWorksCouncilMode(db)]);
  const period = (m: number | null) => (m === null ? t("unlimited") : t("months", { n: m }));
  const kept = { notificationReads: period(retention.notificationMonths), audit: period(retention.auditMonths) };
  return (
    <>
      <PageHeader title={t("title")} lead={t("lead")} />
      <p className="mb-4 max-w-3xl text-sm text-slate-700" data-testid="works-council-state">
        {mode ? t("modeOn", { n: MIN_GROUP }) : t("modeOff")}
      </p>
      <Table scrollLabel={t("caption")}>
        <caption className="sr-only">{t("caption")}</caption>
        <thead>
          <tr>
            <Th>{t("what")}</Th>
            <Th>{t("detail")}</Th>
            <Th>{t("who")}</Th>
            <Th>{t("kept")}</Th>
          </tr>
        </thead>
        <tbody>
          {ROWS.map((r) => (
            <tr key={r}>
              <Td className="font-medium">{t(`rows.${r}.what`)}</Td>
              <Td className="min-w-48">{t(`rows.${r}.detail`)}</Td>
              <Td className="min-w-48">{t(`rows.${r}.who`)}</Td>
              <Td className="min-w-32">{t(`rows.${r}.kept`, { kept: r === "audit" ? kept.audit : kept.notificationReads })}</Td>
            </tr>
          ))}
        </tbody>
      </Table>
      <p className="mt-4 max-w-3xl text-sm text-slate-700">{t("notRecorded")}</p>
      <p className="mt-4 text-sm">
        <Link href="/profile" className="text-blue-800 underline">
          {t("back")}
        </Link>
      </p>
    </>
  );
}
