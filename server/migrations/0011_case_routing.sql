-- 0011 case routing: staff belong to a service place, so a township or village place's clerks work
-- the cases received there (委托受理, 000 article 44), and place-scoped queues have an index.
-- Reassignment (转办) changes a case's place, department and region with an event and an audit record;
-- it needs no table of its own. Forward-only: never edit an applied migration; add a new file instead.

ALTER TABLE account ADD COLUMN place_id uuid REFERENCES service_place (id);
ALTER TABLE account ADD CONSTRAINT account_place_staff_only CHECK (place_id IS NULL OR kind = 'staff');
COMMENT ON COLUMN account.place_id IS 'The service place a staff member works at. At a township or village place (便民服务中心/站) it narrows their region scope to the cases received there; null for office staff.';
CREATE INDEX account_place ON account (place_id) WHERE place_id IS NOT NULL;

COMMENT ON COLUMN cases.region_code IS 'Where the case is handled: the item''s region online; at a window the receiving clerk''s region, or the delegated place''s region (委托受理); changed by 转办.';
COMMENT ON COLUMN cases.place_id IS 'The service place whose queue holds the case: where a window case was received, or where 转办 sent it; null for online cases and cases sent back to the department.';
-- A township clerk's queues read their place's open cases, soonest due first.
CREATE INDEX cases_place_queue ON cases (place_id, status, due_on) WHERE place_id IS NOT NULL;
