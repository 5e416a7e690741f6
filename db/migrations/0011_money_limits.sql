-- Manual balance adjustments, limited per operation by the caller's group role:
--   agent 100.00 UAH, sales 1,000.00 UAH, supervisor 10,000.00 UAH, admin none at all.
-- The limit is the database's: staff have no INSERT on ledger and no UPDATE on account
-- (0007), so balance_adjust() is the only way a member of staff moves money by hand.
--
-- Project SQLSTATEs (class SD) used here:
--   SD004  the amount exceeds the caller's per-operation limit
--   SD005  a mandatory text (the reason) is missing
--   SD007  the idempotency key was already used for a different operation
SET LOCAL ROLE subdesk_owner;

-- "123456" -> "1,234.56" (kopecks as UAH, for messages; the desk formats for people).
CREATE FUNCTION format_uah(kopecks bigint) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN CASE WHEN kopecks < 0 THEN '-' ELSE '' END
       || to_char(abs(kopecks) / 100, 'FM999,999,999,999,990') || '.'
       || lpad((abs(kopecks) % 100)::text, 2, '0');

-- The per-operation limit of manual adjustments of the session user, in kopecks; NULL:
-- may not adjust balances (admins, and anyone outside the three subscriber groups).
CREATE FUNCTION adjustment_limit() RETURNS bigint
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
RETURN CASE
  WHEN pg_has_role(session_user, 'subdesk_supervisor', 'MEMBER') THEN 1000000
  WHEN pg_has_role(session_user, 'subdesk_sales', 'MEMBER') THEN 100000
  WHEN pg_has_role(session_user, 'subdesk_agent', 'MEMBER') THEN 10000
END;

-- Credits (amount > 0) or debits (amount < 0) the main wallet of an account by hand.
-- reason is mandatory and becomes the ledger row's description. idempotency_key makes a
-- retry safe: the same key again returns the same ledger id and moves nothing (the
-- ledger row's key is 'adjust:' || idempotency_key). The row carries the interaction of
-- the session setting subdesk.interaction_id, if any. Returns the ledger id.
CREATE FUNCTION balance_adjust(account_id bigint, amount bigint, reason text, idempotency_key text)
RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  lim bigint := adjustment_limit();
  k text := 'adjust:' || btrim(balance_adjust.idempotency_key);
  new_id bigint;
  prior ledger;
BEGIN
  IF lim IS NULL THEN
    RAISE EXCEPTION 'your role may not adjust balances' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF balance_adjust.reason IS NULL OR btrim(balance_adjust.reason) = '' THEN
    RAISE EXCEPTION 'a reason is required for a balance adjustment' USING ERRCODE = 'SD005';
  END IF;
  IF balance_adjust.idempotency_key IS NULL OR btrim(balance_adjust.idempotency_key) = '' THEN
    RAISE EXCEPTION 'an idempotency key is required for a balance adjustment'
      USING ERRCODE = 'invalid_parameter_value';
  END IF;
  IF balance_adjust.amount IS NULL OR balance_adjust.amount = 0 THEN
    RAISE EXCEPTION 'an adjustment moves a non-zero amount' USING ERRCODE = 'invalid_parameter_value';
  END IF;
  IF abs(balance_adjust.amount) > lim THEN
    RAISE EXCEPTION 'an adjustment of % UAH exceeds your limit of % UAH per operation',
      format_uah(abs(balance_adjust.amount)), format_uah(lim)
      USING ERRCODE = 'SD004', HINT = 'Ask a supervisor to make this adjustment.';
  END IF;

  INSERT INTO ledger(account_id, wallet, amount, kind, idempotency_key, description, interaction_id)
  VALUES (balance_adjust.account_id, 'main', balance_adjust.amount, 'adjustment', k,
          btrim(balance_adjust.reason), audit_interaction_id())
  ON CONFLICT ON CONSTRAINT ledger_idempotency_key_key DO NOTHING
  RETURNING id INTO new_id;
  IF new_id IS NOT NULL THEN
    RETURN new_id;
  END IF;

  -- A retry: the same operation again gives the same answer; anything else is a mistake.
  SELECT * INTO prior FROM ledger WHERE ledger.idempotency_key = k;
  IF prior.account_id <> balance_adjust.account_id OR prior.amount <> balance_adjust.amount
     OR prior.kind <> 'adjustment' THEN
    RAISE EXCEPTION 'idempotency key "%" was already used for a different operation',
      balance_adjust.idempotency_key USING ERRCODE = 'SD007';
  END IF;
  RETURN prior.id;
END
$$;

GRANT EXECUTE ON FUNCTION format_uah(bigint), adjustment_limit() TO subdesk_staff;
GRANT EXECUTE ON FUNCTION balance_adjust(bigint, bigint, text, text) TO subdesk_agent;
