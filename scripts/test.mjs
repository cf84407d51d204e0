// `npm test`: every tier in one vitest run, then a check that no tier ran zero tests.
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const report = path.join(root, "var", "test-report.json");
mkdirSync(path.dirname(report), { recursive: true });

const args = [
  "vitest",
  "run",
  "--reporter=default",
  "--reporter=json",
  `--outputFile.json=${report}`,
  ...process.argv.slice(2),
];
const run = spawnSync("npx", args, { cwd: root, stdio: "inherit" });

const tierOf = (file) => {
  if (file.includes(`${path.sep}e2e${path.sep}`)) return "e2e";
  if (file.endsWith(".db.test.ts")) return "db";
  if (file.endsWith(".api.test.ts")) return "api";
  return "pure";
};
const counts = {
  pure: { passed: 0, failed: 0 },
  db: { passed: 0, failed: 0 },
  api: { passed: 0, failed: 0 },
  e2e: { passed: 0, failed: 0 },
};
let parsed;
try {
  parsed = JSON.parse(readFileSync(report, "utf8"));
} catch {
  console.error("test: no vitest report was written");
  process.exit(run.status || 1);
}
for (const file of parsed.testResults) {
  const tier = counts[tierOf(file.name)];
  for (const a of file.assertionResults) {
    if (a.status === "passed") tier.passed++;
    else if (a.status === "failed") tier.failed++;
  }
}
const filtered = process.argv.length > 2;
let ok = run.status === 0;
for (const [tier, c] of Object.entries(counts)) {
  console.log(`tier ${tier.padEnd(4)}: ${c.passed} passed, ${c.failed} failed`);
  if (!filtered && c.passed === 0) {
    console.error(`test: tier "${tier}" ran no tests — that is a failure, not a pass`);
    ok = false;
  }
}
const total = Object.values(counts).reduce(
  (s, c) => ({ passed: s.passed + c.passed, failed: s.failed + c.failed }),
  { passed: 0, failed: 0 },
);
console.log(`${total.passed} passed, ${total.failed} failed`);
process.exit(ok ? 0 : 1);
