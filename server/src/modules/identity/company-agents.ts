import type { Actor } from "../../platform/actor.ts";
import { recordAudit } from "../../platform/audit.ts";
import type { Deps } from "../../platform/deps.ts";
import { forbidden, invalid, notFound } from "../../platform/errors.ts";
import { policyOf } from "./log-in.ts";
import { rotateSession } from "./sessions.ts";

/** Today as a legal date in Asia/Shanghai. */
export const todayInShanghai = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

/**
 * Who may manage a company's agents: the company account itself, or its legal representative.
 * Anyone else is told the company does not exist.
 */
async function managedCompany(deps: Deps, actor: Actor, companyId: string) {
  const company = await deps.db
    .selectFrom("account")
    .select(["id", "display_name", "legal_representative_id"])
    .where("id", "=", companyId)
    .where("kind", "=", "company")
    .executeTakeFirst();
  const allowed = company && (actor.id === company.id || actor.id === company.legal_representative_id);
  if (!allowed) throw notFound("COMPANY_NOT_FOUND", "企业不存在");
  return company;
}

/** Authorises a real-name-verified person (found by mobile) to act for the company within a scope and period. */
export async function grantAgent(
  deps: Deps,
  actor: Actor,
  input: {
    companyId: string;
    agentMobile: string;
    scope: string[];
    validFrom: string;
    validTo: string;
    requestId?: string;
  },
): Promise<string> {
  const company = await managedCompany(deps, actor, input.companyId);
  if (input.validTo < input.validFrom) throw invalid("PERIOD_INVALID", "授权结束日期不能早于开始日期");
  if (input.validTo < todayInShanghai()) throw invalid("PERIOD_PAST", "授权期限已过");
  const agent = await deps.db
    .selectFrom("account")
    .select(["id", "kind", "real_name_level", "display_name"])
    .where("mobile_index", "=", deps.vault.index(`mobile:${input.agentMobile}`))
    .executeTakeFirst();
  if (agent?.kind !== "citizen") throw notFound("AGENT_NOT_FOUND", "未找到该手机号注册的个人用户");
  if (agent.real_name_level < 2) throw invalid("AGENT_NOT_VERIFIED", "经办人须先完成实名认证");
  if (input.scope.length > 0) {
    const items = await deps.db.selectFrom("item").select("ref").where("ref", "in", input.scope).execute();
    const unknown = input.scope.filter((r) => !items.some((i) => i.ref === r));
    if (unknown.length > 0)
      throw invalid("SCOPE_UNKNOWN_ITEM", `授权范围中的事项不存在：${unknown.join("、")}`);
  }
  return deps.db.transaction().execute(async (tx) => {
    const row = await tx
      .insertInto("company_agent")
      .values({
        company_id: company.id,
        agent_id: agent.id,
        scope: input.scope,
        valid_from: input.validFrom,
        valid_to: input.validTo,
        granted_by: actor.id ?? company.id,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await recordAudit(tx, actor, {
      action: "company.agent-granted",
      subjectType: "company",
      subjectId: company.id,
      onBehalfOf: company.id,
      requestId: input.requestId ?? null,
      details: { agentId: agent.id, scope: input.scope, validFrom: input.validFrom, validTo: input.validTo },
    });
    return row.id;
  });
}

/** Ends an agent's authorisation at once; their sessions acting for the company end with it. */
export async function revokeAgent(
  deps: Deps,
  actor: Actor,
  input: { companyId: string; grantId: string; requestId?: string },
): Promise<void> {
  await managedCompany(deps, actor, input.companyId);
  await deps.db.transaction().execute(async (tx) => {
    const grant = await tx
      .updateTable("company_agent")
      .set({ revoked_at: new Date() })
      .where("id", "=", input.grantId)
      .where("company_id", "=", input.companyId)
      .where("revoked_at", "is", null)
      .returning(["agent_id"])
      .executeTakeFirst();
    if (!grant) throw notFound("GRANT_NOT_FOUND", "授权不存在或已撤销");
    await tx
      .updateTable("session")
      .set({ acting_for: null })
      .where("account_id", "=", grant.agent_id)
      .where("acting_for", "=", input.companyId)
      .execute();
    await recordAudit(tx, actor, {
      action: "company.agent-revoked",
      subjectType: "company",
      subjectId: input.companyId,
      onBehalfOf: input.companyId,
      requestId: input.requestId ?? null,
      details: { grantId: input.grantId, agentId: grant.agent_id },
    });
  });
}

/** The company grants in force today for an agent. */
export function activeGrants(deps: Deps, agentId: string) {
  const today = todayInShanghai();
  return deps.db
    .selectFrom("company_agent")
    .innerJoin("account as company", "company.id", "company_agent.company_id")
    .select([
      "company_agent.id",
      "company_agent.company_id",
      "company.display_name as company_name",
      "company.credit_code",
      "company_agent.scope",
      "company_agent.valid_from",
      "company_agent.valid_to",
    ])
    .where("company_agent.agent_id", "=", agentId)
    .where("company_agent.revoked_at", "is", null)
    .where("company_agent.valid_from", "<=", today)
    .where("company_agent.valid_to", ">=", today)
    .execute();
}

/**
 * Switches the session to act for a company the person is an agent of (or back to themselves, with
 * null); the token rotates because what it may do changes.
 */
export async function actForCompany(
  deps: Deps,
  actor: Actor,
  input: { token: string; companyId: string | null; requestId?: string },
): Promise<string> {
  if (actor.kind !== "citizen" || !actor.id) throw forbidden("FORBIDDEN", "只有个人用户可以作为经办人");
  const agentId = actor.id;
  if (input.companyId) {
    const grants = await activeGrants(deps, agentId);
    if (!grants.some((g) => g.company_id === input.companyId))
      throw notFound("COMPANY_NOT_FOUND", "您不是该企业的有效经办人");
  }
  return deps.db.transaction().execute(async (tx) => {
    const token = await rotateSession(tx, input.token, policyOf(deps), { actingFor: input.companyId });
    await recordAudit(tx, actor, {
      action: input.companyId ? "session.acting-for-company" : "session.acting-for-self",
      subjectType: "account",
      subjectId: agentId,
      onBehalfOf: input.companyId,
      requestId: input.requestId ?? null,
    });
    return token;
  });
}

/** A company's agents, for its managers. */
export async function listAgents(deps: Deps, actor: Actor, companyId: string) {
  await managedCompany(deps, actor, companyId);
  const rows = await deps.db
    .selectFrom("company_agent")
    .innerJoin("account as agent", "agent.id", "company_agent.agent_id")
    .select([
      "company_agent.id",
      "agent.legal_name",
      "agent.display_name",
      "agent.mobile_masked",
      "company_agent.scope",
      "company_agent.valid_from",
      "company_agent.valid_to",
      "company_agent.revoked_at",
    ])
    .where("company_agent.company_id", "=", companyId)
    .orderBy("company_agent.granted_at", "desc")
    .execute();
  return rows;
}
