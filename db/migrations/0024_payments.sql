-- Money at the desk (issue 7): payments (cash and card at the office, bank transfers),
-- transfers between a customer's or a family's accounts, and fees charged by billing.
-- Every function moves money only by inserting ledger rows (the ledger_apply trigger of
-- 0006 changes the balance in the same transaction) and takes an idempotency key: the
-- same key again returns the first answer and moves nothing, so a double click, a retry
-- after a timeout or a dropped connection never credits or debits twice.
--
-- A full card number never reaches the database: card_number_suspect() finds one in any
-- text (13-19 digits, spaces or dashes between them, Luhn check digit right), the
-- functions refuse such text with SD040, and CHECK constraints on the free-text columns
-- the desk writes keep it out whoever writes. The desk runs the same detector (core
-- CardNumberDetector) before sending anything.
--
-- Debits never take a main balance below the account's disconnect threshold (SD044):
-- transfers and fees are refused instead.
--
-- Project SQLSTATEs (class SD) added here (SD005, SD007, SD001 and 42501 reused):
--   SD040  the text holds what looks like a full card number
--   SD041  the amount is not a positive number of kopecks within the per-payment maximum
--   SD042  the account is closed (or does not exist)
--   SD043  a card payment needs the terminal's 12-digit RRN; last four digits are 4 digits
--   SD044  the debit would take the balance below the account's disconnect threshold
--   SD045  a transfer between accounts of different customers outside one family group
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'subdesk_billing') THEN
    CREATE ROLE subdesk_billing NOLOGIN;
  END IF;
  EXECUTE format('GRANT CONNECT ON DATABASE %I TO subdesk_billing', current_database());
END
$$;
GRANT USAGE ON SCHEMA public TO subdesk_billing;

SET LOCAL ROLE subdesk_owner;

-- True when the text holds 13-19 digits (single spaces or dashes between them allowed)
-- whose Luhn check digit is right: a payment card number. RRNs (12 digits), phone
-- numbers and account numbers are shorter. Same rule as the core's containsCardNumber().
CREATE FUNCTION card_number_suspect(t text) RETURNS boolean
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
  m text[];
  groups text[];
  digits text;
BEGIN
  IF t IS NULL THEN
    RETURN false;
  END IF;
  -- Every span of whole consecutive groups of a run is tried (a card number typed right
  -- after an RRN is still found); an unbroken longer string of digits is not cut up.
  FOR m IN SELECT regexp_matches(t, '[0-9](?:[ -]?[0-9])*', 'g') LOOP
    groups := regexp_split_to_array(m[1], '[ -]');
    FOR gi IN 1 .. cardinality(groups) LOOP
      digits := '';
      FOR gj IN gi .. cardinality(groups) LOOP
        EXIT WHEN length(digits) + length(groups[gj]) > 19;
        digits := digits || groups[gj];
        IF length(digits) >= 13 AND luhn_valid(digits) THEN
          RETURN true;
        END IF;
      END LOOP;
    END LOOP;
  END LOOP;
  RETURN false;
END
$$;

CREATE FUNCTION refuse_card_number(t text, what text) RETURNS void
LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
  IF card_number_suspect(t) THEN
    RAISE EXCEPTION '% holds what looks like a full card number: only the last four digits may be kept', what
      USING ERRCODE = 'SD040';
  END IF;
END
$$;

-- NOT VALID: rows already there are not rescanned; every new or changed row is checked.
ALTER TABLE ledger ADD CONSTRAINT ledger_no_card_number CHECK (NOT card_number_suspect(description)) NOT VALID;
ALTER TABLE payment ADD CONSTRAINT payment_no_card_number CHECK (NOT card_number_suspect(receipt_no)) NOT VALID;
ALTER TABLE interaction ADD CONSTRAINT interaction_no_card_number CHECK (NOT card_number_suspect(wrap_up)) NOT VALID;
ALTER TABLE customer ADD CONSTRAINT customer_no_card_number CHECK (NOT card_number_suspect(address)) NOT VALID;
ALTER TABLE ticket ADD CONSTRAINT ticket_no_card_number
  CHECK (NOT card_number_suspect(subject) AND NOT card_number_suspect(body) AND NOT card_number_suspect(answer)) NOT VALID;

-- The largest single payment the desk takes (kopecks): 100,000.00 UAH.
CREATE FUNCTION payment_maximum() RETURNS bigint LANGUAGE sql IMMUTABLE RETURN 10000000;

-- The account, locked; refuses a closed or unknown one.
CREATE FUNCTION account_open_locked(account_id bigint) RETURNS account
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  a account;
BEGIN
  SELECT * INTO a FROM account WHERE id = account_open_locked.account_id FOR UPDATE;
  IF NOT FOUND OR a.status = 'closed' THEN
    RAISE EXCEPTION 'account % is closed or does not exist', account_open_locked.account_id
      USING ERRCODE = 'SD042';
  END IF;
  RETURN a;
END
$$;

CREATE FUNCTION require_key(k text) RETURNS text
LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
  IF k IS NULL OR btrim(k) = '' THEN
    RAISE EXCEPTION 'an idempotency key is required' USING ERRCODE = 'invalid_parameter_value';
  END IF;
  RETURN btrim(k);
END
$$;

-- Takes a payment: cash or card at the POS terminal (office staff: sales and up) or a
-- bank transfer (anyone at the desk). pos needs the terminal's RRN (12 digits) and may
-- keep the card's last four digits; receipt_no is the cash receipt's or the bank
-- document's number. The same idempotency key again returns the same payment id.
CREATE FUNCTION payment_take(account_id bigint, amount bigint, method text, rrn text, card_last4 text,
                             receipt_no text, idempotency_key text) RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  k text := require_key(payment_take.idempotency_key);
  p payment;
  a account;
  lid bigint;
  new_id bigint;
  r text := nullif(regexp_replace(coalesce(payment_take.rrn, ''), '[[:space:]]', '', 'g'), '');
  l4 text := nullif(btrim(coalesce(payment_take.card_last4, '')), '');
  rn text := nullif(btrim(coalesce(payment_take.receipt_no, '')), '');
BEGIN
  PERFORM refuse_card_number(payment_take.rrn, 'the RRN');
  PERFORM refuse_card_number(payment_take.card_last4, 'the last four digits');
  PERFORM refuse_card_number(payment_take.receipt_no, 'the receipt number');
  IF payment_take.method IS NULL OR payment_take.method NOT IN ('cash', 'pos', 'bank') THEN
    RAISE EXCEPTION 'unknown payment method "%"', payment_take.method USING ERRCODE = 'invalid_parameter_value';
  END IF;
  IF payment_take.method IN ('cash', 'pos') AND NOT pg_has_role(session_user, 'subdesk_sales', 'MEMBER') THEN
    RAISE EXCEPTION 'only office staff (sales and up) take cash and card payments'
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF payment_take.amount IS NULL OR payment_take.amount <= 0 OR payment_take.amount > payment_maximum() THEN
    RAISE EXCEPTION 'a payment is more than 0 and at most % UAH', format_uah(payment_maximum())
      USING ERRCODE = 'SD041';
  END IF;
  IF payment_take.method = 'pos' THEN
    IF r IS NULL OR r !~ '^[0-9]{12}$' THEN
      RAISE EXCEPTION 'a card payment needs the terminal''s 12-digit RRN' USING ERRCODE = 'SD043';
    END IF;
    IF l4 IS NOT NULL AND l4 !~ '^[0-9]{4}$' THEN
      RAISE EXCEPTION 'keep at most the last four digits of the card' USING ERRCODE = 'SD043';
    END IF;
  ELSIF r IS NOT NULL OR l4 IS NOT NULL THEN
    RAISE EXCEPTION 'an RRN and card digits belong to card payments only' USING ERRCODE = 'SD043';
  END IF;

  -- A retry of a payment already made (also after the connection dropped at commit).
  SELECT * INTO p FROM payment WHERE payment.idempotency_key = k;
  IF NOT FOUND THEN
    a := account_open_locked(payment_take.account_id);
    INSERT INTO ledger(account_id, wallet, amount, kind, idempotency_key, description, interaction_id)
    VALUES (a.id, 'main', payment_take.amount, 'payment', 'payment:' || k,
            CASE payment_take.method WHEN 'cash' THEN 'Cash payment' WHEN 'pos' THEN 'Card payment'
                 ELSE 'Bank transfer' END, audit_interaction_id())
    ON CONFLICT ON CONSTRAINT ledger_idempotency_key_key DO NOTHING
    RETURNING id INTO lid;
    IF lid IS NOT NULL THEN
      INSERT INTO payment(account_id, amount, method, receipt_no, rrn, card_last4, office_id, ledger_id,
                          idempotency_key)
      VALUES (a.id, payment_take.amount, payment_take.method, rn, r, l4, current_staff_office(), lid, k)
      RETURNING id INTO new_id;
      RETURN new_id;
    END IF;
    -- The same key committed by someone else while we waited.
    SELECT * INTO p FROM payment WHERE payment.idempotency_key = k;
    IF NOT FOUND THEN
      RAISE EXCEPTION 'idempotency key "%" was already used for a different operation', k USING ERRCODE = 'SD007';
    END IF;
  END IF;
  IF p.account_id <> payment_take.account_id OR p.amount <> payment_take.amount
     OR p.method <> payment_take.method THEN
    RAISE EXCEPTION 'idempotency key "%" was already used for a different operation', k USING ERRCODE = 'SD007';
  END IF;
  RETURN p.id;
END
$$;

-- The ledger row of an earlier attempt with this key, checked to be the same operation.
CREATE FUNCTION ledger_retry(k text, account_id bigint, amount bigint, kind text) RETURNS bigint
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  prior ledger;
BEGIN
  SELECT * INTO prior FROM ledger WHERE ledger.idempotency_key = k;
  IF NOT FOUND THEN
    RETURN NULL;
  END IF;
  IF prior.account_id <> ledger_retry.account_id OR prior.amount <> ledger_retry.amount
     OR prior.kind <> ledger_retry.kind THEN
    RAISE EXCEPTION 'idempotency key "%" was already used for a different operation', k USING ERRCODE = 'SD007';
  END IF;
  RETURN prior.id;
END
$$;

-- Moves main-wallet money between two accounts of one customer, or of one family group,
-- for a verified caller (the source account's customer). Returns the debit's ledger id.
CREATE FUNCTION balance_transfer(from_account bigint, to_account bigint, amount bigint, reason text,
                                 idempotency_key text) RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  k text := 'transfer:' || require_key(balance_transfer.idempotency_key);
  src account;
  dst account;
  iid bigint;
  lid bigint;
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
  lid := ledger_retry(k || ':out', src.id, -balance_transfer.amount, 'adjustment');
  IF lid IS NOT NULL THEN
    RETURN lid;
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
  VALUES (src.id, 'main', -balance_transfer.amount, 'adjustment', k || ':out',
          'Transfer to ' || dst.number || coalesce(': ' || nullif(why, ''), ''), iid)
  RETURNING id INTO lid;
  INSERT INTO ledger(account_id, wallet, amount, kind, idempotency_key, description, interaction_id)
  VALUES (dst.id, 'main', balance_transfer.amount, 'adjustment', k || ':in',
          'Transfer from ' || src.number || coalesce(': ' || nullif(why, ''), ''), iid);
  RETURN lid;
END
$$;

-- A fee charged by billing (monthly fee, service fee, detail fee): refused when it would
-- take the balance below the disconnect threshold. Returns the ledger id.
CREATE FUNCTION account_charge(account_id bigint, amount bigint, kind text, description text,
                               idempotency_key text) RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  k text := 'charge:' || require_key(account_charge.idempotency_key);
  a account;
  lid bigint;
BEGIN
  PERFORM refuse_card_number(account_charge.description, 'the description');
  IF account_charge.kind IS NULL OR account_charge.kind NOT IN ('monthly_fee', 'service_fee', 'detail_fee', 'turbo') THEN
    RAISE EXCEPTION 'unknown fee kind "%"', account_charge.kind USING ERRCODE = 'invalid_parameter_value';
  END IF;
  IF account_charge.amount IS NULL OR account_charge.amount <= 0 OR account_charge.amount > payment_maximum() THEN
    RAISE EXCEPTION 'a fee is more than 0 and at most % UAH', format_uah(payment_maximum()) USING ERRCODE = 'SD041';
  END IF;
  a := account_open_locked(account_charge.account_id);
  lid := ledger_retry(k, a.id, -account_charge.amount, account_charge.kind);
  IF lid IS NOT NULL THEN
    RETURN lid;
  END IF;
  IF a.balance - account_charge.amount < a.disconnect_threshold THEN
    RAISE EXCEPTION 'account % has % UAH: the fee would take it below % UAH', a.number,
      format_uah(a.balance), format_uah(a.disconnect_threshold) USING ERRCODE = 'SD044';
  END IF;
  INSERT INTO ledger(account_id, wallet, amount, kind, idempotency_key, description)
  VALUES (a.id, 'main', -account_charge.amount, account_charge.kind, k, btrim(account_charge.description))
  RETURNING id INTO lid;
  RETURN lid;
END
$$;

REVOKE EXECUTE ON FUNCTION account_open_locked(bigint), ledger_retry(text, bigint, bigint, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION card_number_suspect(text), payment_maximum() TO PUBLIC;
GRANT EXECUTE ON FUNCTION payment_take(bigint, bigint, text, text, text, text, text),
  balance_transfer(bigint, bigint, bigint, text, text) TO subdesk_agent;
GRANT EXECUTE ON FUNCTION account_charge(bigint, bigint, text, text, text) TO subdesk_billing;
GRANT SELECT ON account TO subdesk_billing;
