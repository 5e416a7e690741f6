-- Home internet, part 2: vacation suspension and turbo (agents and up).
--
-- home_suspend(home, from, to): from and to are Kyiv days, both inclusive, from not in
-- the past; the days of all suspensions in a calendar year (those resumed early count
-- the days they actually lasted) stay within home_settings.suspension_days_per_year (90).
-- One suspension at a time: a pending or running one is resumed (or cancelled) first.
-- home_resume(home) ends a running suspension today (the login works at once) or cancels
-- one that has not started. FreeRADIUS sees both through radius_usergroup (0021), and a
-- suspension that nobody resumes ends by itself after its last day.
--
-- home_turbo(home, hours, key): doubles the rate for 1, 3 or 24 hours at the tariff's
-- price, charged from the main balance through the ledger (kind 'turbo', key
-- 'turbo:' || key: a retry with the same key charges nothing more and returns the same
-- end). A turbo bought while one runs extends it. radius_reply doubles
-- Mikrotik-Rate-Limit while turbo_until is in the future: it ends by itself.
--
-- Project SQLSTATEs (class SD) added here:
--   SD032  a suspension's dates are not acceptable (in the past, end before start,
--          another suspension pending)
--   SD033  the suspension would exceed the days allowed per calendar year
--   SD034  nothing to resume
--   SD035  turbo is not available (the tariff has no such turbo, or the line is
--          suspended or closed)
--   SD036  not enough money (main balance for turbo, bonuses for a transfer)
SET LOCAL ROLE subdesk_owner;

CREATE TABLE home_suspension (
  id               bigserial PRIMARY KEY,
  home_internet_id bigint NOT NULL REFERENCES home_internet,
  account_id       bigint NOT NULL REFERENCES account,
  suspended_from   date NOT NULL,
  suspended_to     date NOT NULL,
  ended_on         date,   -- resumed early: the last day it lasted (before suspended_from: cancelled)
  created_at       timestamptz NOT NULL DEFAULT now(),
  created_by       name NOT NULL DEFAULT session_user,
  CHECK (suspended_to >= suspended_from)
);
CREATE INDEX home_suspension_home ON home_suspension (home_internet_id, suspended_from);
GRANT SELECT ON home_suspension TO subdesk_agent;
CREATE TRIGGER audit_row AFTER INSERT OR UPDATE OR DELETE ON home_suspension
  FOR EACH ROW EXECUTE FUNCTION audit_row();

-- Days of suspension of a home-internet login in a calendar year, as they were or are
-- planned (cancelled ones count nothing, ones resumed early until their end).
CREATE FUNCTION home_suspension_days(home_internet_id bigint, year int) RETURNS int
LANGUAGE sql STABLE SET search_path = public, pg_temp AS $$
  SELECT coalesce(sum(greatest(0, least(coalesce(s.ended_on, s.suspended_to), make_date(year, 12, 31))
                                  - greatest(s.suspended_from, make_date(year, 1, 1)) + 1)), 0)::int
  FROM home_suspension s
  WHERE s.home_internet_id = home_suspension_days.home_internet_id
    AND s.suspended_from <= make_date(year, 12, 31)
    AND coalesce(s.ended_on, s.suspended_to) >= make_date(year, 1, 1);
$$;

-- The home_internet row, locked, for a change by agents and up; refuses a closed one.
CREATE FUNCTION home_for_change(home_internet_id bigint) RETURNS home_internet
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  h home_internet;
BEGIN
  IF NOT pg_has_role(session_user, 'subdesk_agent', 'MEMBER') THEN
    RAISE EXCEPTION 'only agents, sales and supervisors change home internet' USING ERRCODE = 'insufficient_privilege';
  END IF;
  SELECT * INTO h FROM home_internet x WHERE x.id = home_for_change.home_internet_id FOR UPDATE;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'home internet % does not exist', home_for_change.home_internet_id USING ERRCODE = 'no_data_found';
  END IF;
  IF h.status = 'closed' THEN
    RAISE EXCEPTION 'home internet % is closed', h.login USING ERRCODE = 'SD035';
  END IF;
  RETURN h;
END
$$;

CREATE FUNCTION home_suspend(home_internet_id bigint, suspended_from date, suspended_to date) RETURNS bigint
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  h home_internet := home_for_change(home_suspend.home_internet_id);
  today date := kyiv_today();
  lim int := (SELECT suspension_days_per_year FROM home_settings);
  y int;
  used int;
  wanted int;
  new_id bigint;
BEGIN
  IF home_suspend.suspended_from IS NULL OR home_suspend.suspended_to IS NULL THEN
    RAISE EXCEPTION 'a suspension needs both dates' USING ERRCODE = 'SD032';
  END IF;
  IF home_suspend.suspended_from < today THEN
    RAISE EXCEPTION 'a suspension cannot start in the past (%)', home_suspend.suspended_from USING ERRCODE = 'SD032';
  END IF;
  IF home_suspend.suspended_to < home_suspend.suspended_from THEN
    RAISE EXCEPTION 'a suspension cannot end before it starts' USING ERRCODE = 'SD032';
  END IF;
  IF h.suspended_from IS NOT NULL AND h.suspended_to >= today THEN
    RAISE EXCEPTION 'home internet % is already suspended from % to %', h.login, h.suspended_from, h.suspended_to
      USING ERRCODE = 'SD032', HINT = 'Resume it first.';
  END IF;
  FOR y IN extract(year FROM home_suspend.suspended_from)::int .. extract(year FROM home_suspend.suspended_to)::int LOOP
    used := home_suspension_days(h.id, y);
    wanted := least(home_suspend.suspended_to, make_date(y, 12, 31))
              - greatest(home_suspend.suspended_from, make_date(y, 1, 1)) + 1;
    IF used + wanted > lim THEN
      RAISE EXCEPTION 'a suspension of % days in % would exceed % days a year (% used)', wanted, y, lim, used
        USING ERRCODE = 'SD033',
              HINT = format('At most %s more days can be suspended in %s.', greatest(lim - used, 0), y);
    END IF;
  END LOOP;
  INSERT INTO home_suspension(home_internet_id, account_id, suspended_from, suspended_to)
  VALUES (h.id, h.account_id, home_suspend.suspended_from, home_suspend.suspended_to)
  RETURNING id INTO new_id;
  UPDATE home_internet SET suspended_from = home_suspend.suspended_from, suspended_to = home_suspend.suspended_to
  WHERE id = h.id;
  RETURN new_id;
END
$$;

-- Resumes now: returns the day the suspension ended (yesterday when it was running
-- since before today, NULL when it had not started and is cancelled).
CREATE FUNCTION home_resume(home_internet_id bigint) RETURNS date
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  h home_internet := home_for_change(home_resume.home_internet_id);
  today date := kyiv_today();
  last_day date;
BEGIN
  IF h.suspended_from IS NULL OR h.suspended_to < today THEN
    RAISE EXCEPTION 'home internet % is not suspended', h.login USING ERRCODE = 'SD034';
  END IF;
  -- The day of the resume counts as a day of suspension if it had started.
  last_day := CASE WHEN h.suspended_from <= today THEN today ELSE h.suspended_from - 1 END;
  UPDATE home_suspension SET ended_on = last_day
  WHERE id = (SELECT s.id FROM home_suspension s
              WHERE s.home_internet_id = h.id AND s.suspended_from = h.suspended_from AND s.ended_on IS NULL
              ORDER BY s.id DESC LIMIT 1);
  UPDATE home_internet SET suspended_from = NULL, suspended_to = NULL WHERE id = h.id;
  RETURN CASE WHEN last_day >= h.suspended_from THEN last_day END;
END
$$;

CREATE FUNCTION home_turbo(home_internet_id bigint, hours int, idempotency_key text) RETURNS timestamptz
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  h home_internet := home_for_change(home_turbo.home_internet_id);
  tp tariff_plan;
  acc account;
  price bigint;
  k text := 'turbo:' || btrim(home_turbo.idempotency_key);
  t timestamptz := subdesk_now();
  new_id bigint;
  prior ledger;
  new_until timestamptz;
BEGIN
  IF home_turbo.idempotency_key IS NULL OR btrim(home_turbo.idempotency_key) = '' THEN
    RAISE EXCEPTION 'an idempotency key is required' USING ERRCODE = 'invalid_parameter_value';
  END IF;
  SELECT * INTO prior FROM ledger l WHERE l.idempotency_key = k;
  IF FOUND THEN
    IF prior.account_id <> h.account_id OR prior.kind <> 'turbo' THEN
      RAISE EXCEPTION 'idempotency key "%" was already used for a different operation', home_turbo.idempotency_key
        USING ERRCODE = 'SD007';
    END IF;
    RETURN h.turbo_until;  -- a retry: already bought
  END IF;
  SELECT * INTO tp FROM tariff_plan x WHERE x.id = h.tariff_id;
  price := CASE home_turbo.hours WHEN 1 THEN tp.turbo_price_1h WHEN 3 THEN tp.turbo_price_3h
                                 WHEN 24 THEN tp.turbo_price_24h END;
  IF home_turbo.hours IS NULL OR home_turbo.hours NOT IN (1, 3, 24) THEN
    RAISE EXCEPTION 'turbo lasts 1, 3 or 24 hours, not %', home_turbo.hours USING ERRCODE = 'invalid_parameter_value';
  END IF;
  IF price IS NULL THEN
    RAISE EXCEPTION 'tariff % has no % h turbo', tp.code, home_turbo.hours USING ERRCODE = 'SD035';
  END IF;
  IF home_state(h.status, h.suspended_from, h.suspended_to, t) <> 'active' THEN
    RAISE EXCEPTION 'home internet % is suspended: no turbo', h.login USING ERRCODE = 'SD035';
  END IF;
  SELECT * INTO acc FROM account a WHERE a.id = h.account_id FOR UPDATE;
  IF acc.balance - price < 0 THEN
    RAISE EXCEPTION 'turbo costs % UAH, the balance is % UAH', format_uah(price), format_uah(acc.balance)
      USING ERRCODE = 'SD036';
  END IF;
  new_until := greatest(coalesce(h.turbo_until, t), t) + make_interval(hours => home_turbo.hours);
  IF price > 0 THEN
    INSERT INTO ledger(account_id, wallet, amount, kind, idempotency_key, description, interaction_id, created_at)
    VALUES (h.account_id, 'main', -price, 'turbo', k, format('Turbo %s h, login %s', home_turbo.hours, h.login),
            audit_interaction_id(), t)
    ON CONFLICT ON CONSTRAINT ledger_idempotency_key_key DO NOTHING
    RETURNING id INTO new_id;
    IF new_id IS NULL THEN
      -- The same key committed by a concurrent call while this one waited.
      SELECT turbo_until INTO new_until FROM home_internet WHERE id = h.id;
      RETURN new_until;
    END IF;
  END IF;
  UPDATE home_internet SET turbo_until = new_until WHERE id = h.id;
  RETURN new_until;
END
$$;

GRANT EXECUTE ON FUNCTION home_suspension_days(bigint, int) TO subdesk_agent;
GRANT EXECUTE ON FUNCTION home_suspend(bigint, date, date), home_resume(bigint), home_turbo(bigint, int, text)
  TO subdesk_agent;
