import { randomBytes } from "node:crypto";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { type Database, openDatabase } from "../../src/db/database.js";
import { migrate } from "../../src/db/migrator.js";

/** The PostgreSQL server tests use; each test file gets its own fresh database on it. */
export const TEST_PG_ADMIN_URL =
  process.env.TEST_DATABASE_ADMIN_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
export const MIGRATIONS_DIR = fileURLToPath(new URL("../../prisma/migrations", import.meta.url));

export interface TestDatabase {
  db: Database;
  url: string;
  name: string;
  drop(): Promise<void>;
}

/** Creates a uniquely named database, applies the migrations and returns it open. */
export async function createTestDatabase(options: { migrate?: boolean } = {}): Promise<TestDatabase> {
  const name = `pb_test_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
  const admin = new pg.Client({ connectionString: TEST_PG_ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(TEST_PG_ADMIN_URL);
  url.pathname = `/${name}`;
  const db = await openDatabase({ url: url.toString(), embeddedDir: "", poolSize: 5 });
  if (options.migrate !== false) await migrate(db, MIGRATIONS_DIR);
  return {
    db,
    url: url.toString(),
    name,
    async drop() {
      await db.close().catch(() => {});
      const client = new pg.Client({ connectionString: TEST_PG_ADMIN_URL });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

/** A unique BullMQ prefix per test file, and a cleanup for its keys. */
export function testQueuePrefix(): string {
  return `pbtest-${randomBytes(4).toString("hex")}`;
}

/** Deletes every Redis key under a test prefix. */
export async function dropQueuePrefix(prefix: string, url = "redis://127.0.0.1:6379"): Promise<void> {
  const { Redis } = await import("ioredis");
  const redis = new Redis(url, { lazyConnect: true });
  await redis.connect();
  let cursor = "0";
  do {
    const [next, keys] = await redis.scan(cursor, "MATCH", `${prefix}:*`, "COUNT", 1000);
    cursor = next;
    if (keys.length) await redis.del(...keys);
  } while (cursor !== "0");
  await redis.quit();
}
