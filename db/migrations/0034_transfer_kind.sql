-- Transfers between accounts get a ledger kind of their own (issue 7). Until now both
-- rows of a transfer were written as 'adjustment', so an accountant could not tell money
-- moved between a customer's own accounts from a manual correction, nor could a report.
-- The ledger is append-only: transfers made before this migration keep their kind (their
-- idempotency keys, 'transfer:...', still tell them apart), and retrying one of them with
-- its key still returns it instead of refusing the key.
SET LOCAL ROLE subdesk_owner;

ALTER TABLE ledger DROP CONSTRAINT ledger_kind_check;
ALTER TABLE ledger ADD CONSTRAINT ledger_kind_check
  CHECK (kind IN ('payment', 'usage', 'monthly_fee', 'service_fee', 'adjustment', 'transfer', 'detail_fee',
                  'detail_fee_waiver', 'turbo', 'bonus_transfer', 'bonus_accrual', 'promotion'));

-- As in 0024, with the kind 'transfer'.
CREATE OR REPLACE FUNCTION balance_transfer(from_account bigint, to_account bigint, amount bigint, reason text,
                                            idempotency_key text) RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  k text := 'transfer:' || require_key(balance_transfer.idempotency_key);
  src account;
  dst account;
  iid bigint;
  lid bigint;
  prior ledger;
  why text := btrim(coalesce(balance_transfer.reason, ''));
BEGIN
  PERFORM refuse_card_number(why, 'the reason');
  IF balance_transfer.amount IS NULL OR balance_transfer.amount <= 0 OR balance_transfer.amount > payment_maximum() THEN
    RAISE EXCEPTION 'a transfer is more than 0 and at most % UAH', format_uah(payment_maximum())
      USING ERRCODE = 'SD041';
  END IF;
  IF balance_transfer.from_account = balance_transfer.to_account THEN
    RAISE EXCEPTION 'a transfer needs two different accounts' USING ERRCODE = 'invalid_parameter_value';
  END IF;
  -- Locks in id order, so that two opposite transfers never deadlock.
  IF balance_transfer.from_account < balance_transfer.to_account THEN
    src := account_open_locked(balance_transfer.from_account);
    dst := account_open_locked(balance_transfer.to_account);
  ELSE
    dst := account_open_locked(balance_transfer.to_account);
    src := account_open_locked(balance_transfer.from_account);
  END IF;
  iid := require_verified_interaction(src.customer_id);
  -- A retry: the same key returns the transfer made with it (of either kind, see above).
  SELECT * INTO prior FROM ledger WHERE ledger.idempotency_key = k || ':out';
  IF FOUND THEN
    IF prior.account_id <> src.id OR prior.amount <> -balance_transfer.amount
       OR prior.kind NOT IN ('transfer', 'adjustment') THEN
      RAISE EXCEPTION 'idempotency key "%" was already used for a different operation', k || ':out'
        USING ERRCODE = 'SD007';
    END IF;
    RETURN prior.id;
  END IF;
  IF src.customer_id <> dst.customer_id
     AND (src.family_group_id IS NULL OR src.family_group_id IS DISTINCT FROM dst.family_group_id) THEN
    RAISE EXCEPTION 'money moves only between accounts of one customer or one family group'
      USING ERRCODE = 'SD045';
  END IF;
  IF src.balance - balance_transfer.amount < src.disconnect_threshold THEN
    RAISE EXCEPTION 'account % has % UAH: the transfer would take it below % UAH', src.number,
      format_uah(src.balance), format_uah(src.disconnect_threshold) USING ERRCODE = 'SD044';
  END IF;
  PERFORM set_config('subdesk.interaction_id', iid::text, true);
  INSERT INTO ledger(account_id, wallet, amount, kind, idempotency_key, description, interaction_id)
  VALUES (src.id, 'main', -balance_transfer.amount, 'transfer', k || ':out',
          'Transfer to ' || dst.number || coalesce(': ' || nullif(why, ''), ''), iid)
  RETURNING id INTO lid;
  INSERT INTO ledger(account_id, wallet, amount, kind, idempotency_key, description, interaction_id)
  VALUES (dst.id, 'main', balance_transfer.amount, 'transfer', k || ':in',
          'Transfer from ' || src.number || coalesce(': ' || nullif(why, ''), ''), iid);
  RETURN lid;
END
$$;
