-- Home internet, part 3: bonus transfer to a mobile line, and password reissue.
--
-- home_bonus_transfer(home account, msisdn, amount, key): moves bonuses from the home
-- account's bonus wallet to the bonus wallet of an open mobile line's account of the same
-- customer or of the same family group; within a verified interaction with the home
-- account's customer; at most home_settings.bonus_transfer_max per transfer and
-- bonus_transfer_month_max per Kyiv calendar month from one home account. Both ledger
-- rows ('bonus_transfer', keys 'bonus:KEY:from' and 'bonus:KEY:to') and the
-- bonus_transfer row (unique key) are written in one transaction after the home account
-- is locked, so a retry with the same key, even one racing the first call, returns the
-- first transfer and moves nothing; the same key for a different transfer is SD007.
--
-- home_password_reissue(home, hash, delivery, password): the office path of password
-- recovery (sales and up, verified interaction): the RADIUS hash is replaced. delivery
-- 'print': the desk prints the new password once (password must be NULL: the database
-- never gets it); 'sms' (customer's contact phone, else their first open mobile line) or
-- 'email' (customer's e-mail): the password goes into an outbox message and its secret
-- column, which subdesk-notifier scrubs once the message is sent.
--
-- Project SQLSTATEs (class SD) added here (SD001, SD007, SD036 reused):
--   SD037  the transfer exceeds the per-transfer or the per-month limit
--   SD038  the receiving line is not an open mobile line of the customer or their family
--   SD039  no registered mobile number or e-mail address to send the password to
SET LOCAL ROLE subdesk_owner;

CREATE TABLE bonus_transfer (
  id              bigserial PRIMARY KEY,
  idempotency_key text NOT NULL UNIQUE,
  account_id      bigint NOT NULL REFERENCES account,   -- the home account (the giver)
  to_line_id      bigint NOT NULL REFERENCES line,
  to_account_id   bigint NOT NULL REFERENCES account,
  amount          bigint NOT NULL CHECK (amount > 0),
  interaction_id  bigint REFERENCES interaction,
  created_at      timestamptz NOT NULL DEFAULT now(),
  created_by      name NOT NULL DEFAULT session_user
);
CREATE INDEX bonus_transfer_account ON bonus_transfer (account_id, created_at);
GRANT SELECT ON bonus_transfer TO subdesk_agent;
CREATE TRIGGER audit_row AFTER INSERT OR UPDATE OR DELETE ON bonus_transfer
  FOR EACH ROW EXECUTE FUNCTION audit_row();

-- Bonuses transferred from a home account in the Kyiv month of t.
CREATE FUNCTION bonus_transferred_in_month(account_id bigint, t timestamptz) RETURNS bigint
LANGUAGE sql STABLE SET search_path = public, pg_temp AS $$
  SELECT coalesce(sum(b.amount), 0)::bigint FROM bonus_transfer b
  WHERE b.account_id = bonus_transferred_in_month.account_id
    AND b.created_at >= (date_trunc('month', t AT TIME ZONE 'Europe/Kyiv') AT TIME ZONE 'Europe/Kyiv')
    AND b.created_at < ((date_trunc('month', t AT TIME ZONE 'Europe/Kyiv') + interval '1 month') AT TIME ZONE 'Europe/Kyiv');
$$;

CREATE FUNCTION home_bonus_transfer(account_id bigint, to_msisdn text, amount bigint, idempotency_key text)
RETURNS bigint
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  acc account;
  dest record;
  s home_settings;
  t timestamptz := subdesk_now();
  k text := btrim(home_bonus_transfer.idempotency_key);
  iid bigint;
  prior bonus_transfer;
  month_total bigint;
  new_id bigint;
BEGIN
  IF NOT pg_has_role(session_user, 'subdesk_agent', 'MEMBER') THEN
    RAISE EXCEPTION 'only agents, sales and supervisors transfer bonuses' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF k IS NULL OR k = '' THEN
    RAISE EXCEPTION 'an idempotency key is required' USING ERRCODE = 'invalid_parameter_value';
  END IF;
  -- The giver is locked first: transfers from one account (and retries) run one by one.
  SELECT * INTO acc FROM account a WHERE a.id = home_bonus_transfer.account_id FOR UPDATE;
  IF NOT FOUND OR acc.kind <> 'home' THEN
    RAISE EXCEPTION 'account % is not a home-internet account', home_bonus_transfer.account_id
      USING ERRCODE = 'no_data_found';
  END IF;
  iid := require_verified_interaction(acc.customer_id);
  SELECT l.id AS line_id, a.id AS account_id, a.customer_id, a.family_group_id INTO dest
  FROM line l JOIN account a ON a.id = l.account_id
  WHERE l.msisdn = btrim(home_bonus_transfer.to_msisdn) AND l.status <> 'closed' AND a.kind = 'mobile'
    AND a.status <> 'closed';

  SELECT * INTO prior FROM bonus_transfer b WHERE b.idempotency_key = k;
  IF FOUND THEN
    IF prior.account_id <> acc.id OR prior.amount <> home_bonus_transfer.amount
       OR prior.to_line_id IS DISTINCT FROM dest.line_id THEN
      RAISE EXCEPTION 'idempotency key "%" was already used for a different transfer', k USING ERRCODE = 'SD007';
    END IF;
    RETURN prior.id;  -- a retry: done already, nothing moves again
  END IF;

  IF dest.line_id IS NULL OR NOT (dest.customer_id = acc.customer_id
                                  OR (acc.family_group_id IS NOT NULL AND dest.family_group_id = acc.family_group_id)) THEN
    RAISE EXCEPTION 'bonuses go only to an open mobile line of the same customer or family, not to %',
      home_bonus_transfer.to_msisdn USING ERRCODE = 'SD038';
  END IF;
  IF home_bonus_transfer.amount IS NULL OR home_bonus_transfer.amount <= 0 THEN
    RAISE EXCEPTION 'a transfer moves a positive amount' USING ERRCODE = 'invalid_parameter_value';
  END IF;
  SELECT * INTO s FROM home_settings;
  IF home_bonus_transfer.amount > s.bonus_transfer_max THEN
    RAISE EXCEPTION 'a transfer of % UAH exceeds the limit of % UAH per transfer',
      format_uah(home_bonus_transfer.amount), format_uah(s.bonus_transfer_max) USING ERRCODE = 'SD037';
  END IF;
  month_total := bonus_transferred_in_month(acc.id, t);
  IF month_total + home_bonus_transfer.amount > s.bonus_transfer_month_max THEN
    RAISE EXCEPTION 'the transfer would exceed the monthly limit of % UAH (% UAH transferred this month)',
      format_uah(s.bonus_transfer_month_max), format_uah(month_total) USING ERRCODE = 'SD037',
      HINT = format('At most %s UAH more this month.', format_uah(greatest(s.bonus_transfer_month_max - month_total, 0)));
  END IF;
  IF acc.bonus_balance < home_bonus_transfer.amount THEN
    RAISE EXCEPTION 'the account has % UAH of bonuses, less than %', format_uah(acc.bonus_balance),
      format_uah(home_bonus_transfer.amount) USING ERRCODE = 'SD036';
  END IF;

  PERFORM set_config('subdesk.interaction_id', iid::text, true);
  INSERT INTO bonus_transfer(idempotency_key, account_id, to_line_id, to_account_id, amount, interaction_id, created_at)
  VALUES (k, acc.id, dest.line_id, dest.account_id, home_bonus_transfer.amount, iid, t)
  RETURNING id INTO new_id;
  INSERT INTO ledger(account_id, wallet, amount, kind, idempotency_key, description, interaction_id, created_at) VALUES
    (acc.id, 'bonus', -home_bonus_transfer.amount, 'bonus_transfer', 'bonus:' || k || ':from',
     format('Bonuses to %s', home_bonus_transfer.to_msisdn), iid, t),
    (dest.account_id, 'bonus', home_bonus_transfer.amount, 'bonus_transfer', 'bonus:' || k || ':to',
     format('Bonuses from home internet account %s', acc.number), iid, t);
  RETURN new_id;
END
$$;

CREATE FUNCTION home_password_reissue(home_internet_id bigint, password_hash text, delivery text,
                                      password text DEFAULT NULL)
RETURNS TABLE (outbox_id bigint, recipient text)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  h home_internet;
  cu customer;
  iid bigint;
  rcpt text;
  new_outbox bigint;
  changed int;
BEGIN
  IF NOT pg_has_role(session_user, 'subdesk_sales', 'MEMBER') OR current_staff_office() IS NULL THEN
    RAISE EXCEPTION 'passwords are reissued at the office (sales and up)' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF home_password_reissue.delivery IS NULL OR home_password_reissue.delivery NOT IN ('print', 'sms', 'email') THEN
    RAISE EXCEPTION 'delivery is print, sms or email' USING ERRCODE = 'invalid_parameter_value';
  END IF;
  IF home_password_reissue.password_hash IS NULL OR home_password_reissue.password_hash !~ '^\$(y|6|2b)\$[^$]+\$' THEN
    RAISE EXCEPTION 'the password must be given as a crypt hash ($y$, $6$ or $2b$)'
      USING ERRCODE = 'invalid_parameter_value';
  END IF;
  IF (home_password_reissue.delivery = 'print') <> (home_password_reissue.password IS NULL) THEN
    RAISE EXCEPTION 'the password goes to the database only to be sent (sms, email), never to be printed'
      USING ERRCODE = 'invalid_parameter_value';
  END IF;
  SELECT * INTO h FROM home_internet x WHERE x.id = home_password_reissue.home_internet_id FOR UPDATE;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'home internet % does not exist', home_password_reissue.home_internet_id
      USING ERRCODE = 'no_data_found';
  END IF;
  SELECT c.* INTO cu FROM customer c JOIN account a ON a.customer_id = c.id WHERE a.id = h.account_id;
  iid := require_verified_interaction(cu.id);
  IF home_password_reissue.delivery = 'sms' THEN
    rcpt := coalesce(cu.contact_phone,
                     (SELECT l.msisdn FROM line l JOIN account a ON a.id = l.account_id
                      WHERE a.customer_id = cu.id AND l.status <> 'closed' ORDER BY l.id LIMIT 1));
  ELSIF home_password_reissue.delivery = 'email' THEN
    rcpt := cu.email;
  END IF;
  IF home_password_reissue.delivery <> 'print' AND rcpt IS NULL THEN
    RAISE EXCEPTION 'the customer has no registered % to send the password to',
      CASE home_password_reissue.delivery WHEN 'sms' THEN 'mobile number' ELSE 'e-mail address' END
      USING ERRCODE = 'SD039';
  END IF;

  PERFORM set_config('subdesk.interaction_id', iid::text, true);
  UPDATE radcheck SET value = home_password_reissue.password_hash
  WHERE username = h.login AND attribute = 'Crypt-Password';
  GET DIAGNOSTICS changed = ROW_COUNT;
  IF changed = 0 THEN
    DELETE FROM radcheck WHERE username = h.login AND attribute ILIKE '%password%';
    INSERT INTO radcheck(username, attribute, op, value)
    VALUES (h.login, 'Crypt-Password', ':=', home_password_reissue.password_hash);
  END IF;
  -- The audit trail of the reissue (the hash itself is not logged).
  PERFORM audit_read('home_password_reissue', cu.id, h.account_id, NULL,
                     jsonb_build_object('login', h.login, 'delivery', home_password_reissue.delivery));
  IF home_password_reissue.delivery <> 'print' THEN
    INSERT INTO outbox(channel, recipient, subject, body, secret, customer_id, interaction_id)
    VALUES (home_password_reissue.delivery, rcpt,
            CASE WHEN home_password_reissue.delivery = 'email' THEN
              CASE WHEN cu.language = 'en' THEN 'Your new home internet password'
                   ELSE 'Ваш новий пароль домашнього інтернету' END END,
            CASE WHEN cu.language = 'en' THEN
              format('Home internet login %s, new password: %s. Change it in self-care. Questions: 0 800 300-466.',
                     h.login, home_password_reissue.password)
            ELSE
              format('Домашній інтернет, логін %s, новий пароль: %s. Змініть його в особистому кабінеті. Питання: 0 800 300-466.',
                     h.login, home_password_reissue.password)
            END,
            home_password_reissue.password, cu.id, iid)
    RETURNING id INTO new_outbox;
  END IF;
  RETURN QUERY SELECT new_outbox, rcpt;
END
$$;

GRANT EXECUTE ON FUNCTION bonus_transferred_in_month(bigint, timestamptz) TO subdesk_agent;
GRANT EXECUTE ON FUNCTION home_bonus_transfer(bigint, text, bigint, text) TO subdesk_agent;
GRANT EXECUTE ON FUNCTION home_password_reissue(bigint, text, text, text) TO subdesk_sales;
