import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { demoTotp, testKeys } from "./test-app.ts";

const serverRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const repoRoot = path.resolve(serverRoot, "..");

/** A platform running as its own process, as `npm start` runs it. */
export interface SpawnedPlatform {
  url: string;
  child: ChildProcess;
  output(): string;
  /** Waits for the process to exit and returns its exit code (null when killed by a signal). */
  exited: Promise<number | null>;
}

/** Starts `node server/src/main.ts` with the env, resolving once it prints its address (or exits). */
export function spawnPlatform(env: Record<string, string>): Promise<SpawnedPlatform> {
  const child = spawn(process.execPath, [path.join(serverRoot, "src", "main.ts")], {
    cwd: repoRoot,
    env: {
      ...process.env,
      PORT: "0",
      HOST: "127.0.0.1",
      LOG_LEVEL: "warn",
      WEB_DIST: "/nonexistent",
      ...(env.DATABASE_URL ? testKeys : {}),
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let text = "";
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      text += chunk.toString();
      const match = /is running at (http:\/\/\S+)/.exec(text);
      if (match?.[1]) resolve({ url: match[1], child, output: () => text, exited });
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    exited.then((code) =>
      reject(Object.assign(new Error(`platform exited with ${code}: ${text}`), { code, text })),
    );
  });
}

/** Runs one of the npm CLI scripts (backup, restore, …) synchronously with Node 24. */
export function runCli(script: string, args: string[], env: Record<string, string>) {
  return spawnSync(process.execPath, [path.join(serverRoot, "src", "cli", `${script}.ts`), ...args], {
    cwd: repoRoot,
    env: { ...process.env, LOG_LEVEL: "warn", ...env },
    encoding: "utf8",
  });
}

/**
 * Signs in through HTTP (staff complete the second factor with the demo authenticator) and returns
 * headers that carry the session and the CSRF proof.
 */
export async function httpLogin(
  url: string,
  login: string,
  password: string,
): Promise<Record<string, string>> {
  const first = await fetch(`${url}/healthz`);
  const csrf = /tb_csrf=([^;]+)/.exec(first.headers.get("set-cookie") ?? "")?.[1] ?? "";
  const post = (path: string, cookie: string, body: unknown) =>
    fetch(`${url}${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie, "x-csrf-token": csrf },
      body: JSON.stringify(body),
    });
  const sessionOf = (res: Response) =>
    /tb_session=([^;]+)/.exec(res.headers.get("set-cookie") ?? "")?.[1] ?? "";
  const res = await post("/api/session", `tb_csrf=${csrf}`, { login, password });
  if (!res.ok) throw new Error(`login failed: ${res.status} ${await res.text()}`);
  let session = sessionOf(res);
  if (((await res.json()) as { stage: string }).stage === "mfa") {
    const totp = (offset: number) =>
      post("/api/session/totp", `tb_csrf=${csrf}; tb_session=${session}`, { code: demoTotp(offset) });
    // A code is accepted once per account: when this step's code was already used (an earlier login in
    // the same 30 s, or one copied over with the data), the next step's is still within the allowed drift.
    let second = await totp(0);
    if (second.status === 400) second = await totp(1);
    if (!second.ok) throw new Error(`second factor failed: ${second.status} ${await second.text()}`);
    session = sessionOf(second);
  }
  return {
    cookie: `tb_csrf=${csrf}; tb_session=${session}`,
    "x-csrf-token": csrf,
    "content-type": "application/json",
  };
}
