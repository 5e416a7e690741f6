-- The balance changes only through the ledger: inserting a ledger row moves the money
-- in the same transaction, and ledger rows are never changed or removed.
SET LOCAL ROLE subdesk_owner;

CREATE FUNCTION ledger_apply() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  IF NEW.wallet = 'main' THEN
    UPDATE account SET balance = balance + NEW.amount WHERE id = NEW.account_id;
  ELSE
    UPDATE account SET bonus_balance = bonus_balance + NEW.amount WHERE id = NEW.account_id;
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER ledger_apply AFTER INSERT ON ledger FOR EACH ROW EXECUTE FUNCTION ledger_apply();

-- Refuses UPDATE, DELETE and TRUNCATE on append-only tables, whoever asks.
CREATE FUNCTION refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER ledger_append_only BEFORE UPDATE OR DELETE ON ledger
  FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER ledger_no_truncate BEFORE TRUNCATE ON ledger
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
