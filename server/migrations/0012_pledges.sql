-- 0012 pledges: 告知承诺 (证明事项告知承诺制, 国办发〔2020〕42号). For a material the item marks pledgeable,
-- the applicant may sign the standard commitment instead of uploading the proof; on acceptance the
-- department gets one post-verification task (事后核查) per case, due a set number of working days later.
-- Every change here commits with a case_event and an audit record.
-- Forward-only: never edit an applied migration; add a new file instead.

CREATE TABLE case_pledge (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES cases (id),
  material_id text NOT NULL,
  material_name text NOT NULL,
  text text NOT NULL CHECK (length(text) BETWEEN 1 AND 2000),
  pledged_by uuid NOT NULL REFERENCES account (id),
  pledged_at timestamptz NOT NULL DEFAULT now(),
  withdrawn_at timestamptz,
  withdrawn_by uuid REFERENCES account (id),
  CHECK ((withdrawn_at IS NULL) = (withdrawn_by IS NULL))
);
COMMENT ON TABLE case_pledge IS '告知承诺: a written commitment that replaces one proof of a case. Withdrawn rows stay for the record.';
COMMENT ON COLUMN case_pledge.material_id IS 'The pledgeable material''s id in the pinned item version''s content.';
COMMENT ON COLUMN case_pledge.material_name IS 'The material''s name when the commitment was made, as the text names it.';
COMMENT ON COLUMN case_pledge.text IS 'The commitment as the applicant agreed to it (core pledgeText), including the consequences of a false one.';
COMMENT ON COLUMN case_pledge.pledged_by IS 'Who made it: the applicant, their agent, or the window clerk filing for a walk-in applicant.';
COMMENT ON COLUMN case_pledge.withdrawn_at IS 'Set when the applicant withdrew it before acceptance (draft or correction); the proof is then owed again.';
-- At most one standing commitment per material of a case.
CREATE UNIQUE INDEX case_pledge_current ON case_pledge (case_id, material_id) WHERE withdrawn_at IS NULL;

CREATE TABLE pledge_check (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL UNIQUE REFERENCES cases (id),
  materials jsonb NOT NULL,
  opened_on date NOT NULL,
  due_on date NOT NULL,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'verified', 'failed')),
  note text,
  resolved_by uuid REFERENCES account (id),
  resolved_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((status = 'open') = (resolved_at IS NULL)),
  CHECK ((resolved_at IS NULL) = (resolved_by IS NULL))
);
COMMENT ON TABLE pledge_check IS '事后核查: the post-verification task of a case accepted on commitments, one per case.';
COMMENT ON COLUMN pledge_check.materials IS 'The commitments to verify: [{materialId, name, pledgeId}], as they stood at acceptance.';
COMMENT ON COLUMN pledge_check.opened_on IS 'Local date (Asia/Shanghai) of acceptance, when the task was opened.';
COMMENT ON COLUMN pledge_check.due_on IS 'opened_on plus PLEDGE_CHECK_WORKDAYS working days on the published calendar.';
COMMENT ON COLUMN pledge_check.status IS 'open (待核查), verified (核查属实) or failed (承诺不实: the decision is to be revoked).';
COMMENT ON COLUMN pledge_check.note IS 'The verifier''s finding: what was checked and how.';
-- The workbench lists open tasks by due date.
CREATE INDEX pledge_check_open ON pledge_check (due_on) WHERE status = 'open';
