-- measurement_week_parts kept in step with measurements exactly as measurement_months is
-- (migration 0013), per (KPI, part of an ISO week): a day's part starts on the later of its week's
-- Monday (the day minus its ISO weekday - 1, the weeks of lib/kpis/periods.ts) and its month's 1st,
-- and ends before the earlier of the next Monday and the next 1st. Every INSERT/UPDATE/DELETE
-- subtracts the old rows' sums and counts and adds the new rows' in one upsert per firing with the
-- keys in a stable order (the primary key's: a bulk insert lays a part's rows out together, as the
-- overview reads them); then each touched part's last value (latest day, then highest id) is
-- looked up again, one backward index step per key, in a statement of its own (its fresh snapshot
-- sees every writer that held those rows before). Parts left without values are deleted. The month
-- triggers fire first (triggers of one event fire in name order), so every writer locks month rows
-- before part rows: no two writers wait on each other crosswise.

-- Half of each page is left free: the row the upsert inserts is updated at once with its last value,
-- and later again with every write to its days; with room on its page each update is a HOT update
-- that stays there, instead of moving the row to the end of the table away from its part's rows.
ALTER TABLE measurement_week_parts SET (fillfactor = 50);
--> statement-breakpoint

-- A day's part: the later of its week's Monday and its month's 1st.
CREATE OR REPLACE FUNCTION measurement_week_part(d date) RETURNS date
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT greatest(d - (extract(isodow FROM d)::integer - 1), d - (extract(day FROM d)::integer - 1))
$$;
--> statement-breakpoint

CREATE OR REPLACE FUNCTION measurement_week_parts_statements(src text) RETURNS text[]
LANGUAGE sql IMMUTABLE AS $$
  SELECT ARRAY[
    'WITH src AS (' || src || $q$
    )
    INSERT INTO measurement_week_parts AS t (kpi_id, starts_on, sum, count)
    SELECT kpi_id, measurement_week_part(measured_on) AS starts_on,
      coalesce(sum(sign * value), 0), sum(sign)
    FROM src GROUP BY kpi_id, starts_on
    ORDER BY starts_on, kpi_id
    ON CONFLICT (kpi_id, starts_on) DO UPDATE SET sum = t.sum + excluded.sum, count = t.count + excluded.count$q$,
    'WITH src AS (' || src || $q$
    ), k AS (
      SELECT DISTINCT kpi_id, measurement_week_part(measured_on) AS starts_on FROM src
    )
    DELETE FROM measurement_week_parts t USING k
    WHERE t.kpi_id = k.kpi_id AND t.starts_on = k.starts_on AND t.count <= 0$q$,
    'WITH src AS (' || src || $q$
    ), k AS (
      SELECT DISTINCT kpi_id, measurement_week_part(measured_on) AS starts_on FROM src
    )
    UPDATE measurement_week_parts t SET last_on = l.measured_on, last_id = l.id, last_value = l.value
    FROM k CROSS JOIN LATERAL (
      SELECT m.measured_on, m.id, m.value FROM measurements m
      WHERE m.kpi_id = k.kpi_id AND m.measured_on >= k.starts_on
        AND m.measured_on < least(k.starts_on - (extract(isodow FROM k.starts_on)::integer - 1) + 7, (k.starts_on - (extract(day FROM k.starts_on)::integer - 1) + interval '1 month')::date)
      ORDER BY m.measured_on DESC, m.id DESC
      LIMIT 1
    ) AS l
    WHERE t.kpi_id = k.kpi_id AND t.starts_on = k.starts_on
      AND (t.last_id, t.last_on, t.last_value) IS DISTINCT FROM (l.id, l.measured_on, l.value)$q$
  ]
$$;
--> statement-breakpoint

CREATE OR REPLACE FUNCTION measurement_week_parts_track() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  src text;
  stmt text;
BEGIN
  IF TG_OP = 'INSERT' THEN
    src := 'SELECT 1 AS sign, kpi_id, measured_on, value FROM new_rows';
  ELSIF TG_OP = 'DELETE' THEN
    src := 'SELECT -1 AS sign, kpi_id, measured_on, value FROM old_rows';
  ELSE
    -- Only rows whose KPI, day or value changed (a changed source or recorder changes nothing here).
    IF NOT EXISTS (
      SELECT 1 FROM old_rows o JOIN new_rows n ON n.id = o.id
      WHERE (o.kpi_id, o.measured_on, o.value) IS DISTINCT FROM (n.kpi_id, n.measured_on, n.value)
    ) THEN RETURN NULL; END IF;
    src := $s$
      SELECT s.* FROM old_rows o JOIN new_rows n ON n.id = o.id
      CROSS JOIN LATERAL (VALUES (-1, o.kpi_id, o.measured_on, o.value), (1, n.kpi_id, n.measured_on, n.value))
        AS s(sign, kpi_id, measured_on, value)
      WHERE (o.kpi_id, o.measured_on, o.value) IS DISTINCT FROM (n.kpi_id, n.measured_on, n.value)$s$;
  END IF;
  FOREACH stmt IN ARRAY measurement_week_parts_statements(src) LOOP
    EXECUTE stmt;
  END LOOP;
  RETURN NULL;
END
$$;
--> statement-breakpoint

-- Recounts everything from measurements (the backfill; also a repair if the rollup was ever edited by hand).
CREATE OR REPLACE FUNCTION measurement_week_parts_rebuild() RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  stmt text;
BEGIN
  DELETE FROM measurement_week_parts;
  FOREACH stmt IN ARRAY measurement_week_parts_statements('SELECT 1 AS sign, kpi_id, measured_on, value FROM measurements') LOOP
    EXECUTE stmt;
  END LOOP;
END
$$;
--> statement-breakpoint

CREATE OR REPLACE FUNCTION measurement_week_parts_reset() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM measurement_week_parts;
  RETURN NULL;
END
$$;
--> statement-breakpoint

CREATE TRIGGER measurements_week_parts_insert AFTER INSERT ON measurements
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION measurement_week_parts_track();
--> statement-breakpoint
CREATE TRIGGER measurements_week_parts_update AFTER UPDATE ON measurements
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION measurement_week_parts_track();
--> statement-breakpoint
CREATE TRIGGER measurements_week_parts_delete AFTER DELETE ON measurements
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION measurement_week_parts_track();
--> statement-breakpoint
CREATE TRIGGER measurements_week_parts_truncate AFTER TRUNCATE ON measurements
  FOR EACH STATEMENT EXECUTE FUNCTION measurement_week_parts_reset();
--> statement-breakpoint

SELECT measurement_week_parts_rebuild();
