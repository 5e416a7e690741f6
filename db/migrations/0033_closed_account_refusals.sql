-- A closed account takes part in no money or account operation (issue 7). Until now
-- balance_adjust() (0011) credited or debited a closed account, and a tariff change or a
-- service connection only looked at the line's own status, not at its account's.
-- From here on every one of them refuses a closed account with SD042 ("account closed"):
--   payment_take            the account paid into                   (0024, unchanged)
--   balance_adjust          the account adjusted                    (here)
--   balance_transfer        the source and the receiving account    (0024, unchanged)
--   tariff_change_request   the line's account                      (here, line_open_locked)
--   service_connect         the line's account                      (here, line_open_locked)
-- The messages name the account; the desk and subdesk-cli show their own translated
-- sentence for SD042 (core services), never this English text.
SET LOCAL ROLE subdesk_owner;

-- The account, locked; refuses a closed or unknown one (now naming the account).
CREATE OR REPLACE FUNCTION account_open_locked(account_id bigint) RETURNS account
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  a account;
BEGIN
  SELECT * INTO a FROM account WHERE id = account_open_locked.account_id FOR UPDATE;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'account % does not exist', account_open_locked.account_id USING ERRCODE = 'SD042';
  END IF;
  IF a.status = 'closed' THEN
    RAISE EXCEPTION 'account % is closed', a.number USING ERRCODE = 'SD042';
  END IF;
  RETURN a;
END
$$;

-- The open line of an account that is not closed, locked. The account is locked FOR SHARE
-- so that it cannot be closed while the operation on its line commits.
CREATE OR REPLACE FUNCTION line_open_locked(line_id bigint) RETURNS public.line
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  l public.line;
  a account;
BEGIN
  SELECT * INTO l FROM line WHERE id = line_open_locked.line_id FOR UPDATE;
  IF NOT FOUND OR l.status = 'closed' THEN
    RAISE EXCEPTION 'line % is closed or does not exist', line_open_locked.line_id USING ERRCODE = 'SD042';
  END IF;
  SELECT * INTO a FROM account WHERE id = l.account_id FOR SHARE;
  IF a.status = 'closed' THEN
    RAISE EXCEPTION 'account % of line % is closed', a.number, l.msisdn USING ERRCODE = 'SD042';
  END IF;
  RETURN l;
END
$$;

-- As in 0011, plus: a closed account is refused (SD042). A retry of an adjustment made
-- before the account was closed still returns the first answer and moves nothing.
CREATE OR REPLACE FUNCTION balance_adjust(account_id bigint, amount bigint, reason text, idempotency_key text)
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

  SELECT * INTO prior FROM ledger WHERE ledger.idempotency_key = k;
  IF NOT FOUND THEN
    PERFORM account_open_locked(balance_adjust.account_id);
    INSERT INTO ledger(account_id, wallet, amount, kind, idempotency_key, description, interaction_id)
    VALUES (balance_adjust.account_id, 'main', balance_adjust.amount, 'adjustment', k,
            btrim(balance_adjust.reason), audit_interaction_id())
    ON CONFLICT ON CONSTRAINT ledger_idempotency_key_key DO NOTHING
    RETURNING id INTO new_id;
    IF new_id IS NOT NULL THEN
      RETURN new_id;
    END IF;
    -- The same key committed by someone else while we waited for the account.
    SELECT * INTO prior FROM ledger WHERE ledger.idempotency_key = k;
  END IF;

  -- A retry: the same operation again gives the same answer; anything else is a mistake.
  IF prior.account_id <> balance_adjust.account_id OR prior.amount <> balance_adjust.amount
     OR prior.kind <> 'adjustment' THEN
    RAISE EXCEPTION 'idempotency key "%" was already used for a different operation',
      balance_adjust.idempotency_key USING ERRCODE = 'SD007';
  END IF;
  RETURN prior.id;
END
$$;
