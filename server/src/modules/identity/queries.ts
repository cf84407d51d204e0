import { type Action, can, rules } from "@tongban/core";
import type { Actor } from "../../platform/actor.ts";
import type { Deps } from "../../platform/deps.ts";
import { activeGrants } from "./company-agents.ts";
import type { SessionResponse, SessionUser } from "./schemas.ts";
import type { ResolvedSession } from "./sessions.ts";

/** The signed-in account as the browser sees it (identifiers masked), or undefined. */
export async function findSessionUser(deps: Deps, accountId: string): Promise<SessionUser | undefined> {
  const row = await deps.db
    .selectFrom("account")
    .leftJoin("department", "department.id", "account.department_id")
    .select([
      "account.id",
      "account.username",
      "account.display_name",
      "account.kind",
      "account.roles",
      "account.region_code",
      "account.real_name_level",
      "account.legal_name",
      "account.mobile_masked",
      "account.citizen_id_masked",
      "account.credit_code",
      "department.id as department_id",
      "department.name as department_name",
    ])
    .where("account.id", "=", accountId)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    kind: row.kind,
    roles: row.roles,
    department:
      row.department_id && row.department_name ? { id: row.department_id, name: row.department_name } : null,
    regionCode: row.region_code,
    realNameLevel: row.real_name_level,
    legalName: row.legal_name,
    mobileMasked: row.mobile_masked,
    citizenIdMasked: row.citizen_id_masked,
    creditCode: row.credit_code,
  };
}

/** Platform-wide abilities of an actor, so the UI shows only what the server will allow. */
export function abilitiesOf(actor: Actor): Partial<Record<Action, boolean>> {
  return Object.fromEntries((Object.keys(rules) as Action[]).map((a) => [a, can(actor, a)]));
}

/** Everything the browser needs to know about the current session. */
export async function presentSession(deps: Deps, session: ResolvedSession): Promise<SessionResponse> {
  const empty = { actingFor: null, companies: [], representedCompanies: [], abilities: {} };
  if (session.stage !== "active" || !session.actor.id) return { stage: session.stage, user: null, ...empty };
  const user = await findSessionUser(deps, session.actor.id);
  const grants = user?.kind === "citizen" ? await activeGrants(deps, user.id) : [];
  const represented = user
    ? await deps.db
        .selectFrom("account")
        .select(["id", "display_name", "credit_code"])
        .where("kind", "=", "company")
        .where((eb) => eb.or([eb("id", "=", user.id), eb("legal_representative_id", "=", user.id)]))
        .execute()
    : [];
  return {
    stage: "active",
    user: user ?? null,
    actingFor: session.actor.actingFor ?? null,
    companies: grants.map((g) => ({
      id: g.company_id,
      name: g.company_name,
      creditCode: g.credit_code,
      scope: g.scope,
      validTo: g.valid_to,
    })),
    representedCompanies: represented.map((c) => ({
      id: c.id,
      name: c.display_name,
      creditCode: c.credit_code,
    })),
    abilities: abilitiesOf(session.actor),
  };
}
