-- Personal data edits from the desk (issue 7): names, e-mail, contact phone, address and
-- notification preferences in one call, guarded by a verified interaction (SD001) and
-- by optimistic locking: `version` is the one the desk read; when someone saved since,
-- SD003 says who and when ("changed by NAME at TIME - reload") and nothing is saved.
-- (The code word has its own function, customer_set_code_word() of 0010.)
SET LOCAL ROLE subdesk_owner;

CREATE FUNCTION customer_update_profile(customer_id bigint, version int, last_name text, first_name text,
                                        patronymic text, email text, contact_phone text, address text,
                                        notify_sms boolean, notify_email boolean) RETURNS int
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  iid bigint := require_verified_interaction(customer_update_profile.customer_id);
  cu customer;
  who text;
BEGIN
  SELECT * INTO cu FROM customer c WHERE c.id = customer_update_profile.customer_id FOR UPDATE;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'customer % does not exist', customer_update_profile.customer_id USING ERRCODE = 'no_data_found';
  END IF;
  IF cu.version <> customer_update_profile.version THEN
    SELECT coalesce(s.full_name, cu.updated_by) INTO who FROM (SELECT 1) AS one
      LEFT JOIN staff s ON s.login = cu.updated_by;
    RAISE EXCEPTION 'changed by % at % — reload', who,
      to_char(cu.updated_at AT TIME ZONE 'Europe/Kyiv', 'DD.MM.YYYY HH24:MI')
      USING ERRCODE = 'SD003', DETAIL = format('version %s read, %s now', customer_update_profile.version, cu.version);
  END IF;
  IF nullif(btrim(customer_update_profile.last_name), '') IS NULL
     OR nullif(btrim(customer_update_profile.first_name), '') IS NULL THEN
    RAISE EXCEPTION 'the last and first names are required' USING ERRCODE = 'SD005';
  END IF;
  PERFORM refuse_card_number(customer_update_profile.address, 'the address');
  PERFORM refuse_card_number(customer_update_profile.last_name || ' ' || customer_update_profile.first_name || ' '
                             || coalesce(customer_update_profile.patronymic, ''), 'the name');
  PERFORM set_config('subdesk.interaction_id', iid::text, true);
  UPDATE customer c
  SET last_name = btrim(customer_update_profile.last_name),
      first_name = btrim(customer_update_profile.first_name),
      patronymic = nullif(btrim(customer_update_profile.patronymic), ''),
      email = nullif(btrim(customer_update_profile.email), ''),
      contact_phone = nullif(btrim(customer_update_profile.contact_phone), ''),
      address = nullif(btrim(customer_update_profile.address), ''),
      notify_sms = coalesce(customer_update_profile.notify_sms, c.notify_sms),
      notify_email = coalesce(customer_update_profile.notify_email, c.notify_email),
      version = c.version + 1, updated_at = subdesk_now(), updated_by = session_user
  WHERE c.id = cu.id;
  RETURN cu.version + 1;
END
$$;

GRANT EXECUTE ON FUNCTION customer_update_profile(bigint, int, text, text, text, text, text, text, boolean, boolean)
  TO subdesk_agent;
