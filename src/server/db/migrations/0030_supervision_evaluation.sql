-- Supervision, evaluation and commendation (slice C): small additions to 0002_campaign.sql.

-- A violation's evidence lives in evidence_files (like progress evidence): make the link real.
ALTER TABLE evidence_files
  ADD CONSTRAINT evidence_files_violation_fk FOREIGN KEY (violation_id) REFERENCES violations(id);
CREATE INDEX evidence_files_violation ON evidence_files (violation_id) WHERE violation_id IS NOT NULL;

CREATE INDEX supervision_notes_campaign_unit ON supervision_notes (campaign_id, unit_id, noted_on);
CREATE INDEX violations_person ON violations (person_id, occurred_on);
CREATE INDEX supervision_reports_campaign_unit ON supervision_reports (campaign_id, unit_id);
CREATE INDEX commendation_proposals_campaign_unit ON commendation_proposals (campaign_id, unit_id);

-- A supervision report: who submitted it, a free summary, last change.
ALTER TABLE supervision_reports
  ADD COLUMN summary text,
  ADD COLUMN submitted_by uuid REFERENCES accounts(id),
  ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now(),
  ADD CONSTRAINT supervision_reports_period CHECK (period_end >= period_start);

-- The cell's judgement of a commitment may say it was exceeded (vượt mức): RULES.md §1 asks for
-- ≥ 30% of tasks exceeded for "Hoàn thành xuất sắc", so the suggested rating needs the count.
ALTER TABLE commitments
  ADD COLUMN judged_exceeded boolean NOT NULL DEFAULT false,
  ADD COLUMN judged_by uuid REFERENCES accounts(id),
  ADD COLUMN judged_at timestamptz;

ALTER TABLE self_assessments
  ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();

-- Who rated a member last, and the secretary's override of the suggested rating is visible.
ALTER TABLE evaluation_items
  ADD COLUMN updated_by uuid REFERENCES accounts(id),
  ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();

ALTER TABLE evaluations
  ADD COLUMN created_by uuid REFERENCES accounts(id);

ALTER TABLE commendation_proposals
  ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now(),
  ADD CONSTRAINT commendation_subject CHECK (
    (subject_kind = 'person' AND person_id IS NOT NULL)
    OR (subject_kind = 'collective' AND collective_name IS NOT NULL)
    OR (subject_kind = 'model' AND model_id IS NOT NULL)
  ),
  ADD CONSTRAINT commendation_decline_reason CHECK (status <> 'declined' OR decline_reason IS NOT NULL);
