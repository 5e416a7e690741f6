-- Promotions, the family profile and feedback tickets from the desk (issue 7).
--
-- Promotions: a line may join a promotion that runs today (starts_on .. ends_on, Kyiv
-- days) and whose tariff_ids holds the line's tariff (NULL: every tariff); it holds at
-- most one open enrolment per promotion (the unique index of 0003). Like tariff and
-- service changes, joining and leaving need no verified caller: agents and up.
--
-- Family profile: a group has one owner (a customer) and holds mobile and home-internet
-- accounts of one or more customers; an account is in at most one group, and the desk
-- creates at most one group per owner. The rule for a
-- verified caller (require_verified_interaction, SD001):
--   create       the owner
--   add          the owner, and for another customer's account that customer too (the
--                member of staff has an open, verified interaction with each: both at
--                the office, or the second one called in)
--   remove       the owner or the account's own customer (a member may always leave)
-- A closed account cannot be added (SD042). Balance transfers within the family
-- (balance_transfer, 0024) already use account.family_group_id.
--
-- Feedback: a ticket records a subscriber's written complaint or request within the
-- interaction in which it was made; the answer is sent to the customer's registered
-- e-mail through the outbox (channel 'email', customer_id and the ticket's
-- interaction_id set) and the ticket becomes 'answered', in one transaction.
--
-- Project SQLSTATEs (class SD) used here:
--   SD047  the line cannot join the promotion (not running, not for its tariff, already in it)
--   SD049  the family group cannot be changed (account already in a group, not a member,
--          owner already owns one)
--   SD053  the line is not in the promotion (never joined or already left)
--   SD054  the ticket cannot be answered (already answered or closed, no registered e-mail)
-- (SD050-SD052 belong to the detailed-bill and report migrations.)
SET LOCAL ROLE subdesk_owner;

-- Promotions ---------------------------------------------------------------------------

-- True when the promotion runs today and is meant for the line's tariff.
CREATE FUNCTION promotion_fits(p promotion, l public.line) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
RETURN (p).starts_on <= kyiv_today() AND ((p).ends_on IS NULL OR (p).ends_on >= kyiv_today())
       AND ((p).tariff_ids IS NULL OR (l).tariff_id = ANY ((p).tariff_ids));

-- The promotions an open line may join now (those it is already in are not offered).
CREATE FUNCTION promotion_offers(line_id bigint)
RETURNS TABLE (id int, code text, name_uk text, name_en text, starts_on date, ends_on date,
               description_uk text, description_en text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT p.id, p.code, p.name_uk, p.name_en, p.starts_on, p.ends_on, p.description_uk, p.description_en
  FROM line l JOIN promotion p ON promotion_fits(p, l)
  WHERE l.id = promotion_offers.line_id AND l.status <> 'closed'
    AND NOT EXISTS (SELECT 1 FROM promotion_enrollment e
                    WHERE e.promotion_id = p.id AND e.line_id = l.id AND e.left_at IS NULL)
  ORDER BY p.starts_on, p.code
$$;

-- Enrols a line; returns the enrolment id.
CREATE FUNCTION promotion_join(line_id bigint, promotion_id int) RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  l public.line := line_open_locked(promotion_join.line_id);
  p promotion;
  new_id bigint;
BEGIN
  SELECT * INTO p FROM promotion WHERE id = promotion_join.promotion_id;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'promotion % does not exist', promotion_join.promotion_id USING ERRCODE = 'SD047';
  END IF;
  IF p.starts_on > kyiv_today() OR p.ends_on < kyiv_today() THEN
    RAISE EXCEPTION 'promotion % runs from % to %', p.code, p.starts_on, coalesce(p.ends_on::text, '-')
      USING ERRCODE = 'SD047';
  END IF;
  IF NOT promotion_fits(p, l) THEN
    RAISE EXCEPTION 'promotion % is not for the tariff of %', p.code, l.msisdn USING ERRCODE = 'SD047';
  END IF;
  IF EXISTS (SELECT 1 FROM promotion_enrollment e
             WHERE e.promotion_id = p.id AND e.line_id = l.id AND e.left_at IS NULL) THEN
    RAISE EXCEPTION '% is already in promotion %', l.msisdn, p.code USING ERRCODE = 'SD047';
  END IF;
  INSERT INTO promotion_enrollment(promotion_id, line_id, joined_at)
  VALUES (p.id, l.id, subdesk_now())
  RETURNING id INTO new_id;
  RETURN new_id;
END
$$;

-- Ends the line's open enrolment in the promotion.
CREATE FUNCTION promotion_leave(line_id bigint, promotion_id int) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  UPDATE promotion_enrollment e SET left_at = subdesk_now()
  WHERE e.line_id = promotion_leave.line_id AND e.promotion_id = promotion_leave.promotion_id
    AND e.left_at IS NULL;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'the line is not in this promotion (never joined or already left)' USING ERRCODE = 'SD053';
  END IF;
END
$$;

-- Family profile -----------------------------------------------------------------------

CREATE FUNCTION family_group_locked(group_id bigint) RETURNS family_group
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  g family_group;
BEGIN
  SELECT * INTO g FROM family_group WHERE id = family_group_locked.group_id FOR UPDATE;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'family group % does not exist', family_group_locked.group_id USING ERRCODE = 'SD049';
  END IF;
  RETURN g;
END
$$;

-- A new, empty group owned by a verified caller. Returns its id.
CREATE FUNCTION family_create(owner_customer_id bigint, name text) RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  iid bigint := require_verified_interaction(family_create.owner_customer_id);
  new_id bigint;
BEGIN
  IF nullif(btrim(family_create.name), '') IS NULL THEN
    RAISE EXCEPTION 'a family group needs a name' USING ERRCODE = 'SD005';
  END IF;
  PERFORM refuse_card_number(family_create.name, 'the name');
  -- One group per owner from the desk. (Not a unique index: home_contract_sign() of 0021
  -- makes a group for a mobile line's customer when their account is in none.) The
  -- owner's row is locked so that two desks cannot both create one.
  PERFORM 1 FROM customer c WHERE c.id = family_create.owner_customer_id FOR UPDATE;
  IF EXISTS (SELECT 1 FROM family_group g WHERE g.owner_customer_id = family_create.owner_customer_id) THEN
    RAISE EXCEPTION 'the customer already owns a family group' USING ERRCODE = 'SD049';
  END IF;
  PERFORM set_config('subdesk.interaction_id', iid::text, true);
  INSERT INTO family_group(name, owner_customer_id, created_at)
  VALUES (btrim(family_create.name), family_create.owner_customer_id, subdesk_now())
  RETURNING id INTO new_id;
  RETURN new_id;
END
$$;

CREATE FUNCTION family_add(group_id bigint, account_id bigint) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  g family_group := family_group_locked(family_add.group_id);
  a account := account_open_locked(family_add.account_id);
  iid bigint := require_verified_interaction(g.owner_customer_id);
BEGIN
  IF a.customer_id <> g.owner_customer_id THEN
    PERFORM require_verified_interaction(a.customer_id);
  END IF;
  IF a.family_group_id = g.id THEN
    RAISE EXCEPTION 'account % is already in this family group', a.number USING ERRCODE = 'SD049';
  END IF;
  IF a.family_group_id IS NOT NULL THEN
    RAISE EXCEPTION 'account % is in another family group: remove it there first', a.number
      USING ERRCODE = 'SD049';
  END IF;
  PERFORM set_config('subdesk.interaction_id', iid::text, true);
  UPDATE account SET family_group_id = g.id WHERE id = a.id;
END
$$;

CREATE FUNCTION family_remove(group_id bigint, account_id bigint) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  g family_group := family_group_locked(family_remove.group_id);
  a account;
  iid bigint;
BEGIN
  SELECT * INTO a FROM account WHERE id = family_remove.account_id FOR UPDATE;
  IF NOT FOUND OR a.family_group_id IS DISTINCT FROM g.id THEN
    RAISE EXCEPTION 'account % is not in this family group', family_remove.account_id USING ERRCODE = 'SD049';
  END IF;
  BEGIN
    iid := require_verified_interaction(g.owner_customer_id);
  EXCEPTION WHEN SQLSTATE 'SD001' THEN
    iid := require_verified_interaction(a.customer_id);  -- the member leaves on their own
  END;
  PERFORM set_config('subdesk.interaction_id', iid::text, true);
  UPDATE account SET family_group_id = NULL WHERE id = a.id;
END
$$;

-- Feedback tickets ---------------------------------------------------------------------

ALTER TABLE ticket
  ADD COLUMN answered_at timestamptz,
  ADD COLUMN answered_by name,
  ADD COLUMN answer_outbox_id bigint REFERENCES outbox,
  ADD CONSTRAINT ticket_answered CHECK (status <> 'answered' OR (answer IS NOT NULL AND answered_at IS NOT NULL)) NOT VALID;
CREATE INDEX ticket_customer_open ON ticket (customer_id) WHERE status = 'open';

-- Records the written complaint or request of the interaction's customer. Returns its id.
CREATE FUNCTION ticket_open(interaction_id bigint, subject text, body text) RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  i interaction := interaction_own_open(ticket_open.interaction_id);
  new_id bigint;
BEGIN
  IF i.customer_id IS NULL THEN
    RAISE EXCEPTION 'find the customer of interaction % first', i.id USING ERRCODE = 'SD005';
  END IF;
  IF nullif(btrim(ticket_open.subject), '') IS NULL OR nullif(btrim(ticket_open.body), '') IS NULL THEN
    RAISE EXCEPTION 'a ticket needs a subject and a text' USING ERRCODE = 'SD005';
  END IF;
  PERFORM refuse_card_number(ticket_open.subject, 'the subject');
  PERFORM refuse_card_number(ticket_open.body, 'the text');
  PERFORM set_config('subdesk.interaction_id', i.id::text, true);
  INSERT INTO ticket(customer_id, interaction_id, subject, body, created_at)
  VALUES (i.customer_id, i.id, btrim(ticket_open.subject), btrim(ticket_open.body), subdesk_now())
  RETURNING id INTO new_id;
  RETURN new_id;
END
$$;

-- Answers an open ticket: an e-mail to the customer's registered address goes into the
-- outbox and the ticket becomes 'answered'. Returns the outbox id.
CREATE FUNCTION ticket_answer(ticket_id bigint, answer text) RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  t ticket;
  cu customer;
  text_ text := btrim(coalesce(ticket_answer.answer, ''));
  mail_id bigint;
BEGIN
  SELECT * INTO t FROM ticket WHERE id = ticket_answer.ticket_id FOR UPDATE;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'ticket % does not exist', ticket_answer.ticket_id USING ERRCODE = 'no_data_found';
  END IF;
  IF t.status <> 'open' THEN
    RAISE EXCEPTION 'ticket % is already %', t.id, t.status USING ERRCODE = 'SD054';
  END IF;
  IF text_ = '' THEN
    RAISE EXCEPTION 'the answer is empty' USING ERRCODE = 'SD005';
  END IF;
  PERFORM refuse_card_number(text_, 'the answer');
  SELECT * INTO cu FROM customer WHERE id = t.customer_id;
  IF cu.email IS NULL THEN
    RAISE EXCEPTION 'the customer has no registered e-mail: add one to the profile first' USING ERRCODE = 'SD054';
  END IF;
  INSERT INTO outbox(channel, recipient, subject, body, customer_id, interaction_id)
  VALUES ('email', cu.email,
          CASE cu.language WHEN 'en' THEN format('Answer to your request No. %s: %s', t.id, t.subject)
                           ELSE format('Відповідь на звернення № %s: %s', t.id, t.subject) END,
          text_, cu.id, t.interaction_id)
  RETURNING id INTO mail_id;
  UPDATE ticket SET status = 'answered', answer = text_, answered_at = subdesk_now(), answered_by = session_user,
                    answer_outbox_id = mail_id
  WHERE id = t.id;
  RETURN mail_id;
END
$$;

REVOKE EXECUTE ON FUNCTION promotion_fits(promotion, public.line), family_group_locked(bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION promotion_offers(bigint), promotion_join(bigint, int), promotion_leave(bigint, int),
  family_create(bigint, text), family_add(bigint, bigint), family_remove(bigint, bigint),
  ticket_open(bigint, text, text), ticket_answer(bigint, text) TO subdesk_agent;
