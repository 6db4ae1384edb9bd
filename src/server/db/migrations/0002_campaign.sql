-- The campaign: criteria sets, campaigns, plans and their deployment, registrations with
-- commitments and models, progress and evidence, supervision and violations, evaluation,
-- commendation and result reports. Feature slices own these tables; later changes go in their
-- own numbered migrations (0010–0019 campaign/plans, 0020–0029 registrations, 0030–0039
-- supervision/evaluation/commendation, 0040–0049 reports, 0050–0059 documents/spreadsheets).

-- Bộ tiêu chí "5 không": data, versioned per year, edited by the issuing committee.
CREATE TABLE criteria_sets (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  issuing_unit_id uuid NOT NULL REFERENCES units(id),
  name text NOT NULL,
  year int NOT NULL,
  based_on_set_id uuid REFERENCES criteria_sets(id),
  legal_basis text,
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published')),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE criteria (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  set_id uuid NOT NULL REFERENCES criteria_sets(id),
  code text NOT NULL,             -- 'I' … 'V'
  title text NOT NULL,
  description text,
  points numeric,
  sort int NOT NULL,
  UNIQUE (set_id, code)
);

CREATE TABLE criterion_items (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  criterion_id uuid NOT NULL REFERENCES criteria(id),
  code text NOT NULL,             -- 'IV.2'
  title text NOT NULL,
  guidance text,
  mandatory boolean NOT NULL DEFAULT false,   -- every member must register it (IV.2)
  points numeric,
  sort int NOT NULL,
  UNIQUE (criterion_id, code)
);

CREATE TABLE campaigns (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  unit_id uuid NOT NULL REFERENCES units(id),          -- the launching committee
  name text NOT NULL,
  year int NOT NULL,
  period_start date NOT NULL,
  period_end date NOT NULL,
  criteria_set_id uuid NOT NULL REFERENCES criteria_sets(id),
  plan_deadline date,
  registration_deadline date,
  report_deadline date,
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('draft', 'active', 'closed')),
  created_by uuid REFERENCES accounts(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (period_end >= period_start)
);
CREATE INDEX campaigns_unit ON campaigns (unit_id);

-- Kế hoạch: a unit's plan document. Issued plans are read-only; a correction is a new version.
CREATE TABLE plans (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  campaign_id uuid NOT NULL REFERENCES campaigns(id),
  unit_id uuid NOT NULL REFERENCES units(id),
  parent_plan_id uuid REFERENCES plans(id),            -- the superior's plan this one implements
  previous_version_id uuid REFERENCES plans(id),
  version int NOT NULL DEFAULT 1,
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'issued', 'superseded')),
  type_code text NOT NULL DEFAULT 'KH',
  number int,                                          -- 236 in 236-KH/ĐU
  symbol text,                                         -- '236-KH/ĐU' (frozen at issue)
  issued_date date,
  place text NOT NULL,
  subject text NOT NULL,                               -- trích yếu
  basis jsonb NOT NULL DEFAULT '[]',                   -- [{ text, planId? }]
  sections jsonb NOT NULL DEFAULT '[]',                -- [{ heading, paragraphs: [..], responsibilities?: [{ role, text }] }]
  closing text,
  recipients jsonb NOT NULL DEFAULT '[]',              -- ["Đảng ủy xã Thạnh An;", …, "Lưu HSCB."]
  signature_titles jsonb NOT NULL DEFAULT '[]',        -- ["T/M CHI BỘ", "BÍ THƯ"]
  signer_person_id uuid REFERENCES persons(id),
  signer_name text,
  created_by uuid REFERENCES accounts(id),
  issued_by uuid REFERENCES accounts(id),
  issued_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX plans_campaign_unit ON plans (campaign_id, unit_id);

-- Quán triệt: each member acknowledges the issued plan.
CREATE TABLE plan_acknowledgements (
  plan_id uuid NOT NULL REFERENCES plans(id),
  person_id uuid NOT NULL REFERENCES persons(id),
  acknowledged_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (plan_id, person_id)
);

-- In-app notifications to a person (deployment of a plan, a returned registration, …).
CREATE TABLE notifications (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  person_id uuid NOT NULL REFERENCES persons(id),
  kind text NOT NULL,
  title text NOT NULL,
  body text,
  link text,
  subject_id uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  read_at timestamptz
);
CREATE INDEX notifications_person ON notifications (person_id, created_at DESC);

-- Bảng đăng ký: one registration per member (or collective) per campaign and unit.
CREATE TABLE registrations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  campaign_id uuid NOT NULL REFERENCES campaigns(id),
  unit_id uuid NOT NULL REFERENCES units(id),
  person_id uuid REFERENCES persons(id),               -- NULL for a collective
  collective_name text,                                -- "Chi bộ Trường Tiểu học", "Hội Phụ nữ xã"
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'submitted', 'approved', 'returned')),
  submitted_at timestamptz,
  reviewed_at timestamptz,
  reviewed_by uuid REFERENCES accounts(id),
  return_reason text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (person_id IS NOT NULL OR collective_name IS NOT NULL)
);
CREATE UNIQUE INDEX registrations_person ON registrations (campaign_id, unit_id, person_id) WHERE person_id IS NOT NULL;
CREATE UNIQUE INDEX registrations_collective ON registrations (campaign_id, unit_id, collective_name) WHERE person_id IS NULL;

-- Việc làm thiết thực: what, measurable target, deadline, per criterion sub-item.
CREATE TABLE commitments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  registration_id uuid NOT NULL REFERENCES registrations(id),
  criterion_item_id uuid NOT NULL REFERENCES criterion_items(id),
  action text NOT NULL,
  target text,
  place text,
  start_date date,
  deadline date,
  status text NOT NULL DEFAULT 'not_started' CHECK (status IN ('not_started', 'in_progress', 'achieved', 'not_achieved')),
  judged_status text CHECK (judged_status IN ('achieved', 'not_achieved')),   -- the cell's judgement at evaluation
  judged_note text,
  sort int NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX commitments_registration ON commitments (registration_id);

-- Mô hình "Dân vận khéo".
CREATE TABLE models (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  registration_id uuid NOT NULL REFERENCES registrations(id),
  name text NOT NULL,
  field text NOT NULL CHECK (field IN ('economy', 'culture_society', 'defence_security', 'political_system')),
  address text,
  content text,
  expected_result text,
  participants text,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE progress_updates (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  commitment_id uuid NOT NULL REFERENCES commitments(id),
  status text NOT NULL CHECK (status IN ('not_started', 'in_progress', 'achieved', 'not_achieved')),
  note text,
  created_by uuid REFERENCES accounts(id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX progress_updates_commitment ON progress_updates (commitment_id, created_at);

-- Files live in the database so one backup holds everything and instances stay stateless.
CREATE TABLE evidence_files (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  unit_id uuid NOT NULL REFERENCES units(id),
  progress_update_id uuid REFERENCES progress_updates(id),
  violation_id uuid,
  file_name text NOT NULL,
  mime_type text NOT NULL,
  size_bytes int NOT NULL,
  sha256 text NOT NULL,
  data bytea NOT NULL,
  created_by uuid REFERENCES accounts(id),
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE supervision_notes (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  campaign_id uuid NOT NULL REFERENCES campaigns(id),
  unit_id uuid NOT NULL REFERENCES units(id),
  person_id uuid REFERENCES persons(id),
  commitment_id uuid REFERENCES commitments(id),
  noted_on date NOT NULL,
  note text NOT NULL,
  created_by uuid REFERENCES accounts(id),
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE violations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  campaign_id uuid NOT NULL REFERENCES campaigns(id),
  unit_id uuid NOT NULL REFERENCES units(id),
  person_id uuid REFERENCES persons(id),
  commitment_id uuid REFERENCES commitments(id),
  kind text NOT NULL CHECK (kind IN ('traffic', 'littering', 'disorder', 'harassment', 'other')),
  occurred_on date NOT NULL,
  description text NOT NULL,
  created_by uuid REFERENCES accounts(id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX violations_campaign_unit ON violations (campaign_id, unit_id);

CREATE TABLE supervision_reports (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  campaign_id uuid NOT NULL REFERENCES campaigns(id),
  unit_id uuid NOT NULL REFERENCES units(id),
  period_start date NOT NULL,
  period_end date NOT NULL,
  findings jsonb NOT NULL DEFAULT '[]',
  proposals text,
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'submitted')),
  submitted_at timestamptz,
  created_by uuid REFERENCES accounts(id),
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE self_assessments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  campaign_id uuid NOT NULL REFERENCES campaigns(id),
  unit_id uuid NOT NULL REFERENCES units(id),
  person_id uuid NOT NULL REFERENCES persons(id),
  content text NOT NULL,
  proposed_rating text CHECK (proposed_rating IN ('excellent', 'good', 'complete', 'incomplete')),
  self_score numeric,
  submitted_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (campaign_id, unit_id, person_id)
);

-- Đánh giá, xếp loại of a unit's members; approved bottom-up (cell, then commune) and then locked.
CREATE TABLE evaluations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  campaign_id uuid NOT NULL REFERENCES campaigns(id),
  unit_id uuid NOT NULL REFERENCES units(id),
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'cell_approved', 'commune_approved')),
  allow_higher_quota boolean NOT NULL DEFAULT false,
  unit_rating text CHECK (unit_rating IN ('excellent', 'good', 'complete', 'incomplete')),
  cell_approved_at timestamptz,
  cell_approved_by uuid REFERENCES accounts(id),
  commune_approved_at timestamptz,
  commune_approved_by uuid REFERENCES accounts(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (campaign_id, unit_id)
);

CREATE TABLE evaluation_items (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  evaluation_id uuid NOT NULL REFERENCES evaluations(id),
  person_id uuid NOT NULL REFERENCES persons(id),
  score numeric CHECK (score IS NULL OR (score >= 0 AND score <= 100)),
  rating text CHECK (rating IN ('excellent', 'good', 'complete', 'incomplete')),
  notes text,
  UNIQUE (evaluation_id, person_id)
);

CREATE TABLE commendation_proposals (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  campaign_id uuid NOT NULL REFERENCES campaigns(id),
  unit_id uuid NOT NULL REFERENCES units(id),          -- the proposing unit
  subject_kind text NOT NULL CHECK (subject_kind IN ('person', 'collective', 'model')),
  person_id uuid REFERENCES persons(id),
  collective_name text,
  model_id uuid REFERENCES models(id),
  achievements text NOT NULL,
  status text NOT NULL DEFAULT 'proposed' CHECK (status IN ('proposed', 'approved', 'declined')),
  decided_by uuid REFERENCES accounts(id),
  decided_at timestamptz,
  decline_reason text,
  created_by uuid REFERENCES accounts(id),
  created_at timestamptz NOT NULL DEFAULT now()
);

-- Báo cáo kết quả: statistics are live until submission, then frozen in `statistics`.
CREATE TABLE result_reports (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  campaign_id uuid NOT NULL REFERENCES campaigns(id),
  unit_id uuid NOT NULL REFERENCES units(id),
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'submitted')),
  number int,
  symbol text,
  report_date date,
  strengths text,
  limitations text,
  causes text,
  next_steps text,
  statistics jsonb,
  submitted_at timestamptz,
  submitted_by uuid REFERENCES accounts(id),
  received_by_unit_id uuid REFERENCES units(id),       -- TTKV xã
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (campaign_id, unit_id)
);
