import { randomBytes } from "node:crypto";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { type Database, openDatabase } from "../src/db/database.js";
import { migrate } from "../src/db/migrator.js";

const ADMIN_URL = process.env.BENCH_DATABASE_ADMIN_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const MIGRATIONS = fileURLToPath(new URL("../prisma/migrations", import.meta.url));

/** A fresh, migrated PostgreSQL database for one benchmark, dropped afterwards. */
export async function withBenchDatabase<T>(fn: (db: Database, url: string) => Promise<T>): Promise<T> {
  const name = `pb_bench_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  const db = await openDatabase({ url: url.toString(), embeddedDir: "" });
  try {
    await migrate(db, MIGRATIONS);
    return await fn(db, url.toString());
  } finally {
    await db.close();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}
