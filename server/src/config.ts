import path from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

const flag = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((v) => v === "true" || v === "1" || v === "yes");

/** The environment the platform reads, and nothing else: one schema, one place to document it. */
export const Env = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default("localhost"),
  PUBLIC_URL: z
    .url()
    .optional()
    .describe("The address people and client systems use; default http://localhost:PORT"),
  DATA_KEYS: z
    .string()
    .regex(
      /^[\w-]+:[A-Za-z0-9+/=]{43,44}(,[\w-]+:[A-Za-z0-9+/=]{43,44})*$/,
      "must be keyId:base64key[,keyId:base64key…]",
    )
    .optional()
    .describe("Encryption keys for personal data; the first encrypts, all decrypt (rotation)"),
  BLIND_INDEX_KEY: z.string().min(32).optional().describe("Key of the HMAC blind index for exact lookups"),
  DATA_DIR: z.string().min(1).default("./var"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must start with postgres:// or postgresql://")
    .optional(),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  WEB_DIST: z
    .string()
    .min(1)
    .default(path.join(repoRoot, "web", "dist")),
  SEED_DEMO: flag.default(true),
  JOBS: flag.default(true),
  JOB_POLL_MS: z.coerce.number().int().min(10).max(60_000).default(1000),
  RATE_LIMIT_MAX: z.coerce.number().int().min(1).default(600),
  AUTH_RATE_LIMIT_MAX: z.coerce
    .number()
    .int()
    .min(1)
    .default(20)
    .describe("Sign-in, code and registration requests per minute per client"),
  COOKIE_SECURE: z.enum(["auto", "true", "false"]).default("auto"),
  TRUST_PROXY: flag.default(false),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).default(30),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).default(12),
  // 20: the general decision limit of 行政许可法 §42, so a proof the applicant was spared is checked
  // within the time the department would have had to examine it; 国办发〔2020〕42号 leaves the period to
  // each department, which sets its own here.
  PLEDGE_CHECK_WORKDAYS: z.coerce
    .number()
    .int()
    .min(1)
    .max(250)
    .default(20)
    .describe("告知承诺: working days after acceptance by which the post-verification (事后核查) is due"),
  FILE_STORAGE: z.enum(["local", "s3"]).default("local"),
  S3_ENDPOINT: z.url().optional(),
  S3_REGION: z.string().default("us-east-1"),
  S3_BUCKET: z.string().optional(),
  S3_ACCESS_KEY_ID: z.string().optional(),
  S3_SECRET_ACCESS_KEY: z.string().optional(),
  S3_FORCE_PATH_STYLE: flag.default(true),
  PAYMENT_PROVIDER: z
    .enum(["demo"])
    .default("demo")
    .describe(
      "Payment provider for fees (缴费); demo pays on the platform's own checkout page, no money moves",
    ),
});
export type Env = z.infer<typeof Env>;

/** Resolved configuration: env values plus the paths derived from them. */
export interface Config extends Env {
  publicUrl: string;
  dataDir: string;
  pgliteDir: string;
  filesDir: string;
  embedded: boolean;
  repoRoot: string;
}

/** Thrown when the environment is invalid; the message lists every bad variable in plain words. */
export class ConfigError extends Error {
  override name = "ConfigError";
}

/** Parses the environment into a Config or throws ConfigError naming each bad variable. */
export function loadConfig(source: Record<string, string | undefined>): Config {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = Env.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new ConfigError(`配置错误 (invalid configuration):\n${lines.join("\n")}`);
  }
  const env = parsed.data;
  if (env.FILE_STORAGE === "s3" && (!env.S3_BUCKET || !env.S3_ACCESS_KEY_ID || !env.S3_SECRET_ACCESS_KEY)) {
    throw new ConfigError(
      "配置错误 (invalid configuration):\n  FILE_STORAGE=s3 needs S3_BUCKET, S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY",
    );
  }
  const dataDir = path.resolve(env.DATA_DIR);
  return {
    ...env,
    publicUrl: (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, ""),
    dataDir,
    pgliteDir: path.join(dataDir, "pgdata"),
    filesDir: path.join(dataDir, "files"),
    embedded: env.DATABASE_URL === undefined,
    repoRoot,
  };
}
