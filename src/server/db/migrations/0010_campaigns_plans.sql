-- Campaigns and plans (slice A): small additions to 0002_campaign.sql.

-- A criteria set keeps the code and source of the guidance it reproduces, and who published it.
ALTER TABLE criteria_sets
  ADD COLUMN code text,
  ADD COLUMN source text,
  ADD COLUMN created_by uuid REFERENCES accounts(id),
  ADD COLUMN published_at timestamptz,
  ADD COLUMN published_by uuid REFERENCES accounts(id);
CREATE INDEX criteria_sets_issuing_unit ON criteria_sets (issuing_unit_id, year);

-- "Từng chi bộ, cơ quan, đơn vị đăng ký…" (III.2): every unit (not every member) registers it.
ALTER TABLE criterion_items
  ADD COLUMN mandatory_for_units boolean NOT NULL DEFAULT false;
CREATE INDEX criteria_set ON criteria (set_id, sort);
CREATE INDEX criterion_items_criterion ON criterion_items (criterion_id, sort);

ALTER TABLE campaigns
  ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();

-- The paragraph after the basis: "Chi bộ … xây dựng kế hoạch … như sau:".
ALTER TABLE plans
  ADD COLUMN preamble text;
-- One plan (one chain of versions) per unit, campaign and document type; a version has at most
-- one successor, so the chain is a line.
CREATE UNIQUE INDEX plans_first_version ON plans (campaign_id, unit_id, type_code) WHERE previous_version_id IS NULL;
CREATE UNIQUE INDEX plans_successor ON plans (previous_version_id) WHERE previous_version_id IS NOT NULL;
CREATE INDEX plans_unit_type ON plans (unit_id, type_code, issued_date);
CREATE INDEX plans_parent ON plans (parent_plan_id) WHERE parent_plan_id IS NOT NULL;
CREATE INDEX plan_acknowledgements_person ON plan_acknowledgements (person_id);
CREATE INDEX notifications_unread ON notifications (person_id) WHERE read_at IS NULL;

-- Nhiệm kỳ cấp ủy: Party documents are numbered per type within a committee term (RULES.md §5).
-- A unit without a row here uses the national congress cycle (terms starting 2015-10-01,
-- 2020-10-01, 2025-10-01, …).
CREATE TABLE committee_terms (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  unit_id uuid NOT NULL REFERENCES units(id),
  name text NOT NULL,                 -- "Nhiệm kỳ 2020 – 2025"
  start_date date NOT NULL,           -- the day after the congress closed
  end_date date,
  UNIQUE (unit_id, start_date),
  CHECK (end_date IS NULL OR end_date >= start_date)
);
