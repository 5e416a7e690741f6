-- Supervisors' reports (issue 8): one view per report, read by the core's report classes
-- with a bound period and streamed to CSV, XLSX or PDF. Views of events carry the moment
-- itself (t) besides its Kyiv day: a period is a range of t, which the planner estimates
-- and indexes serve, where a range of a computed day would be guessed at 0.5 %.
-- Only supervisors may read them (DESIGN.md: agents and sales never export reports); the
-- views run with the owner's rights, so a supervisor sees every office. Days are Kyiv
-- calendar days; moments are Kyiv wall-clock text (what a spreadsheet shows); money is
-- kopecks. Call records never appear here other than through cdr_visible (0028).
SET LOCAL ROLE subdesk_owner;

CREATE FUNCTION kyiv_day(t timestamptz) RETURNS date
LANGUAGE sql STABLE PARALLEL SAFE RETURN (t AT TIME ZONE 'Europe/Kyiv')::date;
CREATE FUNCTION kyiv_moment(t timestamptz) RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE RETURN to_char(t AT TIME ZONE 'Europe/Kyiv', 'YYYY-MM-DD HH24:MI:SS');

-- Operations per member of staff per day: changes (audited INSERT/UPDATE/DELETE) and
-- audited reads (documents revealed, call histories opened, detailed bills).
CREATE VIEW report_operations AS
  SELECT kyiv_day(a.at) AS day, a.who::text AS staff, coalesce(s.full_name, '') AS staff_name,
         coalesce(o.code, '') AS office,
         count(*) FILTER (WHERE a.action IN ('INSERT', 'UPDATE', 'DELETE')) AS changes,
         count(*) FILTER (WHERE a.action NOT IN ('INSERT', 'UPDATE', 'DELETE', 'TRUNCATE')) AS reads
  FROM audit_log a
  LEFT JOIN staff s ON s.login = a.who
  LEFT JOIN office o ON o.id = s.office_id
  GROUP BY 1, 2, 3, 4;

CREATE VIEW report_sim_restores AS
  SELECT w.swapped_at AS t, kyiv_day(w.swapped_at) AS day, o.code AS office, o.name_uk AS office_name,
         kyiv_moment(w.swapped_at) AS at, w.staff_login::text AS staff, l.msisdn, w.reason
  FROM sim_swap w
  JOIN office o ON o.id = w.office_id
  JOIN line l ON l.id = w.line_id;

CREATE VIEW report_contracts AS
  SELECT c.signed_at AS t, kyiv_day(c.signed_at) AS day, o.code AS office, c.staff_login::text AS staff,
         coalesce(s.full_name, '') AS staff_name, kyiv_moment(c.signed_at) AS at, c.number AS contract,
         a.number AS account
  FROM contract c
  JOIN office o ON o.id = c.office_id
  JOIN account a ON a.id = c.account_id
  LEFT JOIN staff s ON s.login = c.staff_login;

CREATE VIEW report_detail_fees AS
  SELECT d.requested_at AS t, kyiv_day(d.requested_at) AS day, kyiv_moment(d.requested_at) AS at, a.number AS account,
         coalesce(l.msisdn, '') AS msisdn, d.period_from, d.period_to, d.fee,
         CASE WHEN d.waived THEN 0 ELSE d.fee END AS charged,
         CASE WHEN d.waived THEN d.fee ELSE 0 END AS waived,
         coalesce(d.waive_reason, '') AS reason, d.requested_by::text AS staff
  FROM detail_request d
  JOIN account a ON a.id = d.account_id
  LEFT JOIN line l ON l.id = d.line_id;

CREATE VIEW report_payments AS
  SELECT p.created_at AS t, kyiv_day(p.created_at) AS day, p.method, kyiv_moment(p.created_at) AS at, a.number AS account,
         coalesce(o.code, '') AS office, p.amount, coalesce(p.receipt_no, '') AS receipt,
         p.created_by::text AS staff
  FROM payment p
  JOIN account a ON a.id = p.account_id
  LEFT JOIN office o ON o.id = p.office_id;

CREATE VIEW report_password_resets AS
  SELECT i.sent_at AS t, kyiv_day(i.sent_at) AS day, kyiv_moment(i.sent_at) AS at, i.sent_by::text AS staff,
         coalesce(o.code, '') AS office, l.msisdn
  FROM otp_issue i
  JOIN line l ON l.id = i.line_id
  LEFT JOIN staff s ON s.login = i.sent_by
  LEFT JOIN office o ON o.id = s.office_id
  WHERE i.purpose = 'password_reset';

-- Vacation suspensions of home internet as staff entered them (home_suspension, 0022);
-- ended_on: resumed early (or cancelled, when before suspended_from).
CREATE VIEW report_suspensions AS
  SELECT s.created_at AS t, kyiv_day(s.created_at) AS day, kyiv_moment(s.created_at) AS at, s.created_by::text AS staff,
         a.number AS account, h.login, s.suspended_from, s.suspended_to, s.ended_on
  FROM home_suspension s
  JOIN home_internet h ON h.id = s.home_internet_id
  JOIN account a ON a.id = s.account_id;

GRANT SELECT ON report_operations, report_sim_restores, report_contracts, report_detail_fees,
  report_payments, report_password_resets, report_suspensions TO subdesk_supervisor;
GRANT EXECUTE ON FUNCTION kyiv_day(timestamptz), kyiv_moment(timestamptz) TO subdesk_staff;
