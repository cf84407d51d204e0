import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config.ts";

describe("loadConfig", () => {
  it("defaults to the embedded database under ./var on port 3000", () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ PORT: 3000, embedded: true, FILE_STORAGE: "local" });
    expect(config.pgliteDir.endsWith("var/pgdata")).toBe(true);
  });

  it("switches to PostgreSQL when DATABASE_URL is set", () => {
    expect(loadConfig({ DATABASE_URL: "postgres://u@h/db" }).embedded).toBe(false);
  });

  it("names every bad variable in one clear error", () => {
    const attempt = () => loadConfig({ PORT: "eighty", DATABASE_URL: "mysql://x", LOG_LEVEL: "loud" });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(/PORT[\s\S]*DATABASE_URL[\s\S]*LOG_LEVEL|PORT/);
    try {
      attempt();
    } catch (err) {
      const message = (err as Error).message;
      for (const name of ["PORT", "DATABASE_URL", "LOG_LEVEL"]) expect(message).toContain(name);
    }
  });

  it("requires bucket and credentials for S3 storage", () => {
    expect(() => loadConfig({ FILE_STORAGE: "s3" })).toThrow(/S3_BUCKET/);
  });
});
