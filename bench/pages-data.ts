/**
 * The data set of `npm run bench:pages`: the demo company's departments, people, channels and
 * guidelines, and on top of them, generated inside the database with `insert … select … from
 * generate_series(…)` in chunks (never row by row from JS): 90 days of insights with their history
 * events, KPIs with years of daily measurements, alerts and audit entries.
 * Rows go in through plain SQL, so every trigger the schema defines on these tables stays in effect.
 *
 * Everything is placed relative to a fixed clock (`now`), so two runs build the same data.
 */
import { sql } from "drizzle-orm";
import type { Executor } from "../db/client";
import { businessProcesses, channels, departments, kpis, users } from "../db/schema";
import { seedChannels } from "../db/seed/channels";
import { DEMO_DEPARTMENTS, seedFoundation } from "../db/seed/foundation";
import { seedGuidelines } from "../db/seed/guidelines";
import { addDays, todayIn } from "../lib/kpis/periods";

export interface DataSize {
  insights: number;
  measurements: number;
  kpis: number;
  audit: number;
  /** Insights arrive over this many days before `now`. */
  days: number;
}

export function sizeFor(scale: number): DataSize {
  const n = (x: number, min: number) => Math.max(min, Math.round(x * scale));
  return { insights: n(1_000_000, 1_000), measurements: n(10_000_000, 10_000), kpis: n(2_000, 8), audit: n(100_000, 1_000), days: 90 };
}

/** Share of the routed insights per department (slug): the customer service gets the most. */
const DEPARTMENT_SHARE: Record<string, number> = {
  kundenservice: 30,
  "forschung-entwicklung": 15,
  vertrieb: 15,
  personal: 10,
  marketing: 10,
  unternehmenskommunikation: 8,
  produktion: 7,
  finanzen: 5,
};

const CATEGORY_SHARE: [string, number][] = [
  ["product_feedback", 20],
  ["complaint", 20],
  ["service_request", 20],
  ["question", 15],
  ["sales_lead", 8],
  ["applicant_question", 6],
  ["idea", 5],
  ["praise", 5],
  ["crisis_signal", 1],
];

/** Text = opening × ending (13 × 11 combinations) and a number; every 997th mentions a recall. */
const OPENINGS = [
  "Das Getriebe macht nach drei Wochen komische Geräusche",
  "Der Servomotor BX-400 ist schon wieder nicht lieferbar",
  "Super Service, der Techniker war schnell da",
  "Wie bewerbe ich mich für eine Ausbildung als Mechatroniker",
  "Wir bitten um ein Angebot für 200 Antriebe im Jahr",
  "Die Bedienungsanleitung ist leider nicht verständlich",
  "Idee: eine App, die den Verschleiß der Lager anzeigt",
  "Warum reagiert niemand auf meine Reklamation",
  "The gearbox is making strange noises",
  "Great support, the technician arrived quickly",
  "When will the BX-400 servo motor be available again",
  "Do you offer internships for engineering students",
  "The manual is not helpful at all",
];
const GERMAN_OPENINGS = 8;
const ENDINGS = [
  "seit der letzten Wartung.",
  "beim Kunden in Ulm.",
  "– bitte um Rückmeldung!",
  "Danke!",
  "schon zum zweiten Mal.",
  "im Werk Stuttgart.",
  "after the last update.",
  "please advise.",
  "again and again.",
  "see the attached photo.",
  "?",
];
/** A word in one text of 13 and one in one of 997: the common and the rare search of the benchmark. */
export const SEARCH_COMMON = "Getriebe";
export const SEARCH_RARE = "Rückrufaktion";

const AUDIT_KINDS: [string, string][] = [
  ["insight.accept", "insight"],
  ["insight.resolve", "insight"],
  ["insight.route", "insight"],
  ["insight.decline", "insight"],
  ["measurements.record", "kpi"],
  ["kpi.update", "kpi"],
  ["alert.acknowledge", "alert"],
  ["guideline_version.publish", "guideline"],
  ["channel.update", "channel"],
  ["user.update", "user"],
  ["api_token.create", "api_token"],
];

const textArray = (xs: readonly string[]) => sql`${`{${xs.map((x) => `"${x.replace(/["\\]/g, (c) => `\\${c}`)}"`).join(",")}}`}::text[]`;
const intArray = (xs: readonly number[]) => sql`${`{${xs.join(",")}}`}::int[]`;

/** `case when h < 30 then v1 when h < 45 then v2 … end` for a hash h in 0..99 and integer values. */
function weighted(h: string, entries: [string | number, number][], cast: string) {
  let acc = 0;
  const whens = entries.map(([v, w], i) => {
    acc += w;
    return i === entries.length - 1 ? `else ${typeof v === "number" ? v : `'${v}'`}` : `when ${h} < ${acc} then ${typeof v === "number" ? v : `'${v}'`}`;
  });
  return sql.raw(`(case ${whens.join(" ")} end)${cast}`);
}

async function timed<T>(label: string, log: (line: string) => void, fn: () => Promise<T>): Promise<T> {
  const t0 = performance.now();
  const r = await fn();
  log(`  ${label.padEnd(44)} ${((performance.now() - t0) / 1000).toFixed(1).padStart(7)} s`);
  return r;
}

export interface BuiltData {
  size: DataSize;
  counts: { insights: number; events: number; measurements: number; kpis: number; alerts: number; audit: number };
}

/** Chunks of a range [1, total]: the rows of one `insert … select` statement. */
function* chunks(total: number, size: number) {
  for (let start = 1; start <= total; start += size) yield [start, Math.min(total, start + size - 1)] as const;
}

export async function buildData(db: Executor, size: DataSize, now: Date, log: (line: string) => void, chunk = 200_000): Promise<BuiltData> {
  const nowIso = now.toISOString();
  const today = todayIn(now);

  await timed("demo departments, people, channels, guidelines", log, async () => {
    await db.transaction(async (tx) => {
      await seedFoundation(tx);
      await seedChannels(tx, now);
      await seedGuidelines(tx, now);
    });
  });

  const deps = await db.select({ id: departments.id, slug: departments.slug }).from(departments);
  const depId = new Map(deps.map((d) => [d.slug, d.id]));
  const depWeights: [number, number][] = DEMO_DEPARTMENTS.map((d) => [depId.get(d.slug)!, DEPARTMENT_SHARE[d.slug] ?? 1]);
  const chans = await db.select({ id: channels.id, platform: channels.platform }).from(channels).orderBy(channels.id);
  if (!chans.length) throw new Error("the demo channels are missing");

  // ── Insights: arrival order = id order, spread over `days` days before now. Status by age:
  // the last day mostly in triage or freshly routed, the last week in progress, older ones done.
  const N = size.insights;
  await timed(`${N.toLocaleString("en")} insights`, log, async () => {
    for (const [a, b] of chunks(N, chunk)) {
      await db.execute(sql`
        insert into insights (source, external_id, channel_id, platform, occurred_at, text, url, language, author_handle,
          category, sentiment, status, department_id, routed_at, sla_due_at, accepted_at, resolved_at, declined_at,
          dismissed_at, resolution_note, created_at, updated_at)
        select 'bench', 'b-' || g,
          case when g % 4 = 0 then null else (${intArray(chans.map((c) => c.id))})[1 + g % ${chans.length}] end,
          (${textArray(chans.map((c) => c.platform))}::platform[])[1 + g % ${chans.length}],
          x.at,
          (${textArray(OPENINGS)})[1 + g % ${OPENINGS.length}] || ' ' || (${textArray(ENDINGS)})[1 + (g / ${OPENINGS.length}) % ${ENDINGS.length}]
            || case when g % 997 = 0 then ${` ${SEARCH_RARE}?`} else '' end || ' (#' || g || ')',
          'https://social.example/p/' || g,
          case when g % ${OPENINGS.length} < ${GERMAN_OPENINGS} then 'de' else 'en' end,
          '@user' || ((g * 7919) % 50000),
          ${weighted("((g * 69069) % 1000003) % 100", CATEGORY_SHARE, "::insight_category")},
          (array['negative', 'neutral', 'neutral', 'neutral', 'positive']::sentiment[])[1 + (g * 40503) % 5],
          s.status::insight_status,
          case when s.routed then ${weighted("((g * 48271) % 999983) % 100", depWeights, "")} end,
          case when s.routed then x.at + interval '5 minutes' end,
          case when s.routed then x.at + interval '5 minutes' + interval '48 hours' end,
          case when s.status in ('accepted', 'resolved') then x.at + interval '5 minutes' + t.react end,
          case when s.status = 'resolved' then x.at + interval '5 minutes' + t.done end,
          case when s.status = 'declined' then x.at + interval '5 minutes' + t.done end,
          case when s.status in ('no_action', 'spam') then x.at + t.react end,
          case when s.status = 'resolved' then 'Erledigt, Kunde informiert.' end,
          x.at + interval '1 minute', x.at + interval '1 minute'
        from generate_series(${a}::bigint, ${b}::bigint) g
        cross join lateral (select
          ${nowIso}::timestamptz - ((${N} - g)::float8 / ${N} * ${size.days} * 86400 + g % 600 + 600) * interval '1 second' as at,
          ((${N} - g)::float8 / ${N} * ${size.days}) as age_days,
          (g::bigint * 2654435761) % 1000 as h) x
        cross join lateral (select case
          when x.age_days < 1 then ${weighted("x.h / 10", [["triage", 45], ["routed", 30], ["accepted", 13], ["resolved", 7], ["no_action", 3], ["spam", 2]], "")}
          when x.age_days < 7 then ${weighted("x.h / 10", [["triage", 4], ["routed", 16], ["accepted", 20], ["resolved", 45], ["declined", 7], ["no_action", 5], ["spam", 3]], "")}
          else ${weighted("x.h", [["triage", 3], ["routed", 12], ["accepted", 25], ["resolved", 810], ["declined", 70], ["no_action", 50], ["spam", 30]], "")}
          end as status) s0
        cross join lateral (select s0.status, s0.status in ('routed', 'accepted', 'resolved', 'declined') as routed) s
        -- Reaction within 1–40 hours and completion 2–98 hours later, never after now.
        cross join lateral (select
          least(((g * 31) % 40 + 1) * 3600, x.age_days * 86400 * 0.3) * interval '1 second' as react,
          least(((g * 31) % 40 + 1) * 3600 + ((g * 17) % 96 + 2) * 3600, x.age_days * 86400 * 0.9) * interval '1 second' as done) t
        order by g`);
    }
  });

  // ── History: `received` (naming the department, as the intake writes it), then accepted,
  // resolved / declined, or the triage's no_action / spam: up to three events per insight.
  await timed("insight history events", log, async () => {
    const [{ lo, hi }] = (await db.execute(sql`select min(id)::bigint as lo, max(id)::bigint as hi from insights`)).rows as { lo: string; hi: string }[];
    for (let a = Number(lo); a <= Number(hi); a += chunk) {
      await db.execute(sql`
        insert into insight_events (insight_id, type, to_department_id, note, created_at)
        select i.id, e.type::insight_event_type, e.dep, e.note, e.at
        from insights i
        cross join lateral (values
          ('received', i.department_id, null::text, i.created_at),
          ('accepted', null::int, null::text, i.accepted_at),
          ('resolved', null::int, i.resolution_note, i.resolved_at),
          ('declined', null::int, 'Nicht unsere Zuständigkeit.', i.declined_at),
          (i.status::text, null::int, null::text, case when i.status in ('no_action', 'spam') then i.dismissed_at end)
        ) as e(type, dep, note, at)
        where i.id between ${a} and ${a + chunk - 1} and e.at is not null
        order by i.id, e.at`);
    }
  });

  // ── KPIs on the departments' processes (the demo's and three generated ones per department).
  const K = size.kpis;
  const kpiIds = await timed(`${K.toLocaleString("en")} KPIs`, log, async () => {
    await db
      .insert(businessProcesses)
      .values(deps.flatMap((d) => [1, 2, 3].map((j) => ({ departmentId: d.id, name: `Kennzahlenprozess ${j}` }))))
      .onConflictDoNothing();
    const procs = (await db.select({ id: businessProcesses.id }).from(businessProcesses).orderBy(businessProcesses.id)).map((p) => p.id);
    const rows = (
      await db.execute(sql`
        insert into kpis (business_process_id, name, unit, direction, period, aggregation, target, warning_threshold, critical_threshold, channel_id)
        select (${intArray(procs)})[1 + g % ${procs.length}], 'Kennzahl ' || g, 'count',
          case when g % 4 = 0 then 'lower_is_better' else 'higher_is_better' end::kpi_direction,
          (array['week', 'month', 'quarter']::kpi_period[])[1 + g % 3],
          (array['sum', 'avg', 'last']::kpi_aggregation[])[1 + (g / 3) % 3],
          100, case when g % 4 = 0 then 120 else 80 end, case when g % 4 = 0 then 150 else 60 end,
          case when g % 5 = 0 then (${intArray(chans.map((c) => c.id))})[1 + g % ${chans.length}] end
        from generate_series(1, ${K}::int) g
        order by g
        returning id`)
    ).rows as { id: number | string }[];
    return rows.map((r) => Number(r.id)).sort((x, y) => x - y);
  });

  // ── Measurements: one value per KPI and day, back as far as the count reaches (5,000 days at
  // full scale), inserted day by day across all KPIs as values arrive in real life.
  const M = size.measurements;
  const perKpi = Math.ceil(M / K);
  const firstDay = addDays(today, -(perKpi - 1));
  await timed(`${M.toLocaleString("en")} measurements (${perKpi.toLocaleString("en")} days per KPI)`, log, async () => {
    for (const [a, b] of chunks(M, chunk * 2)) {
      await db.execute(sql`
        insert into measurements (kpi_id, measured_on, value, source, created_at)
        select (${intArray(kpiIds)})[1 + (g - 1) % ${K}], ${firstDay}::date + ((g - 1) / ${K})::int,
          50 + (g * 7919) % 100, 'api', ${firstDay}::date + ((g - 1) / ${K})::int + interval '20 hours'
        from generate_series(${a}::bigint, ${b}::bigint) g`);
    }
  });

  // ── Alerts: one open threshold alert for every 25th KPI, and a resolved history for every 5th.
  await timed("alerts", log, async () => {
    await db.execute(sql`
      insert into alerts (kind, kpi_id, department_id, severity, status, period_start, since, value, message, opened_at, resolved_at)
      select 'threshold', k.id, p.department_id,
        case when r.n % 2 = 0 then 'critical' else 'warning' end::alert_severity,
        case when r.n = 0 then 'open' else 'resolved' end::alert_status,
        ${today}::date - (r.n * 30 + 30), ${today}::date - (r.n * 30 + 60), 55,
        'Unter dem Schwellenwert', ${nowIso}::timestamptz - (r.n * 30 + k.id % 20) * interval '1 day',
        case when r.n > 0 then ${nowIso}::timestamptz - (r.n * 30 + k.id % 20 - 10) * interval '1 day' end
      from ${kpis} k
      join ${businessProcesses} p on p.id = k.business_process_id
      cross join lateral (select n from generate_series(0, 2) n) r
      where (r.n = 0 and (k.id - ${kpiIds[0]}) % 25 = 0) or (r.n > 0 and (k.id - ${kpiIds[0]}) % 5 = 0)`);
  });

  // ── Audit: what people did over the 90 days, oldest first.
  const A = size.audit;
  await timed(`${A.toLocaleString("en")} audit entries`, log, async () => {
    const people = (await db.select({ id: users.id }).from(users)).map((u) => u.id);
    for (const [a, b] of chunks(A, chunk)) {
      await db.execute(sql`
        insert into audit_log (actor_id, action, entity_type, entity_id, before, after, created_at)
        select case when g % 10 = 0 then null else (${intArray(people)})[1 + g % ${people.length}] end,
          (${textArray(AUDIT_KINDS.map((k) => k[0]))})[1 + g % ${AUDIT_KINDS.length}],
          (${textArray(AUDIT_KINDS.map((k) => k[1]))})[1 + g % ${AUDIT_KINDS.length}],
          ((g * 7919) % 100000)::text,
          case when g % 3 = 0 then jsonb_build_object('status', 'routed') end,
          jsonb_build_object('status', 'accepted', 'note', 'Übernommen von der Fachabteilung', 'n', g),
          ${nowIso}::timestamptz - ((${A} - g)::float8 / ${A} * ${size.days} * 86400) * interval '1 second'
        from generate_series(${a}::bigint, ${b}::bigint) g`);
    }
  });

  await timed("vacuum analyze", log, async () => {
    for (const t of ["insights", "insight_events", "kpis", "measurements", "measurement_months", "measurement_week_parts", "alerts", "audit_log"]) await db.execute(sql.raw(`vacuum analyze ${t}`));
  });

  const one = async (q: string) => Number(((await db.execute(sql.raw(q))).rows[0] as { n: string | number }).n);
  return {
    size,
    counts: {
      insights: await one("select count(*) as n from insights"),
      events: await one("select count(*) as n from insight_events"),
      measurements: await one("select count(*) as n from measurements"),
      kpis: await one("select count(*) as n from kpis"),
      alerts: await one("select count(*) as n from alerts"),
      audit: await one("select count(*) as n from audit_log"),
    },
  };
}
