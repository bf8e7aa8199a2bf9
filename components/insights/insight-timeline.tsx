import { getFormatter, getTranslations } from "next-intl/server";
import type { InsightEventDto } from "@/db/queries/insights";

/** Every step of an insight with who and when, oldest first. */
export async function InsightTimeline({ events }: { events: InsightEventDto[] }) {
  const t = await getTranslations("insights.events");
  const format = await getFormatter();
  const dep = (name: string | null) => name ?? t("unknownDepartment");
  const title = (e: InsightEventDto) => {
    switch (e.type) {
      case "received": {
        const [via, ...label] = (e.note ?? "").split(":");
        const named = label.join(":");
        const how =
          via === "api"
            ? named
              ? t("via.api", { label: named })
              : t("via.apiPlain")
            : via === "connector"
              ? t("via.connector", { label: named })
              : via === "csv"
                ? t("via.csv")
                : via === "form"
                  ? t("via.form")
                  : "";
        return `${t("received")} ${how}`.trim();
      }
      case "routed":
        if (e.actorName) return t("routedByHand", { department: dep(e.toDepartmentName) });
        return e.ruleName ? t("routedByRule", { rule: e.ruleName, department: dep(e.toDepartmentName) }) : t("routedByRuleDeleted", { department: dep(e.toDepartmentName) });
      case "reassigned":
        return t("reassigned", { from: dep(e.fromDepartmentName), to: dep(e.toDepartmentName) });
      default:
        return t(e.type);
    }
  };
  // A rule routes at intake, in the same step: one `received` event carrying the rule is shown
  // as the two things that happened.
  const shown = events.flatMap((e) =>
    e.type === "received" && e.toDepartmentName ? [{ ...e, toDepartmentName: null }, { ...e, type: "routed" as const, actorName: null, note: null }] : [e],
  );
  return (
    <ol className="relative space-y-4 border-l border-slate-200 pl-5" data-testid="timeline">
      {shown.map((e, i) => (
        <li key={`${e.id}-${i}`} className="relative">
          <span aria-hidden className="absolute -left-[26px] top-1.5 h-2.5 w-2.5 rounded-full bg-blue-700" />
          <p className="font-medium text-slate-900">{title(e)}</p>
          <p className="text-xs text-slate-600">
            <time dateTime={new Date(e.createdAt).toISOString()}>{format.dateTime(e.createdAt, { dateStyle: "medium", timeStyle: "short" })}</time>
            {" · "}
            {e.actorName ?? t("system")}
          </p>
          {e.note && e.type !== "received" ? <p className="mt-1 whitespace-pre-line text-sm text-slate-800">{e.note}</p> : null}
        </li>
      ))}
    </ol>
  );
}
