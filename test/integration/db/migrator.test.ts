import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../../src/db/database.js";
import { migrate, readMigrations } from "../../../src/db/migrator.js";
import { createTestDatabase, MIGRATIONS_DIR, type TestDatabase } from "../../helpers/test-database.js";

describe("migrator on PostgreSQL", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase({ migrate: false });
  });
  afterAll(async () => t.drop());

  it("applies every migration once, even from two connections at once", async () => {
    const other = await openDatabase({ url: t.url, embeddedDir: "" });
    const [a, b] = await Promise.all([migrate(t.db, MIGRATIONS_DIR), migrate(other, MIGRATIONS_DIR)]);
    await other.close();
    const total = readMigrations(MIGRATIONS_DIR).length;
    expect(a.applied.length + b.applied.length).toBe(total);
    const again = await migrate(t.db, MIGRATIONS_DIR);
    expect(again.applied).toEqual([]);
    expect(again.alreadyApplied).toBe(total);
    const rows = await t.db.session((s) =>
      s.query<{ migration_name: string; checksum: string }>(
        `SELECT migration_name, checksum FROM "_prisma_migrations"`,
      ),
    );
    expect(rows.map((r) => r.migration_name)).toEqual(readMigrations(MIGRATIONS_DIR).map((m) => m.name));
    expect(rows[0]?.checksum).toMatch(/^[0-9a-f]{64}$/);
  });

  it("leaves a schema the Prisma client can use", async () => {
    const reader = await t.db.prisma.reader.create({ data: { email: "a@example.org", topics: ["llm"] } });
    expect(reader.status).toBe("pending");
    expect(await t.db.prisma.reader.count()).toBe(1);
  });
});

describe("migrator on the embedded database (PGlite)", () => {
  it("migrates and serves the Prisma client", async () => {
    const dir = mkdtempSync(join(tmpdir(), "pb-pglite-"));
    try {
      const db = await openDatabase({ url: undefined, embeddedDir: join(dir, "db") });
      const first = await migrate(db, MIGRATIONS_DIR);
      expect(first.applied.length).toBeGreaterThan(0);
      expect((await migrate(db, MIGRATIONS_DIR)).applied).toEqual([]);
      await db.prisma.reader.create({ data: { email: "b@example.org", topics: ["agents"] } });
      expect(await db.prisma.reader.count()).toBe(1);
      await db.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
