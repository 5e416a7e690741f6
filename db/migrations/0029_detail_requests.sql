-- Detailed bills (issue 8): the fee rule of DESIGN.md, charged through the ledger, waived
-- by supervisors with a reason, every request recorded and audited.
--
-- The rule: from the self-care registration day until the end of the following calendar
-- month every request costs 1.06 UAH; after that (and for accounts never registered) the
-- first request of a calendar month costs 5.31 UAH and each further one 1.06 UAH. Days are
-- Kyiv calendar days of subdesk_now(). Every earlier request of the month counts, waived
-- ones included: a waived request was still the month's first. The core's DetailFeePolicy
-- is the same rule for the desk's quote; detail_request_create() recomputes it here and
-- refuses (SD051) when the desk's figure differs, so nobody is charged what they were not
-- shown and nobody can pass a fee of their own.
--
-- Project SQLSTATEs used here:
--   SD005  a mandatory text (the waiver's reason) is missing (as in 0011)
--   SD050  the period of a detailed bill is not valid (order, future, longer than 92 days)
--   SD051  the fee is not the one the desk showed (another request came in between)
--   SD052  the line does not belong to the account
SET LOCAL ROLE subdesk_owner;

ALTER TABLE detail_request
  ADD COLUMN idempotency_key text UNIQUE,
  ADD COLUMN interaction_id bigint REFERENCES interaction;

-- The fee of one more request for an account on the Kyiv day `today`, given its
-- registration day and how many requests it already made in today's calendar month.
CREATE FUNCTION detail_fee_rule(registered_on date, today date, earlier_this_month bigint) RETURNS bigint
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN CASE
  WHEN registered_on IS NOT NULL AND today >= registered_on
       AND today < (date_trunc('month', registered_on) + interval '2 months')::date THEN 106
  WHEN earlier_this_month = 0 THEN 531
  ELSE 106
END;

-- The fee of the next request of an account now.
CREATE FUNCTION detail_fee(account_id bigint) RETURNS bigint
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  today date := (subdesk_now() AT TIME ZONE 'Europe/Kyiv')::date;
  reg date;
  earlier bigint;
BEGIN
  SELECT a.selfcare_registered_on INTO reg FROM account a WHERE a.id = detail_fee.account_id;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'account % does not exist', detail_fee.account_id USING ERRCODE = 'no_data_found';
  END IF;
  SELECT count(*) INTO earlier FROM detail_request d
  WHERE d.account_id = detail_fee.account_id
    AND d.requested_at >= date_trunc('month', today)::timestamp AT TIME ZONE 'Europe/Kyiv'
    AND d.requested_at < (date_trunc('month', today) + interval '1 month')::timestamp AT TIME ZONE 'Europe/Kyiv';
  RETURN detail_fee_rule(reg, today, earlier);
END
$$;

-- Records a request for the detailed bill of an account (optionally of one line) for a
-- period of Kyiv days, charges its fee through the ledger (kind 'detail_fee') unless a
-- supervisor waives it with a reason, and writes the audited read 'detailed_bill'.
-- expected_fee is the fee the desk showed; idempotency_key makes a retry safe (the same
-- key returns the same request and charges nothing more).
CREATE FUNCTION detail_request_create(account_id bigint, line_id bigint, period_from date, period_to date,
                                      expected_fee bigint, waive_reason text, idempotency_key text,
                                      OUT request_id bigint, OUT fee bigint, OUT waived boolean,
                                      OUT ledger_id bigint)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  k text := btrim(detail_request_create.idempotency_key);
  today date := (subdesk_now() AT TIME ZONE 'Europe/Kyiv')::date;
  acc account;
  prior detail_request;
  reason text := nullif(btrim(detail_request_create.waive_reason), '');
BEGIN
  IF k IS NULL OR k = '' THEN
    RAISE EXCEPTION 'an idempotency key is required' USING ERRCODE = 'invalid_parameter_value';
  END IF;
  -- The account is locked: two desks asking at once are counted one after the other.
  SELECT * INTO acc FROM account a WHERE a.id = detail_request_create.account_id FOR UPDATE;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'account % does not exist', detail_request_create.account_id USING ERRCODE = 'no_data_found';
  END IF;
  SELECT * INTO prior FROM detail_request d WHERE d.idempotency_key = 'detail:' || k;
  IF FOUND THEN
    request_id := prior.id; fee := prior.fee; waived := prior.waived; ledger_id := prior.ledger_id;
    RETURN;
  END IF;
  IF detail_request_create.line_id IS NOT NULL AND NOT EXISTS (
       SELECT FROM line l WHERE l.id = detail_request_create.line_id AND l.account_id = acc.id) THEN
    RAISE EXCEPTION 'line % is not on account %', detail_request_create.line_id, acc.number USING ERRCODE = 'SD052';
  END IF;
  IF period_from IS NULL OR period_to IS NULL OR period_from > period_to OR period_to > today
     OR period_to - period_from > 92 THEN
    RAISE EXCEPTION 'a detailed bill covers up to 92 past days, from % to % is not such a period',
      period_from, period_to USING ERRCODE = 'SD050';
  END IF;
  IF detail_request_create.waive_reason IS NOT NULL THEN
    IF NOT pg_has_role(session_user, 'subdesk_supervisor', 'MEMBER') THEN
      RAISE EXCEPTION 'only a supervisor may waive the fee of a detailed bill' USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF reason IS NULL THEN
      RAISE EXCEPTION 'a reason is required to waive a fee' USING ERRCODE = 'SD005';
    END IF;
  END IF;

  fee := detail_fee(acc.id);
  IF detail_request_create.expected_fee IS DISTINCT FROM fee THEN
    RAISE EXCEPTION 'the fee of this request is % UAH, not % UAH', format_uah(fee),
      coalesce(format_uah(detail_request_create.expected_fee), '?')
      USING ERRCODE = 'SD051', HINT = 'Show the subscriber the new fee and ask again.';
  END IF;
  waived := reason IS NOT NULL;
  IF NOT waived THEN
    INSERT INTO ledger(account_id, wallet, amount, kind, idempotency_key, description, interaction_id)
    VALUES (acc.id, 'main', -fee, 'detail_fee', 'detail:' || k,
            format('Детальний рахунок за %s – %s', to_char(period_from, 'DD.MM.YYYY'),
                   to_char(period_to, 'DD.MM.YYYY')),
            audit_interaction_id())
    RETURNING id INTO ledger_id;
  END IF;
  INSERT INTO detail_request(account_id, line_id, period_from, period_to, fee, waived, waive_reason,
                             ledger_id, requested_at, idempotency_key, interaction_id)
  VALUES (acc.id, detail_request_create.line_id, period_from, period_to, fee, waived, reason,
          ledger_id, subdesk_now(), 'detail:' || k, audit_interaction_id())
  RETURNING id INTO request_id;
  PERFORM audit_read('detailed_bill', acc.customer_id, acc.id, detail_request_create.line_id,
                     jsonb_build_object('request_id', request_id, 'from', period_from, 'to', period_to,
                                        'fee', fee, 'waived', waived, 'reason', reason));
END
$$;

GRANT EXECUTE ON FUNCTION detail_fee_rule(date, date, bigint), detail_fee(bigint) TO subdesk_agent;
GRANT EXECUTE ON FUNCTION detail_request_create(bigint, bigint, date, date, bigint, text, text) TO subdesk_agent;
