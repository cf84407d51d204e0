import { defineConfig } from "vitest/config";

// Four tiers, one runner: pure logic, database, API (in-process server) and browser journeys.
// Each tier is a vitest project so `npm test` runs them all and scripts/check-tiers.mjs can count each.
const ignored = ["**/node_modules/**", "**/dist/**", "**/var/**"];

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "pure",
          include: ["core/src/**/*.test.ts", "server/src/**/*.test.ts", "web/src/**/*.test.{ts,tsx}"],
          exclude: [...ignored, "**/*.db.test.ts", "**/*.api.test.ts", "**/*.e2e.test.ts"],
        },
      },
      {
        test: {
          name: "db",
          include: ["server/src/**/*.db.test.ts"],
          exclude: ignored,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: "api",
          include: ["server/src/**/*.api.test.ts"],
          exclude: ignored,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: "e2e",
          include: ["e2e/**/*.e2e.test.ts"],
          exclude: ignored,
          globalSetup: ["e2e/global-setup.ts"],
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
