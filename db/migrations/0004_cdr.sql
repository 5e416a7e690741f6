-- Call detail records, partitioned by month so that one subscriber-month is read from
-- one partition and old months can be detached and archived. No foreign key to line:
-- records arrive in bulk from the switch (COPY) and must not be slowed by per-row checks.
SET LOCAL ROLE subdesk_owner;

CREATE TABLE cdr (
  id           bigserial,
  line_id      bigint NOT NULL,
  started_at   timestamptz NOT NULL,
  kind         text NOT NULL CHECK (kind IN ('voice', 'sms', 'data')),
  direction    text NOT NULL CHECK (direction IN ('out', 'in')),
  other_number text,          -- E.164, or a short number such as 112
  duration_s   int CHECK (duration_s >= 0),
  volume_kb    bigint CHECK (volume_kb >= 0),
  charge       bigint NOT NULL DEFAULT 0 CHECK (charge >= 0),
  roaming      boolean NOT NULL DEFAULT false,
  CHECK ((kind = 'voice') = (duration_s IS NOT NULL)),
  CHECK ((kind = 'data') = (volume_kb IS NOT NULL))
) PARTITION BY RANGE (started_at);

CREATE INDEX cdr_line_time ON cdr (line_id, started_at);

-- Creates the partition of the month containing day (idempotent); returns its name.
CREATE FUNCTION ensure_cdr_partition(day date) RETURNS text
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  first date := date_trunc('month', day)::date;
  part text := format('cdr_%s', to_char(first, 'YYYY_MM'));
BEGIN
  IF to_regclass(part) IS NULL THEN
    EXECUTE format('CREATE TABLE %I PARTITION OF cdr FOR VALUES FROM (%L) TO (%L)',
                   part, first::timestamptz, (first + interval '1 month')::timestamptz);
  END IF;
  RETURN part;
END
$$;

-- Records outside every monthly partition land here rather than being lost.
CREATE TABLE cdr_other PARTITION OF cdr DEFAULT;

SELECT ensure_cdr_partition((date_trunc('month', now()) + make_interval(months => m))::date)
FROM generate_series(-6, 3) AS m;
