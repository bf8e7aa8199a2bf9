-- Flow counters (insight_flow_days, insight_flow_buckets, insight_flow_open, insight_flow_triage) kept in step with insights by
-- statement-level triggers: every INSERT/UPDATE/DELETE on insights subtracts the old rows'
-- contributions and adds the new rows', summed per key, in one upsert statement per firing with
-- the keys in a stable order (two writers never wait on each other crosswise).

-- Histogram bucket of a duration in hours: 0 below one minute, then log-scale buckets 5 % wide
-- (bucket b ≥ 1 holds [1.05^(b-1), 1.05^b) minutes), the last open-ended. lib: db/queries/flow-figures.ts.
CREATE OR REPLACE FUNCTION insight_flow_bucket(hours double precision) RETURNS integer
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN hours IS NULL THEN NULL
              WHEN hours < 1.0 / 60 THEN 0
              ELSE least(floor(ln(hours * 60) / ln(1.05))::integer + 1, 400) END
$$;
--> statement-breakpoint

-- The one statement that applies contributions: `src` yields (sign, department_id, routed_at,
-- sla_due_at, accepted_at, resolved_at, declined_at, status, dismissed_at) for the rows to add (+1)
-- or take away (-1).
CREATE OR REPLACE FUNCTION insight_flow_statement(src text) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
  SELECT 'WITH src AS (' || src || $q$
  ), d AS (
    SELECT sign, department_id, (routed_at AT TIME ZONE 'Europe/Berlin')::date AS day, routed_at, sla_due_at,
      coalesce(accepted_at, resolved_at, declined_at) AS reacted_at, resolved_at,
      coalesce(resolved_at, declined_at) AS done_at, status
    FROM src WHERE department_id IS NOT NULL AND routed_at IS NOT NULL
  ), open_rows AS (
    INSERT INTO insight_flow_open AS t (department_id, day, due_day, n)
    SELECT department_id, day, coalesce((sla_due_at AT TIME ZONE 'Europe/Berlin')::date, 'infinity') AS due_day, sum(sign)
    FROM d WHERE status::text IN ('routed', 'accepted')
    GROUP BY department_id, day, due_day HAVING sum(sign) <> 0
    ORDER BY department_id, day, due_day
    ON CONFLICT (department_id, day, due_day) DO UPDATE SET n = t.n + excluded.n
  ), triage AS (
    INSERT INTO insight_flow_triage AS t (status, day, n)
    SELECT status, coalesce((dismissed_at AT TIME ZONE 'Europe/Berlin')::date, 'infinity') AS mark_day, sum(sign)
    FROM src WHERE status::text IN ('triage', 'no_action', 'spam')  -- as text: the migrations adding these values may run in the same transaction
    GROUP BY status, mark_day HAVING sum(sign) <> 0
    ORDER BY status, mark_day
    ON CONFLICT (status, day) DO UPDATE SET n = t.n + excluded.n
  ), days AS (
    INSERT INTO insight_flow_days AS t (department_id, day, received, reacted, resolved, done, sla_met)
    SELECT department_id, day, sum(sign),
      coalesce(sum(sign) FILTER (WHERE reacted_at IS NOT NULL), 0),
      coalesce(sum(sign) FILTER (WHERE resolved_at IS NOT NULL), 0),
      coalesce(sum(sign) FILTER (WHERE done_at IS NOT NULL), 0),
      coalesce(sum(sign) FILTER (WHERE done_at <= sla_due_at), 0)
    FROM d GROUP BY department_id, day
    HAVING sum(sign) <> 0 OR sum(sign) FILTER (WHERE reacted_at IS NOT NULL) <> 0
      OR sum(sign) FILTER (WHERE resolved_at IS NOT NULL) <> 0 OR sum(sign) FILTER (WHERE done_at IS NOT NULL) <> 0
      OR sum(sign) FILTER (WHERE done_at <= sla_due_at) <> 0
    ORDER BY department_id, day
    ON CONFLICT (department_id, day) DO UPDATE SET received = t.received + excluded.received,
      reacted = t.reacted + excluded.reacted, resolved = t.resolved + excluded.resolved,
      done = t.done + excluded.done, sla_met = t.sla_met + excluded.sla_met
  ), h AS (
    SELECT sign, department_id, day, 1 AS kind, insight_flow_bucket(extract(epoch FROM reacted_at - routed_at) / 3600) AS bucket
    FROM d WHERE reacted_at IS NOT NULL
    UNION ALL
    SELECT sign, department_id, day, 2, insight_flow_bucket(extract(epoch FROM resolved_at - routed_at) / 3600)
    FROM d WHERE resolved_at IS NOT NULL
  ), buckets AS (
    INSERT INTO insight_flow_buckets AS t (department_id, monthly, kind, day, bucket, n)
    SELECT h.department_id, g.monthly, h.kind,
      CASE WHEN g.monthly THEN h.day - (extract(day FROM h.day)::integer - 1) ELSE h.day END AS bucket_day, h.bucket, sum(h.sign)
    FROM h CROSS JOIN (VALUES (false), (true)) AS g(monthly)
    GROUP BY h.department_id, g.monthly, h.kind, bucket_day, h.bucket
    HAVING sum(h.sign) <> 0
    ORDER BY h.department_id, g.monthly, h.kind, bucket_day, h.bucket
    ON CONFLICT (department_id, monthly, kind, day, bucket) DO UPDATE SET n = t.n + excluded.n
  )
  SELECT 1$q$
$$;
--> statement-breakpoint

CREATE OR REPLACE FUNCTION insight_flow_track() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    EXECUTE insight_flow_statement('SELECT 1 AS sign, department_id, routed_at, sla_due_at, accepted_at, resolved_at, declined_at, status, dismissed_at FROM new_rows');
  ELSIF TG_OP = 'DELETE' THEN
    EXECUTE insight_flow_statement('SELECT -1 AS sign, department_id, routed_at, sla_due_at, accepted_at, resolved_at, declined_at, status, dismissed_at FROM old_rows');
  ELSE
    -- Only rows whose flow-relevant columns changed (a comment or a closed loop changes nothing here).
    IF NOT EXISTS (
      SELECT 1 FROM old_rows o JOIN new_rows n ON n.id = o.id
      WHERE (o.department_id, o.routed_at, o.sla_due_at, o.accepted_at, o.resolved_at, o.declined_at, o.status, o.dismissed_at)
        IS DISTINCT FROM (n.department_id, n.routed_at, n.sla_due_at, n.accepted_at, n.resolved_at, n.declined_at, n.status, n.dismissed_at)
    ) THEN RETURN NULL; END IF;
    EXECUTE insight_flow_statement($s$
      SELECT s.* FROM old_rows o JOIN new_rows n ON n.id = o.id
      CROSS JOIN LATERAL (VALUES
        (-1, o.department_id, o.routed_at, o.sla_due_at, o.accepted_at, o.resolved_at, o.declined_at, o.status, o.dismissed_at),
        (1, n.department_id, n.routed_at, n.sla_due_at, n.accepted_at, n.resolved_at, n.declined_at, n.status, n.dismissed_at)
      ) AS s(sign, department_id, routed_at, sla_due_at, accepted_at, resolved_at, declined_at, status, dismissed_at)
      WHERE (o.department_id, o.routed_at, o.sla_due_at, o.accepted_at, o.resolved_at, o.declined_at, o.status, o.dismissed_at)
        IS DISTINCT FROM (n.department_id, n.routed_at, n.sla_due_at, n.accepted_at, n.resolved_at, n.declined_at, n.status, n.dismissed_at)$s$);
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint

-- Recounts everything from insights (the backfill; also a repair if counters were ever edited by hand).
CREATE OR REPLACE FUNCTION insight_flow_rebuild() RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM insight_flow_days;
  DELETE FROM insight_flow_buckets;
  DELETE FROM insight_flow_open;
  DELETE FROM insight_flow_triage;
  EXECUTE insight_flow_statement('SELECT 1 AS sign, department_id, routed_at, sla_due_at, accepted_at, resolved_at, declined_at, status, dismissed_at FROM insights');
END
$$;
--> statement-breakpoint

CREATE OR REPLACE FUNCTION insight_flow_reset() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM insight_flow_days;
  DELETE FROM insight_flow_buckets;
  DELETE FROM insight_flow_open;
  DELETE FROM insight_flow_triage;
  RETURN NULL;
END
$$;
--> statement-breakpoint

CREATE TRIGGER insights_flow_insert AFTER INSERT ON insights
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION insight_flow_track();
--> statement-breakpoint
CREATE TRIGGER insights_flow_update AFTER UPDATE ON insights
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION insight_flow_track();
--> statement-breakpoint
CREATE TRIGGER insights_flow_delete AFTER DELETE ON insights
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION insight_flow_track();
--> statement-breakpoint
CREATE TRIGGER insights_flow_truncate AFTER TRUNCATE ON insights
  FOR EACH STATEMENT EXECUTE FUNCTION insight_flow_reset();
--> statement-breakpoint

SELECT insight_flow_rebuild();
