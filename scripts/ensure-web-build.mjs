// `npm start` serves the production web bundle; build it when it is missing or older than its sources.
import { execSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const web = path.join(root, "web");
const bundle = path.join(web, "dist", "index.html");

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "node_modules" || entry.name === "dist") continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(full) : statSync(full).mtimeMs);
  }
  return newest;
}

if (process.env.WEB_DIST) process.exit(0);
if (existsSync(bundle) && statSync(bundle).mtimeMs >= newestSource(web)) process.exit(0);
console.log("[tongban] building the web app (first start or sources changed)…");
execSync("npm run build -w web", { cwd: root, stdio: "inherit" });
