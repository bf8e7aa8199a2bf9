import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { GapBadges } from "./channel-badges";
import { Badge } from "@/components/ui/card";
import type { ChannelStatus, Platform, Responsibility } from "@/db/schema";
import type { GapReport } from "@/lib/channels/gaps";
import { cn } from "@/lib/utils";

interface Props {
  departments: { id: number; slug: string; name: string }[];
  channels: { id: number; name: string; platform: Platform; status: ChannelStatus }[];
  assignments: { channelId: number; departmentId: number; responsibility: Responsibility }[];
  report: GapReport;
}

const CELL_TONE: Record<Responsibility, string> = {
  owner: "bg-blue-700 text-white",
  contributor: "bg-blue-100 text-blue-900",
  reader: "bg-slate-100 text-slate-800",
};

/** Departments × channels: rows without any channel and columns with gaps are marked red. */
export async function ChannelMatrix({ departments, channels, assignments, report }: Props) {
  const t = await getTranslations("channels");
  const cell = new Map(assignments.map((a) => [`${a.departmentId}:${a.channelId}`, a.responsibility]));
  const lonely = new Set(report.departmentsWithoutChannel);
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="min-w-full text-left text-sm">
        <caption className="sr-only">{t("matrix.caption")}</caption>
        <thead>
          <tr>
            <th scope="col" className="sticky left-0 z-10 border-b border-slate-200 bg-slate-50 px-3 py-2 font-medium text-slate-700">
              {t("matrix.department")}
            </th>
            {channels.map((c) => {
              const gaps = report.channelGaps.get(c.id) ?? [];
              return (
                <th
                  key={c.id}
                  scope="col"
                  className={cn("min-w-36 border-b border-l border-slate-200 px-2 py-2 align-top font-medium", gaps.length ? "bg-red-50" : "bg-slate-50")}
                >
                  <Link href={`/channels/${c.id}`} className="text-blue-800 hover:underline">
                    {c.name}
                  </Link>
                  <div className="text-xs font-normal text-slate-600">
                    {t(`platforms.${c.platform}`)} · {t(`statuses.${c.status}`)}
                  </div>
                  <div className="mt-1 font-normal">
                    <GapBadges gaps={gaps} />
                  </div>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {departments.map((d) => (
            <tr key={d.id} className={lonely.has(d.id) ? "bg-red-50" : undefined}>
              <th scope="row" className={cn("sticky left-0 z-10 border-b border-slate-100 px-3 py-2 font-medium", lonely.has(d.id) ? "bg-red-50" : "bg-white")}>
                <Link href={`/departments/${d.slug}`} className="text-blue-800 hover:underline">
                  {d.name}
                </Link>
                {lonely.has(d.id) ? (
                  <div>
                    <Badge tone="red">{t("matrix.noChannel")}</Badge>
                  </div>
                ) : null}
              </th>
              {channels.map((c) => {
                const r = cell.get(`${d.id}:${c.id}`);
                return (
                  <td key={c.id} className="border-b border-l border-slate-100 px-2 py-2 text-center">
                    {r ? (
                      <span className={cn("inline-block rounded px-2 py-0.5 text-xs font-medium", CELL_TONE[r])}>{t(`responsibilities.${r}`)}</span>
                    ) : (
                      <span className="text-slate-400" aria-label={t("matrix.none")}>
                        ·
                      </span>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
