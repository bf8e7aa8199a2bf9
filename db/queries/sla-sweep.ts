import { sql } from "drizzle-orm";
import type { Executor } from "../client";
import type { SlaTransitionEvent } from "@/lib/jobs/events";
import { SLA_DUE_SOON_SHARE } from "@/lib/insights/sla";

const CURSOR = "sla.sweep";
/** A first run (no cursor yet) looks back this far, so installing it does not replay years of old transitions. */
const FIRST_RUN_LOOKBACK_MS = 60 * 60 * 1000;

/**
 * Records the SLA transitions of open insights that happened since the last sweep: "due soon"
 * (75 % of the SLA gone, still not accepted) and "overdue" (due time passed, still open — routed
 * or accepted, as the lists show it). An insight that crossed both since the last run only gets
 * "overdue". Each transition is stored once per insight and due time (a unique key), so a retried
 * or parallel run adds nothing twice; the cursor moves in the same transaction. Returns the
 * transitions recorded by this run, as events for `emit`.
 */
export function sweepSla(db: Executor, now: Date): Promise<SlaTransitionEvent[]> {
  return db.transaction(async (tx) => {
    const at = now.toISOString();
    const firstSince = new Date(now.getTime() - FIRST_RUN_LOOKBACK_MS).toISOString();
    // Taking the cursor row's lock first makes parallel sweeps wait for each other.
    await tx.execute(sql`insert into job_cursors (name, position) values (${CURSOR}, ${firstSince}::timestamptz) on conflict do nothing`);
    const cur = await tx.execute(sql`select position from job_cursors where name = ${CURSOR} for update`);
    const since = new Date((cur.rows[0] as { position: string | Date }).position).toISOString();
    if (since >= at) return [];

    const warnAt = sql`(i.routed_at + (i.sla_due_at - i.routed_at) * ${SLA_DUE_SOON_SHARE})`;
    const res = await tx.execute(sql`
      insert into insight_sla_events (insight_id, kind, due_at, department_id, recorded_at)
      select i.id,
             (case when i.sla_due_at <= ${at}::timestamptz then 'overdue' else 'due_soon' end)::sla_transition,
             i.sla_due_at, i.department_id, ${at}::timestamptz
      from insights i
      where i.status in ('routed', 'accepted')
        and i.sla_due_at > ${since}::timestamptz
        and (i.sla_due_at <= ${at}::timestamptz
          or (i.status = 'routed' and i.routed_at is not null
              and ${warnAt} <= ${at}::timestamptz and ${warnAt} > ${since}::timestamptz))
      order by i.sla_due_at, i.id
      on conflict do nothing
      returning id, insight_id, kind, due_at, department_id`);
    await tx.execute(sql`update job_cursors set position = ${at}::timestamptz where name = ${CURSOR}`);

    return (res.rows as { id: string | number; insight_id: string | number; kind: string; due_at: string | Date; department_id: number | null }[]).map(
      (r) => ({
        type: r.kind === "overdue" ? "insight.sla_overdue" : "insight.sla_due_soon",
        id: `sla:${r.id}`,
        occurredAt: at,
        insightId: Number(r.insight_id),
        departmentId: r.department_id == null ? null : Number(r.department_id),
        dueAt: new Date(r.due_at).toISOString(),
      }),
    );
  });
}
