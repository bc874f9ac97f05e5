import { createHash, randomUUID } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { AppError } from "../lib/errors.js";
import type { Database, SqlSession } from "./database.js";

/**
 * Applies prisma/migrations the way `prisma migrate deploy` does, without
 * Prisma's native engine (which cannot be downloaded on air-gapped machines):
 * Prisma's advisory lock, Prisma's `_prisma_migrations` table and checksums, one
 * transaction per migration. Safe to run twice and from two processes at once;
 * a database migrated here stays clean history for Prisma's own CLI.
 */
const PRISMA_LOCK_ID = 72707369;

const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export interface MigrationReport {
  applied: string[];
  alreadyApplied: number;
}

export function readMigrations(dir: string): Migration[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const bytes = readFileSync(join(dir, name, "migration.sql"));
      return {
        name,
        sql: bytes.toString("utf8"),
        checksum: createHash("sha256").update(bytes).digest("hex"),
      };
    });
}

export async function migrate(database: Database, migrationsDir: string): Promise<MigrationReport> {
  const migrations = readMigrations(migrationsDir);
  return database.session(async (session) => {
    const locking = database.kind === "postgres";
    if (locking) await session.query("SELECT pg_advisory_lock($1)", [PRISMA_LOCK_ID]);
    try {
      return await applyPending(session, migrations);
    } finally {
      if (locking) await session.query("SELECT pg_advisory_unlock($1)", [PRISMA_LOCK_ID]).catch(() => {});
    }
  });
}

async function applyPending(session: SqlSession, migrations: Migration[]): Promise<MigrationReport> {
  await session.exec(CREATE_TABLE);
  const rows = await session.query<{
    migration_name: string;
    checksum: string;
    finished_at: Date | null;
    rolled_back_at: Date | null;
  }>(`SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations"`);
  const broken = rows.find((r) => r.finished_at === null && r.rolled_back_at === null);
  if (broken) {
    throw new AppError(
      "MIGRATION_FAILED",
      `migration ${broken.migration_name} failed earlier and was not rolled back`,
      {
        hint: "fix the database by hand, then mark it rolled back in _prisma_migrations",
      },
    );
  }
  const done = new Map(rows.filter((r) => r.finished_at !== null).map((r) => [r.migration_name, r.checksum]));
  const applied: string[] = [];
  for (const migration of migrations) {
    if (done.has(migration.name)) continue;
    const id = randomUUID();
    await session.query(
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at) VALUES ($1, $2, $3, now())`,
      [id, migration.checksum, migration.name],
    );
    try {
      await session.exec(`BEGIN;\n${migration.sql}\n;COMMIT;`);
    } catch (cause) {
      await session.exec("ROLLBACK").catch(() => {});
      await session.query(`UPDATE "_prisma_migrations" SET logs = $2, rolled_back_at = now() WHERE id = $1`, [
        id,
        String(cause instanceof Error ? cause.message : cause),
      ]);
      throw new AppError(
        "MIGRATION_FAILED",
        `migration ${migration.name} failed: ${(cause as Error).message}`,
        { cause },
      );
    }
    await session.query(
      `UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1`,
      [id],
    );
    applied.push(migration.name);
  }
  return { applied, alreadyApplied: done.size };
}
