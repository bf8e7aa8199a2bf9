import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import type { GuidelineListRow } from "@/db/queries/guidelines";

/** Acknowledgment coverage of the published guidelines: aggregate numbers only, never names. */
export async function GuidelineCoverageSection({ rows }: { rows: GuidelineListRow[] }) {
  const t = await getTranslations("overview.coverage");
  const format = await getFormatter();
  return (
    <Card aria-labelledby="coverage-title">
      <h2 id="coverage-title" className="font-medium">
        {t("title")}
      </h2>
      <p className="mb-3 text-sm text-slate-600">{t("lead")}</p>
      {rows.length === 0 ? (
        <p className="text-sm text-slate-600">{t("empty")}</p>
      ) : (
        <Table>
          <thead>
            <tr>
              <Th>{t("guideline")}</Th>
              <Th className="text-right">{t("version")}</Th>
              <Th className="text-right">{t("acknowledged")}</Th>
              <Th className="text-right">{t("share")}</Th>
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
                <Td className="text-right tabular-nums">v{g.publishedVersion}</Td>
                <Td className="text-right tabular-nums">
                  {g.coverage ? t("ofTotal", { acknowledged: g.coverage.acknowledged, total: g.coverage.total }) : "—"}
                </Td>
                <Td className="text-right tabular-nums">
                  {g.coverage ? format.number(g.coverage.share, { style: "percent", maximumFractionDigits: 0 }) : "—"}
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </Card>
  );
}
