import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { AppContext, type AppContextOptions } from "../../src/app/app-context.js";
import { loadConfig } from "../../src/config/config.js";
import { silentLogger } from "../../src/lib/logger.js";
import { SmtpSink, type SmtpSinkOptions } from "./smtp-sink.js";
import { createTestDatabase, dropQueuePrefix, type TestDatabase, testQueuePrefix } from "./test-database.js";

export interface TestApp {
  ctx: AppContext;
  smtp: SmtpSink;
  database: TestDatabase;
  prefix: string;
  dataDir: string;
  env: Record<string, string>;
  close(): Promise<void>;
}

/**
 * A whole paperboy against the real services: a fresh PostgreSQL database, a
 * private queue prefix on the local Redis, and an SMTP server in the test.
 */
export async function startTestApp(
  options: { env?: Record<string, string>; smtp?: SmtpSinkOptions; app?: AppContextOptions } = {},
): Promise<TestApp> {
  const database = await createTestDatabase();
  const smtp = await new SmtpSink(options.smtp).start();
  const prefix = testQueuePrefix();
  const dataDir = mkdtempSync(join(tmpdir(), "pb-test-"));
  const env = {
    NODE_ENV: "test",
    DATABASE_URL: database.url,
    REDIS_URL: "redis://127.0.0.1:6379",
    QUEUE_PREFIX: prefix,
    SMTP_URL: smtp.url,
    SECRET_KEY: "test-secret-key-0123456789abcdef0123456789",
    PUBLIC_URL: "http://paperboy.test",
    DATA_DIR: dataDir,
    LOG_LEVEL: "silent",
    SEND_BACKOFF_MS: "200",
    ...options.env,
  };
  const ctx = await AppContext.create(loadConfig(env), { logger: silentLogger(), ...options.app });
  return {
    ctx,
    smtp,
    database,
    prefix,
    dataDir,
    env,
    async close() {
      await ctx.close();
      await smtp.stop();
      await dropQueuePrefix(prefix);
      await database.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
