import { maskCitizenId, maskMobile } from "@tongban/core";
import type { Tx } from "../platform/db/database.ts";
import type { Vault } from "../platform/vault.ts";
import type { SeedAccount } from "./seed-files.ts";

/**
 * The demo authenticator secret every pre-enrolled demo staff account shares (add it to any TOTP app,
 * or run `npm run demo:totp`). Demo data only: real staff enrol their own authenticator.
 */
export const DEMO_TOTP_SECRET = "TONGBANDEMOTOTPSECRETKEYFORSTAFF";

// One staff account starts without an authenticator, to show the enrolment a new staff member goes through.
const ENROLS_ON_FIRST_LOGIN = "steward";

/** Inserts the demo accounts: identifiers encrypted and blind-indexed, staff with the demo second factor. */
export async function seedAccounts(
  tx: Tx,
  vault: Vault,
  input: { accounts: SeedAccount[]; passwordHash: string; departmentId: Map<string, string> },
): Promise<void> {
  const idOf = new Map<string, string>();
  // People before companies, because a company names its legal representative.
  const ordered = [...input.accounts].sort(
    (a, b) => Number(a.kind === "company") - Number(b.kind === "company"),
  );
  for (const a of ordered) {
    const citizen = a.kind === "citizen" && a.mobile;
    const staff = a.kind === "staff";
    const row = await tx
      .insertInto("account")
      .values({
        kind: a.kind,
        username: a.kind === "citizen" ? null : a.username,
        display_name: a.displayName,
        password_hash: input.passwordHash,
        roles: a.roles,
        region_code: a.regionCode ?? null,
        department_id: a.departmentRef ? (input.departmentId.get(a.departmentRef) ?? null) : null,
        ...(citizen && a.mobile
          ? {
              mobile_enc: vault.encrypt(a.mobile),
              mobile_index: vault.index(`mobile:${a.mobile}`),
              mobile_masked: maskMobile(a.mobile),
            }
          : {}),
        // The seeded people are in the demo population register, so they are already real-name verified.
        ...(a.kind === "citizen" && a.citizenId
          ? {
              real_name_level: 2,
              legal_name: a.displayName,
              citizen_id_enc: vault.encrypt(a.citizenId),
              citizen_id_index: vault.index(`citizen-id:${a.citizenId}`),
              citizen_id_masked: maskCitizenId(a.citizenId),
            }
          : {}),
        ...(a.kind === "company"
          ? {
              credit_code: a.creditCode ?? a.username,
              real_name_level: 2,
              legal_representative_id: a.legalRepresentativeUsername
                ? (idOf.get(a.legalRepresentativeUsername) ?? null)
                : null,
            }
          : {}),
        ...(staff && a.username !== ENROLS_ON_FIRST_LOGIN
          ? { totp_secret_enc: vault.encrypt(DEMO_TOTP_SECRET), totp_enabled_at: new Date() }
          : {}),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    idOf.set(a.username, row.id);
  }
}

/** Posts the demo staff to the service places their seed entry names (after the places are seeded). */
export async function assignStaffPlaces(tx: Tx, accounts: SeedAccount[]): Promise<void> {
  for (const a of accounts) {
    if (a.kind !== "staff" || !a.place) continue;
    const place = await tx
      .selectFrom("service_place")
      .select("id")
      .where("name", "=", a.place)
      .executeTakeFirst();
    if (!place) throw new Error(`seed account ${a.username}: no place ${a.place}`);
    await tx.updateTable("account").set({ place_id: place.id }).where("username", "=", a.username).execute();
  }
}
