-- Roles and extensions: the part of the schema that needs a superuser (or a DBA with
-- CREATEROLE). Roles are cluster-wide, so creating them is idempotent.
--
--   subdesk_owner       NOLOGIN; owns every object; SECURITY DEFINER functions run as it
--   subdesk_agent       call-centre agent
--   subdesk_sales       office sales: an agent, plus contracts, SIM stock, payments
--   subdesk_supervisor  sales and agents' work, plus reports, waivers, unlocking staff
--   subdesk_admin       staff accounts, offices, tariffs and the services catalogue
--   subdesk_radius      what FreeRADIUS's rlm_sql may read and write
-- Staff log in with their own login roles, each a member of exactly one group role.
-- The desk never connects as a superuser or as subdesk_owner.
DO $$
DECLARE
  r text;
BEGIN
  FOREACH r IN ARRAY ARRAY['subdesk_owner', 'subdesk_agent', 'subdesk_sales',
                           'subdesk_supervisor', 'subdesk_admin', 'subdesk_radius',
                           'subdesk_notifier', 'subdesk_staff']
  LOOP
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = r) THEN
      EXECUTE format('CREATE ROLE %I NOLOGIN', r);
    END IF;
  END LOOP;
END
$$;

-- Everything subscriber-related an agent may do, sales staff may do too, and so on up.
GRANT subdesk_agent TO subdesk_sales;
GRANT subdesk_sales TO subdesk_supervisor;
-- subdesk_staff is what every member of staff (all four groups) shares: reading the
-- catalogue, their own interactions, the status bar.
GRANT subdesk_staff TO subdesk_agent;
GRANT subdesk_staff TO subdesk_admin;

-- The owner creates staff login roles through audited SECURITY DEFINER functions.
ALTER ROLE subdesk_owner CREATEROLE;

DO $$
BEGIN
  EXECUTE format('GRANT CREATE, CONNECT, TEMPORARY ON DATABASE %I TO subdesk_owner', current_database());
  EXECUTE format('GRANT CONNECT ON DATABASE %I TO subdesk_staff, subdesk_radius, subdesk_notifier',
                 current_database());
END
$$;
GRANT CREATE, USAGE ON SCHEMA public TO subdesk_owner;
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO subdesk_staff, subdesk_radius, subdesk_notifier;

-- Functions are not callable by everyone unless a migration says so.
ALTER DEFAULT PRIVILEGES FOR ROLE subdesk_owner REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;

CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS btree_gist;
