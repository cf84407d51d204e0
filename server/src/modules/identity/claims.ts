import type { Deps } from "../../platform/deps.ts";

/** What other systems may learn about an account, each part released only under its scope. */
export interface AccountClaims {
  sub: string;
  kind: "citizen" | "company" | "staff";
  name: string;
  realNameLevel: number;
  citizenIdMasked: string | null;
  /** The full 公民身份号码, decrypted; release only with the `identifiers` scope and consent. */
  citizenId: string | null;
  creditCode: string | null;
  mobileMasked: string | null;
}

/** Loads the claims of one account (the subject of an id token), or undefined. */
export async function loadAccountClaims(deps: Deps, accountId: string): Promise<AccountClaims | undefined> {
  const row = await deps.db
    .selectFrom("account")
    .select([
      "id",
      "kind",
      "display_name",
      "legal_name",
      "real_name_level",
      "citizen_id_enc",
      "citizen_id_masked",
      "credit_code",
      "mobile_masked",
    ])
    .where("id", "=", accountId)
    .where("disabled_at", "is", null)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    sub: row.id,
    kind: row.kind,
    name: row.legal_name ?? row.display_name,
    realNameLevel: row.real_name_level,
    citizenIdMasked: row.citizen_id_masked,
    citizenId: row.citizen_id_enc ? deps.vault.decrypt(row.citizen_id_enc) : null,
    creditCode: row.credit_code,
    mobileMasked: row.mobile_masked,
  };
}
