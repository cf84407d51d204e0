import type { Actor } from "../../platform/actor.ts";
import { recordAudit } from "../../platform/audit.ts";
import type { Deps } from "../../platform/deps.ts";
import { forbidden, invalid, notFound } from "../../platform/errors.ts";
import { todayInShanghai } from "./company-agents.ts";

const applicantOnly = (actor: Actor) => {
  if ((actor.kind !== "citizen" && actor.kind !== "company") || !actor.id) {
    throw forbidden("FORBIDDEN", "只有办事人可以授权他人代办");
  }
  return actor.actingFor?.id ?? actor.id;
};

/**
 * 代办授权: an applicant lets a registered person act for them on one item (or one case), for a
 * purpose and a period. The case engine checks it when the agent applies.
 */
export async function grantAuthorisation(
  deps: Deps,
  actor: Actor,
  input: {
    agentMobile: string;
    itemRef: string;
    purpose: string;
    validFrom: string;
    validTo: string;
    requestId?: string;
  },
): Promise<string> {
  const grantorId = applicantOnly(actor);
  if (input.validTo < input.validFrom) throw invalid("PERIOD_INVALID", "授权结束日期不能早于开始日期");
  if (input.validTo < todayInShanghai()) throw invalid("PERIOD_PAST", "授权期限已过");
  const agent = await deps.db
    .selectFrom("account")
    .select(["id", "kind"])
    .where("mobile_index", "=", deps.vault.index(`mobile:${input.agentMobile}`))
    .executeTakeFirst();
  if (agent?.kind !== "citizen") throw notFound("AGENT_NOT_FOUND", "未找到该手机号注册的个人用户");
  if (agent.id === grantorId) throw invalid("AGENT_IS_SELF", "不能授权自己代办");
  const item = await deps.db
    .selectFrom("item")
    .select(["ref", "name"])
    .where("ref", "=", input.itemRef)
    .executeTakeFirst();
  if (!item) throw notFound("ITEM_NOT_FOUND", "事项不存在或已下线");
  return deps.db.transaction().execute(async (tx) => {
    const row = await tx
      .insertInto("authorisation")
      .values({
        grantor_id: grantorId,
        agent_id: agent.id,
        item_ref: item.ref,
        purpose: input.purpose,
        valid_from: input.validFrom,
        valid_to: input.validTo,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await recordAudit(tx, actor, {
      action: "authorisation.granted",
      subjectType: "authorisation",
      subjectId: row.id,
      requestId: input.requestId ?? null,
      details: { agentId: agent.id, itemRef: item.ref, validFrom: input.validFrom, validTo: input.validTo },
    });
    return row.id;
  });
}

/** Withdraws an authorisation the actor gave. */
export async function revokeAuthorisation(
  deps: Deps,
  actor: Actor,
  input: { id: string; requestId?: string },
): Promise<void> {
  const grantorId = applicantOnly(actor);
  await deps.db.transaction().execute(async (tx) => {
    const row = await tx
      .updateTable("authorisation")
      .set({ revoked_at: new Date() })
      .where("id", "=", input.id)
      .where("grantor_id", "=", grantorId)
      .where("revoked_at", "is", null)
      .returning("id")
      .executeTakeFirst();
    if (!row) throw notFound("AUTHORISATION_NOT_FOUND", "授权不存在或已撤销");
    await recordAudit(tx, actor, {
      action: "authorisation.revoked",
      subjectType: "authorisation",
      subjectId: input.id,
      requestId: input.requestId ?? null,
    });
  });
}

/** Authorisations the actor gave and received. */
export async function listAuthorisations(deps: Deps, actor: Actor) {
  const me = applicantOnly(actor);
  const rows = await deps.db
    .selectFrom("authorisation")
    .innerJoin("account as grantor", "grantor.id", "authorisation.grantor_id")
    .innerJoin("account as agent", "agent.id", "authorisation.agent_id")
    .leftJoin("item", "item.ref", "authorisation.item_ref")
    .select([
      "authorisation.id",
      "authorisation.grantor_id",
      "grantor.display_name as grantor_name",
      "agent.display_name as agent_name",
      "agent.mobile_masked as agent_mobile",
      "authorisation.item_ref",
      "item.name as item_name",
      "authorisation.purpose",
      "authorisation.valid_from",
      "authorisation.valid_to",
      "authorisation.revoked_at",
    ])
    .where((eb) => eb.or([eb("authorisation.grantor_id", "=", me), eb("authorisation.agent_id", "=", me)]))
    .orderBy("authorisation.granted_at", "desc")
    .execute();
  return rows.map((r) => ({
    ...r,
    direction: r.grantor_id === me ? ("given" as const) : ("received" as const),
  }));
}

/** True when the agent may act for the grantor on the item today (used by the case engine). */
export async function mayActFor(
  deps: Deps,
  input: { agentId: string; grantorId: string; itemRef: string },
): Promise<boolean> {
  const today = todayInShanghai();
  const row = await deps.db
    .selectFrom("authorisation")
    .select("id")
    .where("agent_id", "=", input.agentId)
    .where("grantor_id", "=", input.grantorId)
    .where("item_ref", "=", input.itemRef)
    .where("revoked_at", "is", null)
    .where("valid_from", "<=", today)
    .where("valid_to", ">=", today)
    .executeTakeFirst();
  return row !== undefined;
}
