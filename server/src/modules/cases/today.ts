import { AsyncLocalStorage } from "node:async_hooks";
import type { LocalDate } from "@tongban/core";
import { todayInShanghai } from "../organisations/rules.ts";

let override: LocalDate | null = null;
// A date fixed for one call chain only, so requests served meanwhile keep the real date.
const scoped = new AsyncLocalStorage<LocalDate>();

/** Today's legal date for case processing (Asia/Shanghai). */
export function caseToday(): LocalDate {
  return scoped.getStore() ?? override ?? todayInShanghai();
}

/**
 * Runs `work` as if the legal date were `date`: the demo seed files its cases on past days through the
 * real use cases. Only `work`'s own call chain sees the date; instants (event times) stay real.
 */
export function onCaseDay<T>(date: LocalDate, work: () => Promise<T>): Promise<T> {
  return scoped.run(date, work);
}

/**
 * Tests move the legal date to walk a case across weeks (suspension, due-soon, overdue); instants such
 * as event timestamps stay real. Never called outside tests.
 */
export function setCaseTodayForTests(date: LocalDate | null): void {
  override = date;
}
