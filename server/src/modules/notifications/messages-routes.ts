import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Deps } from "../../platform/deps.ts";
import { Problem } from "../../platform/http/problem.ts";
import { inboxOwner, listInbox, markAllMessagesRead, markMessageRead } from "./inbox.ts";

const SiteMessage = z
  .object({
    id: z.uuid(),
    template: z.string(),
    body: z.string(),
    caseId: z.uuid().nullable(),
    createdAt: z.iso.datetime(),
    readAt: z.iso.datetime().nullable(),
  })
  .meta({ id: "SiteMessage" });

const InboxPage = z
  .object({
    total: z.number().int(),
    unread: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
    items: z.array(SiteMessage),
  })
  .meta({ id: "InboxPage" });

const InboxQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
  unread: z
    .enum(["true", "false"])
    .optional()
    .transform((value) => value === "true"),
});

/** The in-app inbox (站内信) of whoever is signed in: citizens, companies (and their agents) and staff. */
export function messageRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["messages"];
  const security = [{ session: [] }];

  r.get(
    "/api/messages",
    {
      schema: {
        tags,
        security,
        summary: "The signed-in person's site messages, newest first, with the unread count",
        querystring: InboxQuery,
        response: { 200: InboxPage, 401: Problem },
      },
    },
    async (request) => {
      const { page, pageSize, unread } = request.query;
      const inbox = await listInbox(deps, deps.db, inboxOwner(request.actor), {
        page,
        pageSize,
        unreadOnly: unread,
      });
      return {
        total: inbox.total,
        unread: inbox.unread,
        page,
        pageSize,
        items: inbox.rows.map((row) => ({
          id: row.id,
          template: row.template,
          body: row.body,
          caseId: row.case_id,
          createdAt: row.created_at.toISOString(),
          readAt: row.read_at ? row.read_at.toISOString() : null,
        })),
      };
    },
  );

  r.post(
    "/api/messages/:id/read",
    {
      schema: {
        tags,
        security,
        summary: "Mark one site message read",
        params: z.object({ id: z.uuid() }),
        response: { 204: z.undefined(), 401: Problem, 404: Problem },
      },
    },
    async (request, reply) => {
      await markMessageRead(deps, request.actor, request.params.id);
      return reply.code(204).send();
    },
  );

  r.post(
    "/api/messages/read-all",
    {
      schema: {
        tags,
        security,
        summary: "Mark every unread site message read",
        response: { 200: z.object({ changed: z.number().int() }), 401: Problem },
      },
    },
    async (request) => ({ changed: await markAllMessagesRead(deps, request.actor) }),
  );
}
