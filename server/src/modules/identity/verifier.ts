import { readFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { seedDir } from "../../seed/seed-files.ts";

/**
 * Checks a name and 公民身份号码 against an authoritative source (the public-security population
 * register or the national identity service). Swappable: the demo implementation below answers from
 * the demo city's roster.
 */
export interface IdentityVerifier {
  verify(input: { name: string; citizenId: string }): Promise<{ matched: boolean }>;
}

const Person = z.object({ name: z.string(), citizenId: z.string() });

/** The demo verifier: the people of the demo city (server/seed/population.json), matched exactly. */
export async function demoVerifier(): Promise<IdentityVerifier> {
  const people = z
    .array(Person)
    .parse(JSON.parse(await readFile(path.join(seedDir, "population.json"), "utf8")));
  const known = new Set(people.map((p) => `${p.citizenId}|${p.name}`));
  return {
    async verify({ name, citizenId }) {
      return { matched: known.has(`${citizenId}|${name}`) };
    },
  };
}
