-- First cut of the permission model: what each group may read. Writes go through
-- SECURITY DEFINER functions added with the operations that need them. ID-document and
-- tax numbers, code words, PUKs and self-care hashes are not readable directly by
-- anyone at the desk.
SET LOCAL ROLE subdesk_owner;

-- Validation functions are harmless and used by clients to pre-check input.
GRANT EXECUTE ON FUNCTION luhn_valid(text), iccid_valid(text), msisdn_valid(text), e164_valid(text),
  account_number_valid(text), normalize_name(text) TO PUBLIC;

-- Everyone at the desk: the catalogue and who is who.
GRANT SELECT ON office, tariff_plan, service, promotion, staff TO subdesk_staff;

-- Agents (and, through membership, sales and supervisors): the subscriber's data.
GRANT SELECT (id, last_name, first_name, patronymic, birth_date, doc_kind, address, email,
              contact_phone, language, notify_sms, notify_email, search_name, version,
              created_at, updated_at, updated_by)
  ON customer TO subdesk_agent;
GRANT SELECT ON family_group, account, line, line_service, tariff_change, contract,
  home_internet, ledger, payment, promotion_enrollment, detail_request, ticket, sim_swap,
  interaction, cdr TO subdesk_agent;
GRANT SELECT (id, iccid, status, office_id, line_id, status_changed_at) ON sim TO subdesk_agent;
GRANT SELECT (id, channel, recipient, status, attempts, last_error, created_at, created_by,
              sent_at, customer_id, interaction_id)
  ON outbox TO subdesk_agent;

-- Supervisors and admins read the audit trail; nobody may change it.
GRANT SELECT ON audit_log TO subdesk_supervisor, subdesk_admin;

-- Admins keep the catalogue, offices and staff records.
GRANT INSERT, UPDATE ON office, tariff_plan, service, promotion TO subdesk_admin;
GRANT USAGE ON SEQUENCE office_id_seq, tariff_plan_id_seq, service_id_seq, promotion_id_seq
  TO subdesk_admin;

-- FreeRADIUS's rlm_sql: reads the authorisation tables, writes accounting and post-auth.
GRANT SELECT ON radcheck, radreply, radgroupcheck, radgroupreply, radusergroup, nas TO subdesk_radius;
GRANT SELECT, INSERT, UPDATE ON radacct TO subdesk_radius;
GRANT INSERT ON radpostauth TO subdesk_radius;
GRANT USAGE ON SEQUENCE radacct_radacctid_seq, radpostauth_id_seq TO subdesk_radius;

-- The notifier claims and marks outbox rows.
GRANT SELECT, UPDATE ON outbox TO subdesk_notifier;
