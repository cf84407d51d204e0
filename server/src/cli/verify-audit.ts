import { loadConfig } from "../config.ts";
import { verifyAuditChain } from "../platform/audit.ts";
import { openPlatformDatabase } from "../start.ts";

// `npm run audit:verify`: recomputes the audit log's hash chain; exits 1 when any row was altered or removed.
const config = loadConfig(process.env);
const { database, release } = await openPlatformDatabase(config, (m) => console.log(`[audit] ${m}`));
try {
  const report = await verifyAuditChain(database.db);
  if (report.ok) {
    console.log(
      `[audit] chain intact: ${report.rows} rows verified${report.unchained ? `, ${report.unchained} older rows before the chain` : ""}`,
    );
  } else {
    console.error(`[audit] CHAIN BROKEN at row ${report.firstBrokenId ?? "(end)"}: ${report.problem}`);
    process.exitCode = 1;
  }
} finally {
  await release();
}
