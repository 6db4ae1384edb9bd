-- Registrations: when a sheet was first submitted and whether that was after the campaign's
-- registration deadline (a later resubmission after a return does not make it late), and the
-- indexes the sheet, coverage and timeline queries use.
ALTER TABLE registrations ADD COLUMN first_submitted_at timestamptz;
ALTER TABLE registrations ADD COLUMN submitted_late boolean NOT NULL DEFAULT false;
CREATE INDEX registrations_campaign_unit ON registrations (campaign_id, unit_id, status);
CREATE INDEX models_registration ON models (registration_id);
CREATE INDEX evidence_files_progress_update ON evidence_files (progress_update_id);
