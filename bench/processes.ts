import { type ChildProcess, spawn } from "node:child_process";
import { rmSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root, so the bench works from any current directory. */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

const OUTPUT_TAIL_LINES = 40;
const STOP_GRACE_MS = 20_000; // main.ts forces its own exit after 15 s; this only catches a hung child

/** A server process started by the bench. */
export interface Child {
  name: string;
  process: ChildProcess;
  /** Resolves with the exit code (or the signal name) once the process has gone. */
  exited: Promise<number | string>;
  /** True once the bench asked it to stop, so an exit is expected rather than a crash. */
  stopping: boolean;
  /** The last lines the process wrote, for error reports. */
  tail(): string;
}

// Everything that must be undone however the bench ends: kept here so one cleanup finds it all.
const children = new Set<Child>();
const tempDirs = new Set<string>();
const asyncCleanups: (() => Promise<void>)[] = [];
let shuttingDown = false;

/** A fresh temporary directory, removed by cleanupAll. */
export async function makeTempDir(prefix: string): Promise<string> {
  if (shuttingDown) throw new Error("bench is shutting down");
  const dir = await mkdtemp(path.join(tmpdir(), prefix));
  tempDirs.add(dir);
  return dir;
}

/** Registers an async undo step (dropping a database) that cleanupAll runs after stopping children. */
export function onCleanup(step: () => Promise<void>): void {
  asyncCleanups.push(step);
}

/** A TCP port nobody listens on right now (the OS picks it; the tiny race is acceptable for a bench). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => (port > 0 ? resolve(port) : reject(new Error("no free port"))));
    });
  });
}

/** Starts `node <script>` from the repo root with exactly `env` (plus PATH/HOME), output captured. */
export function startChild(name: string, script: string, env: Record<string, string>): Child {
  if (shuttingDown) throw new Error("bench is shutting down");
  // A minimal environment keeps the developer's own settings (DATABASE_URL, pool sizes…) out of the figures.
  const base: Record<string, string> = {};
  for (const key of ["PATH", "HOME", "TMPDIR", "LANG", "TZ"]) {
    const value = process.env[key];
    if (value !== undefined) base[key] = value;
  }
  // process.execPath is the Node that runs the bench (Node 24 via npm), which strips types natively.
  const proc = spawn(process.execPath, [script], {
    cwd: repoRoot,
    env: { ...base, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const lines: string[] = [];
  const keep = (chunk: Buffer) => {
    lines.push(...chunk.toString("utf8").split("\n").filter(Boolean));
    if (lines.length > OUTPUT_TAIL_LINES) lines.splice(0, lines.length - OUTPUT_TAIL_LINES);
  };
  proc.stdout?.on("data", keep);
  proc.stderr?.on("data", keep);
  const child: Child = {
    name,
    process: proc,
    stopping: false,
    exited: new Promise((resolve) => {
      proc.once("exit", (code, signal) => resolve(code ?? signal ?? "unknown"));
      proc.once("error", (err) => {
        lines.push(`spawn failed: ${err.message}`);
        resolve("spawn-error");
      });
    }),
    tail: () => lines.join("\n"),
  };
  children.add(child);
  child.exited.then(() => children.delete(child));
  return child;
}

/** True while the process has neither exited nor been killed. */
export function isRunning(child: Child): boolean {
  return child.process.exitCode === null && child.process.signalCode === null;
}

/** Polls `url` until it answers 200; fails early if the child dies, late after `timeoutMs`. */
export async function waitReady(child: Child, url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let died = false;
  child.exited.then(() => {
    died = true;
  });
  while (Date.now() < deadline) {
    if (died) throw new Error(`${child.name} exited before it was ready:\n${child.tail()}`);
    const status = await fetch(url, { signal: AbortSignal.timeout(5_000) }).then(
      async (res) => {
        await res.arrayBuffer();
        return res.status;
      },
      () => 0, // not listening yet
    );
    if (status === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${child.name} not ready after ${timeoutMs / 1000} s (${url}):\n${child.tail()}`);
}

/** SIGTERM, then SIGKILL after a grace period; resolves once the process is gone. */
export async function stopChild(child: Child): Promise<number | string> {
  child.stopping = true;
  if (!isRunning(child)) return child.exited;
  child.process.kill("SIGTERM");
  const timer = setTimeout(() => child.process.kill("SIGKILL"), STOP_GRACE_MS);
  const result = await child.exited;
  clearTimeout(timer);
  return result;
}

/** Stops every child still running (after a failed step, so it does not load the next measurement). */
export async function stopAllChildren(): Promise<void> {
  await Promise.all([...children].map(stopChild));
}

/** Stops every child, removes every temp dir, runs every registered undo step; safe to call twice. */
export async function cleanupAll(): Promise<void> {
  shuttingDown = true;
  await stopAllChildren();
  // Children are gone, so nothing holds the PGlite directories or the benchmark database any more.
  for (const dir of tempDirs) {
    await rm(dir, { recursive: true, force: true }).catch((err: unknown) => {
      process.stderr.write(`[bench] could not remove ${dir}: ${String(err)}\n`);
    });
    tempDirs.delete(dir);
  }
  while (asyncCleanups.length > 0) {
    const step = asyncCleanups.pop();
    await step?.().catch((err: unknown) => {
      process.stderr.write(`[bench] cleanup step failed: ${String(err)}\n`);
    });
  }
}

// Last resort when the bench dies without reaching cleanupAll (an uncaught throw): only synchronous
// work is possible here, so children are killed outright and directories removed directly.
process.on("exit", () => {
  for (const child of children) if (isRunning(child)) child.process.kill("SIGKILL");
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});
