import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import type { GuidelineListRow } from "@/db/queries/guidelines";

/** Acknowledgment coverage of the published guidelines: aggregate numbers only, never names. */
export async function GuidelineCoverageSection({ rows, minGroup }: { rows: GuidelineListRow[]; minGroup: number }) {
  const t = await getTranslations("overview.coverage");
  const tg = await getTranslations("guidelines");
  const format = await getFormatter();
  return (
    <Card aria-labelledby="coverage-title">
      <h2 id="coverage-title" className="font-medium">
        {t("title")}
      </h2>
      <p className="mb-3 text-sm text-slate-600">{t("lead")}</p>
      {minGroup > 1 ? <p className="mb-3 text-xs text-slate-600">{tg("coverage.worksCouncil", { n: minGroup })}</p> : null}
      {rows.length === 0 ? (
        <p className="text-sm text-slate-600">{t("empty")}</p>
      ) : (
        <Table>
          <thead>
            <tr>
              <Th>{tg("fields.title")}</Th>
              <Th>{tg("fields.currentVersion")}</Th>
              <Th className="text-right">{tg("fields.coverage")}</Th>
            </tr>
          </thead>
          <tbody>
            {rows.map((g) => (
              <tr key={g.id}>
                <Td>
                  <Link href={`/guidelines/${g.id}`} className="text-blue-800 hover:underline">
                    {g.title}
                  </Link>
                </Td>
                <Td>{tg("versionNo", { version: g.publishedVersion ?? 0 })}</Td>
                <Td className="text-right tabular-nums">
                  {g.coverage?.suppressed
                    ? tg("coverage.fewerThan", { n: minGroup })
                    : g.coverage
                    ? tg("coverage.cell", {
                        acknowledged: g.coverage.acknowledged,
                        total: g.coverage.total,
                        share: format.number(g.coverage.share, { style: "percent", maximumFractionDigits: 0 }),
                      })
                    : "—"}
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </Card>
  );
}
