-- subdesk-notifier: claiming outbox rows with a lease, and what the desk may read of
-- the delivery state.
--
-- A notifier claims due rows in one short statement (FOR UPDATE SKIP LOCKED) and marks
-- them in flight: claimed_by names the notifier process, claimed_until is when its claim
-- lapses. No transaction stays open while a gateway is being called; a notifier that
-- crashes holds its rows only until claimed_until, then another one takes them. Every
-- later update by the notifier is conditional on claimed_by, so a notifier whose claim
-- lapsed cannot mark a row that someone else now owns.
SET LOCAL ROLE subdesk_owner;

ALTER TABLE outbox
  ADD COLUMN claimed_by      text,
  ADD COLUMN claimed_until   timestamptz,
  ADD COLUMN last_attempt_at timestamptz,
  ADD CONSTRAINT outbox_claim_complete CHECK ((claimed_by IS NULL) = (claimed_until IS NULL));

-- The claim's search: due, queued rows in order of their next attempt (outbox_due of
-- 0003 covers it). Rows of a customer or interaction, newest first, for the desk.
CREATE INDEX outbox_customer ON outbox (customer_id, created_at DESC) WHERE customer_id IS NOT NULL;
CREATE INDEX outbox_interaction ON outbox (interaction_id) WHERE interaction_id IS NOT NULL;

-- The notifier reads whole rows (it sends them) but changes only delivery state, the
-- claim, and the text it scrubs; it never re-addresses a message or creates one.
REVOKE UPDATE ON outbox FROM subdesk_notifier;
GRANT UPDATE (status, attempts, next_attempt_at, last_error, last_attempt_at, sent_at,
              subject, body, secret, claimed_by, claimed_until)
  ON outbox TO subdesk_notifier;

-- The desk shows the delivery state of the messages it caused: when the next attempt is
-- due and when the last one was made (never the subject or body, which may hold a code
-- or a password until the message is sent).
GRANT SELECT (next_attempt_at, last_attempt_at) ON outbox TO subdesk_agent;
