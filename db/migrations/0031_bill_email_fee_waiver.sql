-- Detailed bills (issue 8, continued): a waived fee is visible in the ledger, and a bill
-- goes to the customer's registered e-mail as a PDF attachment through the outbox.
--
-- Waivers. A waived request used to leave no ledger row, so the ledger (what an
-- accountant reconciles) could not show that a fee was due and forgiven. Now the fee is
-- charged as always ('detail_fee', -fee) and in the same transaction credited back by a
-- row of its own kind ('detail_fee_waiver', +fee): the account's balance does not move,
-- the sum of the ledger stays the balance, and the ledger reads like a paper one: the
-- charge, then its reversal, each with its own line. (A zero-amount row is refused by
-- the ledger's CHECK (amount <> 0), and would hide what was forgiven.) detail_request
-- keeps ledger_id (the fee row, now also for a waived request) and waiver_ledger_id.
--
-- E-mail. An outbox row may carry attachments (outbox_attachment). Only the SECURITY
-- DEFINER function detail_request_email() writes them, and only the notifier's role reads
-- them: staff can neither read a bill someone else sent nor plant a file in a message.
--
-- Project SQLSTATEs used here:
--   SD060  the customer has no registered e-mail address
--   SD061  the customer's e-mail address changed since the desk showed it
SET LOCAL ROLE subdesk_owner;

-- Waived fees in the ledger ------------------------------------------------------------

ALTER TABLE ledger DROP CONSTRAINT ledger_kind_check;
ALTER TABLE ledger ADD CONSTRAINT ledger_kind_check
  CHECK (kind IN ('payment', 'usage', 'monthly_fee', 'service_fee', 'adjustment', 'detail_fee',
                  'detail_fee_waiver', 'turbo', 'bonus_transfer', 'bonus_accrual', 'promotion'));

ALTER TABLE detail_request
  ADD COLUMN waiver_ledger_id bigint REFERENCES ledger,
  ADD CONSTRAINT detail_request_waiver_row CHECK (waiver_ledger_id IS NULL OR waived);

-- As in 0029, except that a waived fee is charged and credited back (see above).
CREATE OR REPLACE FUNCTION detail_request_create(account_id bigint, line_id bigint, period_from date, period_to date,
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
  period text;
  waiver_id bigint;
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
  period := to_char(period_from, 'DD.MM.YYYY') || ' – ' || to_char(period_to, 'DD.MM.YYYY');
  INSERT INTO ledger(account_id, wallet, amount, kind, idempotency_key, description, interaction_id)
  VALUES (acc.id, 'main', -fee, 'detail_fee', 'detail:' || k, 'Детальний рахунок за ' || period,
          audit_interaction_id())
  RETURNING id INTO ledger_id;
  IF waived THEN
    -- The reason stays in detail_request and the audit log: a ledger description is
    -- printed on bills and statements.
    INSERT INTO ledger(account_id, wallet, amount, kind, idempotency_key, description, interaction_id)
    VALUES (acc.id, 'main', fee, 'detail_fee_waiver', 'detail-waiver:' || k,
            'Плату за детальний рахунок за ' || period || ' скасовано', audit_interaction_id())
    RETURNING id INTO waiver_id;
  END IF;
  INSERT INTO detail_request(account_id, line_id, period_from, period_to, fee, waived, waive_reason,
                             ledger_id, waiver_ledger_id, requested_at, idempotency_key, interaction_id)
  VALUES (acc.id, detail_request_create.line_id, period_from, period_to, fee, waived, reason,
          ledger_id, waiver_id, subdesk_now(), 'detail:' || k, audit_interaction_id())
  RETURNING id INTO request_id;
  PERFORM audit_read('detailed_bill', acc.customer_id, acc.id, detail_request_create.line_id,
                     jsonb_build_object('request_id', request_id, 'from', period_from, 'to', period_to,
                                        'fee', fee, 'waived', waived, 'reason', reason));
END
$$;

-- Attachments of outbox messages ------------------------------------------------------

CREATE TABLE outbox_attachment (
  id         bigserial PRIMARY KEY,
  outbox_id  bigint NOT NULL REFERENCES outbox ON DELETE CASCADE,
  file_name  text NOT NULL CHECK (file_name ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,120}$'),
  mime_type  text NOT NULL CHECK (mime_type ~ '^[a-z]+/[a-z0-9.+-]+$'),
  content    bytea NOT NULL CHECK (octet_length(content) BETWEEN 1 AND 20 * 1024 * 1024),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX outbox_attachment_outbox ON outbox_attachment (outbox_id);
REVOKE ALL ON outbox_attachment FROM PUBLIC;
GRANT SELECT ON outbox_attachment TO subdesk_notifier;

-- Queues the detailed bill of request `request_id` (a PDF the desk rendered) as an e-mail
-- to the customer's registered address, in the customer's language, with the PDF
-- attached. `recipient_shown` is the address the desk showed in its confirmation: if the
-- profile changed meanwhile, nothing is queued (SD061). Audited as the read
-- 'detailed_bill_email'. Returns the outbox row and the address.
CREATE FUNCTION detail_request_email(request_id bigint, file_name text, content bytea, recipient_shown text,
                                     OUT outbox_id bigint, OUT recipient text)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  d detail_request;
  acc account;
  cu customer;
  period text;
BEGIN
  SELECT * INTO d FROM detail_request r WHERE r.id = detail_request_email.request_id;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'detailed bill request % does not exist', detail_request_email.request_id
      USING ERRCODE = 'no_data_found';
  END IF;
  SELECT * INTO acc FROM account a WHERE a.id = d.account_id;
  SELECT * INTO cu FROM customer c WHERE c.id = acc.customer_id;
  recipient := nullif(btrim(cu.email), '');
  IF recipient IS NULL THEN
    RAISE EXCEPTION 'the customer of account % has no registered e-mail address', acc.number
      USING ERRCODE = 'SD060', HINT = 'Add the address to the profile (with the customer''s consent) first.';
  END IF;
  IF detail_request_email.recipient_shown IS DISTINCT FROM recipient THEN
    RAISE EXCEPTION 'the registered e-mail address is now %, not %', recipient,
      coalesce(detail_request_email.recipient_shown, '(none)') USING ERRCODE = 'SD061';
  END IF;
  IF content IS NULL OR octet_length(content) < 5 OR substring(content FROM 1 FOR 5) <> '\x255044462d'::bytea THEN
    RAISE EXCEPTION 'the attachment is not a PDF document' USING ERRCODE = 'invalid_parameter_value';
  END IF;
  IF file_name IS NULL OR file_name !~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,116}\.pdf$' THEN
    RAISE EXCEPTION 'not a file name for a bill: %', file_name USING ERRCODE = 'invalid_parameter_value';
  END IF;
  period := to_char(d.period_from, 'DD.MM.YYYY') || ' – ' || to_char(d.period_to, 'DD.MM.YYYY');
  INSERT INTO outbox(channel, recipient, subject, body, customer_id, interaction_id)
  VALUES ('email', recipient,
          CASE cu.language WHEN 'en' THEN format('Detailed bill of account %s, %s', acc.number, period)
                           ELSE format('Детальний рахунок особового рахунку %s за %s', acc.number, period) END,
          CASE cu.language
            WHEN 'en' THEN format(E'Dear customer,\n\nthe detailed bill of your account %s for %s is attached '
                                  'to this message as a PDF file.\n\nHotline: 0 800 300-466', acc.number, period)
            ELSE format(E'Шановний абоненте!\n\nДетальний рахунок вашого особового рахунку %s за %s — у '
                        'вкладенні до цього листа (файл PDF).\n\nГаряча лінія: 0 800 300-466', acc.number, period)
          END,
          cu.id, audit_interaction_id())
  RETURNING id INTO outbox_id;
  INSERT INTO outbox_attachment(outbox_id, file_name, mime_type, content)
  VALUES (outbox_id, detail_request_email.file_name, 'application/pdf', detail_request_email.content);
  PERFORM audit_read('detailed_bill_email', cu.id, acc.id, d.line_id,
                     jsonb_build_object('request_id', d.id, 'outbox_id', outbox_id, 'recipient', recipient,
                                        'file_name', detail_request_email.file_name,
                                        'bytes', octet_length(detail_request_email.content)));
END
$$;

REVOKE EXECUTE ON FUNCTION detail_request_email(bigint, text, bytea, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION detail_request_email(bigint, text, bytea, text) TO subdesk_agent;
