-- Home internet, part 1: signing the contract and what FreeRADIUS reads.
--
-- home_contract_sign() does in one transaction everything the office does when a
-- contract is signed: the customer (found or created), the home account with a new
-- personal account number, the contract (HI-YYYY-NNNNNN), the home_internet row and the
-- RADIUS rows of the login:
--   radcheck      <login> Crypt-Password := <hash>     (computed by the core, never clear)
--                 <login> Simultaneous-Use := 1
--   radreply      <login> Mikrotik-Rate-Limit := "<speed>M/<speed>M"   (the tariff)
--   radusergroup  <login> home (priority 10)
-- The password itself never reaches the database: the core makes it, prints it once on
-- the contract sheet and passes only its hash (yescrypt "$y$", or "$6$"/"$2b$").
--
-- The state (active, suspended, turbo) is not written into RADIUS rows at the moment it
-- changes: FreeRADIUS's rlm_sql reads two views that compute it at each request from
-- home_internet's dates and subdesk_now(), so a vacation starts and ends and a turbo
-- runs out with nobody doing anything:
--   radius_usergroup  radusergroup plus one computed group per login: home_active,
--                     home_suspended (radgroupcheck Auth-Type := Reject, radgroupreply
--                     Reply-Message) or home_closed (rejected too)
--   radius_reply      radreply, with Mikrotik-Rate-Limit doubled while turbo_until is
--                     in the future
-- (README: "Home internet and FreeRADIUS" has the rlm_sql settings.)
--
-- suspended_from and suspended_to are Kyiv calendar days, both inclusive (as the card
-- reads them): the login is refused from 00:00 of the first day until 24:00 of the last.
--
-- Project SQLSTATEs (class SD) added here:
--   SD030  a customer with this name and birth date, or this ID document, exists:
--          sign for that customer, or confirm that the new one is another person
--   SD031  the login is taken (or not a valid login)
SET LOCAL ROLE subdesk_owner;

-- Rules an administrator may tune (one row).
CREATE TABLE home_settings (
  id                        boolean PRIMARY KEY DEFAULT true CHECK (id),
  suspension_days_per_year  int NOT NULL DEFAULT 90 CHECK (suspension_days_per_year BETWEEN 1 AND 366),
  bonus_transfer_max        bigint NOT NULL DEFAULT 50000 CHECK (bonus_transfer_max > 0),
  bonus_transfer_month_max  bigint NOT NULL DEFAULT 100000 CHECK (bonus_transfer_month_max > 0)
);
INSERT INTO home_settings DEFAULT VALUES;
GRANT SELECT ON home_settings TO subdesk_staff;
GRANT UPDATE ON home_settings TO subdesk_admin;

-- A password attribute in radcheck is a hash that PAP understands, never the password.
ALTER TABLE radcheck ADD CONSTRAINT radcheck_hashed_passwords_only
  CHECK (attribute NOT ILIKE '%password%' OR attribute IN ('Crypt-Password', 'SSHA2-512-Password'));
ALTER TABLE radcheck ADD CONSTRAINT radcheck_crypt_is_a_hash
  CHECK (attribute <> 'Crypt-Password' OR value ~ '^\$(y|6|2b)\$[^$]+\$');

CREATE INDEX radusergroup_group ON radusergroup (groupname);

-- The state groups.
INSERT INTO radgroupcheck(groupname, attribute, op, value) VALUES
  ('home_suspended', 'Auth-Type', ':=', 'Reject'),
  ('home_closed', 'Auth-Type', ':=', 'Reject');
INSERT INTO radgroupreply(groupname, attribute, op, value) VALUES
  ('home_suspended', 'Reply-Message', ':=', 'Home internet is suspended at your request. Call 0 800 300-466 to resume it.'),
  ('home_closed', 'Reply-Message', ':=', 'This home internet contract is closed. Call 0 800 300-466.');

-- Midnight of a Kyiv calendar day.
CREATE FUNCTION kyiv_midnight(d date) RETURNS timestamptz
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN (d::timestamp AT TIME ZONE 'Europe/Kyiv');

-- Today in Kyiv by the project clock.
CREATE FUNCTION kyiv_today() RETURNS date
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
RETURN (subdesk_now() AT TIME ZONE 'Europe/Kyiv')::date;

-- The state of a home-internet login at time t: 'active', 'suspended' or 'closed'.
CREATE FUNCTION home_state(status text, suspended_from date, suspended_to date, t timestamptz)
RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN CASE
  WHEN status = 'closed' THEN 'closed'
  WHEN suspended_from IS NOT NULL AND t >= kyiv_midnight(suspended_from)
       AND t < kyiv_midnight(suspended_to + 1) THEN 'suspended'
  ELSE 'active'
END;

-- "100M/100M": Mikrotik-Rate-Limit (rx/tx) of a speed in Mbit/s.
CREATE FUNCTION mikrotik_rate(speed_mbps int) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN speed_mbps || 'M/' || speed_mbps || 'M';

CREATE VIEW radius_usergroup AS
  SELECT g.username, g.groupname, g.priority FROM radusergroup g
  UNION ALL
  SELECT h.login, 'home_' || home_state(h.status, h.suspended_from, h.suspended_to, subdesk_now()), 0
  FROM home_internet h;

CREATE VIEW radius_reply AS
  SELECT r.id, r.username, r.attribute,
         CASE WHEN r.attribute = 'Mikrotik-Rate-Limit' AND h.turbo_until > subdesk_now()
              THEN mikrotik_rate(t.speed_mbps * 2) ELSE r.value END AS value,
         r.op
  FROM radreply r
  LEFT JOIN home_internet h ON h.login = r.username
  LEFT JOIN tariff_plan t ON t.id = h.tariff_id;

GRANT SELECT ON radius_usergroup, radius_reply TO subdesk_radius;
GRANT EXECUTE ON FUNCTION subdesk_now() TO subdesk_radius;
-- A view's functions are called with the reader's rights.
GRANT EXECUTE ON FUNCTION kyiv_midnight(date), home_state(text, date, date, timestamptz), mikrotik_rate(int)
  TO subdesk_staff, subdesk_radius;
GRANT EXECUTE ON FUNCTION kyiv_today() TO subdesk_staff;

-- The ID document number as stored: upper case, no spaces or dashes.
CREATE FUNCTION normalize_doc_number(doc text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN upper(regexp_replace(doc, '[[:space:]-]', '', 'g') COLLATE "und-x-icu");

-- Customers who may be the person being signed: the same name and birth date, or the
-- same ID document. Sales and up (they are reading documents in the office anyway); the
-- document number itself is never returned.
CREATE FUNCTION home_customer_duplicates(last_name text, first_name text, patronymic text,
                                         birth_date date, doc_number text)
RETURNS TABLE (customer_id bigint, full_name text, born_on date, address text, match text)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  wanted text := normalize_name(home_customer_duplicates.last_name || ' ' || home_customer_duplicates.first_name
                                || coalesce(' ' || nullif(btrim(home_customer_duplicates.patronymic), ''), ''));
  doc text := normalize_doc_number(nullif(btrim(home_customer_duplicates.doc_number), ''));
BEGIN
  IF NOT pg_has_role(session_user, 'subdesk_sales', 'MEMBER') THEN
    RAISE EXCEPTION 'only office staff (sales and up) sign contracts' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN QUERY
    SELECT c.id, c.last_name || ' ' || c.first_name || coalesce(' ' || c.patronymic, ''), c.birth_date,
           c.address,
           CASE WHEN doc IS NOT NULL AND c.doc_number = doc THEN 'document' ELSE 'name_birth_date' END
    FROM customer c
    WHERE (doc IS NOT NULL AND c.doc_number = doc)
       OR (c.search_name = wanted AND c.birth_date = home_customer_duplicates.birth_date)
    ORDER BY c.id
    LIMIT 20;
END
$$;

-- A fresh personal account number: 9 digits, the last a Luhn check digit, unused.
CREATE FUNCTION new_account_number() RETURNS text
LANGUAGE plpgsql VOLATILE SET search_path = public, pg_temp AS $$
DECLARE
  base text;
  num text;
BEGIN
  LOOP
    base := (10000000 + floor(random() * 90000000))::bigint::text;
    FOR d IN 0..9 LOOP
      IF luhn_valid(base || d) THEN
        num := base || d;
        EXIT;
      END IF;
    END LOOP;
    EXIT WHEN NOT EXISTS (SELECT 1 FROM account a WHERE a.number = num);
  END LOOP;
  RETURN num;
END
$$;

-- Signs a home-internet contract: see the top of this file. customer_id: an existing
-- customer, or NULL to create one from the person's fields (then the ID document is
-- required, and a possible duplicate must be confirmed with duplicate_confirmed). login:
-- NULL or '' for the personal account number. family_msisdn: an open mobile line whose
-- family the new account joins (a family is made for it when it has none), or NULL.
CREATE FUNCTION home_contract_sign(
  customer_id bigint, last_name text, first_name text, patronymic text, birth_date date,
  doc_kind text, doc_number text, contact_phone text, email text,
  address text, tariff_code text, login text, password_hash text, family_msisdn text,
  duplicate_confirmed boolean DEFAULT false)
RETURNS TABLE (contract_id bigint, contract_number text, account_id bigint, account_number text,
               home_internet_id bigint, issued_login text)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  off int := current_staff_office();
  cid bigint := home_contract_sign.customer_id;
  tp tariff_plan;
  acc_no text := new_account_number();
  lg text := lower(nullif(btrim(home_contract_sign.login), ''));
  fam bigint;
  fam_line record;
  y text := to_char(subdesk_now() AT TIME ZONE 'Europe/Kyiv', 'YYYY');
  n int;
  new_acc bigint;
  new_contract bigint;
  new_home bigint;
  number text;
BEGIN
  IF NOT pg_has_role(session_user, 'subdesk_sales', 'MEMBER') OR off IS NULL THEN
    RAISE EXCEPTION 'only office staff (sales and up) sign contracts' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF home_contract_sign.password_hash IS NULL OR home_contract_sign.password_hash !~ '^\$(y|6|2b)\$[^$]+\$' THEN
    RAISE EXCEPTION 'the password must be given as a crypt hash ($y$, $6$ or $2b$)'
      USING ERRCODE = 'invalid_parameter_value';
  END IF;
  IF nullif(btrim(home_contract_sign.address), '') IS NULL THEN
    RAISE EXCEPTION 'the connection address is required' USING ERRCODE = 'SD005';
  END IF;
  SELECT * INTO tp FROM tariff_plan t WHERE t.code = home_contract_sign.tariff_code AND t.kind = 'home' AND t.active;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'no active home-internet tariff "%"', home_contract_sign.tariff_code
      USING ERRCODE = 'invalid_parameter_value';
  END IF;
  lg := coalesce(lg, acc_no);
  IF lg !~ '^[a-z0-9][a-z0-9._-]{2,31}$' THEN
    RAISE EXCEPTION 'login "%" is not valid: 3 to 32 of a-z, 0-9, dot, dash, underscore, starting with a letter or digit', lg
      USING ERRCODE = 'SD031';
  END IF;
  -- Two desks choosing the same login: the unique index decides, the lock makes it a clean refusal.
  PERFORM pg_advisory_xact_lock(hashtext('home_login:' || lg));
  IF EXISTS (SELECT 1 FROM home_internet h WHERE h.login = lg)
     OR EXISTS (SELECT 1 FROM radcheck r WHERE r.username = lg) THEN
    RAISE EXCEPTION 'login "%" is taken', lg USING ERRCODE = 'SD031';
  END IF;

  IF cid IS NULL THEN
    IF nullif(btrim(home_contract_sign.doc_number), '') IS NULL OR home_contract_sign.doc_kind IS NULL THEN
      RAISE EXCEPTION 'a new customer needs the ID document presented at signing' USING ERRCODE = 'SD005';
    END IF;
    IF NOT coalesce(home_contract_sign.duplicate_confirmed, false) AND EXISTS (
        SELECT 1 FROM home_customer_duplicates(home_contract_sign.last_name, home_contract_sign.first_name,
                                               home_contract_sign.patronymic, home_contract_sign.birth_date,
                                               home_contract_sign.doc_number)) THEN
      RAISE EXCEPTION 'a customer with this name and birth date or this ID document exists'
        USING ERRCODE = 'SD030', HINT = 'Sign for that customer, or confirm that this is another person.';
    END IF;
    INSERT INTO customer(last_name, first_name, patronymic, birth_date, doc_kind, doc_number, address,
                         email, contact_phone)
    VALUES (btrim(home_contract_sign.last_name), btrim(home_contract_sign.first_name),
            nullif(btrim(home_contract_sign.patronymic), ''), home_contract_sign.birth_date,
            home_contract_sign.doc_kind, normalize_doc_number(home_contract_sign.doc_number),
            btrim(home_contract_sign.address), nullif(btrim(home_contract_sign.email), ''),
            nullif(btrim(home_contract_sign.contact_phone), ''))
    RETURNING id INTO cid;
  ELSIF NOT EXISTS (SELECT 1 FROM customer c WHERE c.id = cid) THEN
    RAISE EXCEPTION 'customer % does not exist', cid USING ERRCODE = 'no_data_found';
  END IF;

  IF nullif(btrim(home_contract_sign.family_msisdn), '') IS NOT NULL THEN
    SELECT l.id, a.id AS account_id, a.family_group_id, a.customer_id INTO fam_line
    FROM line l JOIN account a ON a.id = l.account_id
    WHERE l.msisdn = btrim(home_contract_sign.family_msisdn) AND l.status <> 'closed' AND a.kind = 'mobile'
    FOR UPDATE OF a;
    IF NOT FOUND THEN
      RAISE EXCEPTION 'no open mobile line %', home_contract_sign.family_msisdn USING ERRCODE = 'no_data_found';
    END IF;
    fam := fam_line.family_group_id;
    IF fam IS NULL THEN
      INSERT INTO family_group(name, owner_customer_id)
      SELECT c.last_name, c.id FROM customer c WHERE c.id = fam_line.customer_id
      RETURNING id INTO fam;
      UPDATE account SET family_group_id = fam WHERE id = fam_line.account_id;
    END IF;
  END IF;

  INSERT INTO account(number, customer_id, kind, family_group_id, office_id)
  VALUES (acc_no, cid, 'home', fam, off)
  RETURNING id INTO new_acc;

  PERFORM pg_advisory_xact_lock(hashtext('contract_number:' || y));
  SELECT coalesce(max(substr(c.number, 9)::int), 0) + 1 INTO n FROM contract c WHERE c.number LIKE 'HI-' || y || '-%';
  number := 'HI-' || y || '-' || lpad(n::text, 6, '0');
  INSERT INTO contract(number, customer_id, account_id, office_id, signed_at)
  VALUES (number, cid, new_acc, off, subdesk_now())
  RETURNING id INTO new_contract;

  INSERT INTO home_internet(account_id, contract_id, login, address, tariff_id)
  VALUES (new_acc, new_contract, lg, btrim(home_contract_sign.address), tp.id)
  RETURNING id INTO new_home;

  INSERT INTO radcheck(username, attribute, op, value) VALUES
    (lg, 'Crypt-Password', ':=', home_contract_sign.password_hash),
    (lg, 'Simultaneous-Use', ':=', '1');
  INSERT INTO radreply(username, attribute, op, value) VALUES
    (lg, 'Mikrotik-Rate-Limit', ':=', mikrotik_rate(tp.speed_mbps));
  INSERT INTO radusergroup(username, groupname, priority) VALUES (lg, 'home', 10);

  RETURN QUERY SELECT new_contract, number, new_acc, acc_no, new_home, lg;
END
$$;

-- What the contract sheet prints.
CREATE FUNCTION home_contract_sheet(home_internet_id bigint)
RETURNS TABLE (contract_number text, signed_at_local text, customer_name text, address text,
               account_number text, login text, tariff_uk text, tariff_en text, speed_mbps int,
               monthly_fee bigint, office_name_uk text, office_name_en text, office_address text,
               staff_name text)
LANGUAGE sql STABLE SET search_path = public, pg_temp AS $$
  SELECT c.number, to_char(c.signed_at AT TIME ZONE 'Europe/Kyiv', 'DD.MM.YYYY HH24:MI'),
         cu.last_name || ' ' || cu.first_name || coalesce(' ' || cu.patronymic, ''), h.address, a.number,
         h.login, t.name_uk, t.name_en, t.speed_mbps, t.monthly_fee, o.name_uk, o.name_en, o.address,
         coalesce(st.full_name, c.staff_login)
  FROM home_internet h
  JOIN account a ON a.id = h.account_id
  JOIN customer cu ON cu.id = a.customer_id
  JOIN tariff_plan t ON t.id = h.tariff_id
  LEFT JOIN contract c ON c.id = h.contract_id
  LEFT JOIN office o ON o.id = c.office_id
  LEFT JOIN staff st ON st.login = c.staff_login
  WHERE h.id = home_contract_sheet.home_internet_id;
$$;

GRANT EXECUTE ON FUNCTION normalize_doc_number(text) TO subdesk_staff;
GRANT EXECUTE ON FUNCTION home_customer_duplicates(text, text, text, date, text),
  home_contract_sign(bigint, text, text, text, date, text, text, text, text, text, text, text, text, text, boolean)
  TO subdesk_sales;
GRANT EXECUTE ON FUNCTION home_contract_sheet(bigint) TO subdesk_agent;
