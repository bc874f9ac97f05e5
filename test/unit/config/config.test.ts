import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../../src/config/config.js";
import { isAppError } from "../../../src/lib/errors.js";

const dataDir = () => mkdtempSync(join(tmpdir(), "pb-config-"));

describe("loadConfig", () => {
  it("has working defaults and a frozen result", () => {
    const config = loadConfig({ DATA_DIR: dataDir() });
    expect(config.redis).toEqual({ url: "redis://127.0.0.1:6379", prefix: "paperboy" });
    expect(config.database.url).toBeUndefined();
    expect(config.web.port).toBe(3000);
    expect(config.sources.arxivCategories).toEqual(["cs.CL", "cs.CV", "cs.LG", "cs.AI"]);
    expect(Object.isFrozen(config) && Object.isFrozen(config.redis)).toBe(true);
  });

  it("keeps a generated development key across loads", () => {
    const dir = dataDir();
    const first = loadConfig({ DATA_DIR: dir });
    const second = loadConfig({ DATA_DIR: dir });
    expect(first.secrets.keys[0]).toHaveLength(64);
    expect(second.secrets.keys[0]).toBe(first.secrets.keys[0]);
    expect(readFileSync(join(dir, "secret-key"), "utf8").trim()).toBe(first.secrets.keys[0]);
  });

  it("fails with a readable line naming the variable", () => {
    const attempt = (env: Record<string, string>) => {
      try {
        loadConfig({ DATA_DIR: dataDir(), ...env });
        return undefined;
      } catch (error) {
        return error;
      }
    };
    const badPort = attempt({ PORT: "eighty" });
    expect(isAppError(badPort, "CONFIG_INVALID")).toBe(true);
    expect((badPort as Error).message).toMatch(/^configuration: PORT /);
    expect((attempt({ REDIS_URL: "not a url" }) as Error).message).toMatch(/REDIS_URL/);
    expect((attempt({ SECRET_KEY: "short" }) as Error).message).toMatch(/SECRET_KEY/);
    expect((attempt({ NODE_ENV: "production" }) as Error).message).toMatch(/SECRET_KEY is required/);
    expect((attempt({ DKIM_DOMAIN: "example.org" }) as Error).message).toMatch(/DKIM/);
    expect((attempt({ QUEUE_PREFIX: "bad:prefix" }) as Error).message).toMatch(/QUEUE_PREFIX/);
  });

  it("accepts a Redis Cluster hash tag prefix and a previous key for rotation", () => {
    const config = loadConfig({
      DATA_DIR: dataDir(),
      QUEUE_PREFIX: "{paperboy}",
      SECRET_KEY: "a".repeat(32),
      SECRET_KEY_PREVIOUS: "b".repeat(32),
    });
    expect(config.redis.prefix).toBe("{paperboy}");
    expect(config.secrets.keys).toEqual(["a".repeat(32), "b".repeat(32)]);
  });
});
