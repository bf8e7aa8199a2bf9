import { getTranslations } from "next-intl/server";
import { RuleEditor } from "@/components/insights/rule-editor";
import { getDb } from "@/db";
import { listDepartments } from "@/db/queries/departments";
import { listChannelOptions, loadRuleSpecs, previewSample } from "@/db/queries/routing-rules";
import { requirePagePermission } from "@/lib/auth/session";
import { pageTitle } from "@/lib/i18n/page-title";

export const generateMetadata = () => pageTitle("insights.titles.ruleNew");

export default async function NewRulePage() {
  await requirePagePermission("rules:write");
  const db = await getDb();
  const [departments, channels, sample, earlier] = await Promise.all([listDepartments(db), listChannelOptions(db), previewSample(db), loadRuleSpecs(db, { activeOnly: true })]);
  const t = await getTranslations("insights.rules");
  return (
    <div className="space-y-4">
      <h2 className="text-lg font-medium">{t("new")}</h2>
      <RuleEditor rule={null} departments={departments.map((d) => ({ id: d.id, name: d.name }))} channels={channels} sample={sample} earlier={earlier} />
    </div>
  );
}
