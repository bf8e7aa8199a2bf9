/**
 * The post-mortem of a closed crisis, assembled from what the room recorded: how long it ran, how
 * fast the team first acted, the peak of voices, how negative they were, which checklist steps
 * were late or never done. Lessons learned are the team's own words beside these figures.
 */
export interface PostMortemInput {
  startedAt: Date;
  closedAt: Date;
  /** The room's timeline; `actorId` null for what the system did (the early warning's draft). */
  events: readonly { at: Date; kind: string; actorId: number | null }[];
  steps: readonly { position: number; title: string; dueAt: Date; doneAt: Date | null }[];
  /** Insights per hour (ISO hour start), as the room's chart has them. */
  hours: readonly { hour: string; total: number; negative: number }[];
  /** When holding statements were used in it. */
  statementsUsedAt?: readonly Date[];
}

export interface PostMortem {
  durationMinutes: number;
  /** From the start to the first thing a person did in the room (confirm, declare, a step…). */
  firstResponseMinutes: number | null;
  /** From the start to the first holding statement used. */
  firstStatementMinutes: number | null;
  peak: { hour: string; total: number } | null;
  insights: number;
  negative: number;
  /** Percent of the crisis's insights that were negative, one decimal. */
  negativeShare: number | null;
  stepsTotal: number;
  stepsOnTime: number;
  lateSteps: { position: number; title: string; lateMinutes: number }[];
  undoneSteps: { position: number; title: string }[];
}

const minutesBetween = (a: Date, b: Date) => Math.max(0, Math.round((b.getTime() - a.getTime()) / 60_000));

export function postMortem(input: PostMortemInput): PostMortem {
  const { startedAt, closedAt } = input;
  const byPeople = input.events.filter((e) => e.actorId != null).sort((a, b) => a.at.getTime() - b.at.getTime());
  // A crisis declared by hand after it began: the declaration is the first response, however late.
  const first = byPeople[0];
  const during = input.hours.filter((h) => {
    const t = Date.parse(h.hour);
    return t + 3_600_000 > startedAt.getTime() && t < closedAt.getTime();
  });
  let peak: PostMortem["peak"] = null;
  for (const h of during) if (h.total > 0 && (!peak || h.total > peak.total)) peak = { hour: h.hour, total: h.total };
  const insights = during.reduce((s, h) => s + h.total, 0);
  const negative = during.reduce((s, h) => s + h.negative, 0);
  const steps = [...input.steps].sort((a, b) => a.position - b.position);
  const lateSteps = steps
    .filter((s) => s.doneAt && s.doneAt > s.dueAt)
    .map((s) => ({ position: s.position, title: s.title, lateMinutes: minutesBetween(s.dueAt, s.doneAt!) }));
  const undoneSteps = steps.filter((s) => !s.doneAt).map((s) => ({ position: s.position, title: s.title }));
  return {
    durationMinutes: minutesBetween(startedAt, closedAt),
    firstResponseMinutes: first ? minutesBetween(startedAt, first.at) : null,
    firstStatementMinutes: input.statementsUsedAt?.length ? minutesBetween(startedAt, new Date(Math.min(...input.statementsUsedAt.map((d) => d.getTime())))) : null,
    peak,
    insights,
    negative,
    negativeShare: insights ? Math.round((negative / insights) * 1000) / 10 : null,
    stepsTotal: steps.length,
    stepsOnTime: steps.filter((s) => s.doneAt && s.doneAt <= s.dueAt).length,
    lateSteps,
    undoneSteps,
  };
}

/** "2 d 3 h", "45 min": a duration as the report says it. */
export function formatMinutes(minutes: number): string {
  const d = Math.floor(minutes / 1440);
  const h = Math.floor((minutes % 1440) / 60);
  const m = minutes % 60;
  const parts = [d ? `${d} d` : "", h ? `${h} h` : "", m || (!d && !h) ? `${m} min` : ""].filter(Boolean);
  return parts.join(" ");
}

/** Text from people, made inert in Markdown: no headings, links, emphasis or HTML of its own. */
export function mdText(s: string): string {
  return s.replace(/[\\`*_{}[\]()#+\-.!|<>~]/g, (c) => `\\${c}`).replace(/\r?\n/g, "  \n");
}

type Locale = "de" | "en";

const L = {
  de: {
    title: "Nachbetrachtung",
    crisis: "Krise",
    started: "Beginn",
    closed: "Ende",
    duration: "Dauer",
    lead: "Leitung",
    firstResponse: "Erste Reaktion nach",
    firstStatement: "Erste Stellungnahme nach",
    peak: "Höchststand",
    perHour: "Hinweise in einer Stunde",
    insights: "Hinweise",
    negative: "davon negativ",
    steps: "Checkliste",
    activation: "Fürsprecher",
    activationValue: (b: number, r: number, a: number) => `${b} gebrieft, ${r} gelesen, ${a} aktiv geworden`,
    firstAction: "erste Reaktion nach",
    onTime: "pünktlich erledigt",
    late: "Verspätet erledigt",
    undone: "Nicht erledigt",
    lateBy: "zu spät um",
    summary: "Zusammenfassung",
    lessons: "Lehren",
    timeline: "Verlauf",
    none: "–",
    noneYet: "noch keine festgehalten",
  },
  en: {
    title: "Post-mortem",
    crisis: "Crisis",
    started: "Started",
    closed: "Ended",
    duration: "Duration",
    lead: "Lead",
    firstResponse: "First response after",
    firstStatement: "First statement after",
    peak: "Peak",
    perHour: "insights in one hour",
    insights: "Insights",
    negative: "negative",
    steps: "Checklist",
    activation: "Advocates",
    activationValue: (b: number, r: number, a: number) => `${b} briefed, ${r} read, ${a} acted`,
    firstAction: "first action after",
    onTime: "done on time",
    late: "Done late",
    undone: "Not done",
    lateBy: "late by",
    summary: "Summary",
    lessons: "Lessons learned",
    timeline: "Timeline",
    none: "–",
    noneYet: "none recorded yet",
  },
} as const;

export interface PostMortemDoc {
  title: string;
  /** Advocates briefed, read, acted and the first action's delay (lib/crisis/reach.ts). */
  activation?: { briefed: number; read: number; acted: number; firstActionMinutes: number | null };
  leadName: string | null;
  startedAt: Date;
  closedAt: Date;
  summary: string | null;
  lessonsLearned: string | null;
  figures: PostMortem;
  /** Already worded in the reader's language, oldest first. */
  timeline: { at: Date; text: string }[];
}

/** The post-mortem as a Markdown document (the export), in the reader's language and company time. */
export function postMortemMarkdown(doc: PostMortemDoc, locale: Locale, timeZone = "Europe/Berlin"): string {
  const l = L[locale];
  const when = (d: Date) => new Intl.DateTimeFormat(locale === "de" ? "de-DE" : "en-GB", { timeZone, dateStyle: "medium", timeStyle: "short" }).format(d);
  const f = doc.figures;
  const lines = [
    `# ${l.title}: ${mdText(doc.title)}`,
    "",
    `- ${l.started}: ${when(doc.startedAt)}`,
    `- ${l.closed}: ${when(doc.closedAt)}`,
    `- ${l.duration}: ${formatMinutes(f.durationMinutes)}`,
    `- ${l.lead}: ${doc.leadName ? mdText(doc.leadName) : l.none}`,
    `- ${l.firstResponse}: ${f.firstResponseMinutes == null ? l.none : formatMinutes(f.firstResponseMinutes)}`,
    `- ${l.firstStatement}: ${f.firstStatementMinutes == null ? l.none : formatMinutes(f.firstStatementMinutes)}`,
    `- ${l.peak}: ${f.peak ? `${f.peak.total} ${l.perHour} (${when(new Date(f.peak.hour))})` : l.none}`,
    `- ${l.insights}: ${f.insights}, ${l.negative}: ${f.negative}${f.negativeShare == null ? "" : ` (${f.negativeShare.toLocaleString(locale === "de" ? "de-DE" : "en-GB")} %)`}`,
    `- ${l.steps}: ${f.stepsOnTime} / ${f.stepsTotal} ${l.onTime}`,
    ...(doc.activation
      ? [
          `- ${l.activation}: ${l.activationValue(doc.activation.briefed, doc.activation.read, doc.activation.acted)}${doc.activation.firstActionMinutes == null ? "" : `, ${l.firstAction} ${formatMinutes(doc.activation.firstActionMinutes)}`}`,
        ]
      : []),
    "",
  ];
  if (f.lateSteps.length) {
    lines.push(`## ${l.late}`, "", ...f.lateSteps.map((s) => `- ${s.position}. ${mdText(s.title)} (${l.lateBy} ${formatMinutes(s.lateMinutes)})`), "");
  }
  if (f.undoneSteps.length) {
    lines.push(`## ${l.undone}`, "", ...f.undoneSteps.map((s) => `- ${s.position}. ${mdText(s.title)}`), "");
  }
  lines.push(`## ${l.summary}`, "", doc.summary ? mdText(doc.summary) : l.none, "");
  lines.push(`## ${l.lessons}`, "", doc.lessonsLearned ? mdText(doc.lessonsLearned) : l.noneYet, "");
  lines.push(`## ${l.timeline}`, "", ...doc.timeline.map((e) => `- ${when(e.at)}: ${mdText(e.text)}`), "");
  return lines.join("\n");
}
