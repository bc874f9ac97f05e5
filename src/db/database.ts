import { mkdirSync } from "node:fs";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "../generated/prisma/client.js";
import { AppError } from "../lib/errors.js";

export type { PrismaClient };

/** One SQL connection for a short session (migrations take a lock on it). */
export interface SqlSession {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Runs a multi-statement script (simple protocol, no parameters). */
  exec(sql: string): Promise<void>;
}

/**
 * Plain SQL on the pool, for the few statements that run once per delivery
 * (claim, sent papers, record): there Prisma's per-query overhead is most of the
 * cost. Parameters are $1, $2, ...; `timestamp` columns are best selected as
 * epoch milliseconds (pg would read them in the process's time zone).
 */
export interface SqlClient {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
}

export interface Database extends SqlClient {
  readonly prisma: PrismaClient;
  readonly kind: "postgres" | "embedded";
  /** Where it is, for messages (password removed). */
  readonly location: string;
  session<T>(fn: (session: SqlSession) => Promise<T>): Promise<T>;
  ping(): Promise<void>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** PostgreSQL URL; undefined opens the embedded PGlite database in embeddedDir. */
  url: string | undefined;
  embeddedDir: string;
  poolSize?: number;
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  return options.url ? openPostgres(options.url, options.poolSize ?? 10) : openEmbedded(options.embeddedDir);
}

async function openPostgres(url: string, poolSize: number): Promise<Database> {
  const location = redactUrl(url);
  const pool = new pg.Pool({ connectionString: url, max: poolSize, connectionTimeoutMillis: 5_000 });
  pool.on("error", () => {
    // An idle client lost its connection; the pool replaces it. Queries report their own errors.
  });
  try {
    const client = await pool.connect();
    client.release();
  } catch (cause) {
    await pool.end().catch(() => {});
    throw unreachable(location, cause);
  }
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  return {
    prisma,
    kind: "postgres",
    location,
    async query<T>(sql: string, params?: unknown[]) {
      return (await pool.query(sql, params)).rows as T[];
    },
    async session(fn) {
      const client = await pool.connect().catch((cause) => {
        throw unreachable(location, cause);
      });
      try {
        return await fn({
          query: async (sql, params) => (await client.query(sql, params as unknown[])).rows,
          exec: async (sql) => {
            await client.query(sql);
          },
        });
      } finally {
        client.release();
      }
    },
    async ping() {
      await pool.query("select 1").catch((cause) => {
        throw unreachable(location, cause);
      });
    },
    async close() {
      await prisma.$disconnect();
      await pool.end();
    },
  };
}

async function openEmbedded(dir: string): Promise<Database> {
  const [{ PGlite }, { PrismaPGlite }] = await Promise.all([
    import("@electric-sql/pglite"),
    import("pglite-prisma-adapter"),
  ]);
  mkdirSync(dir, { recursive: true });
  let pglite: InstanceType<typeof PGlite>;
  try {
    pglite = await PGlite.create(dir);
  } catch (cause) {
    throw new AppError("DATABASE_UNREACHABLE", `cannot open the embedded database in ${dir}`, {
      cause,
      hint: "is another paperboy process using it? The embedded database serves one process; set DATABASE_URL for more",
    });
  }
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
  const session: SqlSession = {
    query: async <T>(sql: string, params?: unknown[]) => (await pglite.query<T>(sql, params)).rows,
    exec: async (sql: string) => {
      await pglite.exec(sql);
    },
  };
  return {
    prisma,
    kind: "embedded",
    location: dir,
    query: session.query,
    session: (fn) => fn(session),
    async ping() {
      await pglite.query("select 1");
    },
    async close() {
      await prisma.$disconnect();
      await pglite.close();
    },
  };
}

function unreachable(location: string, cause: unknown): AppError {
  const reason =
    cause instanceof Error ? ((cause as NodeJS.ErrnoException).code ?? cause.message) : String(cause);
  return new AppError("DATABASE_UNREACHABLE", `cannot reach PostgreSQL at ${location} (${reason})`, {
    cause,
    hint: "start it with `docker compose up -d postgres` or your distribution's package (apt-get install postgresql), or unset DATABASE_URL for the embedded database",
  });
}

/** A URL without its password, for messages and logs. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "(unparseable URL)";
  }
}
