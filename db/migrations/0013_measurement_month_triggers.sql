-- measurement_months kept in step with measurements by statement-level triggers: every
-- INSERT/UPDATE/DELETE subtracts the old rows' sums and counts and adds the new rows', per (KPI,
-- month), in one upsert per firing with the keys in a stable order (two writers never wait on each
-- other crosswise). The upsert locks the affected rollup rows; only then is each month's last value
-- (latest day, then highest id) looked up again, one backward index step per key, in a statement of
-- its own: its fresh snapshot sees every writer that held those rows before, and every later writer
-- waits for this one and looks again itself. Months left without values are deleted.

-- The statements that apply contributions: `src` yields (sign, kpi_id, measured_on, value) for the
-- rows to add (+1) or take away (-1). Run in this order, each with EXECUTE in the trigger function
-- itself (the transition tables are visible there only).
CREATE OR REPLACE FUNCTION measurement_months_statements(src text) RETURNS text[]
LANGUAGE sql IMMUTABLE AS $$
  SELECT ARRAY[
    'WITH src AS (' || src || $q$
    )
    INSERT INTO measurement_months AS t (kpi_id, month, sum, count)
    SELECT kpi_id, measured_on - (extract(day FROM measured_on)::integer - 1) AS month,
      coalesce(sum(sign * value), 0), sum(sign)
    FROM src GROUP BY kpi_id, month
    ORDER BY kpi_id, month
    ON CONFLICT (kpi_id, month) DO UPDATE SET sum = t.sum + excluded.sum, count = t.count + excluded.count$q$,
    'WITH src AS (' || src || $q$
    ), k AS (
      SELECT DISTINCT kpi_id, measured_on - (extract(day FROM measured_on)::integer - 1) AS month FROM src
    )
    DELETE FROM measurement_months t USING k
    WHERE t.kpi_id = k.kpi_id AND t.month = k.month AND t.count <= 0$q$,
    'WITH src AS (' || src || $q$
    ), k AS (
      SELECT DISTINCT kpi_id, measured_on - (extract(day FROM measured_on)::integer - 1) AS month FROM src
    )
    UPDATE measurement_months t SET last_on = l.measured_on, last_id = l.id, last_value = l.value
    FROM k CROSS JOIN LATERAL (
      SELECT m.measured_on, m.id, m.value FROM measurements m
      WHERE m.kpi_id = k.kpi_id AND m.measured_on >= k.month AND m.measured_on < (k.month + interval '1 month')::date
      ORDER BY m.measured_on DESC, m.id DESC
      LIMIT 1
    ) AS l
    WHERE t.kpi_id = k.kpi_id AND t.month = k.month
      AND (t.last_id, t.last_on, t.last_value) IS DISTINCT FROM (l.id, l.measured_on, l.value)$q$
  ]
$$;
--> statement-breakpoint

CREATE OR REPLACE FUNCTION measurement_months_track() RETURNS trigger
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
  FOREACH stmt IN ARRAY measurement_months_statements(src) LOOP
    EXECUTE stmt;
  END LOOP;
  RETURN NULL;
END
$$;
--> statement-breakpoint

-- Recounts everything from measurements (the backfill; also a repair if the rollup was ever edited by hand).
CREATE OR REPLACE FUNCTION measurement_months_rebuild() RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  stmt text;
BEGIN
  DELETE FROM measurement_months;
  FOREACH stmt IN ARRAY measurement_months_statements('SELECT 1 AS sign, kpi_id, measured_on, value FROM measurements') LOOP
    EXECUTE stmt;
  END LOOP;
END
$$;
--> statement-breakpoint

CREATE OR REPLACE FUNCTION measurement_months_reset() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM measurement_months;
  RETURN NULL;
END
$$;
--> statement-breakpoint

CREATE TRIGGER measurements_months_insert AFTER INSERT ON measurements
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION measurement_months_track();
--> statement-breakpoint
CREATE TRIGGER measurements_months_update AFTER UPDATE ON measurements
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION measurement_months_track();
--> statement-breakpoint
CREATE TRIGGER measurements_months_delete AFTER DELETE ON measurements
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION measurement_months_track();
--> statement-breakpoint
CREATE TRIGGER measurements_months_truncate AFTER TRUNCATE ON measurements
  FOR EACH STATEMENT EXECUTE FUNCTION measurement_months_reset();
--> statement-breakpoint

SELECT measurement_months_rebuild();
