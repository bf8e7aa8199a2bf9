import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { GapBadges } from "./channel-badges";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { Badge } from "@/components/ui/card";
import type { ChannelStatus, Platform, Responsibility } from "@/db/schema";
import type { GapReport } from "@/lib/channels/gaps";
import { cn } from "@/lib/utils";

export type MatrixLayout = "departments" | "channels";

interface Props {
  departments: { id: number; slug: string; name: string }[];
  channels: { id: number; name: string; platform: Platform; status: ChannelStatus }[];
  assignments: { channelId: number; departmentId: number; responsibility: Responsibility }[];
  report: GapReport;
  /** What the rows are: departments (channels across) or, transposed, channels (departments across). */
  layout?: MatrixLayout;
}

const CELL_TONE: Record<Responsibility, string> = {
  owner: "bg-blue-700 text-white",
  contributor: "bg-blue-100 text-blue-900",
  reader: "bg-slate-100 text-slate-800",
};

const STICKY = "sticky left-0 z-10 border-r border-slate-200";

/**
 * Departments × channels: rows without any channel and columns with gaps are marked red. The first
 * column stays put while the others scroll, and a hint says how many columns are out of view.
 */
export async function ChannelMatrix({ departments, channels, assignments, report, layout = "departments" }: Props) {
  const t = await getTranslations("channels");
  const cell = new Map(assignments.map((a) => [`${a.departmentId}:${a.channelId}`, a.responsibility]));
  const lonely = new Set(report.departmentsWithoutChannel);

  const channelHead = (c: Props["channels"][number]) => {
    const gaps = report.channelGaps.get(c.id) ?? [];
    return (
      <>
        <Link href={`/channels/${c.id}`} className="text-blue-800 hover:underline">
          {c.name}
        </Link>
        <div className="text-xs font-normal text-slate-600">
          {t(`platforms.${c.platform}`)} · {t(`statuses.${c.status}`)}
        </div>
        <div className="mt-1 font-normal">
          <GapBadges gaps={gaps} />
        </div>
      </>
    );
  };
  const departmentHead = (d: Props["departments"][number]) => (
    <>
      <Link href={`/departments/${d.slug}`} className="text-blue-800 hover:underline">
        {d.name}
      </Link>
      {lonely.has(d.id) ? (
        <div>
          <Badge tone="red">{t("matrix.noChannel")}</Badge>
        </div>
      ) : null}
    </>
  );
  const cellFor = (departmentId: number, channelId: number) => {
    const r = cell.get(`${departmentId}:${channelId}`);
    return (
      <td key={`${departmentId}:${channelId}`} className="border-b border-l border-slate-100 px-2 py-2 text-center">
        {r ? (
          <span className={cn("inline-block rounded px-2 py-0.5 text-xs font-medium", CELL_TONE[r])}>{t(`responsibilities.${r}`)}</span>
        ) : (
          <>
            <span aria-hidden="true" className="text-slate-400">
              ·
            </span>
            <span className="sr-only">{t("matrix.noResponsibility")}</span>
          </>
        )}
      </td>
    );
  };
  const gapsOf = (c: Props["channels"][number]) => (report.channelGaps.get(c.id) ?? []).length > 0;
  const transposed = layout === "channels";

  return (
    <ScrollRegion
      label={t(transposed ? "matrix.regionTransposed" : "matrix.region")}
      landmark
      hint={{ moreKey: transposed ? "channels.matrix.moreDepartments" : "channels.matrix.moreChannels", backKey: "channels.matrix.backToStart" }}
    >
      <table className="min-w-full text-left text-sm" data-testid="channel-matrix" data-layout={layout}>
        <caption className="sr-only">{t("matrix.caption")}</caption>
        <thead>
          <tr>
            <th scope="col" className={cn(STICKY, "border-b bg-slate-50 px-3 py-2 font-medium text-slate-700")}>
              {t(transposed ? "matrix.channel" : "matrix.department")}
            </th>
            {transposed
              ? departments.map((d) => (
                  <th
                    key={d.id}
                    scope="col"
                    data-scroll-item
                    className={cn("min-w-32 border-b border-l border-slate-200 px-2 py-2 align-top font-medium", lonely.has(d.id) ? "bg-red-50" : "bg-slate-50")}
                  >
                    {departmentHead(d)}
                  </th>
                ))
              : channels.map((c) => (
                  <th
                    key={c.id}
                    scope="col"
                    data-scroll-item
                    className={cn("min-w-36 border-b border-l border-slate-200 px-2 py-2 align-top font-medium", gapsOf(c) ? "bg-red-50" : "bg-slate-50")}
                  >
                    {channelHead(c)}
                  </th>
                ))}
          </tr>
        </thead>
        <tbody>
          {transposed
            ? channels.map((c) => (
                <tr key={c.id} className={gapsOf(c) ? "bg-red-50" : undefined}>
                  <th scope="row" className={cn(STICKY, "min-w-40 border-b border-b-slate-100 px-3 py-2 align-top font-medium", gapsOf(c) ? "bg-red-50" : "bg-white")}>
                    {channelHead(c)}
                  </th>
                  {departments.map((d) => cellFor(d.id, c.id))}
                </tr>
              ))
            : departments.map((d) => (
                <tr key={d.id} className={lonely.has(d.id) ? "bg-red-50" : undefined}>
                  <th scope="row" className={cn(STICKY, "border-b border-b-slate-100 px-3 py-2 font-medium", lonely.has(d.id) ? "bg-red-50" : "bg-white")}>
                    {departmentHead(d)}
                  </th>
                  {channels.map((c) => cellFor(d.id, c.id))}
                </tr>
              ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
