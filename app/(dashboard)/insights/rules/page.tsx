import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { ruleLinkId } from "@/components/insights/focus";
import { RuleOrderControls, RuleToggle } from "@/components/insights/rule-controls";
import { LinkButton } from "@/components/ui/button";
import { Badge, EmptyState } from "@/components/ui/card";
import { Pagination } from "@/components/ui/pagination";
import { Table, Td, Th } from "@/components/ui/table";
import { getDb } from "@/db";
import { listChannelOptions, listRules, type RuleDto } from "@/db/queries/routing-rules";
import { requirePagePermission } from "@/lib/auth/session";
import { pageTitle } from "@/lib/i18n/page-title";
import { pageParam } from "@/lib/search-params";
import { cn } from "@/lib/utils";

export const generateMetadata = () => pageTitle("insights.titles.rules");

type SP = Promise<Record<string, string | string[] | undefined>>;

export default async function RulesPage({ searchParams }: { searchParams: SP }) {
  await requirePagePermission("rules:write");
  const db = await getDb();
  const [{ rows, total, page, pageSize }, channels] = await Promise.all([listRules(db, { page: pageParam(await searchParams) }), listChannelOptions(db)]);
  const t = await getTranslations("insights");
  const channelName = new Map(channels.map((c) => [c.id, c.name]));
  const summary = (r: RuleDto) => {
    const parts: string[] = [];
    if (r.categories.length) parts.push(t("rules.summary.categories", { values: r.categories.map((c) => t(`category.${c}`)).join(", ") }));
    const where = [...r.platforms.map((p) => t(`platform.${p}`)), ...r.channelIds.map((id) => channelName.get(id) ?? `#${id}`)];
    if (where.length) parts.push(t("rules.summary.platforms", { values: where.join(", ") }));
    if (r.keywords.length) parts.push(t(r.keywordMode === "all" ? "rules.summary.keywordsAll" : "rules.summary.keywordsAny", { values: r.keywords.join(", ") }));
    if (r.sentiments.length) parts.push(t("rules.summary.sentiments", { values: r.sentiments.map((s) => t(`sentiment.${s}`)).join(", ") }));
    if (r.languages.length) parts.push(t("rules.summary.languages", { values: r.languages.map((l) => t(`language.${l === "en" ? "en" : "de"}`)).join(", ") }));
    return parts.length ? parts : [t("rules.anything")];
  };
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <p className="max-w-3xl text-slate-600">{t("rules.lead")}</p>
        <LinkButton href="/insights/rules/new">{t("rules.new")}</LinkButton>
      </div>
      {rows.length === 0 ? (
        <EmptyState title={t("rules.empty")} body={t("rules.emptyHint")} />
      ) : (
        <>
          {/* Below md one card per rule, with the same controls: seven columns do not fit a phone. */}
          <ol className="space-y-3 md:hidden" aria-label={t("rules.title")}>
            {rows.map((r, i) => (
              <li key={r.id} className={cn("rounded-lg border border-slate-200 bg-white p-3", !r.active && "text-slate-600")}>
                <div className="flex items-start justify-between gap-3">
                  <p className="min-w-0 font-medium [overflow-wrap:anywhere]">
                    <span className="mr-2 tabular-nums">{(page - 1) * pageSize + i + 1}.</span>
                    <Link href={`/insights/rules/${r.id}`} data-focus-alt={ruleLinkId(r.id)} className="text-blue-800 hover:underline">
                      {r.name}
                    </Link>
                  </p>
                  <Badge tone={r.active ? "green" : "slate"}>{r.active ? t("rules.active") : t("rules.inactive")}</Badge>
                </div>
                <ul className="mt-2 space-y-0.5 text-xs">
                  {summary(r).map((x) => (
                    <li key={x}>{x}</li>
                  ))}
                </ul>
                <p className="mt-2 text-sm">
                  {r.departmentName} · {t("rules.slaValue", { hours: r.slaHours })}
                </p>
                <div className="mt-2 flex flex-wrap items-center gap-2">
                  <RuleOrderControls id={r.id} name={r.name} first={page === 1 && i === 0} last={(page - 1) * pageSize + i + 1 === total} />
                  <RuleToggle id={r.id} name={r.name} active={r.active} />
                </div>
              </li>
            ))}
          </ol>
          <div className="hidden md:block">
            <Table>
              <thead>
                <tr>
                  <Th>{t("rules.position")}</Th>
                  <Th>{t("rules.name")}</Th>
                  <Th>{t("rules.conditions")}</Th>
                  <Th>{t("rules.department")}</Th>
                  <Th>{t("rules.sla")}</Th>
                  <Th>{t("rules.status")}</Th>
                  <Th>
                    <span className="sr-only">{t("rules.edit")}</span>
                  </Th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r, i) => (
                  <tr key={r.id} className={r.active ? undefined : "text-slate-600"}>
                    <Td>
                      <div className="flex items-center gap-2">
                        <span className="w-6 tabular-nums">{(page - 1) * pageSize + i + 1}</span>
                        <RuleOrderControls id={r.id} name={r.name} first={page === 1 && i === 0} last={(page - 1) * pageSize + i + 1 === total} />
                      </div>
                    </Td>
                    <Td className="font-medium">
                      <Link id={ruleLinkId(r.id)} href={`/insights/rules/${r.id}`} className="text-blue-800 hover:underline">
                        {r.name}
                      </Link>
                    </Td>
                    <Td>
                      <ul className="space-y-0.5 text-xs">
                        {summary(r).map((s) => (
                          <li key={s}>{s}</li>
                        ))}
                      </ul>
                    </Td>
                    <Td>{r.departmentName}</Td>
                    <Td className="whitespace-nowrap">{t("rules.slaValue", { hours: r.slaHours })}</Td>
                    <Td>
                      <Badge tone={r.active ? "green" : "slate"}>{r.active ? t("rules.active") : t("rules.inactive")}</Badge>
                    </Td>
                    <Td>
                      <RuleToggle id={r.id} name={r.name} active={r.active} />
                    </Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          </div>
        </>
      )}
      <Pagination page={page} pageSize={pageSize} total={total} basePath="/insights/rules" params={{}} />
    </div>
  );
}
