-- 0006 catalog files: blank forms (空白表格), samples (示例样表) and result samples that catalog editors
-- upload for an item's guide. The bytes live in file storage (server/src/platform/files/, addressed by
-- SHA-256); this table remembers what each upload is, so downloads carry the right type and name.
-- Forward-only: never edit an applied migration; add a new file instead.

CREATE TABLE catalog_file (
  sha256 text PRIMARY KEY CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  media_type text NOT NULL,
  size integer NOT NULL CHECK (size > 0),
  uploaded_by uuid REFERENCES account (id),
  uploaded_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE catalog_file IS 'Files uploaded for the catalog (blank forms, samples), one row per distinct content; the first upload of the same bytes is kept and each upload is audited. Served publicly only while an active item references the SHA-256.';
COMMENT ON COLUMN catalog_file.sha256 IS 'SHA-256 of the bytes: the key in file storage and in ItemContent FileRefs.';
COMMENT ON COLUMN catalog_file.name IS 'File name given at the first upload; a FileRef may name the same bytes differently.';
COMMENT ON COLUMN catalog_file.media_type IS 'Media type found from the magic bytes and extension (PDF, Word, Excel, JPEG, PNG), sent as Content-Type.';
COMMENT ON COLUMN catalog_file.size IS 'Size in bytes.';
COMMENT ON COLUMN catalog_file.uploaded_by IS 'The catalog editor who first uploaded it.';

-- A public download asks "does any active item reference this file?": a containment query on the
-- content document, which this index answers without reading every item.
CREATE INDEX item_content_paths ON item USING gin (content jsonb_path_ops);
