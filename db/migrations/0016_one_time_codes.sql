-- One-time codes sent by SMS, shared by the self-care password reset and the caller
-- verification of 0010, and the self-care functions the external self-care site calls.
--
-- Codes. Six digits, made HERE, in the database, so that nobody at the desk ever sees
-- one (the SMS text goes to the outbox, which staff cannot read): 4 bytes from
-- pgcrypto's gen_random_bytes() (OpenSSL's RAND_bytes on Debian) read as an unsigned
-- 32-bit word, rejected when >= 4,294,000,000 (the largest multiple of 10^6 below 2^32)
-- and drawn again, so that "word mod 10^6" has no modulo bias; the core's
-- security::OneTimeCode implements the same algorithm for codes made outside the
-- database. Only a bcrypt hash (pgcrypto crypt(), as interaction_verify checks it) is
-- kept, in selfcare_credential: one pending code per line, so a new code (of either
-- purpose) replaces the previous one. A code is valid for 5 minutes of subdesk_now()
-- (valid while subdesk_now() < otp_expires_at), used once, and dead after 3 wrong tries.
-- At most 3 codes per line in any hour (otp_issue keeps when each was sent).
-- Every code goes out as an outbox SMS (recipient the line's number, text in the
-- customer's language, the code also in outbox.secret so that subdesk-notifier scrubs it
-- from the stored text once sent).
--
-- Self-care passwords. A memory-hard scrypt hash computed by the core
-- (security::PasswordHash, OpenSSL EVP_KDF "SCRYPT", at least ln=15 (N=2^15), r=8, p=1,
-- 16-byte random salt), stored as "$scrypt$ln=15,r=8,p=1$<base64 salt>$<base64 key>".
-- The database never sees a password: selfcare_set_password() takes the hash the site
-- computed with the core library, and selfcare_check_password() returns the stored hash
-- for the site's core to verify (constant-time). The site connects as a login role of
-- subdesk_selfcare, which may call these three functions and nothing else.
--
-- Project SQLSTATEs (class SD) added here:
--   SD020  too many codes for this line: at most 3 per hour (the HINT says when the next
--          one may be sent)
--   SD021  no code is pending for this number (none sent, expired, used or replaced)
--   SD022  the pending code had 3 wrong tries and is dead: send a new one
--   SD023  the line is closed (no code, no new SIM for it)
CREATE EXTENSION IF NOT EXISTS pgcrypto;

DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'subdesk_selfcare') THEN
    CREATE ROLE subdesk_selfcare NOLOGIN;
  END IF;
  EXECUTE format('GRANT CONNECT ON DATABASE %I TO subdesk_selfcare', current_database());
END
$$;
GRANT USAGE ON SCHEMA public TO subdesk_selfcare;

SET LOCAL ROLE subdesk_owner;

-- When each code was sent: the rate limit and the desk's "sent at ..., valid until ...".
CREATE TABLE otp_issue (
  id             bigserial PRIMARY KEY,
  line_id        bigint NOT NULL REFERENCES line,
  purpose        text NOT NULL CHECK (purpose IN ('password_reset', 'verification')),
  sent_at        timestamptz NOT NULL,
  expires_at     timestamptz NOT NULL,
  sent_by        name NOT NULL DEFAULT session_user,
  interaction_id bigint REFERENCES interaction,
  outbox_id      bigint NOT NULL REFERENCES outbox,
  CHECK (expires_at > sent_at)
);
CREATE INDEX otp_issue_line ON otp_issue (line_id, sent_at DESC);

-- Six digits, without modulo bias (see above).
CREATE FUNCTION otp_generate() RETURNS text
LANGUAGE plpgsql VOLATILE SET search_path = public, pg_temp AS $$
DECLARE
  b bytea;
  w bigint;
BEGIN
  LOOP
    b := gen_random_bytes(4);
    w := (get_byte(b, 0)::bigint << 24) | (get_byte(b, 1)::bigint << 16)
         | (get_byte(b, 2)::bigint << 8) | get_byte(b, 3)::bigint;
    EXIT WHEN w < 4294000000;
  END LOOP;
  RETURN lpad((w % 1000000)::text, 6, '0');
END
$$;

-- The rate-limit window of a line at time t: codes sent in (t - 1 hour, t], and when
-- the next one may be sent (t itself while fewer than 3 were sent).
CREATE FUNCTION otp_window(line_id bigint, t timestamptz,
                           OUT codes_last_hour int, OUT resend_allowed_at timestamptz)
LANGUAGE sql STABLE SET search_path = public, pg_temp AS $$
  SELECT count(*)::int,
         CASE WHEN count(*) < 3 THEN t
              ELSE (array_agg(o.sent_at ORDER BY o.sent_at DESC))[3] + interval '1 hour' END
  FROM otp_issue o
  WHERE o.line_id = otp_window.line_id AND o.sent_at > t - interval '1 hour' AND o.sent_at <= t;
$$;

-- Issues a code: checks the rate limit, replaces the pending code, queues the SMS.
-- Internal: callers check who may ask first. The selfcare_credential change is audited
-- (its trigger), filed under interaction_id.
CREATE FUNCTION otp_issue_code(line_id bigint, purpose text, interaction_id bigint,
                               OUT sent_at timestamptz, OUT valid_until timestamptz,
                               OUT resend_allowed_at timestamptz)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  ln public.line;  -- not pg_catalog.line, the geometric type
  lang text;
  cust bigint;
  code text := otp_generate();
  t timestamptz := subdesk_now();
  w record;
  body text;
  outbox_id bigint;
BEGIN
  -- The line is locked: two desks sending at once are counted one after the other.
  SELECT * INTO ln FROM line WHERE id = otp_issue_code.line_id FOR UPDATE;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'line % does not exist', otp_issue_code.line_id USING ERRCODE = 'no_data_found';
  END IF;
  IF ln.status = 'closed' THEN
    RAISE EXCEPTION 'line % is closed: no code can be sent to it', ln.msisdn USING ERRCODE = 'SD023';
  END IF;
  SELECT * INTO w FROM otp_window(ln.id, t);
  IF w.codes_last_hour >= 3 THEN
    RAISE EXCEPTION 'three codes were already sent to % in the last hour', ln.msisdn
      USING ERRCODE = 'SD020',
            HINT = format('The next code may be sent at %s.',
                          to_char(w.resend_allowed_at AT TIME ZONE 'Europe/Kyiv', 'HH24:MI'));
  END IF;
  SELECT cu.language, cu.id INTO lang, cust
  FROM account a JOIN customer cu ON cu.id = a.customer_id WHERE a.id = ln.account_id;

  body := CASE
    WHEN otp_issue_code.purpose = 'password_reset' AND lang = 'en' THEN
      format('Your self-care password reset code: %s. Valid for 5 minutes. Never tell it to anyone, '
             'our staff will not ask for it.', code)
    WHEN otp_issue_code.purpose = 'password_reset' THEN
      format('Код для відновлення пароля до кабінету: %s. Дійсний 5 хвилин. Нікому його не '
             'повідомляйте, наші працівники його не питають.', code)
    WHEN lang = 'en' THEN
      format('Your identity check code: %s. Read it to our operator who is talking to you now. '
             'Valid for 5 minutes.', code)
    ELSE
      format('Код для підтвердження особи: %s. Назвіть його нашому працівнику, з яким зараз '
             'розмовляєте. Дійсний 5 хвилин.', code)
  END;
  INSERT INTO outbox(channel, recipient, body, secret, customer_id, interaction_id)
  VALUES ('sms', ln.msisdn, body, code, cust, otp_issue_code.interaction_id)
  RETURNING id INTO outbox_id;

  PERFORM set_config('subdesk.interaction_id', coalesce(otp_issue_code.interaction_id::text, ''), true);
  INSERT INTO selfcare_credential AS sc (line_id, otp_hash, otp_purpose, otp_sent_at, otp_expires_at, otp_attempts)
  VALUES (ln.id, crypt(code, gen_salt('bf', 8)), otp_issue_code.purpose, t, t + interval '5 minutes', 0)
  ON CONFLICT ON CONSTRAINT selfcare_credential_pkey DO UPDATE
    SET otp_hash = EXCLUDED.otp_hash, otp_purpose = EXCLUDED.otp_purpose,
        otp_sent_at = EXCLUDED.otp_sent_at, otp_expires_at = EXCLUDED.otp_expires_at, otp_attempts = 0;
  INSERT INTO otp_issue(line_id, purpose, sent_at, expires_at, interaction_id, outbox_id)
  VALUES (ln.id, otp_issue_code.purpose, t, t + interval '5 minutes', otp_issue_code.interaction_id, outbox_id);

  sent_at := t;
  valid_until := t + interval '5 minutes';
  resend_allowed_at := (otp_window(ln.id, t)).resend_allowed_at;
END
$$;

-- The desk's "reset the self-care password": agents, sales and supervisors, within a
-- verified interaction with the line's customer (SD001 otherwise). The code goes to the
-- line by SMS; the desk learns only when it was sent and until when it is valid.
CREATE FUNCTION password_reset_send(line_id bigint,
                                    OUT sent_at timestamptz, OUT valid_until timestamptz,
                                    OUT resend_allowed_at timestamptz)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  cust bigint;
  iid bigint;
BEGIN
  SELECT a.customer_id INTO cust FROM line l JOIN account a ON a.id = l.account_id
  WHERE l.id = password_reset_send.line_id;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'line % does not exist', password_reset_send.line_id USING ERRCODE = 'no_data_found';
  END IF;
  iid := require_verified_interaction(cust);
  SELECT c.sent_at, c.valid_until, c.resend_allowed_at INTO sent_at, valid_until, resend_allowed_at
  FROM otp_issue_code(password_reset_send.line_id, 'password_reset', iid) AS c;
END
$$;

-- Caller verification by SMS (0010's method 'otp'): sends a code to a line of the
-- interaction's customer; the caller reads it back and interaction_verify() checks it.
CREATE FUNCTION verification_code_send(interaction_id bigint, line_id bigint,
                                       OUT sent_at timestamptz, OUT valid_until timestamptz,
                                       OUT resend_allowed_at timestamptz)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  i interaction := interaction_own_open(verification_code_send.interaction_id);
BEGIN
  IF i.customer_id IS NULL THEN
    RAISE EXCEPTION 'interaction % has no customer to verify', i.id USING ERRCODE = 'SD006';
  END IF;
  IF NOT EXISTS (SELECT 1 FROM line l JOIN account a ON a.id = l.account_id
                 WHERE l.id = verification_code_send.line_id AND a.customer_id = i.customer_id) THEN
    RAISE EXCEPTION 'line % is not a line of the customer of interaction %',
      verification_code_send.line_id, i.id USING ERRCODE = 'invalid_parameter_value';
  END IF;
  SELECT c.sent_at, c.valid_until, c.resend_allowed_at INTO sent_at, valid_until, resend_allowed_at
  FROM otp_issue_code(verification_code_send.line_id, 'verification', i.id) AS c;
END
$$;

-- What the desk shows beside the reset button: the last code sent to the line (purpose,
-- sent at, valid until, whether it is still usable and how many tries are left), how
-- many codes went out in the last hour and when the next may be sent. Times also as
-- "HH:MM" in Europe/Kyiv. No row when the line never had a code.
CREATE FUNCTION otp_status(line_id bigint)
RETURNS TABLE (purpose text, sent_at timestamptz, valid_until timestamptz, pending boolean,
               tries_left int, codes_last_hour int, resend_allowed_at timestamptz,
               sent_at_local text, valid_until_local text, resend_allowed_at_local text)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  t timestamptz := subdesk_now();
BEGIN
  RETURN QUERY
  SELECT o.purpose, o.sent_at, o.expires_at,
         (sc.otp_sent_at = o.sent_at AND sc.otp_hash IS NOT NULL AND sc.otp_expires_at > t
          AND sc.otp_attempts < 3),
         CASE WHEN sc.otp_sent_at = o.sent_at AND sc.otp_hash IS NOT NULL
              THEN greatest(0, 3 - sc.otp_attempts) ELSE 0 END,
         w.codes_last_hour, w.resend_allowed_at,
         to_char(o.sent_at AT TIME ZONE 'Europe/Kyiv', 'HH24:MI'),
         to_char(o.expires_at AT TIME ZONE 'Europe/Kyiv', 'HH24:MI'),
         to_char(w.resend_allowed_at AT TIME ZONE 'Europe/Kyiv', 'HH24:MI')
  FROM otp_issue o
  LEFT JOIN selfcare_credential sc ON sc.line_id = o.line_id
  CROSS JOIN LATERAL otp_window(o.line_id, t) AS w
  WHERE o.line_id = otp_status.line_id AND o.sent_at <= t
  ORDER BY o.sent_at DESC, o.id DESC
  LIMIT 1;
END
$$;

-- The self-care credential of the open line with this number, locked; NULL if none.
CREATE FUNCTION selfcare_credential_of(msisdn text) RETURNS selfcare_credential
LANGUAGE sql VOLATILE SET search_path = public, pg_temp AS $$
  SELECT sc.* FROM selfcare_credential sc JOIN line l ON l.id = sc.line_id
  WHERE l.msisdn = selfcare_credential_of.msisdn AND l.status <> 'closed'
  FOR UPDATE OF sc;
$$;

-- Checks a password-reset code against the pending one of the line with this number:
-- true when right (the code stays pending for selfcare_set_password), false when wrong
-- (counted: the third wrong try kills it). SD021: no code pending; SD022: dead code.
CREATE FUNCTION selfcare_code_matches(sc selfcare_credential, code text) RETURNS boolean
LANGUAGE plpgsql VOLATILE SET search_path = public, pg_temp AS $$
BEGIN
  IF sc.line_id IS NULL OR sc.otp_hash IS NULL OR sc.otp_purpose <> 'password_reset'
     OR sc.otp_expires_at <= subdesk_now() THEN
    RAISE EXCEPTION 'no password reset code is pending for this number (none was sent, '
                    'it expired, was used or was replaced by a newer one)' USING ERRCODE = 'SD021';
  END IF;
  IF sc.otp_attempts >= 3 THEN
    RAISE EXCEPTION 'the code was entered wrongly 3 times and is no longer valid: ask for a new one'
      USING ERRCODE = 'SD022';
  END IF;
  IF code IS NOT NULL AND code ~ '^[0-9]{6}$' AND crypt(code, sc.otp_hash) = sc.otp_hash THEN
    RETURN true;
  END IF;
  UPDATE selfcare_credential SET otp_attempts = otp_attempts + 1 WHERE line_id = sc.line_id;
  RETURN false;
END
$$;

CREATE FUNCTION selfcare_verify_otp(msisdn text, code text) RETURNS boolean
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  RETURN selfcare_code_matches(selfcare_credential_of(selfcare_verify_otp.msisdn),
                               btrim(selfcare_verify_otp.code));
END
$$;

-- Sets the self-care password with the code from the SMS (used up by a success). The
-- password arrives as the scrypt hash the site's core computed (format above; at least
-- ln=15, r=8, p=1). True: set; false: wrong code (counted).
CREATE FUNCTION selfcare_set_password(msisdn text, code text, new_password_hash text) RETURNS boolean
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  sc selfcare_credential := selfcare_credential_of(selfcare_set_password.msisdn);
  m text[] := regexp_match(selfcare_set_password.new_password_hash,
                           '^\$scrypt\$ln=([0-9]{1,2}),r=([0-9]{1,3}),p=([0-9]{1,3})\$[A-Za-z0-9+/]{22,}={0,2}\$[A-Za-z0-9+/]{43,}={0,2}$');
BEGIN
  IF m IS NULL OR m[1]::int < 15 OR m[2]::int < 8 OR m[3]::int < 1 THEN
    RAISE EXCEPTION 'a self-care password must be given as an scrypt hash '
                    '"$scrypt$ln=15,r=8,p=1$salt$key" (at least ln=15, r=8, p=1)'
      USING ERRCODE = 'invalid_parameter_value';
  END IF;
  IF NOT selfcare_code_matches(sc, btrim(selfcare_set_password.code)) THEN
    RETURN false;
  END IF;
  UPDATE selfcare_credential
  SET password_hash = selfcare_set_password.new_password_hash, password_set_at = subdesk_now(),
      otp_hash = NULL, otp_purpose = NULL, otp_expires_at = NULL, otp_attempts = 0
  WHERE line_id = sc.line_id;
  RETURN true;
END
$$;

-- The stored scrypt hash of the open line with this number, for the site's core to
-- verify the password it was given; NULL when the number has no self-care password.
CREATE FUNCTION selfcare_check_password(msisdn text) RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT sc.password_hash FROM selfcare_credential sc JOIN line l ON l.id = sc.line_id
  WHERE l.msisdn = selfcare_check_password.msisdn AND l.status <> 'closed';
$$;

GRANT EXECUTE ON FUNCTION password_reset_send(bigint), verification_code_send(bigint, bigint),
  otp_status(bigint) TO subdesk_agent;
GRANT EXECUTE ON FUNCTION selfcare_verify_otp(text, text), selfcare_set_password(text, text, text),
  selfcare_check_password(text) TO subdesk_selfcare;
-- subdesk_now() is called inside the functions above, which run as the owner; the site
-- may also read the clock the codes are timed by.
GRANT EXECUTE ON FUNCTION subdesk_now() TO subdesk_selfcare;
