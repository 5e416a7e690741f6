-- The search box and the subscriber card (issue 4).
--   kyiv_iso(t)                    how the card shows a moment: ISO 8601 in Europe/Kyiv
--   customer_ids_by_document(doc)  document-number search, office staff (sales and up)
--                                  only, every search audited
-- Names are searched with pg_trgm on customer.search_name (0003's GIN and prefix indexes);
-- the desk sets plan_cache_mode = force_custom_plan for those statements itself.
SET LOCAL ROLE subdesk_owner;

-- "2024-05-14T10:00:00+03:00": the wall-clock time in Kyiv with its UTC offset, so that the
-- text is unambiguous around the autumn clock change and sorts like the moment it names.
CREATE FUNCTION kyiv_iso(t timestamptz) RETURNS text
LANGUAGE sql STABLE STRICT PARALLEL SAFE
RETURN to_char(t AT TIME ZONE 'Europe/Kyiv', 'YYYY-MM-DD"T"HH24:MI:SS')
       || to_char((t AT TIME ZONE 'Europe/Kyiv') - (t AT TIME ZONE 'UTC'), '"+"HH24:MI');

-- The customers holding an ID document with this number (spaces and dashes ignored, any
-- case). Document numbers are not readable at the desk (0007), so the search runs here, as
-- the owner, for office staff only (DESIGN.md: agents never see document numbers, and a
-- search by one would be a way to test guesses). Every search writes an audit row
-- ('document_search'): one per customer found, or one without a subject when nothing was
-- found. The number itself is not written to the log, only its kind of match.
CREATE FUNCTION customer_ids_by_document(doc_number text) RETURNS SETOF bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  wanted text := upper(regexp_replace(coalesce(customer_ids_by_document.doc_number, ''), '[[:space:]-]', '', 'g')
                       COLLATE "und-x-icu");
  found bigint[];
  cid bigint;
BEGIN
  IF NOT pg_has_role(session_user, 'subdesk_sales', 'MEMBER') THEN
    RAISE EXCEPTION 'only office staff (sales and up) may search by ID document number'
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF wanted !~ '^[A-ZА-ЯІЇЄҐ0-9]{6,12}$' THEN
    RAISE EXCEPTION 'an ID document number has 6 to 12 letters and digits'
      USING ERRCODE = 'invalid_parameter_value';
  END IF;
  SELECT coalesce(array_agg(c.id ORDER BY c.id), '{}') INTO found
  FROM customer c WHERE c.doc_number = wanted;
  IF cardinality(found) = 0 THEN
    PERFORM audit_read('document_search', NULL, NULL, NULL, jsonb_build_object('found', 0));
  END IF;
  FOREACH cid IN ARRAY found LOOP
    PERFORM audit_read('document_search', cid, NULL, NULL, jsonb_build_object('found', cardinality(found)));
  END LOOP;
  RETURN QUERY SELECT unnest(found);
END
$$;

GRANT EXECUTE ON FUNCTION kyiv_iso(timestamptz) TO subdesk_staff;
GRANT EXECUTE ON FUNCTION customer_ids_by_document(text) TO subdesk_sales;
