-- 0004 OpenID Connect provider (单点登录): the client systems (客户端系统) administrators register, the
-- artefacts oidc-provider stores (sessions, interactions, grants, codes, tokens) and the provider's keys.
-- Forward-only: never edit an applied migration; add a new file instead.

-- Registered client systems ------------------------------------------------------------------------------
CREATE TABLE oidc_client (
  id text PRIMARY KEY CHECK (id ~ '^[A-Za-z0-9._-]{3,64}$'),
  secret_hash text CHECK (secret_hash ~ '^[0-9a-f]{64}$'),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  department_id uuid REFERENCES department (id),
  redirect_uris text[] NOT NULL CHECK (cardinality(redirect_uris) BETWEEN 1 AND 20),
  scopes text[] NOT NULL CHECK (
    'openid' = ANY (scopes)
    AND scopes <@ ARRAY['openid', 'profile', 'realname', 'identifiers_masked', 'identifiers', 'phone']
  ),
  created_by uuid REFERENCES account (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  disabled_at timestamptz
);
COMMENT ON TABLE oidc_client IS 'A department''s business system that signs people in through Tongban (OpenID Connect relying party).';
COMMENT ON COLUMN oidc_client.id IS 'The OAuth client_id the system presents.';
COMMENT ON COLUMN oidc_client.secret_hash IS 'SHA-256 (hex) of the client secret, which is 256 random bits and shown once; null for a public client (PKCE only, no secret).';
COMMENT ON COLUMN oidc_client.department_id IS 'The department that runs the system and answers for its use of the data.';
COMMENT ON COLUMN oidc_client.redirect_uris IS 'Exact redirect URIs the authorization endpoint accepts; any other is refused.';
COMMENT ON COLUMN oidc_client.scopes IS 'Scopes the system may request; identifiers (the full 公民身份号码) only when listed here, and still only with the person''s consent.';
COMMENT ON COLUMN oidc_client.disabled_at IS 'Set when an administrator disables the system: it can no longer sign anyone in or redeem codes.';

-- oidc-provider's stored models ----------------------------------------------------------------------------
CREATE TABLE oidc_payload (
  model text NOT NULL,
  id text NOT NULL,
  payload jsonb NOT NULL,
  grant_id text,
  uid text,
  user_code text,
  expires_at timestamptz,
  consumed_at timestamptz,
  PRIMARY KEY (model, id)
);
COMMENT ON TABLE oidc_payload IS 'Everything oidc-provider persists through its adapter interface, one row per stored object; expired rows are ignored and can be deleted.';
COMMENT ON COLUMN oidc_payload.model IS 'The provider''s model name: Session, Interaction, Grant, AuthorizationCode, AccessToken, PushedAuthorizationRequest, ReplayDetection, …';
COMMENT ON COLUMN oidc_payload.payload IS 'The model''s JSON as oidc-provider hands it over (account ids, client ids, scopes; never secrets of people).';
COMMENT ON COLUMN oidc_payload.grant_id IS 'The grant a code or token belongs to, so revoking the grant revokes them all.';
COMMENT ON COLUMN oidc_payload.uid IS 'A session''s uid, for lookups by uid.';
COMMENT ON COLUMN oidc_payload.user_code IS 'A device-flow user code (unused while the device flow is off).';
COMMENT ON COLUMN oidc_payload.expires_at IS 'When the object stops being valid; null when it does not expire.';
COMMENT ON COLUMN oidc_payload.consumed_at IS 'When a one-time object (an authorization code) was used; a second use is refused.';
CREATE INDEX oidc_payload_grant ON oidc_payload (model, grant_id) WHERE grant_id IS NOT NULL;
CREATE INDEX oidc_payload_uid ON oidc_payload (model, uid) WHERE uid IS NOT NULL;
CREATE INDEX oidc_payload_user_code ON oidc_payload (model, user_code) WHERE user_code IS NOT NULL;
CREATE INDEX oidc_payload_expires ON oidc_payload (expires_at);

-- The provider's keys ---------------------------------------------------------------------------------------
CREATE TABLE oidc_key (
  id text PRIMARY KEY,
  purpose text NOT NULL CHECK (purpose IN ('signing', 'cookie')),
  alg text,
  public_jwk jsonb,
  secret_enc text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  retired_at timestamptz,
  CHECK ((purpose = 'signing') = (alg IS NOT NULL AND public_jwk IS NOT NULL))
);
COMMENT ON TABLE oidc_key IS 'Keys every instance shares: token signing key pairs (published in the JWKS) and the keys that sign the provider''s cookies. Generated at first start.';
COMMENT ON COLUMN oidc_key.id IS 'The key id (kid) for signing keys; a random name for cookie keys.';
COMMENT ON COLUMN oidc_key.public_jwk IS 'The public half of a signing key as a JWK, as published at /oidc/jwks.';
COMMENT ON COLUMN oidc_key.secret_enc IS 'The private JWK (signing) or the secret (cookie), sealed with the platform''s data key (AES-256-GCM, key id inside).';
COMMENT ON COLUMN oidc_key.retired_at IS 'Set to stop using and publishing a key; the newest unretired key of each purpose signs, the others still verify.';
