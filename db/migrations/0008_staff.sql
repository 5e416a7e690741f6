-- Staff administration. Each member of staff is a PostgreSQL login role that is a member
-- of exactly one group role. Admins (and, for unlocking, supervisors) manage them
-- through these functions, which run as subdesk_owner (CREATEROLE) and refuse to touch
-- any role that is not a member of staff. Passwords arrive as SCRAM-SHA-256 verifiers
-- computed by the client, so no cleartext password reaches the server or its logs.
SET LOCAL ROLE subdesk_owner;

CREATE FUNCTION staff_require(group_role text) RETURNS void
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  IF NOT pg_has_role(session_user, group_role, 'MEMBER') THEN
    RAISE EXCEPTION 'only % members may do this', group_role USING ERRCODE = 'insufficient_privilege';
  END IF;
END
$$;

CREATE FUNCTION staff_check_target(p_login name) RETURNS void
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM staff WHERE login = p_login) THEN
    RAISE EXCEPTION 'no member of staff has the login %', p_login USING ERRCODE = 'no_data_found';
  END IF;
END
$$;

CREATE FUNCTION staff_check_verifier(p_verifier text) RETURNS void
LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
  IF p_verifier IS NULL OR p_verifier !~ '^SCRAM-SHA-256\$[0-9]+:[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+$' THEN
    RAISE EXCEPTION 'a password must be given as a SCRAM-SHA-256 verifier'
      USING ERRCODE = 'invalid_parameter_value';
  END IF;
END
$$;

CREATE FUNCTION staff_audit(p_action text, p_login name, p_details jsonb) RETURNS void
LANGUAGE sql SECURITY DEFINER SET search_path = public, pg_temp AS $$
  INSERT INTO audit_log(action, table_name, row_id, changes) VALUES (p_action, 'staff', p_login, p_details);
$$;

CREATE FUNCTION staff_add(p_login name, p_full_name text, p_group text, p_office int,
                          p_valid_until date, p_verifier text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  PERFORM staff_require('subdesk_admin');
  IF p_group NOT IN ('subdesk_agent', 'subdesk_sales', 'subdesk_supervisor', 'subdesk_admin') THEN
    RAISE EXCEPTION 'unknown staff group %', p_group USING ERRCODE = 'invalid_parameter_value';
  END IF;
  IF p_login !~ '^[a-z][a-z0-9._]{2,40}$' THEN
    RAISE EXCEPTION 'a login is 3 to 41 lower-case Latin letters, digits, dots or underscores, starting with a letter'
      USING ERRCODE = 'invalid_parameter_value';
  END IF;
  IF p_valid_until IS NOT NULL AND p_valid_until < current_date THEN
    RAISE EXCEPTION 'the expiry date is in the past' USING ERRCODE = 'invalid_parameter_value';
  END IF;
  PERFORM staff_check_verifier(p_verifier);
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = p_login) THEN
    RAISE EXCEPTION 'the login % is already taken', p_login USING ERRCODE = 'duplicate_object';
  END IF;
  EXECUTE format('CREATE ROLE %I LOGIN PASSWORD %L VALID UNTIL %L IN ROLE %I',
                 p_login, p_verifier, coalesce(p_valid_until::text, 'infinity'), p_group);
  INSERT INTO staff(login, full_name, group_role, office_id, valid_until)
  VALUES (p_login, p_full_name, p_group, p_office, p_valid_until);
  PERFORM staff_audit('staff_add', p_login,
    jsonb_build_object('group', p_group, 'office_id', p_office, 'valid_until', p_valid_until));
END
$$;

CREATE FUNCTION staff_set_locked(p_login name, p_locked boolean) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  IF p_locked THEN
    PERFORM staff_require('subdesk_admin');
  ELSIF NOT pg_has_role(session_user, 'subdesk_supervisor', 'MEMBER') THEN
    PERFORM staff_require('subdesk_admin');
  END IF;
  PERFORM staff_check_target(p_login);
  IF p_login = session_user THEN
    RAISE EXCEPTION 'you cannot lock or unlock your own login' USING ERRCODE = 'insufficient_privilege';
  END IF;
  EXECUTE format('ALTER ROLE %I %s', p_login, CASE WHEN p_locked THEN 'NOLOGIN' ELSE 'LOGIN' END);
  UPDATE staff SET locked = p_locked WHERE login = p_login;
  PERFORM staff_audit(CASE WHEN p_locked THEN 'staff_lock' ELSE 'staff_unlock' END, p_login, NULL);
END
$$;

-- An admin sets anyone's password; every member of staff may change their own.
CREATE FUNCTION staff_set_password(p_login name, p_verifier text, p_valid_until date DEFAULT NULL)
RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  IF p_login <> session_user THEN
    PERFORM staff_require('subdesk_admin');
  END IF;
  PERFORM staff_check_target(p_login);
  PERFORM staff_check_verifier(p_verifier);
  EXECUTE format('ALTER ROLE %I PASSWORD %L', p_login, p_verifier);
  IF p_valid_until IS NOT NULL THEN
    PERFORM staff_require('subdesk_admin');
    EXECUTE format('ALTER ROLE %I VALID UNTIL %L', p_login, p_valid_until::text);
    UPDATE staff SET valid_until = p_valid_until WHERE login = p_login;
  END IF;
  PERFORM staff_audit('staff_password', p_login, NULL);
END
$$;

CREATE FUNCTION staff_move(p_login name, p_office int) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  old_office int;
BEGIN
  PERFORM staff_require('subdesk_admin');
  PERFORM staff_check_target(p_login);
  SELECT office_id INTO old_office FROM staff WHERE login = p_login;
  UPDATE staff SET office_id = p_office WHERE login = p_login;
  PERFORM staff_audit('staff_move', p_login, jsonb_build_object('from', old_office, 'to', p_office));
END
$$;

-- Who is signed in: for the desk's status bar and for hiding what the role may not do.
CREATE VIEW staff_directory AS
  SELECT s.login, s.full_name, s.group_role, s.office_id, o.code AS office_code,
         o.name_uk AS office_name_uk, o.name_en AS office_name_en,
         r.rolvaliduntil AS valid_until, NOT r.rolcanlogin AS locked
  FROM staff s
  JOIN office o ON o.id = s.office_id
  JOIN pg_roles r ON r.rolname = s.login;

GRANT SELECT ON staff_directory TO subdesk_staff;
GRANT EXECUTE ON FUNCTION staff_add(name, text, text, int, date, text),
  staff_set_locked(name, boolean), staff_set_password(name, text, date), staff_move(name, int)
  TO subdesk_staff;
