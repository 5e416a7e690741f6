-- Tariff changes and add-on services from the desk (issue 7).
--
-- A tariff change takes effect now, at the start of the next billing period (the first
-- day of the next calendar month, Kyiv time) or on a chosen later date. A change for a
-- later day is 'scheduled' and listed on the card until it is applied (by billing, with
-- tariff_change_apply_due()) or cancelled. A line has at most one scheduled change.
--
-- Services: at most one service of an exclusive group on a line on any day; the same
-- service is not connected twice for overlapping days. ends_on is the last day included.
--
-- Project SQLSTATEs (class SD) added here:
--   SD046  the service cannot be connected (exclusive group, already connected, wrong kind)
--   SD048  the tariff change is not possible (same tariff, wrong kind, date, one pending)
SET LOCAL ROLE subdesk_owner;

-- kyiv_today() (today on the Kyiv calendar, by subdesk_now()) comes from 0021.

-- The open line, locked.
CREATE FUNCTION line_open_locked(line_id bigint) RETURNS public.line
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  l public.line;
BEGIN
  SELECT * INTO l FROM line WHERE id = line_open_locked.line_id FOR UPDATE;
  IF NOT FOUND OR l.status = 'closed' THEN
    RAISE EXCEPTION 'line % is closed or does not exist', line_open_locked.line_id USING ERRCODE = 'SD042';
  END IF;
  RETURN l;
END
$$;

-- mode: 'now', 'next_period' or 'date' (then effective_on, a day after today).
-- Returns the tariff_change id.
CREATE FUNCTION tariff_change_request(line_id bigint, new_tariff_id int, mode text, effective_on date DEFAULT NULL)
RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  l public.line := line_open_locked(tariff_change_request.line_id);
  t tariff_plan;
  today date := kyiv_today();
  eff date;
  new_id bigint;
BEGIN
  SELECT * INTO t FROM tariff_plan WHERE id = tariff_change_request.new_tariff_id;
  IF NOT FOUND OR NOT t.active OR t.kind <> 'mobile' THEN
    RAISE EXCEPTION 'tariff % is not an active mobile tariff', tariff_change_request.new_tariff_id
      USING ERRCODE = 'SD048';
  END IF;
  IF t.id = l.tariff_id THEN
    RAISE EXCEPTION 'the line already has tariff %', t.code USING ERRCODE = 'SD048';
  END IF;
  IF EXISTS (SELECT 1 FROM tariff_change c WHERE c.line_id = l.id AND c.status = 'scheduled') THEN
    RAISE EXCEPTION 'the line already has a scheduled tariff change: cancel it first' USING ERRCODE = 'SD048';
  END IF;
  eff := CASE tariff_change_request.mode
           WHEN 'now' THEN today
           WHEN 'next_period' THEN CAST(date_trunc('month', today) + interval '1 month' AS date)
           WHEN 'date' THEN tariff_change_request.effective_on
         END;
  IF eff IS NULL THEN
    RAISE EXCEPTION 'say when: now, next_period or a date' USING ERRCODE = 'invalid_parameter_value';
  END IF;
  IF eff < today OR (tariff_change_request.mode = 'date' AND eff = today) THEN
    RAISE EXCEPTION 'a chosen date must be after today (%)', today USING ERRCODE = 'SD048';
  END IF;
  INSERT INTO tariff_change(line_id, old_tariff_id, new_tariff_id, effective_on, status)
  VALUES (l.id, l.tariff_id, t.id, eff, CASE WHEN eff = today THEN 'applied' ELSE 'scheduled' END)
  RETURNING id INTO new_id;
  IF eff = today THEN
    UPDATE line SET tariff_id = t.id WHERE id = l.id;
  END IF;
  RETURN new_id;
END
$$;

CREATE FUNCTION tariff_change_cancel(change_id bigint) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  UPDATE tariff_change SET status = 'cancelled'
  WHERE id = tariff_change_cancel.change_id AND status = 'scheduled';
  IF NOT FOUND THEN
    RAISE EXCEPTION 'tariff change % is not scheduled (already applied or cancelled)', tariff_change_cancel.change_id
      USING ERRCODE = 'SD048';
  END IF;
END
$$;

-- Billing's daily step: scheduled changes whose day has come are applied. Returns how many.
CREATE FUNCTION tariff_change_apply_due() RETURNS int
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  c tariff_change;
  n int := 0;
BEGIN
  FOR c IN SELECT * FROM tariff_change WHERE status = 'scheduled' AND effective_on <= kyiv_today()
           ORDER BY id FOR UPDATE LOOP
    UPDATE line SET tariff_id = c.new_tariff_id WHERE id = c.line_id AND status <> 'closed';
    UPDATE tariff_change SET status = 'applied' WHERE id = c.id;
    n := n + 1;
  END LOOP;
  RETURN n;
END
$$;

-- Connects a catalogue service to a line from starts_on (default today) to ends_on
-- (NULL: open-ended). Returns the line_service id.
CREATE FUNCTION service_connect(line_id bigint, service_id int, starts_on date DEFAULT NULL, ends_on date DEFAULT NULL)
RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  l public.line := line_open_locked(service_connect.line_id);
  s service;
  today date := kyiv_today();
  since date := coalesce(service_connect.starts_on, today);
  clash text;
  new_id bigint;
BEGIN
  SELECT * INTO s FROM service WHERE id = service_connect.service_id;
  IF NOT FOUND OR NOT s.active OR s.kind <> 'mobile' THEN
    RAISE EXCEPTION 'service % is not an active mobile service', service_connect.service_id USING ERRCODE = 'SD046';
  END IF;
  IF since < today THEN
    RAISE EXCEPTION 'a service starts today or later' USING ERRCODE = 'SD046';
  END IF;
  IF service_connect.ends_on IS NOT NULL AND service_connect.ends_on < since THEN
    RAISE EXCEPTION 'the last day comes before the first' USING ERRCODE = 'SD046';
  END IF;
  SELECT o.code INTO clash
  FROM line_service ls JOIN service o ON o.id = ls.service_id
  WHERE ls.line_id = l.id
    AND (o.id = s.id OR (s.exclusive_group IS NOT NULL AND o.exclusive_group = s.exclusive_group))
    AND daterange(ls.starts_on, ls.ends_on, '[]')
        && daterange(since, service_connect.ends_on, '[]')
  LIMIT 1;
  IF clash IS NOT NULL THEN
    RAISE EXCEPTION 'service % cannot be connected: % is connected for some of those days%', s.code, clash,
      CASE WHEN clash <> s.code THEN ' and both belong to the group ' || s.exclusive_group ELSE '' END
      USING ERRCODE = 'SD046';
  END IF;
  INSERT INTO line_service(line_id, service_id, starts_on, ends_on)
  VALUES (l.id, s.id, since, service_connect.ends_on)
  RETURNING id INTO new_id;
  RETURN new_id;
END
$$;

-- Disconnects: the service's last day becomes last_day (default: today). A service that
-- had not started yet is removed.
CREATE FUNCTION service_disconnect(line_service_id bigint, last_day date DEFAULT NULL) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  ls line_service;
  today date := kyiv_today();
  last date := coalesce(service_disconnect.last_day, today);
BEGIN
  SELECT * INTO ls FROM line_service WHERE id = service_disconnect.line_service_id FOR UPDATE;
  IF NOT FOUND OR (ls.ends_on IS NOT NULL AND ls.ends_on < today) THEN
    RAISE EXCEPTION 'service subscription % is not connected', service_disconnect.line_service_id
      USING ERRCODE = 'SD046';
  END IF;
  PERFORM line_open_locked(ls.line_id);
  IF last < today THEN
    RAISE EXCEPTION 'a service is disconnected from today on, not in the past' USING ERRCODE = 'SD046';
  END IF;
  IF ls.starts_on > today AND last < ls.starts_on THEN
    DELETE FROM line_service WHERE id = ls.id;
  ELSE
    UPDATE line_service SET ends_on = greatest(ls.starts_on, last) WHERE id = ls.id;
  END IF;
END
$$;

REVOKE EXECUTE ON FUNCTION line_open_locked(bigint), tariff_change_apply_due() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION kyiv_today() TO subdesk_staff;
GRANT EXECUTE ON FUNCTION tariff_change_request(bigint, int, text, date), tariff_change_cancel(bigint),
  service_connect(bigint, int, date, date), service_disconnect(bigint, date) TO subdesk_agent;
GRANT EXECUTE ON FUNCTION tariff_change_apply_due() TO subdesk_billing;
