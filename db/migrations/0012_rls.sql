-- Row-level security on SIM cards: a SIM in stock belongs to an office.
--   agents             see SIMs only through lines (status <> 'in_stock'), no stock at all
--   sales, supervisors also see the stock (status 'in_stock') of their own office
--                      (staff.office_id of the session user), never another office's
--   admins             no SIM rows at all (no SELECT on sim, 0007)
--   owner              not subject to these policies (SECURITY DEFINER functions and the
--                      billing jobs see every SIM; the functions check the office themselves,
--                      see sim_from_own_stock)
-- Nobody at the desk writes sim directly: taking a SIM from stock (SIM restore, a later
-- migration) goes through a SECURITY DEFINER function, which must take it through
-- sim_from_own_stock().
SET LOCAL ROLE subdesk_owner;

-- The office of the session user (staff.office_id), NULL for anyone not in staff.
CREATE FUNCTION current_staff_office() RETURNS int
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
RETURN (SELECT office_id FROM staff WHERE login = session_user);

ALTER TABLE sim ENABLE ROW LEVEL SECURITY;

CREATE POLICY sim_on_lines ON sim FOR SELECT TO subdesk_agent
  USING (status <> 'in_stock');
-- subdesk_supervisor is a member of subdesk_sales: supervisors see their office's stock too.
-- (SELECT ...): the office is looked up once per query, not once per row.
CREATE POLICY sim_own_office_stock ON sim FOR SELECT TO subdesk_sales
  USING (status = 'in_stock' AND office_id = (SELECT current_staff_office()));

-- A SIM of the session user's office stock, locked for taking, by ICCID; 42501 for a SIM
-- that is not in the stock of the caller's office (another office's, or already issued).
-- Sales and up only: agents never handle stock.
CREATE FUNCTION sim_from_own_stock(iccid text) RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  sim_id bigint;
BEGIN
  IF NOT pg_has_role(session_user, 'subdesk_sales', 'MEMBER') THEN
    RAISE EXCEPTION 'only office staff (sales and up) may take SIM cards from stock'
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  SELECT s.id INTO sim_id FROM sim s
  WHERE s.iccid = sim_from_own_stock.iccid AND s.status = 'in_stock'
    AND s.office_id = current_staff_office()
  FOR UPDATE;
  IF sim_id IS NULL THEN
    RAISE EXCEPTION 'SIM % is not in the stock of your office', sim_from_own_stock.iccid
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN sim_id;
END
$$;

GRANT EXECUTE ON FUNCTION current_staff_office() TO subdesk_staff;
GRANT EXECUTE ON FUNCTION sim_from_own_stock(text) TO subdesk_sales;
