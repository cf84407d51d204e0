import type { ColumnType, Generated } from "kysely";
import type { Json, Nullable, Timestamp } from "./schema.ts";

/** One charged fee line of a payment order, copied from the pinned item version's fees. */
export interface PaymentLine {
  name: string;
  amountFen: number;
}

/** The states of a payment order (缴款单). */
export type PaymentStatus = "pending" | "paid" | "cancelled";

/** Payments (migration 0009): payment orders (缴款单) and their number sequences. */
export interface PaymentTables {
  payment_order: {
    id: Generated<string>;
    case_id: string;
    number: string;
    amount_fen: number;
    lines: Json<PaymentLine[]>;
    status: ColumnType<PaymentStatus, PaymentStatus | undefined, PaymentStatus>;
    provider: Nullable<string>;
    provider_ref: Nullable<string>;
    provider_transaction_id: Nullable<string>;
    receipt_number: Nullable<string>;
    paid_at: Nullable<Date>;
    created_at: Timestamp;
  };
  payment_sequence: {
    kind: "order" | "receipt";
    day: string;
    last: number;
  };
}
