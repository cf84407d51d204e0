-- 0001 foundation: audit trail, organisations, accounts and sessions, the working-day calendar,
-- the first slice of the service catalog, and the job queue.
-- Forward-only: never edit an applied migration; add a new file instead.

-- Audit ----------------------------------------------------------------------------------------
CREATE TABLE audit_log (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  occurred_at timestamptz NOT NULL DEFAULT now(),
  actor_id uuid,
  actor_kind text NOT NULL CHECK (actor_kind IN ('staff', 'citizen', 'company', 'system', 'anonymous')),
  on_behalf_of uuid,
  action text NOT NULL,
  subject_type text NOT NULL,
  subject_id text,
  request_id text,
  details jsonb NOT NULL DEFAULT '{}'::jsonb
);
COMMENT ON TABLE audit_log IS 'Append-only record of every state change, written in the same transaction as the change.';
COMMENT ON COLUMN audit_log.on_behalf_of IS 'The applicant a staff member or agent acted for, when not the actor.';
COMMENT ON COLUMN audit_log.details IS 'Machine-readable facts of the change; personal identifiers are masked before they get here.';
CREATE INDEX audit_log_subject ON audit_log (subject_type, subject_id, id);

CREATE FUNCTION audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only' USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_is_append_only();

-- Organisations --------------------------------------------------------------------------------
CREATE TABLE region (
  code text PRIMARY KEY CHECK (code ~ '^[0-9]{6}([0-9]{6})?$'),
  name text NOT NULL,
  level text NOT NULL CHECK (level IN ('province', 'city', 'county', 'township', 'village')),
  parent_code text REFERENCES region (code),
  valid_from date,
  valid_to date
);
COMMENT ON TABLE region IS 'Administrative divisions (GB/T 2260, 12-digit 统计用区划 below county); abolished codes keep valid_to.';

CREATE TABLE department (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  ref text NOT NULL UNIQUE,
  name text NOT NULL,
  kind text NOT NULL,
  credit_code text UNIQUE,
  region_code text NOT NULL REFERENCES region (code)
);
COMMENT ON TABLE department IS 'Government departments that implement service items (实施主体).';
COMMENT ON COLUMN department.ref IS 'Stable external reference (from the reference catalog), used by seeds and imports.';
COMMENT ON COLUMN department.credit_code IS '统一社会信用代码 (GB 32100) of the department.';

-- Accounts and sessions --------------------------------------------------------------------------
CREATE TABLE account (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind text NOT NULL CHECK (kind IN ('staff', 'citizen', 'company')),
  username text NOT NULL UNIQUE,
  display_name text NOT NULL,
  password_hash text NOT NULL,
  roles text[] NOT NULL DEFAULT '{}',
  region_code text REFERENCES region (code),
  department_id uuid REFERENCES department (id),
  failed_logins integer NOT NULL DEFAULT 0,
  locked_until timestamptz,
  disabled_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE account IS 'Everyone who signs in: staff, citizens (自然人) and companies (法人).';
COMMENT ON COLUMN account.password_hash IS 'argon2id hash; never the password.';
COMMENT ON COLUMN account.locked_until IS 'Set after repeated failed logins; sign-in is refused until then.';
COMMENT ON COLUMN account.roles IS 'Staff roles (window-clerk, reviewer, decision-maker, …); empty for applicants.';

CREATE TABLE session (
  id_hash text PRIMARY KEY,
  account_id uuid NOT NULL REFERENCES account (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);
COMMENT ON TABLE session IS 'Cookie sessions; only the SHA-256 of the token is stored, so a database leak yields no live session.';
CREATE INDEX session_account ON session (account_id);
CREATE INDEX session_expires ON session (expires_at);

-- Working-day calendar ----------------------------------------------------------------------------
CREATE TABLE calendar_notice (
  year integer PRIMARY KEY CHECK (year BETWEEN 2000 AND 2200),
  title text NOT NULL,
  source text NOT NULL,
  published_at timestamptz NOT NULL DEFAULT now(),
  published_by uuid REFERENCES account (id)
);
COMMENT ON TABLE calendar_notice IS 'One row per year whose State Council holiday notice is known; years without a row are provisional.';

CREATE TABLE calendar_day (
  date date PRIMARY KEY,
  year integer NOT NULL REFERENCES calendar_notice (year) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('off', 'work')),
  name text NOT NULL,
  CHECK (extract(year FROM date) = year)
);
COMMENT ON TABLE calendar_day IS 'Exceptions to Mon–Fri: official days off (放假) and weekend make-up workdays (调休上班).';

-- Service catalog (first slice; the governed catalog extends it) ----------------------------------
CREATE TABLE licence_type (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  ref text NOT NULL UNIQUE,
  name text NOT NULL,
  issuer_department_id uuid REFERENCES department (id),
  holder text NOT NULL,
  validity text,
  fields jsonb NOT NULL DEFAULT '[]'::jsonb
);
COMMENT ON TABLE licence_type IS 'Electronic licence types (电子证照类型) a material can be replaced by.';

CREATE TABLE item (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  ref text NOT NULL UNIQUE,
  name text NOT NULL,
  type_code text NOT NULL,
  type_name text NOT NULL,
  basic_code text NOT NULL,
  implementation_code text NOT NULL UNIQUE,
  department_id uuid NOT NULL REFERENCES department (id),
  audience text[] NOT NULL DEFAULT '{}',
  themes text[] NOT NULL DEFAULT '{}',
  tags text[] NOT NULL DEFAULT '{}',
  legal_basis jsonb NOT NULL DEFAULT '[]'::jsonb,
  conditions jsonb NOT NULL DEFAULT '[]'::jsonb,
  materials jsonb NOT NULL DEFAULT '[]'::jsonb,
  situations jsonb NOT NULL DEFAULT '[]'::jsonb,
  statutory_limit jsonb,
  promised_limit jsonb,
  fee jsonb NOT NULL DEFAULT '{"charged": false}'::jsonb,
  online_depth integer CHECK (online_depth BETWEEN 1 AND 4),
  max_visits integer CHECK (max_visits >= 0),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE item IS 'Service items (政务服务事项) as implemented by a department: the guide people follow.';
COMMENT ON COLUMN item.type_code IS '事项类型 code, GB/T 39046-2020 A.1 (01 行政许可 … 20 公共服务).';
COMMENT ON COLUMN item.implementation_code IS '实施编码: implementing body USCC + level digit + 基本编码 (national profile).';
COMMENT ON COLUMN item.materials IS 'Materials: name, form, required, source licence ref, and the situation (when) it applies to.';
CREATE INDEX item_department ON item (department_id, name);

CREATE TABLE bundle (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  ref text NOT NULL UNIQUE,
  name text NOT NULL,
  audience text[] NOT NULL DEFAULT '{}',
  item_refs text[] NOT NULL DEFAULT '{}',
  note text
);
COMMENT ON TABLE bundle IS '一件事 bundles: items across departments applied for together.';

-- Jobs and timers -------------------------------------------------------------------------------
CREATE TABLE job (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  kind text NOT NULL,
  payload jsonb NOT NULL DEFAULT '{}'::jsonb,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'running', 'done', 'dead')),
  run_at timestamptz NOT NULL DEFAULT now(),
  attempts integer NOT NULL DEFAULT 0,
  max_attempts integer NOT NULL DEFAULT 5,
  locked_by text,
  locked_until timestamptz,
  last_error text,
  dedupe_key text UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz
);
COMMENT ON TABLE job IS 'Durable background work and timers: leased with FOR UPDATE SKIP LOCKED, retried with backoff, dead-lettered.';
COMMENT ON COLUMN job.dedupe_key IS 'Makes enqueueing idempotent: a second enqueue with the same key is a no-op.';
COMMENT ON COLUMN job.locked_until IS 'Lease end; a running job whose lease passed is taken again (its worker crashed).';
CREATE INDEX job_due ON job (run_at) WHERE status IN ('pending', 'running');
