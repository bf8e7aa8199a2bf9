import { getTranslations } from "next-intl/server";
import { ChannelMatrix, type MatrixLayout } from "@/components/channels/channel-matrix";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/card";
import { Checkbox, Label, Select } from "@/components/ui/input";
import { Notice } from "@/components/ui/notice";
import { getDb } from "@/db";
import { loadMatrix } from "@/db/queries/channels";
import { requirePagePermission } from "@/lib/auth/session";
import { detectGaps, isoDay } from "@/lib/channels/gaps";
import { param } from "@/lib/search-params";
import { pageTitle } from "@/lib/i18n/page-title";

type SP = Promise<Record<string, string | string[] | undefined>>;

export const generateMetadata = () => pageTitle("channels.matrix.title");

export default async function ChannelMatrixPage({ searchParams }: { searchParams: SP }) {
  await requirePagePermission("channels:read");
  const sp = await searchParams;
  const includeRetired = param(sp, "retired") === "1";
  // Channels as rows suits a phone: a few departments across instead of every channel.
  const layout: MatrixLayout = param(sp, "rows") === "channels" ? "channels" : "departments";
  const matrix = await loadMatrix(await getDb(), { includeRetired });
  const report = detectGaps({ ...matrix, today: isoDay() });
  const t = await getTranslations("channels.matrix");
  return (
    <div className="space-y-4">
      <p className="max-w-3xl text-slate-700">{t("lead")}</p>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <ul className="space-y-1 text-sm" aria-label={t("gapsRow")}>
          <li className={report.departmentsWithoutChannel.length ? "font-medium text-red-800" : "text-slate-700"}>
            {t("departmentsWithoutChannel", { count: report.departmentsWithoutChannel.length })}
          </li>
          <li className={report.channelsWithGaps ? "font-medium text-red-800" : "text-slate-700"}>
            {t("channelsWithGaps", { count: report.channelsWithGaps })}
          </li>
        </ul>
        <form className="flex flex-wrap items-center gap-2">
          <Label htmlFor="rows">{t("rows")}</Label>
          <Select id="rows" name="rows" defaultValue={layout} className="w-auto">
            <option value="departments">{t("rowsDepartments")}</option>
            <option value="channels">{t("rowsChannels")}</option>
          </Select>
          <Checkbox id="retired" name="retired" value="1" defaultChecked={includeRetired} />
          <Label htmlFor="retired">{t("includeRetired")}</Label>
          <Button type="submit" variant="secondary" size="sm">
            {t("show")}
          </Button>
        </form>
      </div>
      {matrix.truncated ? <Notice tone="info">{t("truncated", { shown: matrix.channels.length, total: matrix.totalChannels })}</Notice> : null}
      {matrix.channels.length === 0 ? <EmptyState title={t("empty")} /> : <ChannelMatrix {...matrix} report={report} layout={layout} />}
    </div>
  );
}
