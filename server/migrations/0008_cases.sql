-- 0008 cases: 办件, from application to completion (办结), for online and window applications.
-- A case pins the item version it was applied under, so a later change to the guide never changes
-- what the applicant was asked for. Every state change appends one case_event in the same
-- transaction as the change and its audit record; the events are the case's timeline.
-- Forward-only: never edit an applied migration; add a new file instead.

CREATE TABLE cases (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  number text UNIQUE,
  query_code text,
  item_id uuid NOT NULL,
  item_version integer NOT NULL,
  applicant_id uuid NOT NULL REFERENCES account (id),
  acted_by_id uuid REFERENCES account (id),
  channel text NOT NULL CHECK (channel IN ('web', 'mobile', 'window', 'hotline', 'kiosk', 'api')),
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'submitted', 'correction-requested',
    'accepted', 'accepted-pending', 'not-accepted', 'under-review', 'suspended', 'decided', 'completed',
    'withdrawn')),
  outcome text CHECK (outcome IN ('approved', 'rejected')),
  answers jsonb NOT NULL DEFAULT '{}',
  form jsonb NOT NULL DEFAULT '{}',
  department_id uuid NOT NULL REFERENCES department (id),
  region_code text NOT NULL REFERENCES region (code),
  place_id uuid REFERENCES service_place (id),
  accepted_on date,
  due_on date,
  statutory_due_on date,
  suspended_since date,
  extension_days integer NOT NULL DEFAULT 0 CHECK (extension_days >= 0),
  pending_due_on date,
  delivery jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  submitted_at timestamptz,
  completed_at timestamptz,
  FOREIGN KEY (item_id, item_version) REFERENCES item_version (item_id, version),
  CHECK ((number IS NULL) = (query_code IS NULL)),
  CHECK (status IN ('draft', 'withdrawn') OR number IS NOT NULL)
);
COMMENT ON TABLE cases IS '办件: one application for one service item (CASE is a reserved word, hence the plural). Changed only together with a case_event and an audit record.';
COMMENT ON COLUMN cases.number IS '办件编号: 实施编码 + YYYYMMDD + 6-digit daily sequence, given at the first submission (core caseNumber).';
COMMENT ON COLUMN cases.query_code IS '查询码: 6 characters without 0/O/1/I, given to the applicant with the number for the public progress lookup.';
COMMENT ON COLUMN cases.item_version IS 'The published item_version the case was applied under; its content gives the checklist and time limits.';
COMMENT ON COLUMN cases.applicant_id IS 'The applicant (申请人): a citizen or company account.';
COMMENT ON COLUMN cases.acted_by_id IS 'Staff (window clerk) or agent who filed on the applicant''s behalf; null when the applicant filed themself.';
COMMENT ON COLUMN cases.channel IS '申请渠道: web, mobile, window (窗口), hotline, kiosk (自助终端) or api.';
COMMENT ON COLUMN cases.status IS 'Lifecycle status (core caseStatuses); the allowed moves are the core caseActions table.';
COMMENT ON COLUMN cases.outcome IS 'The decision (决定): approved (准予) or rejected (不予); null until decided.';
COMMENT ON COLUMN cases.answers IS '情形引导 answers: situation id → chosen option label; the checklist is built from them.';
COMMENT ON COLUMN cases.form IS 'Application form: contactName, contactPhone, note.';
COMMENT ON COLUMN cases.department_id IS 'The implementing department (the item''s), for department-scoped queues and permissions.';
COMMENT ON COLUMN cases.region_code IS 'Where the case is handled: the item''s region online, the receiving clerk''s region at a window.';
COMMENT ON COLUMN cases.place_id IS 'The service place where a window case was received.';
COMMENT ON COLUMN cases.accepted_on IS 'Local date (Asia/Shanghai) of acceptance (受理); the legal clock counts from the day after (行政许可法 §82).';
COMMENT ON COLUMN cases.due_on IS 'Promised due date (承诺时限), recomputed with core caseClock at every transition.';
COMMENT ON COLUMN cases.statutory_due_on IS 'Statutory due date (法定时限), recomputed with core caseClock at every transition.';
COMMENT ON COLUMN cases.suspended_since IS 'Local date a special procedure (特别程序) suspended the clock; null when running.';
COMMENT ON COLUMN cases.extension_days IS 'Days added by approved extensions (延期), in the limit''s unit.';
COMMENT ON COLUMN cases.pending_due_on IS '容缺受理: the date by which the owed secondary materials must be supplied.';
COMMENT ON COLUMN cases.delivery IS 'How the result is delivered (送达): {method: electronic | pickup | mail, ...}.';
CREATE INDEX cases_queue ON cases (status, department_id, due_on);
CREATE INDEX cases_region ON cases (region_code, status);
CREATE INDEX cases_applicant ON cases (applicant_id, created_at DESC);
-- The deadline sweep reads only open cases with a running clock.
CREATE INDEX cases_open_due ON cases (due_on) WHERE status IN ('accepted', 'accepted-pending', 'under-review');

CREATE TABLE case_event (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  case_id uuid NOT NULL REFERENCES cases (id),
  action text NOT NULL,
  from_status text,
  to_status text NOT NULL,
  actor_id uuid REFERENCES account (id),
  on_behalf_of_id uuid REFERENCES account (id),
  channel text NOT NULL,
  comment text,
  details jsonb NOT NULL DEFAULT '{}',
  at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE case_event IS 'The case timeline, append-only: a trigger rejects updates and deletes. One row per state change, committed with it.';
COMMENT ON COLUMN case_event.action IS 'The lifecycle action (core caseActions key), or case.due-soon / case.overdue from the deadline sweep.';
COMMENT ON COLUMN case_event.actor_id IS 'Who acted; null for the platform (deadline sweep).';
COMMENT ON COLUMN case_event.on_behalf_of_id IS 'The applicant a window clerk acted for (代为申请).';
COMMENT ON COLUMN case_event.details IS 'Action data: notice items, reason, days, outcome, delivery, and the local date (on) it happened.';
CREATE INDEX case_event_case ON case_event (case_id, id);
-- The sweep raises case.due-soon and case.overdue once per case.
CREATE UNIQUE INDEX case_event_once ON case_event (case_id, action) WHERE action IN ('case.due-soon', 'case.overdue');

CREATE FUNCTION case_event_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'case_event is append-only' USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER case_event_no_update BEFORE UPDATE OR DELETE ON case_event
  FOR EACH ROW EXECUTE FUNCTION case_event_is_append_only();
CREATE TRIGGER case_event_no_truncate BEFORE TRUNCATE ON case_event
  FOR EACH STATEMENT EXECUTE FUNCTION case_event_is_append_only();

CREATE TABLE case_material (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES cases (id),
  material_id text NOT NULL,
  sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  media_type text NOT NULL,
  size integer NOT NULL CHECK (size > 0),
  uploaded_by uuid REFERENCES account (id),
  uploaded_at timestamptz NOT NULL DEFAULT now(),
  superseded_at timestamptz
);
COMMENT ON TABLE case_material IS 'Files uploaded for a case''s materials (申请材料). Bytes live in file storage by SHA-256.';
COMMENT ON COLUMN case_material.material_id IS 'The material''s id in the pinned item version''s content.';
COMMENT ON COLUMN case_material.superseded_at IS 'Set when a corrected upload (补正) or a removal replaces this file; kept for the record.';
CREATE INDEX case_material_case ON case_material (case_id, material_id) WHERE superseded_at IS NULL;

CREATE TABLE case_sequence (
  implementation_code text NOT NULL,
  day date NOT NULL,
  last integer NOT NULL CHECK (last >= 1),
  PRIMARY KEY (implementation_code, day)
);
COMMENT ON TABLE case_sequence IS 'The last case number given per item implementation code and day; an upsert takes the next one atomically.';
