-- Validation functions used by CHECK constraints: the database itself rejects a bad
-- ICCID, MSISDN or account number, whatever client writes it.
SET LOCAL ROLE subdesk_owner;

-- Luhn (mod 10) over a string of digits, the last one being the check digit.
CREATE FUNCTION luhn_valid(digits text) RETURNS boolean
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
DECLARE
  total int := 0;
  d int;
  n int := length(digits);
BEGIN
  IF digits !~ '^[0-9]+$' THEN
    RETURN false;
  END IF;
  FOR i IN 0 .. n - 1 LOOP
    d := ascii(substr(digits, n - i, 1)) - 48;
    IF i % 2 = 1 THEN
      d := d * 2;
      IF d > 9 THEN d := d - 9; END IF;
    END IF;
    total := total + d;
  END LOOP;
  RETURN total % 10 = 0;
END
$$;

-- ICCID: 19 or 20 digits, industry prefix 89, Luhn check digit last.
CREATE FUNCTION iccid_valid(iccid text) RETURNS boolean
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN iccid ~ '^89[0-9]{17,18}$' AND luhn_valid(iccid);

-- A Ukrainian mobile number in E.164 (+380 and a mobile operator code).
CREATE FUNCTION msisdn_valid(msisdn text) RETURNS boolean
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN msisdn ~ '^\+380(39|50|63|66|67|68|73|91|92|93|94|95|96|97|98|99)[0-9]{7}$';

-- Any E.164 number (contact phones may be foreign).
CREATE FUNCTION e164_valid(phone text) RETURNS boolean
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN phone ~ '^\+[1-9][0-9]{6,14}$';

-- Personal account number: 9 digits, no leading zero, Luhn check digit last.
CREATE FUNCTION account_number_valid(num text) RETURNS boolean
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN num ~ '^[1-9][0-9]{8}$' AND luhn_valid(num);

-- The form names are searched in: lower case (ICU, so Cyrillic folds whatever the
-- database's locale), one apostrophe for the three in use (' ’ ʼ) and the backtick,
-- single spaces.
CREATE FUNCTION normalize_name(name text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN btrim(regexp_replace(
         translate(lower(name COLLATE "und-x-icu"), '’ʼ`‘', ''''''''''),
         '\s+', ' ', 'g'));
