-- The audit window pages newest first by keyset, (at, id) below the last row shown
-- (src/core/services/audit_trail.cpp), filtered by period and often by one member of
-- staff. (at, id) replaces the index on at alone, which it covers; (who, at, id) serves
-- "what did this login do", which would otherwise walk the whole period.
SET LOCAL ROLE subdesk_owner;

DROP INDEX audit_at;
CREATE INDEX audit_at_id ON audit_log (at, id);
CREATE INDEX audit_who_at_id ON audit_log (who, at, id);
