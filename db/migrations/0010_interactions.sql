-- Interactions (a call or an office visit) and caller verification. Staff act on a
-- subscriber's behalf only within an interaction of their own; the sensitive operations
-- (personal-data edits here; SIM restore, self-care password reset, bonus transfer and
-- home-internet password reissue in later migrations) call
-- require_verified_interaction(customer_id), which refuses unless the session user has an
-- open interaction with that customer whose caller was verified in the last 30 minutes.
--
-- Verification methods:
--   document   an ID document checked in the office (sales and up): its kind and number
--              must match the document on file
--   code_word  the account's code word, kept as a bcrypt hash (pgcrypto crypt()) in
--              customer.code_word_hash; compared here, so the desk never sees the hash
--   otp        a one-time code sent by SMS and read back by the caller: the code's hash
--              is in selfcare_credential (otp_purpose 'verification', otp_expires_at,
--              otp_attempts, at most 3 tries). Issuing the code (and the SMS through the
--              outbox) belongs to the one-time-password issue; this migration only
--              checks it.
-- A wrong answer returns false (and is counted and audited); three wrong answers close
-- the door on that interaction.
--
-- Project SQLSTATEs (class SD) used here:
--   SD001  no verified interaction with this customer in the last 30 minutes
--   SD002  the interaction is closed
--   SD003  the record was changed by someone else (optimistic locking)
--   SD005  a mandatory text (wrap-up note, reason) is missing
--   SD006  verification impossible (no code word / document / code on file, too many tries)

-- pgcrypto is a trusted extension, but its objects are created here, as the superuser
-- running the migrations, like 0001's extensions.
CREATE EXTENSION IF NOT EXISTS pgcrypto;

SET LOCAL ROLE subdesk_owner;

ALTER TABLE interaction
  ADD COLUMN verified_doc_kind text
    CHECK (verified_doc_kind IN ('passport', 'id_card', 'foreign_passport', 'residence_permit')),
  ADD COLUMN verify_failures int NOT NULL DEFAULT 0,
  ADD CHECK (verified_doc_kind IS NULL OR verified_by = 'document');

-- The clock of every time rule (the 30-minute window, code expiry). It is now(), unless
-- the DATABASE itself carries subdesk.allow_test_clock = on (ALTER DATABASE ... SET, a
-- superuser's or the database owner's act, done only in test databases) and the session
-- sets subdesk.test_now: then tests move time without sleeping. A staff member setting
-- both in their own session, or for their own role (ALTER ROLE ... SET), changes nothing:
-- only the database-wide setting in the catalogue counts.
CREATE FUNCTION test_clock_allowed() RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
RETURN EXISTS (
  SELECT 1
  FROM pg_catalog.pg_db_role_setting s
  JOIN pg_catalog.pg_database d ON d.oid = s.setdatabase
  CROSS JOIN LATERAL unnest(s.setconfig) AS cfg
  WHERE d.datname = current_database() AND s.setrole = 0
    AND lower(cfg) IN ('subdesk.allow_test_clock=on', 'subdesk.allow_test_clock=true',
                       'subdesk.allow_test_clock=1'));

CREATE FUNCTION subdesk_now() RETURNS timestamptz
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  t text := nullif(btrim(current_setting('subdesk.test_now', true)), '');
BEGIN
  IF t IS NOT NULL AND test_clock_allowed() THEN
    RETURN t::timestamptz;
  END IF;
  RETURN now();
END
$$;

-- The session user's own interaction, locked for the change; refuses another's or a
-- closed one.
CREATE FUNCTION interaction_own_open(interaction_id bigint) RETURNS interaction
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  i interaction;
BEGIN
  SELECT * INTO i FROM interaction WHERE id = interaction_own_open.interaction_id FOR UPDATE;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'interaction % does not exist', interaction_own_open.interaction_id
      USING ERRCODE = 'no_data_found';
  END IF;
  IF i.staff_login <> session_user THEN
    RAISE EXCEPTION 'interaction % is not one of yours', i.id USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF i.closed_at IS NOT NULL THEN
    RAISE EXCEPTION 'interaction % is closed', i.id USING ERRCODE = 'SD002';
  END IF;
  RETURN i;
END
$$;

-- Opens a call ('call', with the caller's number) or an office visit ('visit') for the
-- session user; customer_id may be NULL until the caller is found. Returns its id.
CREATE FUNCTION interaction_open(channel text, caller_number text, customer_id bigint)
RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  new_id bigint;
BEGIN
  INSERT INTO interaction(staff_login, channel, caller_number, customer_id, opened_at)
  VALUES (session_user, interaction_open.channel, nullif(btrim(interaction_open.caller_number), ''),
          interaction_open.customer_id, subdesk_now())
  RETURNING id INTO new_id;
  RETURN new_id;
END
$$;

-- The caller turned out to be (or speaks for) this customer: any verification done for
-- another customer is void.
CREATE FUNCTION interaction_attach_customer(interaction_id bigint, customer_id bigint) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  i interaction := interaction_own_open(interaction_attach_customer.interaction_id);
BEGIN
  UPDATE interaction
  SET customer_id = interaction_attach_customer.customer_id,
      verified_by = CASE WHEN i.customer_id IS NOT DISTINCT FROM interaction_attach_customer.customer_id
                         THEN verified_by END,
      verified_at = CASE WHEN i.customer_id IS NOT DISTINCT FROM interaction_attach_customer.customer_id
                         THEN verified_at END,
      verified_doc_kind = CASE WHEN i.customer_id IS NOT DISTINCT FROM interaction_attach_customer.customer_id
                               THEN verified_doc_kind END
  WHERE id = i.id;
END
$$;

-- Verifies the caller of an interaction. method: 'document' (secret = the document
-- number read off the presented document, doc_kind = its kind; sales and up only),
-- 'code_word' (secret = the code word the caller says; case and surrounding spaces do
-- not matter) or 'otp' (secret = the code the caller reads back). True: verified now;
-- false: the answer was wrong (counted: after 3 wrong answers the interaction cannot be
-- verified any more).
CREATE FUNCTION interaction_verify(interaction_id bigint, method text, secret text DEFAULT NULL,
                                   doc_kind text DEFAULT NULL) RETURNS boolean
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  i interaction := interaction_own_open(interaction_verify.interaction_id);
  cu customer;
  ok boolean := false;
  answer text := btrim(interaction_verify.secret);
  otp_line bigint;
BEGIN
  IF i.customer_id IS NULL THEN
    RAISE EXCEPTION 'interaction % has no customer to verify', i.id USING ERRCODE = 'SD006';
  END IF;
  IF i.verify_failures >= 3 THEN
    RAISE EXCEPTION 'too many failed verification attempts in interaction %', i.id
      USING ERRCODE = 'SD006';
  END IF;
  IF answer IS NULL OR answer = '' THEN
    RAISE EXCEPTION 'verification by % needs the caller''s answer', interaction_verify.method
      USING ERRCODE = 'invalid_parameter_value';
  END IF;
  SELECT * INTO cu FROM customer WHERE id = i.customer_id;

  CASE interaction_verify.method
    WHEN 'document' THEN
      IF NOT pg_has_role(session_user, 'subdesk_sales', 'MEMBER') THEN
        RAISE EXCEPTION 'only office staff (sales and up) may verify by an ID document'
          USING ERRCODE = 'insufficient_privilege';
      END IF;
      IF interaction_verify.doc_kind IS NULL
         OR interaction_verify.doc_kind NOT IN ('passport', 'id_card', 'foreign_passport', 'residence_permit') THEN
        RAISE EXCEPTION 'unknown ID document kind "%"', interaction_verify.doc_kind
          USING ERRCODE = 'invalid_parameter_value';
      END IF;
      IF cu.doc_number IS NULL THEN
        RAISE EXCEPTION 'customer % has no ID document on file', cu.id USING ERRCODE = 'SD006';
      END IF;
      ok := cu.doc_kind = interaction_verify.doc_kind
            AND cu.doc_number = upper(regexp_replace(answer, '[[:space:]]', '', 'g') COLLATE "und-x-icu");
    WHEN 'code_word' THEN
      IF cu.code_word_hash IS NULL THEN
        RAISE EXCEPTION 'customer % has no code word', cu.id USING ERRCODE = 'SD006';
      END IF;
      ok := crypt(lower(answer COLLATE "und-x-icu"), cu.code_word_hash) = cu.code_word_hash;
    WHEN 'otp' THEN
      IF NOT EXISTS (SELECT 1 FROM selfcare_credential sc JOIN line ON line.id = sc.line_id
                     JOIN account ON account.id = line.account_id
                     WHERE account.customer_id = cu.id AND sc.otp_purpose = 'verification'
                       AND sc.otp_hash IS NOT NULL AND sc.otp_expires_at > subdesk_now()
                       AND sc.otp_attempts < 3) THEN
        RAISE EXCEPTION 'no verification code is pending for customer %', cu.id
          USING ERRCODE = 'SD006';
      END IF;
      SELECT sc.line_id INTO otp_line
      FROM selfcare_credential sc JOIN line ON line.id = sc.line_id
      JOIN account ON account.id = line.account_id
      WHERE account.customer_id = cu.id AND sc.otp_purpose = 'verification'
        AND sc.otp_hash IS NOT NULL AND sc.otp_expires_at > subdesk_now() AND sc.otp_attempts < 3
        AND crypt(answer, sc.otp_hash) = sc.otp_hash
      LIMIT 1;
      ok := otp_line IS NOT NULL;
      IF ok THEN
        -- A code is used once.
        UPDATE selfcare_credential
        SET otp_hash = NULL, otp_purpose = NULL, otp_expires_at = NULL, otp_attempts = 0
        WHERE line_id = otp_line;
      ELSE
        UPDATE selfcare_credential sc SET otp_attempts = sc.otp_attempts + 1
        FROM line JOIN account ON account.id = line.account_id
        WHERE line.id = sc.line_id AND account.customer_id = cu.id
          AND sc.otp_purpose = 'verification' AND sc.otp_hash IS NOT NULL
          AND sc.otp_expires_at > subdesk_now();
      END IF;
    ELSE
      RAISE EXCEPTION 'unknown verification method "%"', interaction_verify.method
        USING ERRCODE = 'invalid_parameter_value';
  END CASE;

  -- The interaction's own audit row records the outcome (verified_by/verified_at, or
  -- verify_failures); the change is filed under this interaction.
  PERFORM set_config('subdesk.interaction_id', i.id::text, true);
  IF ok THEN
    UPDATE interaction
    SET verified_by = interaction_verify.method, verified_at = subdesk_now(),
        verified_doc_kind = CASE WHEN interaction_verify.method = 'document'
                                 THEN interaction_verify.doc_kind END
    WHERE id = i.id;
  ELSE
    UPDATE interaction SET verify_failures = verify_failures + 1 WHERE id = i.id;
  END IF;
  RETURN ok;
END
$$;

-- Closes the session user's interaction with its mandatory wrap-up note.
CREATE FUNCTION interaction_close(interaction_id bigint, wrap_up text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  i interaction := interaction_own_open(interaction_close.interaction_id);
BEGIN
  IF interaction_close.wrap_up IS NULL OR btrim(interaction_close.wrap_up) = '' THEN
    RAISE EXCEPTION 'a wrap-up note is required to close an interaction' USING ERRCODE = 'SD005';
  END IF;
  UPDATE interaction SET closed_at = subdesk_now(), wrap_up = btrim(interaction_close.wrap_up)
  WHERE id = i.id;
END
$$;

-- The guard of every sensitive operation: the id of the session user's open interaction
-- with this customer whose caller was verified within the last 30 minutes, or SD001.
-- Called by customer_update_contact below and, in later migrations, by SIM restore,
-- self-care password reset, bonus transfer and home-internet password reissue.
CREATE FUNCTION require_verified_interaction(customer_id bigint) RETURNS bigint
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  iid bigint;
BEGIN
  SELECT i.id INTO iid
  FROM interaction i
  WHERE i.staff_login = session_user AND i.customer_id = require_verified_interaction.customer_id
    AND i.closed_at IS NULL AND i.verified_at IS NOT NULL
    AND i.verified_at > subdesk_now() - interval '30 minutes'
    AND i.verified_at <= subdesk_now() + interval '1 minute'
  ORDER BY i.verified_at DESC
  LIMIT 1;
  IF iid IS NULL THEN
    RAISE EXCEPTION 'no verified interaction with this customer in the last 30 minutes'
      USING ERRCODE = 'SD001',
            HINT = 'Open an interaction with the customer and verify the caller first.';
  END IF;
  RETURN iid;
END
$$;

-- Personal-data edit (contact details), guarded by a verified interaction and by
-- optimistic locking: version is the one the desk read; if someone changed the customer
-- since, SD003 and nothing is saved. Empty strings clear a field. Returns the new version.
CREATE FUNCTION customer_update_contact(customer_id bigint, version int, email text,
                                        contact_phone text, address text) RETURNS int
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  iid bigint := require_verified_interaction(customer_update_contact.customer_id);
  current_version int;
BEGIN
  SELECT cu.version INTO current_version FROM customer cu
  WHERE cu.id = customer_update_contact.customer_id FOR UPDATE;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'customer % does not exist', customer_update_contact.customer_id
      USING ERRCODE = 'no_data_found';
  END IF;
  IF current_version <> customer_update_contact.version THEN
    RAISE EXCEPTION 'customer % was changed by someone else (version % read, % now): reload and try again',
      customer_update_contact.customer_id, customer_update_contact.version, current_version
      USING ERRCODE = 'SD003';
  END IF;
  -- Filed under the interaction that allowed it (restored when the function returns).
  PERFORM set_config('subdesk.interaction_id', iid::text, true);
  UPDATE customer cu
  SET email = nullif(btrim(customer_update_contact.email), ''),
      contact_phone = nullif(btrim(customer_update_contact.contact_phone), ''),
      address = nullif(btrim(customer_update_contact.address), ''),
      version = cu.version + 1,
      updated_at = now(),
      updated_by = session_user
  WHERE cu.id = customer_update_contact.customer_id;
  RETURN current_version + 1;
END
$$;

-- Sets (or, with NULL, removes) the account's code word: a personal-data edit, guarded
-- the same way. Stored as a bcrypt hash of the lower-cased, trimmed word.
CREATE FUNCTION customer_set_code_word(customer_id bigint, code_word text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  iid bigint := require_verified_interaction(customer_set_code_word.customer_id);
BEGIN
  IF code_word IS NOT NULL AND length(btrim(code_word)) < 4 THEN
    RAISE EXCEPTION 'a code word has at least 4 characters' USING ERRCODE = 'invalid_parameter_value';
  END IF;
  PERFORM set_config('subdesk.interaction_id', iid::text, true);
  UPDATE customer cu
  SET code_word_hash = CASE WHEN customer_set_code_word.code_word IS NOT NULL
                            THEN crypt(lower(btrim(customer_set_code_word.code_word) COLLATE "und-x-icu"), gen_salt('bf', 8)) END,
      version = cu.version + 1, updated_at = now(), updated_by = session_user
  WHERE cu.id = customer_set_code_word.customer_id;
END
$$;

GRANT EXECUTE ON FUNCTION subdesk_now() TO subdesk_staff;
GRANT EXECUTE ON FUNCTION interaction_open(text, text, bigint),
  interaction_attach_customer(bigint, bigint),
  interaction_verify(bigint, text, text, text),
  interaction_close(bigint, text),
  require_verified_interaction(bigint),
  customer_update_contact(bigint, int, text, text, text),
  customer_set_code_word(bigint, text)
  TO subdesk_agent;
