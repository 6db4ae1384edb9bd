-- Province scale (issue 7): the tree's paths kept on write, a commitment's outcome stored, and the
-- counts a roll-up needs maintained per (campaign, unit) in the writer's own transaction, so that
-- no request walks the tree or reads the commitments of a subtree.

------------------------------------------------------------------------------------------------
-- 1. The tree's paths with their validity (a closure table over unit_versions).
------------------------------------------------------------------------------------------------
-- One row per (ancestor, descendant, depth) and per combination of versions along the path:
-- `valid_from`..`valid_to` is when that path holds in the tree as of a date (units_as_of), and
-- `valid_from`..`latest_to` when it holds in the permissions' tree (units_latest: a unit's latest
-- version stays in force until the next one, so an ended unit keeps its last parent).
-- Derived data: rebuilt for the moved unit's subtree whenever unit_versions changes.
CREATE TABLE unit_paths (
  ancestor_id uuid NOT NULL,
  descendant_id uuid NOT NULL,
  depth int NOT NULL,
  valid_from date NOT NULL,
  valid_to date,
  latest_to date
);
CREATE INDEX unit_paths_ancestor ON unit_paths (ancestor_id, depth) INCLUDE (descendant_id, valid_from, valid_to, latest_to);
CREATE INDEX unit_paths_descendant ON unit_paths (descendant_id) INCLUDE (ancestor_id, depth, valid_from, valid_to, latest_to);

-- Recomputes the paths of the given units (as descendants). The window over unit_versions gives
-- each version the day before the next one starts (the permissions' tree).
CREATE FUNCTION unit_paths_compute(targets uuid[]) RETURNS void
LANGUAGE sql AS $$
  INSERT INTO unit_paths (ancestor_id, descendant_id, depth, valid_from, valid_to, latest_to)
  WITH RECURSIVE v AS (
    SELECT unit_id, parent_id, valid_from AS f, valid_to AS t,
           (lead(valid_from) OVER (PARTITION BY unit_id ORDER BY valid_from) - 1) AS lt
      FROM unit_versions
  ), p(ancestor_id, descendant_id, depth, f, t, lt) AS (
    SELECT unit_id, unit_id, 0, f, t, lt FROM v WHERE unit_id = ANY(targets)
    UNION ALL
    -- LEAST/GREATEST ignore NULLs: an open end stays open only when every link is open.
    SELECT pv.parent_id, p.descendant_id, p.depth + 1, GREATEST(p.f, pv.f), LEAST(p.t, pv.t), LEAST(p.lt, pv.lt)
      FROM p JOIN v pv ON pv.unit_id = p.ancestor_id
     WHERE pv.parent_id IS NOT NULL AND p.depth < 50
       AND GREATEST(p.f, pv.f) <= COALESCE(LEAST(p.lt, pv.lt), 'infinity'::date)
  )
  SELECT ancestor_id, descendant_id, depth, f, t, lt FROM p
$$;

-- The unit and every unit that was ever below it get their paths recomputed.
CREATE FUNCTION unit_paths_refresh(changed uuid) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  targets uuid[];
BEGIN
  SELECT array_agg(DISTINCT descendant_id) INTO targets FROM unit_paths WHERE ancestor_id = changed;
  targets := array_append(COALESCE(targets, '{}'::uuid[]), changed);
  DELETE FROM unit_paths WHERE descendant_id = ANY(targets);
  PERFORM unit_paths_compute(targets);
END
$$;

-- Every path, from scratch: after a bulk load that deferred the trigger (dvk.defer_paths = on).
CREATE FUNCTION unit_paths_rebuild() RETURNS void
LANGUAGE sql AS $$
  DELETE FROM unit_paths;
  SELECT unit_paths_compute(array_agg(id)) FROM units;
$$;

CREATE FUNCTION unit_versions_paths_trg() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('dvk.defer_paths', true) = 'on' THEN RETURN NULL; END IF;
  IF TG_OP = 'DELETE' THEN
    PERFORM unit_paths_refresh(OLD.unit_id);
  ELSE
    PERFORM unit_paths_refresh(NEW.unit_id);
    IF TG_OP = 'UPDATE' AND OLD.unit_id <> NEW.unit_id THEN PERFORM unit_paths_refresh(OLD.unit_id); END IF;
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER unit_versions_paths AFTER INSERT OR UPDATE OR DELETE ON unit_versions
  FOR EACH ROW EXECUTE FUNCTION unit_versions_paths_trg();

SELECT unit_paths_rebuild();

-- The same functions as before, read from the paths instead of walking unit_versions.
CREATE OR REPLACE FUNCTION unit_subtree(root uuid, d date) RETURNS TABLE (unit_id uuid, depth int)
LANGUAGE sql STABLE AS $$
  SELECT root, 0
  UNION ALL
  SELECT p.descendant_id, p.depth FROM unit_paths p
   WHERE p.ancestor_id = root AND p.depth > 0 AND p.valid_from <= d AND (p.valid_to IS NULL OR p.valid_to >= d)
$$;

CREATE OR REPLACE FUNCTION unit_ancestors(u uuid, d date) RETURNS TABLE (unit_id uuid, depth int)
LANGUAGE sql STABLE AS $$
  SELECT u, 0
  UNION ALL
  SELECT p.ancestor_id, p.depth FROM unit_paths p
   WHERE p.descendant_id = u AND p.depth > 0 AND p.valid_from <= d AND (p.valid_to IS NULL OR p.valid_to >= d)
$$;

CREATE OR REPLACE FUNCTION unit_scope_subtree(root uuid, d date) RETURNS TABLE (unit_id uuid)
LANGUAGE sql STABLE AS $$
  SELECT root
  UNION ALL
  SELECT p.descendant_id FROM unit_paths p
   WHERE p.ancestor_id = root AND p.depth > 0 AND p.valid_from <= d AND (p.latest_to IS NULL OR p.latest_to >= d)
$$;

------------------------------------------------------------------------------------------------
-- 2. A commitment's outcome, stored. Written by the registrations owner (commitment-outcomes.ts)
--    with the one rule of src/domain whenever its status, its judgement or a violation changes;
--    NULL until first computed (rows older than this migration are filled in at start).
------------------------------------------------------------------------------------------------
ALTER TABLE commitments ADD COLUMN achieved boolean;
ALTER TABLE commitments ALTER COLUMN achieved SET DEFAULT false;
CREATE INDEX violations_campaign_person ON violations (campaign_id, person_id);
CREATE INDEX violations_commitment ON violations (commitment_id) WHERE commitment_id IS NOT NULL;
CREATE INDEX registrations_campaign_person ON registrations (campaign_id, person_id) WHERE person_id IS NOT NULL;
CREATE INDEX commendation_proposals_model ON commendation_proposals (model_id) WHERE model_id IS NOT NULL;

------------------------------------------------------------------------------------------------
-- 3. Counts per (campaign, unit), maintained by triggers in the writer's transaction.
------------------------------------------------------------------------------------------------
-- Arithmetic only (no rule): what counts is decided by the rows themselves — an approved sheet's
-- commitments are registered, a commitment whose stored outcome is achieved is achieved. Rows per
-- criterion (criterion_code 'I'…'V') hold registered/achieved; the row with criterion_code ''
-- holds the unit's other figures. Each unit has its own rows, so writers in sibling cells never
-- queue on an ancestor's row; a roll-up sums them over the units of a subtree (unit_paths).
CREATE TABLE campaign_counts (
  campaign_id uuid NOT NULL,
  unit_id uuid NOT NULL,
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
  PRIMARY KEY (campaign_id, unit_id, criterion_code)
);

-- The same deltas by the Vietnamese day they were written: figures as of a past day are today's
-- minus what changed after it (a campaign that has ended reports as of its last day).
CREATE TABLE campaign_count_changes (
  campaign_id uuid NOT NULL,
  day date NOT NULL,
  unit_id uuid NOT NULL,
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
  PRIMARY KEY (campaign_id, day, unit_id, criterion_code)
);

-- Members per unit over time: +1 on a position's first day, −1 the day after its last.
CREATE TABLE unit_member_changes (
  unit_id uuid NOT NULL,
  day date NOT NULL,
  delta int NOT NULL,
  PRIMARY KEY (unit_id, day)
);

-- The day a change is written on: the Vietnamese day, unless a loader of past data says otherwise.
-- `dvk.no_history = on` (demo seed, test fixtures, backfills) writes the counts without a dated
-- change: the rows are the starting state, as if they had always been there.
CREATE FUNCTION campaign_change_day() RETURNS date
LANGUAGE sql STABLE AS $$
  SELECT COALESCE(NULLIF(current_setting('dvk.change_day', true), '')::date, (now() AT TIME ZONE 'Asia/Ho_Chi_Minh')::date)
$$;

CREATE FUNCTION bump_campaign_counts(c uuid, u uuid, crit text, d_registered int, d_achieved int, d_registrants int, d_models int,
                                     v_kind text, d_violations int, p_status text, d_proposals int) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  vt int := CASE WHEN v_kind = 'traffic' THEN d_violations ELSE 0 END;
  vl int := CASE WHEN v_kind = 'littering' THEN d_violations ELSE 0 END;
  vd int := CASE WHEN v_kind = 'disorder' THEN d_violations ELSE 0 END;
  vh int := CASE WHEN v_kind = 'harassment' THEN d_violations ELSE 0 END;
  vo int := CASE WHEN v_kind = 'other' THEN d_violations ELSE 0 END;
  pp int := CASE WHEN p_status = 'proposed' THEN d_proposals ELSE 0 END;
  pa int := CASE WHEN p_status = 'approved' THEN d_proposals ELSE 0 END;
  pd int := CASE WHEN p_status = 'declined' THEN d_proposals ELSE 0 END;
BEGIN
  IF c IS NULL OR u IS NULL OR crit IS NULL THEN RETURN; END IF;
  INSERT INTO campaign_counts AS k (campaign_id, unit_id, criterion_code, registered, achieved, registrants, models,
      violations_traffic, violations_littering, violations_disorder, violations_harassment, violations_other,
      proposals_proposed, proposals_approved, proposals_declined)
    VALUES (c, u, crit, d_registered, d_achieved, d_registrants, d_models, vt, vl, vd, vh, vo, pp, pa, pd)
  ON CONFLICT (campaign_id, unit_id, criterion_code) DO UPDATE SET
    registered = k.registered + EXCLUDED.registered, achieved = k.achieved + EXCLUDED.achieved,
    registrants = k.registrants + EXCLUDED.registrants, models = k.models + EXCLUDED.models,
    violations_traffic = k.violations_traffic + EXCLUDED.violations_traffic,
    violations_littering = k.violations_littering + EXCLUDED.violations_littering,
    violations_disorder = k.violations_disorder + EXCLUDED.violations_disorder,
    violations_harassment = k.violations_harassment + EXCLUDED.violations_harassment,
    violations_other = k.violations_other + EXCLUDED.violations_other,
    proposals_proposed = k.proposals_proposed + EXCLUDED.proposals_proposed,
    proposals_approved = k.proposals_approved + EXCLUDED.proposals_approved,
    proposals_declined = k.proposals_declined + EXCLUDED.proposals_declined;
  IF current_setting('dvk.no_history', true) = 'on' THEN RETURN; END IF;
  INSERT INTO campaign_count_changes AS k (campaign_id, day, unit_id, criterion_code, registered, achieved, registrants, models,
      violations_traffic, violations_littering, violations_disorder, violations_harassment, violations_other,
      proposals_proposed, proposals_approved, proposals_declined)
    VALUES (c, campaign_change_day(), u, crit, d_registered, d_achieved, d_registrants, d_models, vt, vl, vd, vh, vo, pp, pa, pd)
  ON CONFLICT (campaign_id, day, unit_id, criterion_code) DO UPDATE SET
    registered = k.registered + EXCLUDED.registered, achieved = k.achieved + EXCLUDED.achieved,
    registrants = k.registrants + EXCLUDED.registrants, models = k.models + EXCLUDED.models,
    violations_traffic = k.violations_traffic + EXCLUDED.violations_traffic,
    violations_littering = k.violations_littering + EXCLUDED.violations_littering,
    violations_disorder = k.violations_disorder + EXCLUDED.violations_disorder,
    violations_harassment = k.violations_harassment + EXCLUDED.violations_harassment,
    violations_other = k.violations_other + EXCLUDED.violations_other,
    proposals_proposed = k.proposals_proposed + EXCLUDED.proposals_proposed,
    proposals_approved = k.proposals_approved + EXCLUDED.proposals_approved,
    proposals_declined = k.proposals_declined + EXCLUDED.proposals_declined;
END
$$;

CREATE FUNCTION criterion_code_of_item(item uuid) RETURNS text
LANGUAGE sql STABLE AS $$
  SELECT cr.code FROM criterion_items ci JOIN criteria cr ON cr.id = ci.criterion_id WHERE ci.id = item
$$;

-- A commitment counts when its sheet is approved: registered 1, achieved 1 when its outcome is.
CREATE FUNCTION commitments_counts_trg() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  r record;
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    SELECT campaign_id, unit_id, status INTO r FROM registrations WHERE id = OLD.registration_id;
    IF r.status = 'approved' THEN
      PERFORM bump_campaign_counts(r.campaign_id, r.unit_id, criterion_code_of_item(OLD.criterion_item_id), -1, -(COALESCE(OLD.achieved, false))::int, 0, 0, NULL, 0, NULL, 0);
    END IF;
  END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') THEN
    SELECT campaign_id, unit_id, status INTO r FROM registrations WHERE id = NEW.registration_id;
    IF r.status = 'approved' THEN
      PERFORM bump_campaign_counts(r.campaign_id, r.unit_id, criterion_code_of_item(NEW.criterion_item_id), 1, (COALESCE(NEW.achieved, false))::int, 0, 0, NULL, 0, NULL, 0);
    END IF;
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER commitments_counts AFTER INSERT OR DELETE ON commitments FOR EACH ROW EXECUTE FUNCTION commitments_counts_trg();
CREATE TRIGGER commitments_counts_update AFTER UPDATE ON commitments FOR EACH ROW
  WHEN (OLD.achieved IS DISTINCT FROM NEW.achieved OR OLD.criterion_item_id <> NEW.criterion_item_id OR OLD.registration_id <> NEW.registration_id)
  EXECUTE FUNCTION commitments_counts_trg();

-- A sheet entering or leaving 'approved' adds or removes its commitments, its models and its member.
CREATE FUNCTION registration_contribution(reg uuid, c uuid, u uuid, person uuid, sign int) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  k record;
  n int;
BEGIN
  FOR k IN SELECT criterion_code_of_item(criterion_item_id) AS code, count(*)::int AS registered, count(*) FILTER (WHERE achieved)::int AS achieved
             FROM commitments WHERE registration_id = reg GROUP BY 1 LOOP
    PERFORM bump_campaign_counts(c, u, k.code, sign * k.registered, sign * k.achieved, 0, 0, NULL, 0, NULL, 0);
  END LOOP;
  SELECT count(*)::int INTO n FROM models WHERE registration_id = reg;
  PERFORM bump_campaign_counts(c, u, '', 0, 0, sign * (person IS NOT NULL)::int, sign * n, NULL, 0, NULL, 0);
END
$$;

CREATE FUNCTION registrations_counts_trg() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    -- its commitments and models were deleted first (foreign keys): only the member is left
    IF OLD.status = 'approved' THEN PERFORM bump_campaign_counts(OLD.campaign_id, OLD.unit_id, '', 0, 0, -(OLD.person_id IS NOT NULL)::int, 0, NULL, 0, NULL, 0); END IF;
    RETURN NULL;
  END IF;
  IF TG_OP = 'INSERT' THEN
    IF NEW.status = 'approved' THEN PERFORM registration_contribution(NEW.id, NEW.campaign_id, NEW.unit_id, NEW.person_id, 1); END IF;
    RETURN NULL;
  END IF;
  IF OLD.status = 'approved' THEN PERFORM registration_contribution(OLD.id, OLD.campaign_id, OLD.unit_id, OLD.person_id, -1); END IF;
  IF NEW.status = 'approved' THEN PERFORM registration_contribution(NEW.id, NEW.campaign_id, NEW.unit_id, NEW.person_id, 1); END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER registrations_counts AFTER INSERT OR DELETE ON registrations FOR EACH ROW EXECUTE FUNCTION registrations_counts_trg();
CREATE TRIGGER registrations_counts_update AFTER UPDATE ON registrations FOR EACH ROW
  WHEN ((OLD.status = 'approved' OR NEW.status = 'approved') AND (OLD.status IS DISTINCT FROM NEW.status OR OLD.unit_id <> NEW.unit_id
        OR OLD.campaign_id <> NEW.campaign_id OR OLD.person_id IS DISTINCT FROM NEW.person_id))
  EXECUTE FUNCTION registrations_counts_trg();

CREATE FUNCTION models_counts_trg() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  r record;
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    SELECT campaign_id, unit_id, status INTO r FROM registrations WHERE id = OLD.registration_id;
    IF r.status = 'approved' THEN PERFORM bump_campaign_counts(r.campaign_id, r.unit_id, '', 0, 0, 0, -1, NULL, 0, NULL, 0); END IF;
  END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') THEN
    SELECT campaign_id, unit_id, status INTO r FROM registrations WHERE id = NEW.registration_id;
    IF r.status = 'approved' THEN PERFORM bump_campaign_counts(r.campaign_id, r.unit_id, '', 0, 0, 0, 1, NULL, 0, NULL, 0); END IF;
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER models_counts AFTER INSERT OR DELETE ON models FOR EACH ROW EXECUTE FUNCTION models_counts_trg();
CREATE TRIGGER models_counts_update AFTER UPDATE ON models FOR EACH ROW
  WHEN (OLD.registration_id <> NEW.registration_id) EXECUTE FUNCTION models_counts_trg();

CREATE FUNCTION violations_counts_trg() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN PERFORM bump_campaign_counts(OLD.campaign_id, OLD.unit_id, '', 0, 0, 0, 0, OLD.kind, -1, NULL, 0); END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') THEN PERFORM bump_campaign_counts(NEW.campaign_id, NEW.unit_id, '', 0, 0, 0, 0, NEW.kind, 1, NULL, 0); END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER violations_counts AFTER INSERT OR DELETE ON violations FOR EACH ROW EXECUTE FUNCTION violations_counts_trg();
CREATE TRIGGER violations_counts_update AFTER UPDATE ON violations FOR EACH ROW
  WHEN (OLD.kind <> NEW.kind OR OLD.unit_id <> NEW.unit_id OR OLD.campaign_id <> NEW.campaign_id) EXECUTE FUNCTION violations_counts_trg();

CREATE FUNCTION proposals_counts_trg() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN PERFORM bump_campaign_counts(OLD.campaign_id, OLD.unit_id, '', 0, 0, 0, 0, NULL, 0, OLD.status, -1); END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') THEN PERFORM bump_campaign_counts(NEW.campaign_id, NEW.unit_id, '', 0, 0, 0, 0, NULL, 0, NEW.status, 1); END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER proposals_counts AFTER INSERT OR DELETE ON commendation_proposals FOR EACH ROW EXECUTE FUNCTION proposals_counts_trg();
CREATE TRIGGER proposals_counts_update AFTER UPDATE ON commendation_proposals FOR EACH ROW
  WHEN (OLD.status <> NEW.status OR OLD.unit_id <> NEW.unit_id OR OLD.campaign_id <> NEW.campaign_id) EXECUTE FUNCTION proposals_counts_trg();

CREATE FUNCTION bump_unit_members(u uuid, d date, delta int) RETURNS void
LANGUAGE sql AS $$
  INSERT INTO unit_member_changes AS m (unit_id, day, delta) VALUES (u, d, delta)
  ON CONFLICT (unit_id, day) DO UPDATE SET delta = m.delta + EXCLUDED.delta
$$;

CREATE FUNCTION positions_members_trg() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM bump_unit_members(OLD.unit_id, OLD.start_date, -1);
    IF OLD.end_date IS NOT NULL THEN PERFORM bump_unit_members(OLD.unit_id, OLD.end_date + 1, 1); END IF;
  END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') THEN
    PERFORM bump_unit_members(NEW.unit_id, NEW.start_date, 1);
    IF NEW.end_date IS NOT NULL THEN PERFORM bump_unit_members(NEW.unit_id, NEW.end_date + 1, -1); END IF;
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER positions_members AFTER INSERT OR DELETE ON positions FOR EACH ROW EXECUTE FUNCTION positions_members_trg();
CREATE TRIGGER positions_members_update AFTER UPDATE ON positions FOR EACH ROW
  WHEN (OLD.unit_id <> NEW.unit_id OR OLD.start_date <> NEW.start_date OR OLD.end_date IS DISTINCT FROM NEW.end_date)
  EXECUTE FUNCTION positions_members_trg();

-- The starting state from the rows already there (outcomes are filled in at start, which then
-- adds the achieved counts without dated changes).
SELECT set_config('dvk.no_history', 'on', true);
INSERT INTO campaign_counts (campaign_id, unit_id, criterion_code, registered)
  SELECT r.campaign_id, r.unit_id, criterion_code_of_item(c.criterion_item_id), count(*)
    FROM commitments c JOIN registrations r ON r.id = c.registration_id WHERE r.status = 'approved' GROUP BY 1, 2, 3;
INSERT INTO campaign_counts (campaign_id, unit_id, criterion_code, registrants, models)
  SELECT r.campaign_id, r.unit_id, '', count(*) FILTER (WHERE r.person_id IS NOT NULL),
         COALESCE(sum((SELECT count(*) FROM models m WHERE m.registration_id = r.id)), 0)
    FROM registrations r WHERE r.status = 'approved' GROUP BY 1, 2;
SELECT bump_campaign_counts(v.campaign_id, v.unit_id, '', 0, 0, 0, 0, v.kind, 1, NULL, 0) FROM violations v;
SELECT bump_campaign_counts(p.campaign_id, p.unit_id, '', 0, 0, 0, 0, NULL, 0, p.status, 1) FROM commendation_proposals p;
SELECT bump_unit_members(p.unit_id, p.start_date, 1) FROM positions p;
SELECT bump_unit_members(p.unit_id, p.end_date + 1, -1) FROM positions p WHERE p.end_date IS NOT NULL;
SELECT set_config('dvk.no_history', '', true);
