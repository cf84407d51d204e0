// Test fixtures shared with the server's tests; never imported by production code.
export { notice2025, notice2026, officialNotices } from "./calendar/official-notices.fixture.ts";
