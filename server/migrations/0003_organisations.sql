-- 0003 organisations: service places (政务服务场所) with their standard names, the windows (窗口) in them,
-- and the delegation of an item's acceptance to township and village places (委托受理, 000 article 44).
-- Regions and departments come from 0001; this adds what managing them needs.
-- Forward-only: never edit an applied migration; add a new file instead.

-- Regions and departments -------------------------------------------------------------------------
-- A region is never deleted while anything references it; an abolished code keeps its row with valid_to.
ALTER TABLE region
  ADD CONSTRAINT region_valid_period CHECK (valid_from IS NULL OR valid_to IS NULL OR valid_to >= valid_from);
COMMENT ON COLUMN region.level IS 'Derived from the code''s structure: xx0000 province, xxxx00 city, other 6-digit county, 12-digit ending 000 township, other 12-digit village.';
COMMENT ON COLUMN region.parent_code IS 'The enclosing region; a child''s code extends its parent''s prefix (checked by the application).';
COMMENT ON COLUMN region.valid_from IS 'The day the code took effect (local date); null when it predates the records.';
COMMENT ON COLUMN region.valid_to IS 'The last day the code was in effect; abolished codes stay so that old records keep their meaning.';
CREATE INDEX region_parent ON region (parent_code);
CREATE INDEX department_region ON department (region_code);

-- Service places ----------------------------------------------------------------------------------
CREATE TABLE service_place (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('service-centre', 'convenience-centre', 'convenience-station')),
  region_code text NOT NULL REFERENCES region (code),
  address text NOT NULL,
  phone text,
  opening_hours jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (region_code, name),
  -- The standard names (000 article 24): the suffix always matches the kind; the kind's match with the
  -- region's level needs a join, so the application checks that part.
  CHECK (
    (kind = 'service-centre' AND name LIKE '_%政务服务中心')
    OR (kind = 'convenience-centre' AND name LIKE '_%便民服务中心')
    OR (kind = 'convenience-station' AND name LIKE '_%便民服务站')
  )
);
COMMENT ON TABLE service_place IS '政务服务场所: where people apply in person. County and above: 政务服务中心; township: 便民服务中心; village or community: 便民服务站.';
COMMENT ON COLUMN service_place.kind IS 'service-centre (政务服务中心), convenience-centre (便民服务中心) or convenience-station (便民服务站); follows the region''s level.';
COMMENT ON COLUMN service_place.opening_hours IS 'Weekly periods {weekday 1–7 (Monday = 1), open, close "HH:MM"} and notes such as 延时服务 or 周末服务.';
CREATE INDEX service_place_region ON service_place (region_code, name);

-- Windows -----------------------------------------------------------------------------------------
CREATE TABLE service_window (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  place_id uuid NOT NULL REFERENCES service_place (id),
  number text NOT NULL,
  name text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('general', 'specialised', 'cross-province', 'assisted', 'fallback')),
  department_id uuid REFERENCES department (id),
  opening_hours jsonb,
  is_active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (place_id, number),
  CHECK (kind <> 'specialised' OR department_id IS NOT NULL)
);
COMMENT ON TABLE service_window IS '窗口: a counter in a service place. Kinds: 综合受理 general, 专业 specialised (one department), 跨省通办 cross-province, 帮办代办 assisted, 办不成事反映 fallback.';
COMMENT ON COLUMN service_window.number IS 'The number shown above the counter (A01, 12, …), unique within its place.';
COMMENT ON COLUMN service_window.department_id IS 'The department a specialised window serves; optional for the other kinds.';
COMMENT ON COLUMN service_window.opening_hours IS 'Same shape as service_place.opening_hours; null means the place''s hours.';
COMMENT ON COLUMN service_window.is_active IS 'False for a window closed for now; windows are deactivated, never deleted, so records that name them stay meaningful.';
CREATE INDEX service_window_department ON service_window (department_id);

-- Delegation (委托受理) ------------------------------------------------------------------------------
CREATE TABLE delegation (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  item_id uuid NOT NULL REFERENCES item (id),
  department_id uuid NOT NULL REFERENCES department (id),
  place_id uuid NOT NULL REFERENCES service_place (id),
  valid_from date NOT NULL,
  valid_to date,
  note text,
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid REFERENCES account (id),
  revoked_at timestamptz,
  revoked_by uuid REFERENCES account (id),
  revoke_reason text,
  CHECK (valid_to IS NULL OR valid_to >= valid_from),
  CHECK ((revoked_at IS NULL) = (revoke_reason IS NULL))
);
COMMENT ON TABLE delegation IS '委托受理 (000 article 44): a county-level department lets a township or village place accept one of its items. Case routing honours it; the item guide lists it.';
COMMENT ON COLUMN delegation.department_id IS 'The delegating department: the item''s implementing department when the delegation was made.';
COMMENT ON COLUMN delegation.valid_to IS 'Last day of the delegation (local date); null until further notice.';
COMMENT ON COLUMN delegation.revoked_at IS 'Set when the department withdraws the delegation early; revoked rows are kept for the record.';
CREATE INDEX delegation_item ON delegation (item_id, place_id);
CREATE INDEX delegation_place ON delegation (place_id);
