import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Deps } from "../../platform/deps.ts";
import { Problem } from "../../platform/http/problem.ts";
import { authorize } from "../identity/policy.ts";
import { messageRoutes } from "./messages-routes.ts";

const OutboxMessage = z
  .object({
    id: z.uuid(),
    channel: z.enum(["sms", "email", "site"]),
    recipientMasked: z.string(),
    template: z.string(),
    body: z.string(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: "OutboxMessage" });

/** The demo channel's outbox, for administrators (and tests) to read what would have been sent; and everyone's inbox. */
export function notificationRoutes(app: FastifyInstance, deps: Deps): void {
  messageRoutes(app, deps);
  app.withTypeProvider<ZodTypeProvider>().get(
    "/api/admin/outbox",
    {
      schema: {
        tags: ["operations"],
        summary: "Messages in the demo outbox, newest first; filter by the recipient's number",
        security: [{ session: [] }],
        querystring: z.object({
          mobile: z
            .string()
            .regex(/^1[3-9]\d{9}$/)
            .optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
        }),
        response: { 200: z.object({ items: z.array(OutboxMessage) }), 401: Problem, 403: Problem },
      },
    },
    async (request) => {
      authorize(request.actor, "outbox.read");
      let query = deps.db
        .selectFrom("notification")
        .selectAll()
        .orderBy("created_at", "desc")
        .limit(request.query.limit);
      if (request.query.mobile)
        query = query.where("recipient_index", "=", deps.vault.index(`sms:${request.query.mobile}`));
      const rows = await query.execute();
      return {
        items: rows.map((r) => ({
          id: r.id,
          channel: r.channel,
          recipientMasked: r.recipient_masked,
          template: r.template,
          body: r.body,
          createdAt: r.created_at.toISOString(),
        })),
      };
    },
  );
}
