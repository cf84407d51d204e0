-- 0009 payments: 缴款单 (payment orders) for items that charge, paid through a payment provider, with
-- the 电子票据 (electronic receipt) number given when the provider's signed notification arrives.
-- An order is opened in the same transaction as the approving decision and always carries the
-- catalog's amounts for the pinned item version: nothing else can be charged.
-- Forward-only: never edit an applied migration; add a new file instead.

CREATE TABLE payment_order (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES cases (id),
  number text NOT NULL UNIQUE,
  amount_fen integer NOT NULL CHECK (amount_fen > 0),
  lines jsonb NOT NULL,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'paid', 'cancelled')),
  provider text,
  provider_ref text UNIQUE,
  provider_transaction_id text,
  receipt_number text UNIQUE,
  paid_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((status = 'paid') = (receipt_number IS NOT NULL AND paid_at IS NOT NULL))
);
COMMENT ON TABLE payment_order IS '缴款单: what the applicant owes for a case, from the pinned item version''s fees; changed only with an audit record.';
COMMENT ON COLUMN payment_order.number IS '缴款单号: JK + YYYYMMDD + 6-digit daily sequence.';
COMMENT ON COLUMN payment_order.amount_fen IS 'The total in fen: the sum of lines, each a catalog fee amount; a notification for any other amount is refused.';
COMMENT ON COLUMN payment_order.lines IS 'The charged fee lines [{name, amountFen}] taken from the pinned content''s fees.';
COMMENT ON COLUMN payment_order.status IS 'pending (待缴费), paid (已缴费) or cancelled (已作废).';
COMMENT ON COLUMN payment_order.provider IS 'The payment provider the checkout went through (PAYMENT_PROVIDER, e.g. demo).';
COMMENT ON COLUMN payment_order.provider_ref IS 'The provider''s reference of the checkout; its notifications name the order by it.';
COMMENT ON COLUMN payment_order.provider_transaction_id IS 'The provider''s transaction id from the paid notification; a repeated notification with it changes nothing.';
COMMENT ON COLUMN payment_order.receipt_number IS '电子票据号: PJ + YYYYMMDD + 6-digit daily sequence, given when paid.';
COMMENT ON COLUMN payment_order.paid_at IS 'When the provider says the payment was made.';
-- At most one open order per case: a second approval can never charge twice.
CREATE UNIQUE INDEX payment_order_one_pending ON payment_order (case_id) WHERE status = 'pending';
CREATE INDEX payment_order_case ON payment_order (case_id, created_at);

CREATE TABLE payment_sequence (
  kind text NOT NULL CHECK (kind IN ('order', 'receipt')),
  day date NOT NULL,
  last integer NOT NULL CHECK (last >= 1),
  PRIMARY KEY (kind, day)
);
COMMENT ON TABLE payment_sequence IS 'The last order or receipt number given per day; an upsert takes the next one atomically.';
