-- Restoring a lost SIM at the office: the subscriber shows an ID document, sales staff
-- take a new SIM from their own office's stock, and in one transaction the old SIM
-- becomes 'lost' (for ever), the new one becomes active on the same line (number,
-- tariff, services, balances untouched: they belong to the line and the account), a
-- sim_swap row records why, how the person was identified, where and by whom, the audit
-- triggers log every change under the interaction, and an SMS to the number tells the
-- subscriber where and when their SIM was replaced and whom to call if it was not them.
--
-- Two desks at once: sim_restore locks the line first, then the new SIM, then the old
-- one, and re-checks everything after the locks are held. The caller names the SIM it
-- expects to replace (the one its summary showed), so the second of two restores of the
-- same line finds a different active SIM and fails with SD003; the second of two desks
-- taking the same stock SIM finds it active and fails with SD026. Nothing is changed
-- by a refused restore.
--
-- sim_swap_recent (number, swap time, last 72 hours) is what partners such as banks
-- query before trusting an SMS to the number; the desk shows it as a warning band.
--
-- Project SQLSTATEs (class SD) added here (SD001, SD003, SD023 and 42501 reused):
--   SD024  the caller's ID document was not checked in this interaction (a code word or
--          SMS code is not enough to restore a SIM)
--   SD025  the line has no active SIM to replace
--   SD026  the new SIM is already active (on this or another line)
--   SD027  the new SIM is lost or replaced and can never be used again
--   SD028  no SIM card has this ICCID
--   SD029  a lost SIM can never change its status again
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'subdesk_partner') THEN
    CREATE ROLE subdesk_partner NOLOGIN;
  END IF;
  EXECUTE format('GRANT CONNECT ON DATABASE %I TO subdesk_partner', current_database());
END
$$;
GRANT USAGE ON SCHEMA public TO subdesk_partner;

SET LOCAL ROLE subdesk_owner;

-- A lost SIM is never activated again, whoever asks (the owner and superusers included).
CREATE FUNCTION sim_lost_is_final() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status = 'lost' AND NEW.status IS DISTINCT FROM 'lost' THEN
    RAISE EXCEPTION 'SIM % is lost: its status can never change again', OLD.iccid USING ERRCODE = 'SD029';
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER sim_lost_is_final BEFORE UPDATE OF status ON sim
  FOR EACH ROW EXECUTE FUNCTION sim_lost_is_final();

-- Why a restore of this line with this new SIM cannot be done by the session user now,
-- as a code (NULL: it can), with what the summary and the restore need. Reads the latest
-- committed rows: sim_restore calls it again once it holds the locks.
--   not_office_staff  not sales or up         line_unknown, line_closed, no_active_sim
--   not_verified      no verified interaction with the customer in the last 30 minutes
--   not_document      verified, but not by an ID document
--   iccid_invalid     not 19-20 digits starting 89 with a right Luhn check digit
--   sim_unknown, sim_active, sim_lost, sim_replaced, sim_other_office
CREATE FUNCTION sim_restore_diagnose(line_id bigint, new_iccid text,
  OUT problem text, OUT interaction_id bigint, OUT doc_kind text, OUT customer_id bigint,
  OUT msisdn text, OUT old_sim_id bigint, OUT old_iccid text, OUT new_sim_id bigint)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  ln public.line;  -- not pg_catalog.line, the geometric type
  s sim;
BEGIN
  IF NOT pg_has_role(session_user, 'subdesk_sales', 'MEMBER') OR current_staff_office() IS NULL THEN
    problem := 'not_office_staff';
    RETURN;
  END IF;
  SELECT * INTO ln FROM line WHERE id = sim_restore_diagnose.line_id;
  IF NOT FOUND THEN
    problem := 'line_unknown';
    RETURN;
  END IF;
  msisdn := ln.msisdn;
  SELECT a.customer_id INTO customer_id FROM account a WHERE a.id = ln.account_id;
  IF ln.status = 'closed' THEN
    problem := 'line_closed';
    RETURN;
  END IF;
  SELECT x.id, x.iccid INTO old_sim_id, old_iccid FROM sim x
  WHERE x.line_id = ln.id AND x.status = 'active';
  IF old_sim_id IS NULL THEN
    problem := 'no_active_sim';
    RETURN;
  END IF;
  -- require_verified_interaction()'s rule, with the method: an ID document.
  SELECT i.id, i.verified_doc_kind INTO interaction_id, doc_kind
  FROM interaction i
  WHERE i.staff_login = session_user AND i.customer_id = sim_restore_diagnose.customer_id
    AND i.closed_at IS NULL AND i.verified_by = 'document'
    AND i.verified_at > subdesk_now() - interval '30 minutes'
    AND i.verified_at <= subdesk_now() + interval '1 minute'
  ORDER BY i.verified_at DESC
  LIMIT 1;
  IF interaction_id IS NULL THEN
    problem := CASE WHEN EXISTS (
                 SELECT 1 FROM interaction i
                 WHERE i.staff_login = session_user AND i.customer_id = sim_restore_diagnose.customer_id
                   AND i.closed_at IS NULL AND i.verified_at > subdesk_now() - interval '30 minutes'
                   AND i.verified_at <= subdesk_now() + interval '1 minute')
               THEN 'not_document' ELSE 'not_verified' END;
    RETURN;
  END IF;
  IF new_iccid IS NULL OR NOT iccid_valid(new_iccid) THEN
    problem := 'iccid_invalid';
    RETURN;
  END IF;
  SELECT * INTO s FROM sim x WHERE x.iccid = sim_restore_diagnose.new_iccid;
  IF NOT FOUND THEN
    problem := 'sim_unknown';
  ELSIF s.status <> 'in_stock' THEN
    problem := 'sim_' || s.status;
  ELSIF s.office_id IS DISTINCT FROM current_staff_office() THEN
    problem := 'sim_other_office';
  ELSE
    new_sim_id := s.id;
  END IF;
END
$$;

-- The wizard's pre-check: the problem code (NULL when the restore may go ahead), the
-- number, the SIM that would be replaced, and the office it happens in.
CREATE FUNCTION sim_restore_check(line_id bigint, new_iccid text)
RETURNS TABLE (problem text, msisdn text, old_iccid text, office_name_uk text, office_name_en text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT d.problem, d.msisdn, d.old_iccid, o.name_uk, o.name_en
  FROM sim_restore_diagnose(sim_restore_check.line_id, sim_restore_check.new_iccid) AS d
  LEFT JOIN office o ON o.id = current_staff_office();
$$;

-- Restores the line's SIM: see the top of this file. reason: 'lost', 'stolen',
-- 'damaged' or 'format_change'; expected_old_iccid: the active SIM the desk showed.
-- Returns the sim_swap id (sim_swap_receipt() has what the receipt prints).
CREATE FUNCTION sim_restore(line_id bigint, new_iccid text, reason text, expected_old_iccid text)
RETURNS bigint
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  d record;
  t timestamptz := subdesk_now();
  off office;
  lang text;
  when_text text;
  new_swap bigint;
BEGIN
  IF sim_restore.reason IS NULL OR sim_restore.reason NOT IN ('lost', 'stolen', 'damaged', 'format_change') THEN
    RAISE EXCEPTION 'unknown reason for a SIM restore "%"', sim_restore.reason
      USING ERRCODE = 'invalid_parameter_value';
  END IF;
  -- Locks in a fixed order (line, new SIM, old SIM); the checks below then see the rows
  -- as the other desk left them.
  PERFORM 1 FROM line l WHERE l.id = sim_restore.line_id FOR UPDATE;
  PERFORM 1 FROM sim x WHERE x.iccid = sim_restore.new_iccid FOR UPDATE;
  PERFORM 1 FROM sim x WHERE x.line_id = sim_restore.line_id AND x.status = 'active' FOR UPDATE;

  SELECT * INTO d FROM sim_restore_diagnose(sim_restore.line_id, sim_restore.new_iccid);
  CASE coalesce(d.problem, 'none')
    WHEN 'none' THEN NULL;
    WHEN 'not_office_staff' THEN
      RAISE EXCEPTION 'only office staff (sales and up) may restore a SIM' USING ERRCODE = 'insufficient_privilege';
    WHEN 'line_unknown' THEN
      RAISE EXCEPTION 'line % does not exist', sim_restore.line_id USING ERRCODE = 'no_data_found';
    WHEN 'line_closed' THEN
      RAISE EXCEPTION 'line % is closed', d.msisdn USING ERRCODE = 'SD023';
    WHEN 'no_active_sim' THEN
      RAISE EXCEPTION 'line % has no active SIM to replace', d.msisdn USING ERRCODE = 'SD025';
    WHEN 'not_verified' THEN
      RAISE EXCEPTION 'no verified interaction with this customer in the last 30 minutes'
        USING ERRCODE = 'SD001', HINT = 'Open a visit and check the customer''s ID document first.';
    WHEN 'not_document' THEN
      RAISE EXCEPTION 'a SIM is restored only after the customer''s ID document was checked in this visit'
        USING ERRCODE = 'SD024';
    WHEN 'iccid_invalid' THEN
      RAISE EXCEPTION '"%" is not a valid ICCID (check digit)', sim_restore.new_iccid
        USING ERRCODE = 'invalid_parameter_value';
    WHEN 'sim_unknown' THEN
      RAISE EXCEPTION 'no SIM card has the ICCID %', sim_restore.new_iccid USING ERRCODE = 'SD028';
    WHEN 'sim_active' THEN
      RAISE EXCEPTION 'SIM % is already active', sim_restore.new_iccid USING ERRCODE = 'SD026';
    WHEN 'sim_other_office' THEN
      RAISE EXCEPTION 'SIM % is not in the stock of your office', sim_restore.new_iccid
        USING ERRCODE = 'insufficient_privilege';
    ELSE
      RAISE EXCEPTION 'SIM % is % and can never be used again', sim_restore.new_iccid, substr(d.problem, 5)
        USING ERRCODE = 'SD027';
  END CASE;
  IF sim_restore.expected_old_iccid IS DISTINCT FROM d.old_iccid THEN
    RAISE EXCEPTION 'the SIM of line % was changed by someone else just now: reload and check again', d.msisdn
      USING ERRCODE = 'SD003';
  END IF;
  -- 0012's contract: stock is taken through sim_from_own_stock().
  IF sim_from_own_stock(sim_restore.new_iccid) <> d.new_sim_id THEN
    RAISE EXCEPTION 'SIM % changed while it was being taken', sim_restore.new_iccid USING ERRCODE = 'SD003';
  END IF;

  -- Every change below is audited under the interaction that allowed it.
  PERFORM set_config('subdesk.interaction_id', d.interaction_id::text, true);
  UPDATE sim SET status = 'lost', status_changed_at = t WHERE id = d.old_sim_id;
  UPDATE sim SET status = 'active', line_id = sim_restore.line_id, status_changed_at = t
  WHERE id = d.new_sim_id;
  SELECT * INTO off FROM office WHERE id = current_staff_office();
  INSERT INTO sim_swap(line_id, old_sim_id, new_sim_id, reason, doc_kind, office_id, staff_login,
                       interaction_id, swapped_at)
  VALUES (sim_restore.line_id, d.old_sim_id, d.new_sim_id, sim_restore.reason, d.doc_kind, off.id,
          session_user, d.interaction_id, t)
  RETURNING id INTO new_swap;

  SELECT cu.language INTO lang FROM customer cu WHERE cu.id = d.customer_id;
  when_text := to_char(t AT TIME ZONE 'Europe/Kyiv', 'DD.MM.YYYY') ||
               CASE WHEN lang = 'en' THEN ' at ' ELSE ' о ' END ||
               to_char(t AT TIME ZONE 'Europe/Kyiv', 'HH24:MI');
  INSERT INTO outbox(channel, recipient, body, customer_id, interaction_id)
  VALUES ('sms', d.msisdn,
          CASE WHEN lang = 'en' THEN
            format('The SIM card of your number %s was replaced on %s at our office "%s". '
                   'If it was not you, call 0 800 300-466 at once.', d.msisdn, when_text, off.name_en)
          ELSE
            format('SIM-картку вашого номера %s замінено %s у нашому відділенні «%s». '
                   'Якщо це були не ви, негайно зателефонуйте 0 800 300-466.', d.msisdn, when_text, off.name_uk)
          END,
          d.customer_id, d.interaction_id);

  RETURN new_swap;
END
$$;

-- What the receipt of a SIM restore prints. The reader's own rights apply (agents and up
-- read sim_swap, lines and the SIMs on lines).
CREATE FUNCTION sim_swap_receipt(swap_id bigint)
RETURNS TABLE (msisdn text, old_iccid text, new_iccid text, reason text, doc_kind text,
               office_name_uk text, office_name_en text, office_address text, staff_login name,
               staff_name text, swapped_at timestamptz, swapped_at_local text)
LANGUAGE sql STABLE SET search_path = public, pg_temp AS $$
  SELECT l.msisdn, os.iccid, ns.iccid, w.reason, w.doc_kind, o.name_uk, o.name_en, o.address,
         w.staff_login, st.full_name, w.swapped_at,
         to_char(w.swapped_at AT TIME ZONE 'Europe/Kyiv', 'DD.MM.YYYY HH24:MI')
  FROM sim_swap w
  JOIN line l ON l.id = w.line_id
  JOIN sim os ON os.id = w.old_sim_id
  JOIN sim ns ON ns.id = w.new_sim_id
  JOIN office o ON o.id = w.office_id
  LEFT JOIN staff st ON st.login = w.staff_login
  WHERE w.id = sim_swap_receipt.swap_id;
$$;

-- Numbers whose SIM was replaced in the last 72 hours: for partners (banks) and the desk.
CREATE VIEW sim_swap_recent AS
  SELECT l.msisdn, s.swapped_at
  FROM sim_swap s JOIN line l ON l.id = s.line_id
  WHERE s.swapped_at > subdesk_now() - interval '72 hours' AND s.swapped_at <= subdesk_now();

GRANT EXECUTE ON FUNCTION sim_restore_check(bigint, text),
  sim_restore(bigint, text, text, text) TO subdesk_sales;
GRANT EXECUTE ON FUNCTION sim_swap_receipt(bigint) TO subdesk_agent;
GRANT SELECT ON sim_swap_recent TO subdesk_agent, subdesk_partner;
-- A view's functions are called with the reader's rights.
GRANT EXECUTE ON FUNCTION subdesk_now() TO subdesk_partner;
