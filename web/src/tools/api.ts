import { api, query } from "../api/client.ts";

/** How a time limit is counted: working days skip weekends and public holidays. */
export type DayUnit = "workday" | "natural";

/** A computed due date; provisional when a year on the way has no published holiday notice yet. */
export interface DueDate {
  due: string;
  provisional: boolean;
}

/** The identifiers the platform can check. */
export type IdentifierType = "citizen-id" | "credit-code";

/** Why an identifier is not valid. */
export type InvalidReason = "format" | "checksum" | "birthdate" | "region" | "charset" | "length";

/** The verdict on one identifier. */
export type IdentifierCheck = { valid: true } | { valid: false; reason: InvalidReason };

/** Computes the due date `days` units after `from` on the official calendar. */
export function computeDue(input: { from: string; days: number; unit: DayUnit }): Promise<DueDate> {
  return api(`/api/calendar/due${query(input)}`);
}

/** Checks a 公民身份号码 or 统一社会信用代码. */
export function validateIdentifier(input: { type: IdentifierType; value: string }): Promise<IdentifierCheck> {
  return api(`/api/identifiers/validate${query(input)}`);
}
