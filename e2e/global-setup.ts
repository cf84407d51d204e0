import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { TestProject } from "vitest/node";
import { startPlatform } from "../server/src/start.ts";
import { CHROMIUM_PATH } from "./chromium.ts";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

function run(command: string, args: string[]): boolean {
  console.log(`[e2e] $ ${command} ${args.join(" ")}`);
  // vitest sets NODE_ENV=test; the bundle under test must be the production build people get.
  const env = { ...process.env, NODE_ENV: "production" };
  return spawnSync(command, args, { cwd: repoRoot, stdio: "inherit", env }).status === 0;
}

/** Makes sure Chromium exists, installing the distribution package when we are allowed to. */
function ensureChromium(): void {
  if (existsSync(CHROMIUM_PATH)) return;
  const isRoot = process.getuid?.() === 0;
  if (isRoot) {
    console.log(`[e2e] ${CHROMIUM_PATH} is missing; installing chromium with apt-get (this takes a minute)…`);
    run("apt-get", ["update"]);
    run("apt-get", ["install", "-y", "chromium"]);
  }
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `The browser tests need Chromium at ${CHROMIUM_PATH}. ` +
        (isRoot
          ? "Installing it with `apt-get install -y chromium` failed; see the output above."
          : "Install it as root: `apt-get update && apt-get install -y chromium`."),
    );
  }
}

// E2E_WEB_DIST lets several checkouts' test runs on one machine build into folders of their own.
const webDist = path.resolve(process.env.E2E_WEB_DIST ?? path.join(repoRoot, "web", "dist"));

/** Builds the browser bundle the platform serves, unless E2E_SKIP_BUILD=1 says it is fresh already. */
function buildWeb(): void {
  if (process.env.E2E_SKIP_BUILD === "1") {
    console.log(`[e2e] E2E_SKIP_BUILD=1: using the existing ${webDist}`);
    return;
  }
  console.log("[e2e] building the web app…");
  const args = ["run", "build", "-w", "web", "--", "--outDir", webDist, "--emptyOutDir"];
  if (!run("npm", args)) throw new Error("`npm run build -w web` failed");
}

/** Vitest global setup: Chromium, a fresh web build and a whole platform on a free port with a throwaway database. */
export async function setup(project: TestProject): Promise<() => Promise<void>> {
  ensureChromium();
  buildWeb();
  if (!existsSync(path.join(webDist, "index.html"))) throw new Error(`No web bundle at ${webDist}`);

  const dataDir = await mkdtemp(path.join(tmpdir(), "tongban-e2e-"));
  console.log(`[e2e] starting the platform (data in ${dataDir})…`);
  // A known port before start, so the OIDC issuer (PUBLIC_URL) names the address browsers really use.
  const port = await freePort();
  const platform = await startPlatform({
    PORT: String(port),
    PUBLIC_URL: `http://localhost:${port}`,
    DATA_DIR: dataDir,
    WEB_DIST: webDist,
    LOG_LEVEL: "warn",
    // Every journey signs in from the same address; the per-client sign-in limit is for the real world.
    AUTH_RATE_LIMIT_MAX: "1000",
  });
  console.log(`[e2e] platform listening at ${platform.url}`);
  project.provide("baseUrl", platform.url);

  return async () => {
    await platform.close();
    await rm(dataDir, { recursive: true, force: true });
  };
}

/** A TCP port nobody listens on right now. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
