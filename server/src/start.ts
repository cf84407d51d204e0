import type { AddressInfo } from "node:net";
import type { FastifyInstance } from "fastify";
import type { Logger } from "pino";
import { buildApp } from "./app.ts";
import { type Config, loadConfig } from "./config.ts";
import { deadlineSweepSchedule } from "./modules/cases/sweep-deadlines.ts";
import { backfillCompleteness } from "./modules/catalog/backfill-completeness.ts";
import { publishChangeJob } from "./modules/catalog/governance/publish-job.ts";
import { lockDataDir } from "./platform/data-dir-lock.ts";
import { type DatabaseHandle, openDatabase } from "./platform/db/database.ts";
import { migrate } from "./platform/db/migrate.ts";
import { createFileStorage } from "./platform/files/create-storage.ts";
import { platformSchedules, purgeJob } from "./platform/jobs/maintenance.ts";
import { JobRunner } from "./platform/jobs/runner.ts";
import { createVault, loadVaultKeys } from "./platform/vault.ts";
import { seedDemoCases } from "./seed/seed-cases.ts";
import { seedDemo } from "./seed/seed-demo.ts";

/** A running platform: where it listens and how to stop it cleanly. */
export interface Platform {
  url: string;
  config: Config;
  app: FastifyInstance;
  database: DatabaseHandle;
  close(): Promise<void>;
}

/** Opens the database (after locking DATA_DIR in embedded mode) with migrations applied. */
export async function openPlatformDatabase(
  config: Config,
  onProgress: (message: string) => void = () => {},
): Promise<{ database: DatabaseHandle; release(): Promise<void> }> {
  const lock = config.embedded ? await lockDataDir(config.dataDir) : undefined;
  try {
    onProgress(
      config.embedded ? `opening embedded database in ${config.pgliteDir}` : "connecting to PostgreSQL",
    );
    const database = await openDatabase({
      url: config.DATABASE_URL,
      dataDir: config.pgliteDir,
      poolMax: config.DATABASE_POOL_MAX,
    });
    await migrate(database.db, { onProgress });
    return {
      database,
      release: async () => {
        await database.close();
        await lock?.release();
      },
    };
  } catch (err) {
    await lock?.release();
    throw err;
  }
}

/**
 * Starts the whole platform from environment variables: lock, database, migrations, demo seed,
 * HTTP server and job runner. Used by `npm start`, the browser tests and the benchmarks.
 */
export async function startPlatform(
  env: Record<string, string | undefined>,
  onProgress: (message: string) => void = () => {},
): Promise<Platform> {
  const config = loadConfig(env);
  const { database, release } = await openPlatformDatabase(config, onProgress);
  try {
    const vault = createVault(await loadVaultKeys(config));
    const seeded = config.SEED_DEMO && (await seedDemo(database.db, vault, { onProgress }));
    // Before serving: the staff list filters by the stored completeness score (migration 0007).
    await backfillCompleteness(database.db);
    const { app, deps, metrics } = await buildApp({
      config,
      database,
      files: createFileStorage(config),
      vault,
    });
    // The demo cases go through the real use cases, which need the app's deps: after the city exists.
    if (seeded) await seedDemoCases(deps, { onProgress });
    const caseSweep = deadlineSweepSchedule({ vault });
    const runner = config.JOBS
      ? new JobRunner({
          db: database.db,
          log: app.log as unknown as Logger,
          definitions: [purgeJob, publishChangeJob, caseSweep.job],
          schedules: [...platformSchedules, caseSweep],
          pollMs: config.JOB_POLL_MS,
          events: {
            onFinished: (kind, outcome, seconds) => {
              metrics.jobFinished.inc({ kind, outcome });
              metrics.jobDuration.observe({ kind }, seconds);
            },
          },
        })
      : undefined;
    await app.listen({ port: config.PORT, host: config.HOST });
    runner?.start();
    const address = app.server.address() as AddressInfo;
    const host = address.family === "IPv6" ? `[${address.address}]` : address.address;
    let closing: Promise<void> | undefined;
    return {
      url: `http://${config.HOST === "localhost" ? "localhost" : host}:${address.port}`,
      config,
      app,
      database,
      close() {
        closing ??= (async () => {
          await runner?.stop();
          await app.close();
          await release();
        })();
        return closing;
      },
    };
  } catch (err) {
    await release();
    throw err;
  }
}
