import type { LocalDate } from "@tongban/core";
import { todayInShanghai } from "../organisations/rules.ts";

let override: LocalDate | null = null;

/** Today's legal date for case processing (Asia/Shanghai). */
export function caseToday(): LocalDate {
  return override ?? todayInShanghai();
}

/**
 * Tests move the legal date to walk a case across weeks (suspension, due-soon, overdue); instants such
 * as event timestamps stay real. Never called outside tests.
 */
export function setCaseTodayForTests(date: LocalDate | null): void {
  override = date;
}
