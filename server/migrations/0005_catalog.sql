-- 0005 catalog: the governed service catalog. An item's whole guide becomes one JSON document
-- (ItemContent, core/src/catalog/item-content.ts); every create, change or cancel is a change request
-- that passes legality review (合法性审查) and consistency review before it is published as an
-- immutable version (000 articles 1–11; 002 articles 6–9).
-- Forward-only: never edit an applied migration; add a new file instead.

-- Item: the effective version people see --------------------------------------------------------
ALTER TABLE item
  ADD COLUMN content jsonb,
  ADD COLUMN version integer,
  ADD COLUMN status text,
  ADD COLUMN effective_from date,
  ADD COLUMN level text,
  ADD COLUMN processing text,
  ADD COLUMN region_code text REFERENCES region (code),
  ADD COLUMN type text;

-- Rows written before this migration (older data directories) are converted in place: the old
-- columns become one ItemContent document, Chinese tags and audiences become the core's keys, and
-- each row is published as version 1 below. A fresh database has no rows here; the seed writes them.
CREATE TEMPORARY TABLE item_type_key (name text PRIMARY KEY, key text NOT NULL) ON COMMIT DROP;
INSERT INTO item_type_key VALUES
  ('行政许可', 'licensing'), ('行政处罚', 'penalty'), ('行政强制', 'enforcement'), ('行政征收', 'levy'),
  ('行政给付', 'payment'), ('行政检查', 'inspection'), ('行政确认', 'confirmation'), ('行政奖励', 'reward'),
  ('行政裁决', 'adjudication'), ('其他行政权力', 'other-power'), ('行政备案', 'filing'),
  ('公共服务', 'public-service');
CREATE TEMPORARY TABLE feature_tag_key (name text PRIMARY KEY, key text NOT NULL) ON COMMIT DROP;
INSERT INTO feature_tag_key VALUES
  ('即办件', 'immediate'), ('全程网办', 'fully-online'), ('掌上办', 'mobile'), ('就近办', 'nearby'),
  ('免证办', 'licence-free'), ('秒批', 'instant'), ('跨省通办', 'cross-province'), ('全市通办', 'city-wide'),
  ('告知承诺', 'pledge'), ('容缺受理', 'tolerant-acceptance'), ('帮办代办', 'assisted'), ('政银合作', 'bank-partnership');
CREATE TEMPORARY TABLE level_key (digit text PRIMARY KEY, key text NOT NULL) ON COMMIT DROP;
INSERT INTO level_key VALUES
  ('1', 'national'), ('2', 'provincial'), ('3', 'municipal'), ('4', 'county'), ('5', 'township'),
  ('6', 'village'), ('7', 'tiered');
CREATE TEMPORARY TABLE known_theme (name text PRIMARY KEY) ON COMMIT DROP;
INSERT INTO known_theme VALUES
  ('出生'), ('户籍'), ('教育'), ('就业'), ('婚育'), ('住房'), ('出行'), ('医疗'), ('社保'), ('养老'),
  ('残疾人服务'), ('身后'), ('企业开办'), ('经营许可'), ('投资建设'), ('用工'), ('纳税'), ('注销');

CREATE FUNCTION pg_temp.time_limit(old jsonb) RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN old IS NULL OR jsonb_typeof(old) <> 'object' THEN NULL ELSE jsonb_build_object(
    'days', (old ->> 'days')::int,
    'unit', CASE WHEN old ->> 'unit' IN ('自然日', 'natural-day') THEN 'natural-day' ELSE 'workday' END,
    'text', old -> 'text') END
$$;

UPDATE item SET
  type = coalesce((SELECT key FROM item_type_key WHERE name = item.type_name), 'public-service'),
  level = coalesce((SELECT key FROM level_key WHERE digit = substr(item.implementation_code, 19, 1)), 'municipal'),
  processing = CASE WHEN '即办件' = ANY (item.tags) THEN 'immediate' ELSE 'promised' END,
  region_code = (SELECT region_code FROM department WHERE department.id = item.department_id),
  audience = ARRAY(SELECT CASE a WHEN '自然人' THEN 'citizen' WHEN '法人' THEN 'company' ELSE a END
                   FROM unnest(item.audience) a),
  themes = ARRAY(SELECT t FROM unnest(item.themes) t WHERE t IN (SELECT name FROM known_theme)),
  tags = ARRAY(SELECT k.key FROM unnest(item.tags) t JOIN feature_tag_key k ON k.name = t),
  version = 1,
  status = 'active',
  effective_from = (item.created_at AT TIME ZONE 'Asia/Shanghai')::date;

UPDATE item SET content = jsonb_build_object(
  'name', name,
  'basicCode', basic_code,
  'implementationCode', implementation_code,
  'type', type,
  'level', level,
  'departmentId', department_id,
  'audience', to_jsonb(CASE WHEN cardinality(audience) = 0 THEN ARRAY['citizen'] ELSE audience END),
  'audienceDetail', '[]'::jsonb,
  'themes', to_jsonb(themes),
  'tags', to_jsonb(tags),
  'legalBasis', coalesce((SELECT jsonb_agg(jsonb_build_object('law', b ->> 'law', 'article', b -> 'article', 'text', NULL))
                          FROM jsonb_array_elements(legal_basis) b), '[]'::jsonb),
  'conditions', conditions,
  'materials', coalesce((SELECT jsonb_agg(jsonb_build_object(
      'id', 'm' || n,
      'name', m ->> 'name',
      'forms', jsonb_build_array(CASE m ->> 'form' WHEN '复印件' THEN 'copy' WHEN '电子' THEN 'electronic' ELSE 'original' END),
      'copies', 1,
      'required', coalesce((m ->> 'required')::boolean, true),
      'conditional', false,
      'issuer', NULL,
      'licenceTypeRef', m -> 'sourceLicence',
      'note', m -> 'when',
      'blankForm', NULL,
      'sample', NULL) ORDER BY n)
    FROM jsonb_array_elements(materials) WITH ORDINALITY AS e (m, n)), '[]'::jsonb),
  'situations', coalesce((SELECT jsonb_agg(jsonb_build_object(
      'id', 's' || n,
      'question', s ->> 'question',
      'options', (SELECT jsonb_agg(jsonb_build_object('label', o, 'effects', '[]'::jsonb))
                  FROM jsonb_array_elements_text(s -> 'options') o)) ORDER BY n)
    FROM jsonb_array_elements(situations) WITH ORDINALITY AS e (s, n)), '[]'::jsonb),
  'processing', processing,
  'statutoryLimit', pg_temp.time_limit(statutory_limit),
  'promisedLimit', pg_temp.time_limit(promised_limit),
  'fees', CASE WHEN (fee ->> 'charged')::boolean THEN jsonb_build_array(jsonb_build_object(
      'name', left(coalesce(fee ->> 'text', '收费'), 100),
      'amountFen', coalesce((fee ->> 'amountFen')::int, 0),
      'basis', fee -> 'basis')) ELSE '[]'::jsonb END,
  'process', '[]'::jsonb,
  'result', NULL,
  'onlineDepth', coalesce(online_depth, 1),
  'maxVisits', coalesce(max_visits, 1),
  'visitReason', NULL,
  'postal', false,
  'appointment', false,
  'windowIds', '[]'::jsonb,
  'consultationPhone', NULL,
  'complaintPhone', NULL,
  'faq', '[]'::jsonb,
  'rights', '[]'::jsonb,
  'obligations', '[]'::jsonb,
  'remedies', jsonb_build_object('reconsideration', NULL, 'litigation', NULL));
UPDATE item SET online_depth = coalesce(online_depth, 1), max_visits = coalesce(max_visits, 1);

ALTER TABLE item
  DROP COLUMN type_name,
  DROP COLUMN type_code,
  DROP COLUMN legal_basis,
  DROP COLUMN conditions,
  DROP COLUMN materials,
  DROP COLUMN situations,
  DROP COLUMN statutory_limit,
  DROP COLUMN promised_limit,
  DROP COLUMN fee,
  ALTER COLUMN content SET NOT NULL,
  ALTER COLUMN version SET NOT NULL,
  ALTER COLUMN status SET NOT NULL,
  ALTER COLUMN effective_from SET NOT NULL,
  ALTER COLUMN level SET NOT NULL,
  ALTER COLUMN processing SET NOT NULL,
  ALTER COLUMN region_code SET NOT NULL,
  ALTER COLUMN type SET NOT NULL,
  ALTER COLUMN online_depth SET NOT NULL,
  ALTER COLUMN max_visits SET NOT NULL,
  ADD CONSTRAINT item_status CHECK (status IN ('active', 'cancelled')),
  ADD CONSTRAINT item_processing CHECK (processing IN ('immediate', 'promised')),
  ADD CONSTRAINT item_version_positive CHECK (version >= 1);
COMMENT ON TABLE item IS 'Service items (政务服务事项) as implemented by a department: the effective version people see. Changed only by publishing a change request; the history is item_version.';
COMMENT ON COLUMN item.content IS 'The effective ItemContent document (core/src/catalog/item-content.ts); the columns beside it are copies for list filters.';
COMMENT ON COLUMN item.version IS 'The item_version this row shows.';
COMMENT ON COLUMN item.status IS 'active, or cancelled (取消) by a published cancel change; cancelled items leave the public catalog.';
COMMENT ON COLUMN item.effective_from IS 'The local date (Asia/Shanghai) the shown version took effect.';
COMMENT ON COLUMN item.level IS '行使层级 key (GB/T 39046 A.2), e.g. municipal.';
COMMENT ON COLUMN item.processing IS '办件类型: immediate (即办件) or promised (承诺件).';
COMMENT ON COLUMN item.region_code IS 'Region of the implementing department, for region-scoped lists and permissions.';
COMMENT ON COLUMN item.type IS '事项类型 key (core itemTypes); the GB/T 39046 code and name come from the core table.';
COMMENT ON COLUMN item.audience IS 'Audience keys: citizen (自然人), company (法人).';
COMMENT ON COLUMN item.themes IS 'Life events and company lifecycle stages (主题) the portal browses by.';
COMMENT ON COLUMN item.tags IS 'Feature tag keys (特色标签, core featureTags).';
CREATE INDEX item_region ON item (region_code);
CREATE INDEX item_type ON item (type);
CREATE INDEX item_themes ON item USING gin (themes);
CREATE INDEX item_tags ON item USING gin (tags);
CREATE INDEX item_audience ON item USING gin (audience);
CREATE INDEX item_basic_code ON item (basic_code);

-- Basic catalog (基本目录) ---------------------------------------------------------------------------
CREATE TABLE basic_item (
  basic_code text PRIMARY KEY,
  name text NOT NULL,
  type text NOT NULL,
  legal_basis jsonb NOT NULL DEFAULT '[]'::jsonb,
  created_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE basic_item IS '基本目录 entry: what every implementation with this 基本编码 shares ("四级四同": name, type, legal basis). Created by the first publication that uses the code.';
COMMENT ON COLUMN basic_item.legal_basis IS 'Legal basis of the first publication, [{law, article, text}].';
INSERT INTO basic_item (basic_code, name, type, legal_basis)
  SELECT DISTINCT ON (basic_code) basic_code, name, type, content -> 'legalBasis' FROM item ORDER BY basic_code, created_at;

-- Published versions ------------------------------------------------------------------------------
CREATE TABLE change_request (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  number text NOT NULL UNIQUE CHECK (number ~ '^BG[0-9]{12}$'),
  kind text NOT NULL CHECK (kind IN ('create', 'change', 'cancel')),
  item_id uuid REFERENCES item (id),
  ref text,
  base_version integer,
  content jsonb,
  status text NOT NULL DEFAULT 'draft' CHECK (status IN
    ('draft', 'legality-review', 'consistency-review', 'scheduled', 'published', 'returned', 'withdrawn')),
  effective_from date NOT NULL,
  reason text NOT NULL,
  law_changed_on date,
  filing_due date,
  department_id uuid NOT NULL REFERENCES department (id),
  region_code text NOT NULL REFERENCES region (code),
  author_id uuid REFERENCES account (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  submitted_at timestamptz,
  published_at timestamptz,
  published_version integer,
  CHECK ((kind = 'cancel') = (content IS NULL)),
  CHECK (kind = 'create' OR item_id IS NOT NULL),
  CHECK ((law_changed_on IS NULL) = (filing_due IS NULL))
);
COMMENT ON TABLE change_request IS '事项变更申请: every create, change or cancel of an item. draft → legality-review (合法性审查) → consistency-review (政务服务管理机构) → published, or scheduled until its effective date; returned with reasons or withdrawn.';
COMMENT ON COLUMN change_request.number IS 'BG + local date (yyyymmdd) + 4-digit sequence of the day, shown to people.';
COMMENT ON COLUMN change_request.item_id IS 'The item changed or cancelled; for a create, null until it is published.';
COMMENT ON COLUMN change_request.ref IS 'External reference a create gives its new item (imports keep theirs); defaults to the 实施编码 in lower case.';
COMMENT ON COLUMN change_request.base_version IS 'The item version the change was drafted from; publishing refuses a stale base.';
COMMENT ON COLUMN change_request.content IS 'The proposed ItemContent; null for a cancel.';
COMMENT ON COLUMN change_request.effective_from IS 'Local date the change takes effect; a future date schedules the publication.';
COMMENT ON COLUMN change_request.law_changed_on IS 'When the law behind the change changed, if that is the cause.';
COMMENT ON COLUMN change_request.filing_due IS '10 working days after law_changed_on: the deadline to file the change (000 article 3).';
COMMENT ON COLUMN change_request.department_id IS 'Implementing department of the item: the scope of who may draft and review.';
COMMENT ON COLUMN change_request.region_code IS 'Region of that department, for region-scoped permissions.';
COMMENT ON COLUMN change_request.published_version IS 'The item_version the publication created.';
CREATE INDEX change_request_status ON change_request (status, region_code);
CREATE INDEX change_request_item ON change_request (item_id);
CREATE INDEX change_request_author ON change_request (author_id);
-- At most one open change per item, so reviewers never approve two competing edits of one version.
CREATE UNIQUE INDEX change_request_one_open ON change_request (item_id)
  WHERE item_id IS NOT NULL AND status IN ('draft', 'legality-review', 'consistency-review', 'scheduled', 'returned');

CREATE TABLE change_review (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  change_request_id uuid NOT NULL REFERENCES change_request (id),
  stage text NOT NULL CHECK (stage IN ('legality', 'consistency')),
  decision text NOT NULL CHECK (decision IN ('approve', 'return')),
  reason text,
  reviewer_id uuid NOT NULL REFERENCES account (id),
  decided_at timestamptz NOT NULL DEFAULT now(),
  CHECK (decision = 'approve' OR reason IS NOT NULL)
);
COMMENT ON TABLE change_review IS 'One review decision on a change request: legality (合法性审查) or consistency (政务服务管理机构); a return carries its reason.';
CREATE INDEX change_review_request ON change_review (change_request_id, decided_at);

CREATE TABLE item_version (
  item_id uuid NOT NULL REFERENCES item (id),
  version integer NOT NULL CHECK (version >= 1),
  content jsonb NOT NULL,
  effective_from date NOT NULL,
  change_request_id uuid REFERENCES change_request (id),
  published_at timestamptz NOT NULL DEFAULT now(),
  published_by uuid REFERENCES account (id),
  PRIMARY KEY (item_id, version)
);
COMMENT ON TABLE item_version IS 'Every published version of an item, immutable: a trigger rejects updates and deletes, as for audit_log.';
COMMENT ON COLUMN item_version.change_request_id IS 'The change request that published it; null for the demo seed and rows converted by this migration.';
COMMENT ON COLUMN item_version.published_by IS 'The consistency reviewer whose approval published it; null when the platform loaded it.';

CREATE FUNCTION item_version_is_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'item_version is immutable' USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER item_version_no_update BEFORE UPDATE OR DELETE ON item_version
  FOR EACH ROW EXECUTE FUNCTION item_version_is_immutable();
CREATE TRIGGER item_version_no_truncate BEFORE TRUNCATE ON item_version
  FOR EACH STATEMENT EXECUTE FUNCTION item_version_is_immutable();

INSERT INTO item_version (item_id, version, content, effective_from, published_at)
  SELECT id, 1, content, effective_from, created_at FROM item;
