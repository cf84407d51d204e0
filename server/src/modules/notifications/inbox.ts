import type { Actor } from "../../platform/actor.ts";
import { recordAudit } from "../../platform/audit.ts";
import type { Queryable } from "../../platform/db/database.ts";
import type { Deps } from "../../platform/deps.ts";
import { notFound, unauthenticated } from "../../platform/errors.ts";
import { inboxIndex } from "./send-message.ts";

/**
 * Whose inbox the actor reads: their own account, or the company an authorised agent acts for (the
 * company's case messages belong to whoever handles its affairs, as its cases do).
 */
export function inboxOwner(actor: Actor): string {
  if (actor.kind === "anonymous" || actor.kind === "system" || !actor.id)
    throw unauthenticated("UNAUTHENTICATED", "请先登录");
  return actor.actingFor?.id ?? actor.id;
}

/** One page of a person's site messages (站内信), newest first, with the number still unread. */
export async function listInbox(
  deps: Pick<Deps, "vault">,
  q: Queryable,
  owner: string,
  options: { page: number; pageSize: number; unreadOnly?: boolean },
) {
  const mine = q
    .selectFrom("notification")
    .where("recipient_index", "=", inboxIndex(deps, owner))
    .where("channel", "=", "site");
  const filtered = options.unreadOnly ? mine.where("read_at", "is", null) : mine;
  const [totals, unread, rows] = await Promise.all([
    filtered.select((eb) => eb.fn.countAll<string>().as("n")).executeTakeFirstOrThrow(),
    mine
      .where("read_at", "is", null)
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .executeTakeFirstOrThrow(),
    filtered
      .select(["id", "template", "body", "case_id", "created_at", "read_at"])
      .orderBy("created_at", "desc")
      .orderBy("id", "desc")
      .limit(options.pageSize)
      .offset((options.page - 1) * options.pageSize)
      .execute(),
  ]);
  return { total: Number(totals.n), unread: Number(unread.n), rows };
}

/** Marks one of the actor's site messages read; someone else's message is reported as missing. */
export async function markMessageRead(deps: Deps, actor: Actor, id: string): Promise<void> {
  const owner = inboxOwner(actor);
  await deps.db.transaction().execute(async (tx) => {
    const message = await tx
      .selectFrom("notification")
      .select(["id", "read_at"])
      .where("id", "=", id)
      .where("recipient_index", "=", inboxIndex(deps, owner))
      .where("channel", "=", "site")
      .forUpdate()
      .executeTakeFirst();
    if (!message) throw notFound("MESSAGE_NOT_FOUND", "消息不存在");
    // Reading twice changes nothing and records nothing.
    if (message.read_at) return;
    await tx.updateTable("notification").set({ read_at: new Date() }).where("id", "=", id).execute();
    await recordAudit(tx, actor, { action: "message.read", subjectType: "notification", subjectId: id });
  });
}

/** Marks every unread site message of the actor read; returns how many changed. */
export async function markAllMessagesRead(deps: Deps, actor: Actor): Promise<number> {
  const owner = inboxOwner(actor);
  return deps.db.transaction().execute(async (tx) => {
    const changed = await tx
      .updateTable("notification")
      .set({ read_at: new Date() })
      .where("recipient_index", "=", inboxIndex(deps, owner))
      .where("channel", "=", "site")
      .where("read_at", "is", null)
      .executeTakeFirst();
    const count = Number(changed.numUpdatedRows);
    if (count > 0)
      await recordAudit(tx, actor, {
        action: "message.read-all",
        subjectType: "account",
        subjectId: owner,
        details: { count },
      });
    return count;
  });
}
