import type { Logger } from "pino";
import type { Config } from "../config.ts";
import type { Db } from "./db/database.ts";
import type { FileStorage } from "./files/storage.ts";
import type { PaymentProvider } from "./payments/provider.ts";
import type { Vault } from "./vault.ts";

/** What use cases receive: the database, storage, configuration and a logger. Never HTTP. */
export interface Deps {
  db: Db;
  files: FileStorage;
  config: Config;
  log: Logger;
  /** Encrypts, decrypts and blind-indexes personal data. */
  vault: Vault;
  /** The payment provider fees are paid through (PAYMENT_PROVIDER). */
  payments: PaymentProvider;
}
