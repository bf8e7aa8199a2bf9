import { getTranslations } from "next-intl/server";

/** Words a timeline entry in the reader's language (the room and the post-mortem's export say it alike). */
export async function timelineWording(): Promise<(e: { kind: string; payload: Record<string, unknown> }) => string> {
  const t = await getTranslations("crisis");
  return (e) =>
    t.has(`timeline.kinds.${e.kind}`)
      ? t(`timeline.kinds.${e.kind}` as "timeline.kinds.closed", {
          title: String(e.payload.title ?? ""),
          assignee: String(e.payload.assignee ?? t("checklist.nobody")),
          comment: String(e.payload.comment ?? ""),
          insightId: String(e.payload.insightId ?? ""),
          current: String(e.payload.current ?? ""),
          hours: String(e.payload.windowHours ?? ""),
          count: String(e.payload.count ?? ""),
        })
      : e.kind;
}
