-- 0002 identity: real-name accounts with encrypted identifiers, staff second factor, session stages,
-- companies' agents, authorisations to act for someone, one-time codes, the notification outbox,
-- and a hash chain over the audit log.

-- Accounts ------------------------------------------------------------------------------------------
ALTER TABLE account ALTER COLUMN username DROP NOT NULL;
ALTER TABLE account
  ADD COLUMN real_name_level integer NOT NULL DEFAULT 1 CHECK (real_name_level BETWEEN 1 AND 3),
  ADD COLUMN legal_name text,
  ADD COLUMN mobile_enc text,
  ADD COLUMN mobile_index text UNIQUE,
  ADD COLUMN mobile_masked text,
  ADD COLUMN citizen_id_enc text,
  ADD COLUMN citizen_id_index text UNIQUE,
  ADD COLUMN citizen_id_masked text,
  ADD COLUMN credit_code text UNIQUE,
  ADD COLUMN legal_representative_id uuid REFERENCES account (id),
  ADD COLUMN totp_secret_enc text,
  ADD COLUMN totp_enabled_at timestamptz,
  ADD COLUMN totp_last_step bigint;
ALTER TABLE account ADD CONSTRAINT account_has_login
  CHECK (username IS NOT NULL OR mobile_index IS NOT NULL OR credit_code IS NOT NULL);
COMMENT ON COLUMN account.real_name_level IS '1 registered (mobile verified), 2 real-name verified (公民身份号码 + name), 3 verified in person.';
COMMENT ON COLUMN account.mobile_enc IS 'Mobile number, AES-256-GCM with a key id for rotation (personal data).';
COMMENT ON COLUMN account.mobile_index IS 'Keyed HMAC-SHA256 blind index of the mobile number, for exact lookup without decrypting.';
COMMENT ON COLUMN account.citizen_id_enc IS '公民身份号码, AES-256-GCM with a key id (personal data).';
COMMENT ON COLUMN account.citizen_id_index IS 'Keyed blind index of the 公民身份号码: one person, one account.';
COMMENT ON COLUMN account.credit_code IS '统一社会信用代码 of a company account (public, not personal data).';
COMMENT ON COLUMN account.totp_secret_enc IS 'Staff TOTP secret (RFC 6238), encrypted; totp_enabled_at set once the first code is confirmed.';
COMMENT ON COLUMN account.totp_last_step IS 'Last accepted TOTP time step, so a code cannot be replayed.';

-- Sessions --------------------------------------------------------------------------------------------
ALTER TABLE session
  ADD COLUMN stage text NOT NULL DEFAULT 'active' CHECK (stage IN ('active', 'mfa', 'enrol')),
  ADD COLUMN acting_for uuid REFERENCES account (id) ON DELETE SET NULL;
COMMENT ON COLUMN session.stage IS 'mfa: password given, TOTP code pending; enrol: staff must set up TOTP first; active: signed in.';
COMMENT ON COLUMN session.acting_for IS 'The company an authorised agent (经办人) is acting for in this session.';

-- Companies' agents (经办人) -------------------------------------------------------------------------------
CREATE TABLE company_agent (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  company_id uuid NOT NULL REFERENCES account (id),
  agent_id uuid NOT NULL REFERENCES account (id),
  scope text[] NOT NULL DEFAULT '{}',
  valid_from date NOT NULL,
  valid_to date NOT NULL,
  granted_by uuid NOT NULL REFERENCES account (id),
  granted_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz,
  CHECK (valid_to >= valid_from)
);
COMMENT ON TABLE company_agent IS 'A person authorised to act for a company (经办人), within a scope of items (empty = all) and a period.';
CREATE INDEX company_agent_agent ON company_agent (agent_id);
CREATE INDEX company_agent_company ON company_agent (company_id);

-- Authorisations to act for someone (代办授权) --------------------------------------------------------------
CREATE TABLE authorisation (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  grantor_id uuid NOT NULL REFERENCES account (id),
  agent_id uuid NOT NULL REFERENCES account (id),
  item_ref text,
  case_id uuid,
  purpose text NOT NULL,
  valid_from date NOT NULL,
  valid_to date NOT NULL,
  granted_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz,
  CHECK (grantor_id <> agent_id),
  CHECK ((item_ref IS NULL) <> (case_id IS NULL)),
  CHECK (valid_to >= valid_from)
);
COMMENT ON TABLE authorisation IS '代办授权: an applicant lets another person act for them on one item or one case, for a period.';
CREATE INDEX authorisation_grantor ON authorisation (grantor_id);
CREATE INDEX authorisation_agent ON authorisation (agent_id);

-- One-time codes and the notification outbox -----------------------------------------------------------------
CREATE TABLE one_time_code (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  purpose text NOT NULL CHECK (purpose IN ('register', 'login')),
  target_index text NOT NULL,
  code_hash text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  attempts integer NOT NULL DEFAULT 0,
  consumed_at timestamptz
);
COMMENT ON TABLE one_time_code IS 'SMS codes for registration and login; only a keyed hash of the code and a blind index of the number are kept.';
CREATE INDEX one_time_code_target ON one_time_code (target_index, purpose, created_at DESC);

CREATE TABLE notification (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  channel text NOT NULL CHECK (channel IN ('sms', 'email', 'site')),
  recipient_enc text NOT NULL,
  recipient_masked text NOT NULL,
  recipient_index text NOT NULL,
  template text NOT NULL,
  body text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  sent_at timestamptz
);
COMMENT ON TABLE notification IS 'Messages to people. The demo channel keeps them here (the outbox) for administrators and tests to read.';
CREATE INDEX notification_recipient ON notification (recipient_index, created_at DESC);

-- The audit log as a hash chain ---------------------------------------------------------------------------
ALTER TABLE audit_log ADD COLUMN prev_hash text, ADD COLUMN hash text;
COMMENT ON COLUMN audit_log.hash IS 'SHA-256 over prev_hash and the canonical row; altering or deleting any row breaks the chain.';
CREATE TABLE audit_head (
  id boolean PRIMARY KEY DEFAULT true CHECK (id),
  last_id bigint NOT NULL,
  last_hash text NOT NULL,
  row_count bigint NOT NULL
);
COMMENT ON TABLE audit_head IS 'The end of the audit chain, so removing the newest rows is detected too.';
