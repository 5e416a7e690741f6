-- The audit trail: every INSERT, UPDATE and DELETE on a table holding subscriber data
-- writes one audit_log row in the same transaction (who = session_user, which table and
-- row, which customer/account/line, the changed columns with old and new values, the
-- interaction). Personal data is masked in the log. Sensitive reads (revealing an ID
-- document, opening call history, producing a detailed bill) write audit rows through
-- audit_read(). The log is append-only for every role: 0006's triggers refuse UPDATE,
-- DELETE and TRUNCATE whoever asks (the owner included), and nobody is granted them.
SET LOCAL ROLE subdesk_owner;

-- "olena.koval@gmail.com" -> "ol***@gmail.com"
CREATE FUNCTION mask_email(email text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN CASE
  WHEN position('@' IN email) > 1 THEN
    left(split_part(email, '@', 1), CASE WHEN position('@' IN email) > 3 THEN 2 ELSE 1 END)
    || '***@' || substr(email, position('@' IN email) + 1)
  ELSE '***'
END;

-- "+380671234567" -> "+380 67 *** ** 67"; other E.164 numbers keep "+" and two digits
-- at each end.
CREATE FUNCTION mask_phone(phone text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN CASE
  WHEN phone ~ '^\+380[0-9]{9}$' THEN '+380 ' || substr(phone, 5, 2) || ' *** ** ' || right(phone, 2)
  WHEN length(phone) >= 8 THEN left(phone, 3) || ' *** ** ' || right(phone, 2)
  ELSE '***'
END;

-- The value of a column as the audit log keeps it. Secrets and document numbers are
-- replaced entirely ("***": the log shows that they changed, not what they are);
-- e-mail addresses and phone numbers keep enough to recognise them.
CREATE FUNCTION audit_mask(col text, val jsonb) RETURNS jsonb
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN CASE
  WHEN val IS NULL OR jsonb_typeof(val) = 'null' THEN val
  WHEN col IN ('doc_number', 'tax_number', 'code_word_hash', 'password_hash', 'otp_hash', 'puk')
    THEN '"***"'::jsonb
  WHEN col = 'email' THEN to_jsonb(mask_email(val #>> '{}'))
  WHEN col IN ('contact_phone', 'caller_number') THEN to_jsonb(mask_phone(val #>> '{}'))
  ELSE val
END;

-- The interaction the desk says it is working in: the session setting
-- subdesk.interaction_id (SET subdesk.interaction_id = '42'); empty or unset: NULL.
-- Only one of the session user's own interactions may be named: nobody can file their
-- changes under a colleague's call.
CREATE FUNCTION audit_interaction_id() RETURNS bigint
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  raw text := nullif(btrim(current_setting('subdesk.interaction_id', true)), '');
  iid bigint;
BEGIN
  IF raw IS NULL THEN
    RETURN NULL;
  END IF;
  IF raw !~ '^[0-9]{1,18}$' THEN
    RAISE EXCEPTION 'subdesk.interaction_id must be an interaction id, not "%"', raw
      USING ERRCODE = 'invalid_parameter_value';
  END IF;
  iid := raw::bigint;
  IF NOT EXISTS (SELECT 1 FROM interaction WHERE id = iid AND staff_login = session_user) THEN
    RAISE EXCEPTION 'interaction % is not one of yours', iid
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN iid;
END
$$;

-- Completes the subject of an audit row: a line gives its account, an account its customer.
CREATE FUNCTION audit_subject(INOUT c bigint, INOUT a bigint, INOUT l bigint)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  IF l IS NOT NULL AND a IS NULL THEN
    SELECT line.account_id INTO a FROM line WHERE line.id = l;
  END IF;
  IF a IS NOT NULL AND c IS NULL THEN
    SELECT account.customer_id INTO c FROM account WHERE account.id = a;
  END IF;
END
$$;

-- The row trigger of every audited table.
CREATE FUNCTION audit_row() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  o jsonb;
  n jsonb;
  r jsonb;
  changes jsonb := '{}';
  k text;
  c bigint;
  a bigint;
  l bigint;
  iid bigint;
BEGIN
  IF TG_OP <> 'INSERT' THEN o := to_jsonb(OLD); END IF;
  IF TG_OP <> 'DELETE' THEN n := to_jsonb(NEW); END IF;
  r := coalesce(n, o);
  FOR k IN SELECT jsonb_object_keys(r) LOOP
    CONTINUE WHEN k = 'search_name';   -- derived from the names, which are logged
    IF TG_OP = 'INSERT' THEN
      CONTINUE WHEN jsonb_typeof(n -> k) = 'null';
      changes := changes || jsonb_build_object(k, jsonb_build_object('new', audit_mask(k, n -> k)));
    ELSIF TG_OP = 'DELETE' THEN
      CONTINUE WHEN jsonb_typeof(o -> k) = 'null';
      changes := changes || jsonb_build_object(k, jsonb_build_object('old', audit_mask(k, o -> k)));
    ELSIF (o -> k) IS DISTINCT FROM (n -> k) THEN
      changes := changes || jsonb_build_object(k, jsonb_build_object('old', audit_mask(k, o -> k),
                                                                     'new', audit_mask(k, n -> k)));
    END IF;
  END LOOP;
  IF TG_OP = 'UPDATE' THEN
    -- An UPDATE that changed nothing leaves nothing to audit.
    IF changes = '{}' THEN
      RETURN NULL;
    END IF;
    -- The balance moved by a ledger row (ledger_apply, a nested trigger): the ledger
    -- row's own audit row already says who moved how much.
    IF TG_TABLE_NAME = 'account' AND pg_trigger_depth() > 1
       AND NOT EXISTS (SELECT 1 FROM jsonb_object_keys(changes) AS ck
                       WHERE ck NOT IN ('balance', 'bonus_balance')) THEN
      RETURN NULL;
    END IF;
  END IF;

  l := (r ->> 'line_id')::bigint;
  a := (r ->> 'account_id')::bigint;
  c := (r ->> 'customer_id')::bigint;
  iid := (r ->> 'interaction_id')::bigint;
  CASE TG_TABLE_NAME
    WHEN 'customer' THEN c := (r ->> 'id')::bigint;
    WHEN 'account' THEN a := (r ->> 'id')::bigint;
    WHEN 'line' THEN l := (r ->> 'id')::bigint;
    WHEN 'family_group' THEN c := (r ->> 'owner_customer_id')::bigint;
    WHEN 'interaction' THEN iid := (r ->> 'id')::bigint;
    ELSE NULL;
  END CASE;
  SELECT s.c, s.a, s.l INTO c, a, l FROM audit_subject(c, a, l) AS s;

  INSERT INTO audit_log(who, action, table_name, row_id, customer_id, account_id, line_id,
                        interaction_id, changes)
  VALUES (session_user, TG_OP, TG_TABLE_NAME, coalesce(r ->> 'id', r ->> 'line_id'), c, a, l,
          coalesce(iid, audit_interaction_id()), changes);
  RETURN NULL;
END
$$;

-- TRUNCATE of an audited table (only the owner could) is logged as one row.
CREATE FUNCTION audit_truncate() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  INSERT INTO audit_log(who, action, table_name, interaction_id)
  VALUES (session_user, 'TRUNCATE', TG_TABLE_NAME, audit_interaction_id());
  RETURN NULL;
END
$$;

DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['customer', 'account', 'line', 'sim', 'line_service', 'tariff_change',
                           'contract', 'home_internet', 'payment', 'promotion_enrollment',
                           'family_group', 'selfcare_credential', 'detail_request', 'ticket',
                           'interaction', 'sim_swap']
  LOOP
    EXECUTE format('CREATE TRIGGER audit_row AFTER INSERT OR UPDATE OR DELETE ON %I '
                   'FOR EACH ROW EXECUTE FUNCTION audit_row()', t);
    EXECUTE format('CREATE TRIGGER audit_truncate AFTER TRUNCATE ON %I '
                   'FOR EACH STATEMENT EXECUTE FUNCTION audit_truncate()', t);
  END LOOP;
END
$$;
-- Ledger rows are only ever inserted (0006 refuses the rest).
CREATE TRIGGER audit_row AFTER INSERT ON ledger FOR EACH ROW EXECUTE FUNCTION audit_row();

-- A named read (lower-case action, e.g. 'call_history', 'detailed_bill'), written by the
-- desk through this function: staff have no INSERT on audit_log. The subject is
-- completed as for changes (a line gives its account and customer). Returns the row id.
CREATE FUNCTION audit_read(action text, customer_id bigint, account_id bigint, line_id bigint,
                           details jsonb DEFAULT NULL) RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  c bigint := audit_read.customer_id;
  a bigint := audit_read.account_id;
  l bigint := audit_read.line_id;
  new_id bigint;
BEGIN
  IF audit_read.action IS NULL OR audit_read.action !~ '^[a-z][a-z0-9_]{2,62}$' THEN
    RAISE EXCEPTION 'an audited read is named in lower case (letters, digits, _), not "%"',
      audit_read.action USING ERRCODE = 'invalid_parameter_value';
  END IF;
  SELECT s.c, s.a, s.l INTO c, a, l FROM audit_subject(c, a, l) AS s;
  INSERT INTO audit_log(who, action, customer_id, account_id, line_id, interaction_id, changes)
  VALUES (session_user, audit_read.action, c, a, l, audit_interaction_id(), audit_read.details)
  RETURNING id INTO new_id;
  RETURN new_id;
END
$$;

-- ID document and tax numbers in full: office staff (sales and up) only, never agents
-- (DESIGN.md), and every look is audited. Direct SELECT of these columns is refused to
-- everyone at the desk by 0007's column privileges.
CREATE FUNCTION reveal_document(customer_id bigint)
RETURNS TABLE (doc_kind text, doc_number text, tax_number text)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  IF NOT pg_has_role(session_user, 'subdesk_sales', 'MEMBER') THEN
    RAISE EXCEPTION 'only office staff (sales and up) may see ID document numbers'
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN QUERY SELECT cu.doc_kind, cu.doc_number, cu.tax_number FROM customer cu
               WHERE cu.id = reveal_document.customer_id;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'customer % does not exist', reveal_document.customer_id
      USING ERRCODE = 'no_data_found';
  END IF;
  PERFORM audit_read('reveal_document', reveal_document.customer_id, NULL, NULL);
END
$$;

-- Append-only, stated once more: nobody is granted a change of the log (0007 granted
-- SELECT to supervisors and admins only); 0006's triggers refuse UPDATE, DELETE and
-- TRUNCATE even from the owner.
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON audit_log
  FROM PUBLIC, subdesk_staff, subdesk_agent, subdesk_sales, subdesk_supervisor, subdesk_admin;

GRANT EXECUTE ON FUNCTION mask_email(text), mask_phone(text) TO subdesk_staff;
GRANT EXECUTE ON FUNCTION audit_read(text, bigint, bigint, bigint, jsonb) TO subdesk_agent;
GRANT EXECUTE ON FUNCTION reveal_document(bigint) TO subdesk_sales;
