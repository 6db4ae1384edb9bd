-- Commitments inserted or deleted many at a time (the Excel import writes 1,000 per statement) move
-- the maintained counts once per statement, not once per row (issue 7, item 5).
--
-- Until now an AFTER … FOR EACH ROW trigger looked up each new or deleted commitment's sheet and,
-- when it was approved, bumped its (campaign, unit, criterion) row: on a 100,000-row import that
-- was a PL/pgSQL call and a lookup per row. The statement-level triggers below read the rows the
-- statement wrote (transition tables), group those of approved sheets by (campaign, unit,
-- criterion) and bump each group once, in the same transaction: the same arithmetic, so the counts
-- and their dated changes come out exactly as before. An update still goes row by row (only the
-- few that move a commitment's outcome, criterion or sheet fire it).
--
-- The province key (migration 0046) is taken from the sheet by a BEFORE INSERT row trigger; it now
-- fires only when the writer did not give the key (a batch insert joins the sheet and gives it).

DROP TRIGGER commitments_counts ON commitments;

-- The rows a statement inserted (+1) or deleted (−1), under one name in both triggers.
CREATE FUNCTION commitments_counts_statement_trg() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  sign int := CASE TG_OP WHEN 'INSERT' THEN 1 ELSE -1 END;
  k record;
BEGIN
  FOR k IN SELECT r.campaign_id, r.unit_id, cr.code, count(*)::int AS registered, count(*) FILTER (WHERE c.achieved)::int AS achieved
             FROM changed_commitments c
             JOIN registrations r ON r.id = c.registration_id
             JOIN criterion_items ci ON ci.id = c.criterion_item_id
             JOIN criteria cr ON cr.id = ci.criterion_id
            WHERE r.status = 'approved'
            GROUP BY 1, 2, 3 ORDER BY 1, 2, 3 LOOP
    PERFORM bump_campaign_counts(k.campaign_id, k.unit_id, k.code, sign * k.registered, sign * k.achieved, 0, 0, NULL, 0, NULL, 0);
  END LOOP;
  RETURN NULL;
END
$$;

CREATE TRIGGER commitments_counts_inserted AFTER INSERT ON commitments
  REFERENCING NEW TABLE AS changed_commitments FOR EACH STATEMENT EXECUTE FUNCTION commitments_counts_statement_trg();
CREATE TRIGGER commitments_counts_deleted AFTER DELETE ON commitments
  REFERENCING OLD TABLE AS changed_commitments FOR EACH STATEMENT EXECUTE FUNCTION commitments_counts_statement_trg();

-- the same function, split so that an insert that carries its key skips the call
DROP TRIGGER commitments_province ON commitments;
CREATE TRIGGER commitments_province BEFORE INSERT ON commitments FOR EACH ROW
  WHEN (NEW.province_id IS NULL) EXECUTE FUNCTION province_from_registration_trg();
CREATE TRIGGER commitments_province_update BEFORE UPDATE OF registration_id ON commitments FOR EACH ROW
  EXECUTE FUNCTION province_from_registration_trg();
