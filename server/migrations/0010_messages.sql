-- 0010 messages: the in-app inbox (站内信) over the notification outbox, and the end of a 容缺 case
-- whose owed materials never came (终止办理). Site messages are notification rows with channel 'site'
-- addressed by the blind index of `site:{account id}`; reading one sets read_at.
-- Forward-only: never edit an applied migration; add a new file instead.

ALTER TABLE notification
  ADD COLUMN read_at timestamptz,
  ADD COLUMN case_id uuid REFERENCES cases (id);
COMMENT ON COLUMN notification.read_at IS 'When the recipient opened the site message (站内信); null while unread. Unused for sms and email.';
COMMENT ON COLUMN notification.case_id IS 'The case (办件) a message is about, so the inbox links to it; null for account messages such as codes.';
-- The header badge counts a person's unread site messages on every page.
CREATE INDEX notification_unread ON notification (recipient_index) WHERE channel = 'site' AND read_at IS NULL;

-- 终止办理: a 容缺受理 case whose owed materials were not supplied by the promised date is stopped
-- (by the daily sweep as the system, or by a decision maker). The inline CHECK of 0008 carries
-- PostgreSQL's default name on both engines.
ALTER TABLE cases DROP CONSTRAINT cases_status_check;
ALTER TABLE cases ADD CONSTRAINT cases_status_check CHECK (status IN ('draft', 'submitted',
  'correction-requested', 'accepted', 'accepted-pending', 'not-accepted', 'under-review', 'suspended',
  'decided', 'completed', 'withdrawn', 'terminated'));
COMMENT ON COLUMN cases.pending_due_on IS '容缺受理: the date by which the owed secondary materials must be supplied; the day after, an unmet case is terminated.';

-- The daily sweep reads only 容缺 cases, by their promised date.
CREATE INDEX cases_pending_due ON cases (pending_due_on) WHERE status = 'accepted-pending';
-- The sweep reminds the applicant once per case, the working day before the date.
CREATE UNIQUE INDEX case_event_reminded_once ON case_event (case_id) WHERE action = 'pending.reminder';
COMMENT ON COLUMN case_event.action IS 'The lifecycle action (core caseActions key), or case.due-soon / case.overdue / pending.reminder from the daily sweep.';
