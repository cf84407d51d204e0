-- 0007 item completeness: the stored 要素完整度 score of each item's effective content, so the staff
-- catalog list can filter by it and still page and count in SQL. The score is core's completeness()
-- (core/src/catalog/completeness.ts), a weighted TypeScript function SQL cannot reproduce, so the
-- application writes it together with the content (itemColumns: at publication and in the demo seed) and
-- fills rows left NULL here once, at start-up, before the platform serves (backfillCompleteness).
-- A release that changes completeness() adds a migration setting the column back to NULL, so the next
-- start recomputes every row.
ALTER TABLE item ADD COLUMN completeness smallint CHECK (completeness BETWEEN 0 AND 100);

COMMENT ON COLUMN item.completeness IS '要素完整度 0–100 of content, as core completeness() scores it; NULL until the start-up backfill computes it.';
