import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { ControllerForm } from "@/components/admin/controller-form";
import { Card } from "@/components/ui/card";
import { getDb } from "@/db";
import { getController } from "@/db/queries/record-of-processing";
import { requirePagePermission } from "@/lib/auth/session";
import { sectionPageTitle } from "@/lib/i18n/page-title";
import { MEASURES_TITLE } from "@/lib/privacy/record";
import { loadRecord } from "@/lib/privacy/record-load";

export const generateMetadata = () => sectionPageTitle("admin.record.title", "admin.title");

/** The record of processing (Art. 30 GDPR), generated from the configuration; the controller is entered here. */
export default async function RecordOfProcessingPage() {
  await requirePagePermission("admin:users");
  const db = await getDb();
  const locale = (await getLocale()) === "en" ? "en" : "de";
  const [record, controller, t] = await Promise.all([loadRecord(db, locale), getController(db), getTranslations("admin.record")]);
  const rows = (items: { label: string; value: string }[]) => (
    <dl className="grid gap-x-4 gap-y-2 text-sm sm:grid-cols-[12rem_1fr]">
      {items.map((r) => (
        <div key={r.label} className="contents">
          <dt className="font-medium text-slate-800">{r.label}</dt>
          <dd className="break-words text-slate-700">{r.value}</dd>
        </div>
      ))}
    </dl>
  );
  return (
    <div className="grid gap-6 lg:grid-cols-[3fr_2fr]">
      <article className="min-w-0 space-y-4" aria-labelledby="record-title">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="record-title" className="text-lg font-medium">
            {record.title}
          </h2>
          <Link href="/admin/privacy" className="text-sm text-blue-800 underline">
            {t("back")}
          </Link>
        </div>
        <p className="text-sm text-slate-600">{t("lead")}</p>
        <p className="flex flex-wrap gap-3 text-sm">
          <a href="/api/privacy/record?locale=de" className="font-medium text-blue-800 underline" download>
            {t("downloadDe")}
          </a>
          <a href="/api/privacy/record?locale=en" className="font-medium text-blue-800 underline" download>
            {t("downloadEn")}
          </a>
        </p>
        <Card>{rows(record.controller)}</Card>
        {record.activities.map((a, i) => (
          <Card key={a.title} aria-labelledby={`activity-${i}`}>
            <h3 id={`activity-${i}`} className="mb-3 font-medium">
              {i + 1}. {a.title}
            </h3>
            {rows(a.rows)}
          </Card>
        ))}
        <Card aria-labelledby="record-measures">
          <h3 id="record-measures" className="mb-3 font-medium">
            {MEASURES_TITLE[locale]}
          </h3>
          <ul className="list-disc space-y-1 pl-5 text-sm text-slate-700">
            {record.measures.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        </Card>
      </article>
      <Card className="min-w-0 self-start">
        <h2 className="text-lg font-medium">{t("controllerTitle")}</h2>
        <p className="mt-1 mb-4 text-sm text-slate-600">{t("controllerLead")}</p>
        <ControllerForm current={controller} />
      </Card>
    </div>
  );
}
