import { type LocalDate, toEpochDay } from "../calendar/local-date.ts";

const SEQUENCE_DIGITS = 6;
const MAX_SEQUENCE = 10 ** SEQUENCE_DIGITS - 1;

/** The case number (办件编号): 实施编码 + YYYYMMDD of the day received + a 6-digit daily sequence. */
export function caseNumber(implementationCode: string, day: LocalDate, sequence: number): string {
  if (!/^[0-9A-Za-z]+$/.test(implementationCode)) {
    throw new RangeError(`Not an implementation code: ${JSON.stringify(implementationCode)}`);
  }
  toEpochDay(day);
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > MAX_SEQUENCE) {
    throw new RangeError(`Case sequence must be an integer from 1 to ${MAX_SEQUENCE}: ${sequence}`);
  }
  return `${implementationCode}${day.replaceAll("-", "")}${String(sequence).padStart(SEQUENCE_DIGITS, "0")}`;
}

// 32 symbols without 0/O and 1/I, which people misread when copying the code from a receipt or SMS.
/** The symbols of a query code (查询码). */
export const queryCodeAlphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
/** The length of a query code. */
export const queryCodeLength = 6;

const QUERY_CODE = new RegExp(`^[${queryCodeAlphabet}]{${queryCodeLength}}$`);

/** Tells whether a string is a well-formed query code (upper case, exact length, unambiguous symbols). */
export function isQueryCode(value: string): boolean {
  return QUERY_CODE.test(value);
}

/** Trims and upper-cases what a person typed; returns the query code or null when it cannot be one. */
export function normalizeQueryCode(input: string): string | null {
  const value = input.trim().toUpperCase();
  return isQueryCode(value) ? value : null;
}

/**
 * Turns random bytes into a query code; the server passes `crypto.getRandomValues(new Uint8Array(6))`.
 * 32 symbols divide 256 evenly, so taking the low five bits keeps every symbol equally likely.
 */
export function queryCodeFromBytes(bytes: Uint8Array): string {
  if (bytes.length < queryCodeLength) throw new RangeError(`Need ${queryCodeLength} random bytes`);
  let code = "";
  for (let i = 0; i < queryCodeLength; i++) code += queryCodeAlphabet.charAt((bytes[i] ?? 0) & 31);
  return code;
}
