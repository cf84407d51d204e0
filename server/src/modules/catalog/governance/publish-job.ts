import { z } from "zod";
import { systemActor } from "../../../platform/actor.ts";
import { defineJob } from "../../../platform/jobs/define.ts";
import { publishChange } from "./publish-change.ts";

/** Publishes a scheduled change at its effective date (a durable timer); idempotent like publishChange. */
export const publishChangeJob = defineJob({
  kind: "catalog.publish-change",
  payload: z.object({ changeRequestId: z.uuid() }).strict(),
  handle: async ({ db, log }, { changeRequestId }) => {
    const version = await db.transaction().execute((tx) => publishChange(tx, systemActor, changeRequestId));
    log.info(
      { changeRequestId, version },
      version === null ? "change already settled" : "scheduled change published",
    );
  },
});

/** Midnight at the start of a local date in Asia/Shanghai (UTC+8, no daylight saving), as an instant. */
export function startOfLocalDate(date: string): Date {
  return new Date(`${date}T00:00:00+08:00`);
}
