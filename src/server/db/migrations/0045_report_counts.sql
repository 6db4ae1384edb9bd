-- Where the result reports stand, kept with the other counts (issue 7, item 4): "who has not
-- reported" at a province reads the counts of the children's branches (rows per child), never the
-- reports or the units of the subtree. Per unit, in its campaign_counts row '' : its report
-- submitted on time, submitted late (sent, as a Vietnamese day, after the campaign's report
-- deadline), still a draft; and whether the unit that wrote it is of a kind that does not have to
-- report (reports_other_kind: the units expected to report are those of a reporting kind, counted
-- in branch_unit_kinds, and any other unit that started a report — reports.policy.ts).
-- The states are today's (a report is not dated history): no dated change is written for them.

ALTER TABLE campaign_counts ADD COLUMN reports_on_time int NOT NULL DEFAULT 0, ADD COLUMN reports_late int NOT NULL DEFAULT 0, ADD COLUMN reports_draft int NOT NULL DEFAULT 0, ADD COLUMN reports_other_kind int NOT NULL DEFAULT 0;
ALTER TABLE campaign_count_changes ADD COLUMN reports_on_time int NOT NULL DEFAULT 0, ADD COLUMN reports_late int NOT NULL DEFAULT 0, ADD COLUMN reports_draft int NOT NULL DEFAULT 0, ADD COLUMN reports_other_kind int NOT NULL DEFAULT 0;
ALTER TABLE campaign_branch_counts ADD COLUMN reports_on_time int NOT NULL DEFAULT 0, ADD COLUMN reports_late int NOT NULL DEFAULT 0, ADD COLUMN reports_draft int NOT NULL DEFAULT 0, ADD COLUMN reports_other_kind int NOT NULL DEFAULT 0;
ALTER TABLE campaign_branch_deltas ADD COLUMN reports_on_time int NOT NULL DEFAULT 0, ADD COLUMN reports_late int NOT NULL DEFAULT 0, ADD COLUMN reports_draft int NOT NULL DEFAULT 0, ADD COLUMN reports_other_kind int NOT NULL DEFAULT 0;

-- The branch functions of 0043 with the new columns.
CREATE OR REPLACE FUNCTION campaign_counts_branch_trg() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('dvk.branch_rebuild', true) = 'on' THEN RETURN NULL; END IF;
  INSERT INTO campaign_branch_deltas (campaign_id, ancestor_id, criterion_code, registered, achieved, registrants, models, violations_traffic, violations_littering, violations_disorder, violations_harassment, violations_other, proposals_proposed, proposals_approved, proposals_declined, reports_on_time, reports_late, reports_draft, reports_other_kind)
  SELECT COALESCE(NEW.campaign_id, OLD.campaign_id), p.ancestor_id, COALESCE(NEW.criterion_code, OLD.criterion_code),
         COALESCE(NEW.registered, 0) - COALESCE(OLD.registered, 0),
         COALESCE(NEW.achieved, 0) - COALESCE(OLD.achieved, 0),
         COALESCE(NEW.registrants, 0) - COALESCE(OLD.registrants, 0),
         COALESCE(NEW.models, 0) - COALESCE(OLD.models, 0),
         COALESCE(NEW.violations_traffic, 0) - COALESCE(OLD.violations_traffic, 0),
         COALESCE(NEW.violations_littering, 0) - COALESCE(OLD.violations_littering, 0),
         COALESCE(NEW.violations_disorder, 0) - COALESCE(OLD.violations_disorder, 0),
         COALESCE(NEW.violations_harassment, 0) - COALESCE(OLD.violations_harassment, 0),
         COALESCE(NEW.violations_other, 0) - COALESCE(OLD.violations_other, 0),
         COALESCE(NEW.proposals_proposed, 0) - COALESCE(OLD.proposals_proposed, 0),
         COALESCE(NEW.proposals_approved, 0) - COALESCE(OLD.proposals_approved, 0),
         COALESCE(NEW.proposals_declined, 0) - COALESCE(OLD.proposals_declined, 0),
         COALESCE(NEW.reports_on_time, 0) - COALESCE(OLD.reports_on_time, 0),
         COALESCE(NEW.reports_late, 0) - COALESCE(OLD.reports_late, 0),
         COALESCE(NEW.reports_draft, 0) - COALESCE(OLD.reports_draft, 0),
         COALESCE(NEW.reports_other_kind, 0) - COALESCE(OLD.reports_other_kind, 0)
    FROM unit_paths p
   WHERE p.descendant_id = COALESCE(NEW.unit_id, OLD.unit_id) AND p.depth > 0 AND p.valid_to IS NULL;
  RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION branch_path_moved(anc uuid, des uuid, sign int) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO campaign_branch_deltas (campaign_id, ancestor_id, criterion_code, registered, achieved, registrants, models, violations_traffic, violations_littering, violations_disorder, violations_harassment, violations_other, proposals_proposed, proposals_approved, proposals_declined, reports_on_time, reports_late, reports_draft, reports_other_kind)
  SELECT k.campaign_id, anc, k.criterion_code, sign * k.registered, sign * k.achieved, sign * k.registrants, sign * k.models, sign * k.violations_traffic, sign * k.violations_littering, sign * k.violations_disorder, sign * k.violations_harassment, sign * k.violations_other, sign * k.proposals_proposed, sign * k.proposals_approved, sign * k.proposals_declined, sign * k.reports_on_time, sign * k.reports_late, sign * k.reports_draft, sign * k.reports_other_kind
    FROM campaign_counts k WHERE k.unit_id = des;
  INSERT INTO branch_member_deltas (ancestor_id, day, delta)
  SELECT anc, m.day, sign * m.delta FROM unit_member_changes m WHERE m.unit_id = des;
  INSERT INTO branch_unit_kinds AS b (ancestor_id, kind, units)
  SELECT anc, u.kind, sign FROM units u WHERE u.id = des
  ON CONFLICT (ancestor_id, kind) DO UPDATE SET units = b.units + EXCLUDED.units;
END
$$;

CREATE OR REPLACE FUNCTION branch_counts_fold() RETURNS int
LANGUAGE plpgsql AS $$
DECLARE
  n int;
  m int;
BEGIN
  IF NOT pg_try_advisory_xact_lock(7361003) THEN RETURN 0; END IF;
  WITH moved AS (DELETE FROM campaign_branch_deltas RETURNING *)
  INSERT INTO campaign_branch_counts AS k (campaign_id, ancestor_id, criterion_code, registered, achieved, registrants, models, violations_traffic, violations_littering, violations_disorder, violations_harassment, violations_other, proposals_proposed, proposals_approved, proposals_declined, reports_on_time, reports_late, reports_draft, reports_other_kind)
  SELECT campaign_id, ancestor_id, criterion_code, sum(registered)::int, sum(achieved)::int, sum(registrants)::int, sum(models)::int, sum(violations_traffic)::int, sum(violations_littering)::int, sum(violations_disorder)::int, sum(violations_harassment)::int, sum(violations_other)::int, sum(proposals_proposed)::int, sum(proposals_approved)::int, sum(proposals_declined)::int, sum(reports_on_time)::int, sum(reports_late)::int, sum(reports_draft)::int, sum(reports_other_kind)::int
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
    proposals_declined = k.proposals_declined + EXCLUDED.proposals_declined,
    reports_on_time = k.reports_on_time + EXCLUDED.reports_on_time,
    reports_late = k.reports_late + EXCLUDED.reports_late,
    reports_draft = k.reports_draft + EXCLUDED.reports_draft,
    reports_other_kind = k.reports_other_kind + EXCLUDED.reports_other_kind;
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

CREATE OR REPLACE FUNCTION branch_counts_rebuild() RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM campaign_branch_deltas;
  DELETE FROM campaign_branch_counts;
  DELETE FROM branch_member_deltas;
  DELETE FROM branch_member_changes;
  DELETE FROM branch_members;
  DELETE FROM branch_unit_kinds;
  INSERT INTO campaign_branch_counts (campaign_id, ancestor_id, criterion_code, registered, achieved, registrants, models, violations_traffic, violations_littering, violations_disorder, violations_harassment, violations_other, proposals_proposed, proposals_approved, proposals_declined, reports_on_time, reports_late, reports_draft, reports_other_kind)
  SELECT k.campaign_id, p.ancestor_id, k.criterion_code, sum(k.registered)::int, sum(k.achieved)::int, sum(k.registrants)::int, sum(k.models)::int, sum(k.violations_traffic)::int, sum(k.violations_littering)::int, sum(k.violations_disorder)::int, sum(k.violations_harassment)::int, sum(k.violations_other)::int, sum(k.proposals_proposed)::int, sum(k.proposals_approved)::int, sum(k.proposals_declined)::int, sum(k.reports_on_time)::int, sum(k.reports_late)::int, sum(k.reports_draft)::int, sum(k.reports_other_kind)::int
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

-- The kinds that have to report: reports.policy.ts REPORTING_UNIT_KINDS (a test holds them equal).
CREATE FUNCTION unit_kind_reports(kind text) RETURNS boolean
LANGUAGE sql IMMUTABLE AS $$
  SELECT kind IN ('party_cell', 'fatherland_front', 'mass_organization')
$$;

-- One report's place in its unit's counts, added (sign 1) or taken away (sign -1). The rule of
-- reports.service.ts isLate: sent after the deadline as a Vietnamese day.
CREATE FUNCTION report_counts_bump(c uuid, u uuid, st text, sent timestamptz, deadline date, reporting boolean, sign int) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  late boolean := st = 'submitted' AND sent IS NOT NULL AND deadline IS NOT NULL AND (sent AT TIME ZONE 'Asia/Ho_Chi_Minh')::date > deadline;
BEGIN
  INSERT INTO campaign_counts AS k (campaign_id, unit_id, criterion_code, reports_on_time, reports_late, reports_draft, reports_other_kind)
  VALUES (c, u, '', CASE WHEN st = 'submitted' AND NOT late THEN sign ELSE 0 END, CASE WHEN late THEN sign ELSE 0 END,
          CASE WHEN st = 'draft' THEN sign ELSE 0 END, CASE WHEN reporting THEN 0 ELSE sign END)
  ON CONFLICT (campaign_id, unit_id, criterion_code) DO UPDATE SET
    reports_on_time = k.reports_on_time + EXCLUDED.reports_on_time,
    reports_late = k.reports_late + EXCLUDED.reports_late,
    reports_draft = k.reports_draft + EXCLUDED.reports_draft,
    reports_other_kind = k.reports_other_kind + EXCLUDED.reports_other_kind;
END
$$;

CREATE FUNCTION result_reports_counts_trg() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM report_counts_bump(OLD.campaign_id, OLD.unit_id, OLD.status, OLD.submitted_at,
                               (SELECT report_deadline FROM campaigns WHERE id = OLD.campaign_id),
                               unit_kind_reports((SELECT kind FROM units WHERE id = OLD.unit_id)), -1);
  END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') THEN
    PERFORM report_counts_bump(NEW.campaign_id, NEW.unit_id, NEW.status, NEW.submitted_at,
                               (SELECT report_deadline FROM campaigns WHERE id = NEW.campaign_id),
                               unit_kind_reports((SELECT kind FROM units WHERE id = NEW.unit_id)), 1);
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER result_reports_counts AFTER INSERT OR DELETE OR UPDATE OF campaign_id, unit_id, status, submitted_at ON result_reports
  FOR EACH ROW EXECUTE FUNCTION result_reports_counts_trg();

-- A new report deadline judges the campaign's sent reports again (a rare act of the launching unit).
CREATE FUNCTION campaigns_deadline_counts_trg() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM report_counts_bump(r.campaign_id, r.unit_id, r.status, r.submitted_at, OLD.report_deadline, unit_kind_reports(u.kind), -1),
          report_counts_bump(r.campaign_id, r.unit_id, r.status, r.submitted_at, NEW.report_deadline, unit_kind_reports(u.kind), 1)
     FROM result_reports r JOIN units u ON u.id = r.unit_id
    WHERE r.campaign_id = NEW.id AND r.status = 'submitted';
  RETURN NULL;
END
$$;
CREATE TRIGGER campaigns_deadline_counts AFTER UPDATE OF report_deadline ON campaigns
  FOR EACH ROW WHEN (OLD.report_deadline IS DISTINCT FROM NEW.report_deadline) EXECUTE FUNCTION campaigns_deadline_counts_trg();

-- A unit whose kind changes between reporting and not moves its reports' "other kind" count.
CREATE FUNCTION units_kind_reports_trg() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM report_counts_bump(r.campaign_id, r.unit_id, r.status, r.submitted_at, c.report_deadline, unit_kind_reports(OLD.kind), -1),
          report_counts_bump(r.campaign_id, r.unit_id, r.status, r.submitted_at, c.report_deadline, unit_kind_reports(NEW.kind), 1)
     FROM result_reports r JOIN campaigns c ON c.id = r.campaign_id
    WHERE r.unit_id = NEW.id;
  RETURN NULL;
END
$$;
CREATE TRIGGER units_kind_reports AFTER UPDATE OF kind ON units
  FOR EACH ROW WHEN (unit_kind_reports(OLD.kind) IS DISTINCT FROM unit_kind_reports(NEW.kind)) EXECUTE FUNCTION units_kind_reports_trg();

-- The reports written so far, then the branches from scratch.
SELECT report_counts_bump(r.campaign_id, r.unit_id, r.status, r.submitted_at, c.report_deadline, unit_kind_reports(u.kind), 1)
  FROM result_reports r JOIN campaigns c ON c.id = r.campaign_id JOIN units u ON u.id = r.unit_id;
SELECT branch_counts_rebuild();
