-- Roll-ups of a province in constant time (issue 7): the counts of every unit's branch (all its
-- descendants) kept on write, so the live roll-up of a unit reads its own counts and those of its
-- children's branches: rows per child, never per unit of the subtree.
--
-- Writers never queue on an ancestor's row: a change of a unit's counts (campaign_counts, members,
-- the tree itself) appends delta rows for each of its ancestors, and a background job folds them
-- into the branch rows (branch_counts_fold, one folder at a time). A reader adds the deltas not
-- folded yet, so what it reads is exact at every moment.
--
-- The branches follow the open-ended tree (paths with no end date). When that is not today's tree
-- (a move or an end dated in the future, an end today), and for any past date, the roll-up sums
-- the per-unit counts of the tree as of its date instead (reports.figures.ts).

CREATE TABLE campaign_branch_counts (
  campaign_id uuid NOT NULL,
  ancestor_id uuid NOT NULL,
  criterion_code text NOT NULL,
  registered int NOT NULL DEFAULT 0,
  achieved int NOT NULL DEFAULT 0,
  registrants int NOT NULL DEFAULT 0,
  models int NOT NULL DEFAULT 0,
  violations_traffic int NOT NULL DEFAULT 0,
  violations_littering int NOT NULL DEFAULT 0,
  violations_disorder int NOT NULL DEFAULT 0,
  violations_harassment int NOT NULL DEFAULT 0,
  violations_other int NOT NULL DEFAULT 0,
  proposals_proposed int NOT NULL DEFAULT 0,
  proposals_approved int NOT NULL DEFAULT 0,
  proposals_declined int NOT NULL DEFAULT 0,
  PRIMARY KEY (campaign_id, ancestor_id, criterion_code)
);

CREATE TABLE campaign_branch_deltas (
  id bigserial PRIMARY KEY,
  campaign_id uuid NOT NULL,
  ancestor_id uuid NOT NULL,
  criterion_code text NOT NULL,
  registered int NOT NULL DEFAULT 0,
  achieved int NOT NULL DEFAULT 0,
  registrants int NOT NULL DEFAULT 0,
  models int NOT NULL DEFAULT 0,
  violations_traffic int NOT NULL DEFAULT 0,
  violations_littering int NOT NULL DEFAULT 0,
  violations_disorder int NOT NULL DEFAULT 0,
  violations_harassment int NOT NULL DEFAULT 0,
  violations_other int NOT NULL DEFAULT 0,
  proposals_proposed int NOT NULL DEFAULT 0,
  proposals_approved int NOT NULL DEFAULT 0,
  proposals_declined int NOT NULL DEFAULT 0
);
CREATE INDEX campaign_branch_deltas_ancestor ON campaign_branch_deltas (campaign_id, ancestor_id);

-- Members of a branch: the sum of every day's change (members), the changes by day (to take off
-- those after the day asked for: positions that start or end in the future), and deltas not folded.
CREATE TABLE branch_members (
  ancestor_id uuid PRIMARY KEY,
  members int NOT NULL DEFAULT 0
);
CREATE TABLE branch_member_changes (
  ancestor_id uuid NOT NULL,
  day date NOT NULL,
  delta int NOT NULL,
  PRIMARY KEY (ancestor_id, day)
);
CREATE TABLE branch_member_deltas (
  id bigserial PRIMARY KEY,
  ancestor_id uuid NOT NULL,
  day date NOT NULL,
  delta int NOT NULL
);
CREATE INDEX branch_member_deltas_ancestor ON branch_member_deltas (ancestor_id, day);

-- Units of each kind in a branch (the roll-up counts the units that report). Written only when the
-- tree changes, a rare act of the level above: directly, without deltas.
CREATE TABLE branch_unit_kinds (
  ancestor_id uuid NOT NULL,
  kind text NOT NULL,
  units int NOT NULL,
  PRIMARY KEY (ancestor_id, kind)
);

-- Is today's tree the open-ended one? (no path starting after today, none ending today or later)
CREATE INDEX unit_paths_valid_from ON unit_paths (valid_from);
CREATE INDEX unit_paths_valid_to ON unit_paths (valid_to) WHERE valid_to IS NOT NULL;

-- A unit's counts changed: the same change for each of its ancestors.
CREATE FUNCTION campaign_counts_branch_trg() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('dvk.branch_rebuild', true) = 'on' THEN RETURN NULL; END IF;
  INSERT INTO campaign_branch_deltas (campaign_id, ancestor_id, criterion_code, registered, achieved, registrants, models, violations_traffic, violations_littering, violations_disorder, violations_harassment, violations_other, proposals_proposed, proposals_approved, proposals_declined)
  SELECT COALESCE(NEW.campaign_id, OLD.campaign_id), p.ancestor_id, COALESCE(NEW.criterion_code, OLD.criterion_code),
         COALESCE(NEW.registered, 0) - COALESCE(OLD.registered, 0), COALESCE(NEW.achieved, 0) - COALESCE(OLD.achieved, 0), COALESCE(NEW.registrants, 0) - COALESCE(OLD.registrants, 0), COALESCE(NEW.models, 0) - COALESCE(OLD.models, 0), COALESCE(NEW.violations_traffic, 0) - COALESCE(OLD.violations_traffic, 0), COALESCE(NEW.violations_littering, 0) - COALESCE(OLD.violations_littering, 0), COALESCE(NEW.violations_disorder, 0) - COALESCE(OLD.violations_disorder, 0), COALESCE(NEW.violations_harassment, 0) - COALESCE(OLD.violations_harassment, 0), COALESCE(NEW.violations_other, 0) - COALESCE(OLD.violations_other, 0), COALESCE(NEW.proposals_proposed, 0) - COALESCE(OLD.proposals_proposed, 0), COALESCE(NEW.proposals_approved, 0) - COALESCE(OLD.proposals_approved, 0), COALESCE(NEW.proposals_declined, 0) - COALESCE(OLD.proposals_declined, 0)
    FROM unit_paths p
   WHERE p.descendant_id = COALESCE(NEW.unit_id, OLD.unit_id) AND p.depth > 0 AND p.valid_to IS NULL;
  RETURN NULL;
END
$$;
CREATE TRIGGER campaign_counts_branch AFTER INSERT OR UPDATE OR DELETE ON campaign_counts
  FOR EACH ROW EXECUTE FUNCTION campaign_counts_branch_trg();

CREATE FUNCTION unit_member_changes_branch_trg() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('dvk.branch_rebuild', true) = 'on' THEN RETURN NULL; END IF;
  INSERT INTO branch_member_deltas (ancestor_id, day, delta)
  SELECT p.ancestor_id, COALESCE(NEW.day, OLD.day), COALESCE(NEW.delta, 0) - COALESCE(OLD.delta, 0)
    FROM unit_paths p
   WHERE p.descendant_id = COALESCE(NEW.unit_id, OLD.unit_id) AND p.depth > 0 AND p.valid_to IS NULL;
  RETURN NULL;
END
$$;
CREATE TRIGGER unit_member_changes_branch AFTER INSERT OR UPDATE OR DELETE ON unit_member_changes
  FOR EACH ROW EXECUTE FUNCTION unit_member_changes_branch_trg();

-- A path of the open-ended tree appears (sign 1) or goes (sign -1): the descendant's counts,
-- members and kind move into or out of the ancestor's branch.
CREATE FUNCTION branch_path_moved(anc uuid, des uuid, sign int) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO campaign_branch_deltas (campaign_id, ancestor_id, criterion_code, registered, achieved, registrants, models, violations_traffic, violations_littering, violations_disorder, violations_harassment, violations_other, proposals_proposed, proposals_approved, proposals_declined)
  SELECT k.campaign_id, anc, k.criterion_code, sign * k.registered, sign * k.achieved, sign * k.registrants, sign * k.models, sign * k.violations_traffic, sign * k.violations_littering, sign * k.violations_disorder, sign * k.violations_harassment, sign * k.violations_other, sign * k.proposals_proposed, sign * k.proposals_approved, sign * k.proposals_declined
    FROM campaign_counts k WHERE k.unit_id = des;
  INSERT INTO branch_member_deltas (ancestor_id, day, delta)
  SELECT anc, m.day, sign * m.delta FROM unit_member_changes m WHERE m.unit_id = des;
  INSERT INTO branch_unit_kinds AS b (ancestor_id, kind, units)
  SELECT anc, u.kind, sign FROM units u WHERE u.id = des
  ON CONFLICT (ancestor_id, kind) DO UPDATE SET units = b.units + EXCLUDED.units;
END
$$;

CREATE FUNCTION unit_paths_branch_trg() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('dvk.branch_rebuild', true) = 'on' THEN RETURN NULL; END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.depth > 0 AND OLD.valid_to IS NULL THEN
    PERFORM branch_path_moved(OLD.ancestor_id, OLD.descendant_id, -1);
  END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') AND NEW.depth > 0 AND NEW.valid_to IS NULL THEN
    PERFORM branch_path_moved(NEW.ancestor_id, NEW.descendant_id, 1);
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER unit_paths_branch AFTER INSERT OR UPDATE OR DELETE ON unit_paths
  FOR EACH ROW EXECUTE FUNCTION unit_paths_branch_trg();

-- A unit whose kind changes moves between the kind counts of its ancestors' branches.
CREATE FUNCTION units_kind_branch_trg() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('dvk.branch_rebuild', true) = 'on' THEN RETURN NULL; END IF;
  INSERT INTO branch_unit_kinds AS b (ancestor_id, kind, units)
  SELECT p.ancestor_id, k.kind, k.sign
    FROM unit_paths p, (VALUES (OLD.kind, -1), (NEW.kind, 1)) AS k(kind, sign)
   WHERE p.descendant_id = NEW.id AND p.depth > 0 AND p.valid_to IS NULL
  ON CONFLICT (ancestor_id, kind) DO UPDATE SET units = b.units + EXCLUDED.units;
  RETURN NULL;
END
$$;
CREATE TRIGGER units_kind_branch AFTER UPDATE OF kind ON units
  FOR EACH ROW WHEN (OLD.kind IS DISTINCT FROM NEW.kind) EXECUTE FUNCTION units_kind_branch_trg();

-- Folds the deltas into the branch rows; one folder at a time (others return at once). A delta
-- committed while this runs is left for the next fold: the DELETE sees only its snapshot's rows.
CREATE FUNCTION branch_counts_fold() RETURNS int
LANGUAGE plpgsql AS $$
DECLARE
  n int;
  m int;
BEGIN
  IF NOT pg_try_advisory_xact_lock(7361003) THEN RETURN 0; END IF;
  WITH moved AS (DELETE FROM campaign_branch_deltas RETURNING *)
  INSERT INTO campaign_branch_counts AS k (campaign_id, ancestor_id, criterion_code, registered, achieved, registrants, models, violations_traffic, violations_littering, violations_disorder, violations_harassment, violations_other, proposals_proposed, proposals_approved, proposals_declined)
  SELECT campaign_id, ancestor_id, criterion_code, sum(registered)::int, sum(achieved)::int, sum(registrants)::int, sum(models)::int, sum(violations_traffic)::int, sum(violations_littering)::int, sum(violations_disorder)::int, sum(violations_harassment)::int, sum(violations_other)::int, sum(proposals_proposed)::int, sum(proposals_approved)::int, sum(proposals_declined)::int
    FROM moved GROUP BY 1, 2, 3
  ON CONFLICT (campaign_id, ancestor_id, criterion_code) DO UPDATE SET
    registered = k.registered + EXCLUDED.registered,
    achieved = k.achieved + EXCLUDED.achieved,
    registrants = k.registrants + EXCLUDED.registrants,
    models = k.models + EXCLUDED.models,
    violations_traffic = k.violations_traffic + EXCLUDED.violations_traffic,
    violations_littering = k.violations_littering + EXCLUDED.violations_littering,
    violations_disorder = k.violations_disorder + EXCLUDED.violations_disorder,
    violations_harassment = k.violations_harassment + EXCLUDED.violations_harassment,
    violations_other = k.violations_other + EXCLUDED.violations_other,
    proposals_proposed = k.proposals_proposed + EXCLUDED.proposals_proposed,
    proposals_approved = k.proposals_approved + EXCLUDED.proposals_approved,
    proposals_declined = k.proposals_declined + EXCLUDED.proposals_declined;
  GET DIAGNOSTICS n = ROW_COUNT;
  WITH moved AS (DELETE FROM branch_member_deltas RETURNING *),
       per_day AS (SELECT ancestor_id, day, sum(delta)::int AS delta FROM moved GROUP BY 1, 2),
       changes AS (
         INSERT INTO branch_member_changes AS c (ancestor_id, day, delta) SELECT ancestor_id, day, delta FROM per_day
         ON CONFLICT (ancestor_id, day) DO UPDATE SET delta = c.delta + EXCLUDED.delta
       )
  INSERT INTO branch_members AS b (ancestor_id, members)
  SELECT ancestor_id, sum(delta)::int FROM per_day GROUP BY 1
  ON CONFLICT (ancestor_id) DO UPDATE SET members = b.members + EXCLUDED.members;
  GET DIAGNOSTICS m = ROW_COUNT;
  RETURN n + m;
END
$$;

-- Every branch row from scratch: after a bulk load with row triggers off, and after rebuilding the paths.
CREATE FUNCTION branch_counts_rebuild() RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM campaign_branch_deltas;
  DELETE FROM campaign_branch_counts;
  DELETE FROM branch_member_deltas;
  DELETE FROM branch_member_changes;
  DELETE FROM branch_members;
  DELETE FROM branch_unit_kinds;
  INSERT INTO campaign_branch_counts (campaign_id, ancestor_id, criterion_code, registered, achieved, registrants, models, violations_traffic, violations_littering, violations_disorder, violations_harassment, violations_other, proposals_proposed, proposals_approved, proposals_declined)
  SELECT k.campaign_id, p.ancestor_id, k.criterion_code, sum(k.registered)::int, sum(k.achieved)::int, sum(k.registrants)::int, sum(k.models)::int, sum(k.violations_traffic)::int, sum(k.violations_littering)::int, sum(k.violations_disorder)::int, sum(k.violations_harassment)::int, sum(k.violations_other)::int, sum(k.proposals_proposed)::int, sum(k.proposals_approved)::int, sum(k.proposals_declined)::int
    FROM campaign_counts k JOIN unit_paths p ON p.descendant_id = k.unit_id AND p.depth > 0 AND p.valid_to IS NULL
   GROUP BY 1, 2, 3;
  INSERT INTO branch_member_changes (ancestor_id, day, delta)
  SELECT p.ancestor_id, m.day, sum(m.delta)::int
    FROM unit_member_changes m JOIN unit_paths p ON p.descendant_id = m.unit_id AND p.depth > 0 AND p.valid_to IS NULL
   GROUP BY 1, 2;
  INSERT INTO branch_members (ancestor_id, members) SELECT ancestor_id, sum(delta)::int FROM branch_member_changes GROUP BY 1;
  INSERT INTO branch_unit_kinds (ancestor_id, kind, units)
  SELECT p.ancestor_id, u.kind, count(*)::int
    FROM unit_paths p JOIN units u ON u.id = p.descendant_id WHERE p.depth > 0 AND p.valid_to IS NULL
   GROUP BY 1, 2;
END
$$;

-- Rebuilding the paths (bulk loads) rebuilds the branches once, not row by row.
CREATE OR REPLACE FUNCTION unit_paths_rebuild() RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM set_config('dvk.branch_rebuild', 'on', true);
  DELETE FROM unit_paths;
  PERFORM unit_paths_compute(array_agg(id)) FROM units;
  PERFORM set_config('dvk.branch_rebuild', '', true);
  PERFORM branch_counts_rebuild();
END
$$;

SELECT branch_counts_rebuild();
