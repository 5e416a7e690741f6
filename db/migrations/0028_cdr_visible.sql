-- Calls to the emergency short numbers (101, 102, 103, 104, 112) never appear in any
-- screen, bill or export (DESIGN.md). The rule lives here, once: cdr_visible is the call
-- detail records without them, and it is the only way staff read call records. SELECT on
-- cdr itself is taken away from every desk group, so a reader that forgets the filter
-- gets SQLSTATE 42501 rather than a leak. The view runs with its owner's rights and is
-- a security barrier: no function in a caller's WHERE clause sees a filtered-out row.
-- It is a plain view, so the planner still prunes the monthly partitions and uses
-- cdr_line_time.
SET LOCAL ROLE subdesk_owner;

CREATE FUNCTION is_emergency_number(digits text) RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN coalesce(digits IN ('101', '102', '103', '104', '112'), false);

CREATE VIEW cdr_visible WITH (security_barrier) AS
  SELECT id, line_id, started_at, kind, direction, other_number, duration_s, volume_kb, charge, roaming
  FROM cdr
  WHERE NOT is_emergency_number(other_number);

COMMENT ON VIEW cdr_visible IS
  'Call detail records without calls to emergency short numbers: what every desk reader, bill and report uses';

REVOKE SELECT ON cdr FROM subdesk_agent, subdesk_sales, subdesk_supervisor, subdesk_admin, subdesk_staff;
GRANT SELECT ON cdr_visible TO subdesk_agent;
GRANT EXECUTE ON FUNCTION is_emergency_number(text) TO subdesk_staff;
