import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { buildApp } from "../app.ts";
import { loadConfig } from "../config.ts";
import type { DatabaseHandle } from "../platform/db/database.ts";
import { localStorage } from "../platform/files/local-storage.ts";
import { stepOf, totpAt } from "../platform/totp.ts";
import { createVault, loadVaultKeys, type Vault } from "../platform/vault.ts";
import { DEMO_PASSWORD, DEMO_TOTP_SECRET, seedDemo } from "../seed/seed-demo.ts";
import { freshDatabase } from "./databases.ts";

/** Fixed personal-data keys for tests (never used outside tests). */
export const testKeys = {
  DATA_KEYS: "test:dG9uZ2Jhbi10ZXN0LWtleS0wMTIzNDU2Nzg5YWJjZGU=",
  BLIND_INDEX_KEY: "test-blind-index-key-test-blind-index-key",
};

/** Browser-like credentials: the cookie header (session + CSRF) and the CSRF token to echo. */
export interface Signed {
  cookie: string;
  csrf: string;
}

/** An in-process platform over a fresh, seeded database, driven with Fastify's inject. */
export interface TestApp {
  app: FastifyInstance;
  database: DatabaseHandle;
  vault: Vault;
  /**
   * Signs in (staff complete the second factor with the demo authenticator) and caches the result per
   * username, because a TOTP code is accepted once per 30-second step.
   */
  login(username: string, password?: string): Promise<Signed>;
  /** A fresh CSRF cookie and token, as a browser has after its first page. */
  anonymous(): Promise<Signed>;
  close(): Promise<void>;
}

/** A TOTP code the demo authenticator shows `offset` steps from now. */
export const demoTotp = (offset = 0) => totpAt(DEMO_TOTP_SECRET, stepOf(Date.now()) + offset);

/** Builds the app the way production does, on the given database kind. */
export async function createTestApp(
  kind: "pglite" | "postgres",
  env: Record<string, string> = {},
): Promise<TestApp> {
  const fresh = await freshDatabase(kind);
  const dir = await mkdtemp(path.join(tmpdir(), "tongban-test-"));
  const config = loadConfig({
    LOG_LEVEL: "silent",
    DATA_DIR: dir,
    WEB_DIST: path.join(dir, "no-web"),
    ...testKeys,
    ...env,
  });
  const vault = createVault(await loadVaultKeys(config));
  await seedDemo(fresh.handle.db, vault);
  const { app } = await buildApp({
    config,
    database: fresh.handle,
    files: localStorage(config.filesDir),
    vault,
  });
  await app.ready();
  const sessions = new Map<string, Signed>();
  const anonymous = async () => {
    const first = await app.inject({ method: "GET", url: "/healthz" });
    const csrf = cookieValue(first, "tb_csrf");
    return { cookie: `tb_csrf=${csrf}`, csrf };
  };
  return {
    app,
    database: fresh.handle,
    vault,
    anonymous,
    async login(username, password = DEMO_PASSWORD) {
      const cached = sessions.get(username);
      if (cached) return cached;
      const { csrf } = await anonymous();
      const res = await app.inject({
        method: "POST",
        url: "/api/session",
        headers: { cookie: `tb_csrf=${csrf}`, "x-csrf-token": csrf },
        payload: { login: username, password },
      });
      if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
      let session = cookieValue(res, "tb_session");
      if (res.json().stage === "mfa") {
        const totp = (offset: number) =>
          app.inject({
            method: "POST",
            url: "/api/session/totp",
            headers: { cookie: `tb_csrf=${csrf}; tb_session=${session}`, "x-csrf-token": csrf },
            payload: { code: demoTotp(offset) },
          });
        // Each code is accepted once per account; the next step's code is within the allowed drift.
        let second = await totp(0);
        if (second.statusCode === 400) second = await totp(1);
        if (second.statusCode !== 200)
          throw new Error(`second factor for ${username} failed: ${second.body}`);
        session = cookieValue(second, "tb_session");
      }
      const signed = { cookie: `tb_csrf=${csrf}; tb_session=${session}`, csrf };
      sessions.set(username, signed);
      return signed;
    },
    async close() {
      await app.close();
      await fresh.drop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** The value of a cookie a response set. */
export function cookieValue(res: LightMyRequestResponse, name: string): string {
  const cookie = res.cookies.find((c) => c.name === name);
  if (!cookie) throw new Error(`response set no ${name} cookie`);
  return cookie.value;
}
