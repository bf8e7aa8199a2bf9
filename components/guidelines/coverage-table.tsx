import { getFormatter, getTranslations } from "next-intl/server";
import { Td, Th } from "@/components/ui/table";
import type { Coverage } from "@/lib/guidelines/coverage";

/** Acknowledgment coverage per department; the pending column exists only when names may be shown. */
export async function CoverageTable({ coverage, showNames, minGroup = 0 }: { coverage: Coverage; showNames: boolean; minGroup?: number }) {
  const t = await getTranslations("guidelines.coverage");
  const format = await getFormatter();
  const pct = (n: number) => format.number(n, { style: "percent", maximumFractionDigits: 0 });
  return (
    <div className="space-y-2">
      <p className="text-sm text-slate-700">
        {coverage.suppressed
          ? t("summarySuppressed", { n: minGroup })
          : t("summary", { acknowledged: coverage.acknowledged, total: coverage.total, share: pct(coverage.share) })}
      </p>
      {!showNames ? <p className="text-xs text-slate-600">{t("aggregateOnly")}</p> : null}
      {minGroup > 1 ? <p className="text-xs text-slate-600">{t("worksCouncil", { n: minGroup })}</p> : null}
      {/* Its own scroll container: focusable, so a keyboard can scroll it when names make it wide. */}
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white" tabIndex={0} role="region" aria-label={t("caption")}>
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{t("caption")}</caption>
        <thead>
          <tr>
            <Th>{t("department")}</Th>
            <Th className="text-right">{t("acknowledged")}</Th>
            <Th className="text-right">{t("share")}</Th>
            {showNames ? <Th>{t("pending")}</Th> : null}
          </tr>
        </thead>
        <tbody>
          {coverage.departments.map((d) => (
            <tr key={d.departmentId ?? "none"}>
              <Td>{d.departmentName ?? t("noDepartment")}</Td>
              {d.suppressed ? (
                <Td className="text-right" colSpan={2}>
                  {t("fewerThan", { n: minGroup })}
                </Td>
              ) : (
                <>
                  <Td className="text-right tabular-nums">{t("ofTotal", { acknowledged: d.acknowledged, total: d.total })}</Td>
                  <Td className="text-right tabular-nums">{pct(d.share)}</Td>
                </>
              )}
              {showNames ? <Td className="min-w-40">{d.pending.length ? d.pending.map((p) => p.name).join(", ") : t("nobodyPending")}</Td> : null}
            </tr>
          ))}
        </tbody>
      </table>
      </div>
    </div>
  );
}
