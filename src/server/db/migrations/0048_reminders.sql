-- Reminders before and after the campaign's deadlines, and the e-mail digest (issue 9, point 2).

-- Which reminder went to whom: one row per (campaign, what is due, stage, unit, person). The
-- reminder job inserts here and the notification in the same statement, so a reminder is written
-- once however often the job runs and however many instances run it.
--   kind:  'plan' (the unit issues its implementing plan), 'acknowledge' (a member studies the
--          unit's plan), 'register' (a member sends the registration sheet), 'report' (the unit
--          sends its result report)
--   stage: 'before_<days>' (to the person or unit that has not acted) or 'after' (to the
--          secretary: of the unit for its members, of the unit above for a unit)
CREATE TABLE reminders_sent (
  -- derived from the campaign: a campaign cancelled while nothing depends on it takes them along
  campaign_id uuid NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('plan', 'acknowledge', 'register', 'report')),
  stage text NOT NULL CHECK (stage = 'after' OR stage ~ '^before_[0-9]+$'),
  unit_id uuid NOT NULL REFERENCES units(id),
  person_id uuid NOT NULL REFERENCES persons(id),
  sent_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (campaign_id, kind, stage, unit_id, person_id)
);

-- Which stage was looked at on which Vietnamese day: the job checks each stage of a campaign once
-- a day, so its other turns that day cost one insert attempt per deadline.
CREATE TABLE reminder_runs (
  campaign_id uuid NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
  kind text NOT NULL,
  stage text NOT NULL,
  day date NOT NULL,
  PRIMARY KEY (campaign_id, kind, stage, day)
);

-- The digest: a notification is e-mailed once (emailed_at), a person at most once per digest
-- interval (notification_digests).
ALTER TABLE notifications ADD COLUMN emailed_at timestamptz;
CREATE INDEX notifications_to_email ON notifications (created_at) WHERE read_at IS NULL AND emailed_at IS NULL;

CREATE TABLE notification_digests (
  person_id uuid PRIMARY KEY REFERENCES persons(id),
  last_sent_at timestamptz NOT NULL
);

