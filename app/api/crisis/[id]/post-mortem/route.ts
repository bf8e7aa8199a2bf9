import { getLocale } from "next-intl/server";
import { crisisBriefingRecipientsOf } from "@/db/queries/briefings";
import { crisisScopeOf, crisisVisible, fullTimeline, getCrisis, postMortemInput } from "@/db/queries/crises";
import { apiError, sessionRoute } from "@/lib/api";
import { postMortem, postMortemMarkdown } from "@/lib/crisis/post-mortem";
import { reach } from "@/lib/crisis/reach";
import { timelineWording } from "@/lib/crisis/timeline-text";

export const dynamic = "force-dynamic";

/** A closed crisis's post-mortem as a Markdown file, for whoever may see its room. */
export const GET = sessionRoute<{ id: string }>("crisis:read", async (_req, { db, user, params }) => {
  const id = /^\d{1,9}$/.test(params.id) ? Number(params.id) : null;
  const scope = await crisisScopeOf(db, user);
  if (!scope) return apiError("forbidden", "Your role may not see crisis rooms.");
  const c = id ? await getCrisis(db, id) : undefined;
  if (!c) return apiError("not_found", "No such crisis.");
  if (!(await crisisVisible(db, scope, c.id))) return apiError("forbidden", "This crisis does not concern your department.");
  const input = await postMortemInput(db, c);
  if (!input) return apiError("conflict", "The post-mortem exists once the crisis is closed.");
  const [events, word, briefed] = await Promise.all([fullTimeline(db, c.id), timelineWording(), crisisBriefingRecipientsOf(db, c.id)]);
  const text = postMortemMarkdown(
    {
      title: c.title,
      leadName: c.leadName,
      startedAt: c.startedAt,
      closedAt: c.closedAt!,
      summary: c.summary,
      lessonsLearned: c.lessonsLearned,
      figures: postMortem(input),
      activation: reach(briefed),
      timeline: events.map((e) => ({ at: e.at, text: `${word(e)} (${e.actorName ?? "–"})` })),
    },
    (await getLocale()) === "en" ? "en" : "de",
  );
  return new Response(text, {
    headers: { "content-type": "text/markdown; charset=utf-8", "content-disposition": `attachment; filename="crisis-${c.id}-post-mortem.md"`, "cache-control": "no-store" },
  });
});
