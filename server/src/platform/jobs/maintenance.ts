import { sql } from "kysely";
import { z } from "zod";
import { defineJob, type Schedule } from "./define.ts";

/** Hourly housekeeping: expired sessions and old finished jobs. Idempotent by nature (deletes by age). */
export const purgeJob = defineJob({
  kind: "maintenance.purge",
  payload: z.object({}).strict(),
  maxAttempts: 3,
  handle: async ({ db, log }) => {
    const sessions = await db.deleteFrom("session").where("expires_at", "<", new Date()).executeTakeFirst();
    // Finished jobs are kept a week for inspection; dead letters 90 days so someone can look at them.
    const jobs = await db
      .deleteFrom("job")
      .where((eb) =>
        eb.or([
          eb.and([eb("status", "=", "done"), eb("finished_at", "<", sql<Date>`now() - interval '7 days'`)]),
          eb.and([eb("status", "=", "dead"), eb("finished_at", "<", sql<Date>`now() - interval '90 days'`)]),
        ]),
      )
      .executeTakeFirst();
    // Single sign-on artefacts (codes, grants, interactions) past their expiry are dead weight.
    const oidc = await db.deleteFrom("oidc_payload").where("expires_at", "<", new Date()).executeTakeFirst();
    log.info(
      {
        sessions: Number(sessions.numDeletedRows),
        jobs: Number(jobs.numDeletedRows),
        oidc: Number(oidc.numDeletedRows),
      },
      "maintenance purge finished",
    );
  },
});

/** The platform's recurring timers. */
export const platformSchedules: Schedule[] = [{ job: purgeJob, everySeconds: 3600 }];
