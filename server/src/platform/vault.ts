import { createCipheriv, createDecipheriv, createHmac, randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { type Config, ConfigError } from "../config.ts";

/**
 * Personal data at rest: AES-256-GCM with a key id in every value (so keys can rotate: the first key
 * encrypts, every listed key decrypts), and a keyed HMAC blind index for exact lookups.
 */
export interface Vault {
  encrypt(plain: string): string;
  decrypt(sealed: string): string;
  /** Deterministic keyed digest of a normalized value; equal inputs give equal indexes. */
  index(value: string): string;
}

/** The keys a vault is built from. */
export interface VaultKeys {
  keys: { id: string; key: Buffer }[];
  indexKey: Buffer;
}

/** Builds a vault over the given keys. */
export function createVault({ keys, indexKey }: VaultKeys): Vault {
  const current = keys[0];
  if (!current) throw new ConfigError("配置错误：DATA_KEYS 至少需要一个密钥");
  const byId = new Map(keys.map((k) => [k.id, k.key]));
  return {
    encrypt(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv("aes-256-gcm", current.key, iv);
      const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
      return [
        "v1",
        current.id,
        iv.toString("base64url"),
        cipher.getAuthTag().toString("base64url"),
        body.toString("base64url"),
      ].join(":");
    },
    decrypt(sealed) {
      const [version, id, iv, tag, body] = sealed.split(":");
      const key = id ? byId.get(id) : undefined;
      if (version !== "v1" || !key || !iv || !tag || body === undefined)
        throw new Error("unreadable sealed value");
      const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
      decipher.setAuthTag(Buffer.from(tag, "base64url"));
      return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString(
        "utf8",
      );
    },
    index(value) {
      return createHmac("sha256", indexKey).update(value).digest("hex");
    },
  };
}

const parseKeys = (text: string) =>
  text.split(",").map((pair) => {
    const [id, b64] = pair.split(":");
    const key = Buffer.from(b64 ?? "", "base64");
    if (!id || key.length !== 32)
      throw new ConfigError(`配置错误：DATA_KEYS 中的密钥 ${id ?? ""} 不是 32 字节`);
    return { id, key };
  });

/**
 * Keys from DATA_KEYS and BLIND_INDEX_KEY; in embedded mode without them, keys generated once into
 * DATA_DIR/keys.json (owner-only). Several PostgreSQL instances must share keys, so there they are required.
 */
export async function loadVaultKeys(config: Config): Promise<VaultKeys> {
  if (config.DATA_KEYS && config.BLIND_INDEX_KEY) {
    return { keys: parseKeys(config.DATA_KEYS), indexKey: Buffer.from(config.BLIND_INDEX_KEY, "utf8") };
  }
  if (!config.embedded) {
    throw new ConfigError(
      "配置错误 (invalid configuration):\n  DATA_KEYS and BLIND_INDEX_KEY must be set when DATABASE_URL is set " +
        "(every instance needs the same keys; see README 'Personal data keys')",
    );
  }
  const file = path.join(config.dataDir, "keys.json");
  if (!existsSync(file)) {
    await mkdir(config.dataDir, { recursive: true });
    const generated = {
      DATA_KEYS: `k1:${randomBytes(32).toString("base64")}`,
      BLIND_INDEX_KEY: randomBytes(32).toString("base64url"),
    };
    await writeFile(file, `${JSON.stringify(generated, null, 2)}\n`, { mode: 0o600, flag: "wx" }).catch(
      () => {},
    );
  }
  const stored = JSON.parse(await readFile(file, "utf8")) as { DATA_KEYS: string; BLIND_INDEX_KEY: string };
  return { keys: parseKeys(stored.DATA_KEYS), indexKey: Buffer.from(stored.BLIND_INDEX_KEY, "utf8") };
}
