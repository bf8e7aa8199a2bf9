import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { RuleDelete } from "@/components/insights/rule-controls";
import { RuleEditor } from "@/components/insights/rule-editor";
import { getDb } from "@/db";
import { listDepartments } from "@/db/queries/departments";
import { getRule, listChannelOptions, loadRuleSpecs, previewSample } from "@/db/queries/routing-rules";
import { requirePagePermission } from "@/lib/auth/session";
import { namedPageTitle, pageTitle } from "@/lib/i18n/page-title";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
  await requirePagePermission("rules:write");
  const { id } = await params;
  const rule = /^\d{1,9}$/.test(id) ? await getRule(await getDb(), Number(id)) : null;
  return rule ? namedPageTitle(rule.name, "insights.titles.ruleKind") : pageTitle("insights.titles.rules");
}

export default async function EditRulePage({ params }: { params: Promise<{ id: string }> }) {
  await requirePagePermission("rules:write");
  const { id } = await params;
  if (!/^\d{1,9}$/.test(id)) notFound();
  const db = await getDb();
  const rule = await getRule(db, Number(id));
  if (!rule) notFound();
  const [departments, channels, sample, active] = await Promise.all([listDepartments(db), listChannelOptions(db), previewSample(db), loadRuleSpecs(db, { activeOnly: true })]);
  const t = await getTranslations("insights.rules");
  const earlier = active.filter((r) => r.position < rule.position || (r.position === rule.position && r.id < rule.id));
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 className="text-lg font-medium">
          {t("editTitle")}: {rule.name}
        </h2>
        <RuleDelete id={rule.id} name={rule.name} />
      </div>
      <RuleEditor rule={rule} departments={departments.map((d) => ({ id: d.id, name: d.name }))} channels={channels} sample={sample} earlier={earlier} />
    </div>
  );
}
