import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { z } from "zod";
import { AppError } from "../lib/errors.js";

/**
 * The only reader of process.env. Parses it once with zod and returns a frozen
 * Config; a bad value fails at start with one readable line naming the variable.
 * Every variable is documented in README.md and .env.example.
 */
const cron = z.string().trim().min(9, "must be a cron expression like '0 * * * *'");
const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);
const bool = z
  .enum(["true", "false", "1", "0", "yes", "no", ""])
  .transform((v) => v === "true" || v === "1" || v === "yes");
const optionalUrl = z.preprocess((v) => (v === "" ? undefined : v), z.string().url().optional());

const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  DATA_DIR: z.string().default("./var"),
  DATABASE_URL: optionalUrl,
  REDIS_URL: z.string().url().default("redis://127.0.0.1:6379"),
  QUEUE_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_{}.-]+$/, "letters, digits, _ . - and a {hash tag} only")
    .default("paperboy"),
  SMTP_URL: optionalUrl,
  SMTP_POOL_SIZE: int(1, 100).default(5),
  MAIL_FROM: z.string().min(3).default("paperboy <digest@paperboy.localhost>"),
  PUBLIC_URL: z.string().url().default("http://localhost:3000"),
  PORT: int(0, 65535).default(3000),
  HOST: z.string().default("0.0.0.0"),
  TRUST_PROXY: z.string().default("false"),
  SECRET_KEY: z.string().min(32, "must be at least 32 characters").optional(),
  SECRET_KEY_PREVIOUS: z.string().min(32).optional(),
  HF_BASE_URL: z.string().url().default("https://huggingface.co"),
  ARXIV_BASE_URL: z.string().url().default("http://export.arxiv.org"),
  ARXIV_CATEGORIES: z.string().default("cs.CL,cs.CV,cs.LG,cs.AI"),
  INGEST_HF_CRON: cron.default("7 * * * *"),
  INGEST_ARXIV_CRON: cron.default("30 1 * * *"),
  PLAN_CRON: cron.default("*/15 * * * *"),
  SCHEDULE_TZ: z.string().default("UTC"),
  WORKER_CONCURRENCY: int(1, 500).default(8),
  SEND_RATE_PER_SECOND: int(0, 100000).default(0),
  SEND_ATTEMPTS: int(1, 100).default(12),
  SEND_BACKOFF_MS: int(100, 86_400_000).default(42_000),
  WORKER_LOCK_MS: int(1_000, 600_000).default(30_000),
  SWEEP_STALE_SECONDS: int(1, 86_400).default(600),
  SMTP_PAUSE_MS: int(100, 3_600_000).default(60_000),
  CANDIDATE_WINDOW_DAYS: int(1, 60).default(7),
  SECTION_SIZE: int(1, 50).default(5),
  EDITION_SIZE: int(1, 100).default(20),
  SEND_EMPTY_AS_TRENDING: bool.default(false),
  CONFIRM_TTL_HOURS: int(1, 24 * 60).default(24 * 7),
  SUBSCRIBE_CHECK_MX: bool.default(false),
  POSTAL_ADDRESS: z.string().default("paperboy · 1 Example Street · Nowhere"),
  LIST_ID: z.string().default("paperboy digest <digest.paperboy.localhost>"),
  UNSUBSCRIBE_MAILTO: z.string().email().optional(),
  DKIM_DOMAIN: z.string().optional(),
  DKIM_SELECTOR: z.string().optional(),
  DKIM_PRIVATE_KEY: z.string().optional(),
  ADMIN_PASSWORD: z.string().min(8).optional(),
});

export type Env = Record<string, string | undefined>;

export interface Config {
  env: "development" | "production" | "test";
  logLevel: string;
  /** Whether LOG_LEVEL was set; one-shot commands log only warnings unless it was. */
  logLevelSet: boolean;
  dataDir: string;
  database: { url: string | undefined; embeddedDir: string };
  redis: { url: string; prefix: string };
  smtp: { url: string | undefined; poolSize: number; outboxDir: string };
  mail: {
    from: string;
    postalAddress: string;
    listId: string;
    unsubscribeMailto: string | undefined;
    dkim: { domainName: string; keySelector: string; privateKey: string } | undefined;
  };
  web: {
    publicUrl: string;
    port: number;
    host: string;
    adminPassword: string | undefined;
    /** Which proxies' X-Forwarded-For to believe: false, a hop count, or addresses/CIDRs. */
    trustProxy: boolean | number | string[];
  };
  secrets: { keys: string[] };
  sources: { hfBaseUrl: string; arxivBaseUrl: string; arxivCategories: string[] };
  schedules: { ingestHf: string; ingestArxiv: string; plan: string; timeZone: string };
  delivery: {
    concurrency: number;
    ratePerSecond: number;
    attempts: number;
    backoffMs: number;
    /** How long a worker's lock on a job lasts before another worker may take it over (stalled jobs). */
    lockMs: number;
    /** A delivery planned or sending for longer than this without a live job is re-enqueued. */
    staleAfterMs: number;
    /** How long sending pauses after an SMTP authentication/configuration failure. */
    configPauseMs: number;
  };
  ranking: { windowDays: number; sectionSize: number; editionSize: number; sendEmptyAsTrending: boolean };
  /** checkMx: POST /subscribe also asks DNS whether the address's domain accepts mail. */
  subscriptions: { confirmTtlHours: number; checkMx: boolean };
}

export function loadConfig(env: Env = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = EnvSchema.safeParse(cleaned);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const name = String(issue.path[0] ?? "environment");
    throw new AppError("CONFIG_INVALID", `configuration: ${name} ${issue.message}`, {
      cause: parsed.error,
      hint: "see .env.example for every variable",
    });
  }
  const e = parsed.data;
  const dataDir = resolve(e.DATA_DIR);
  const dkimParts = [e.DKIM_DOMAIN, e.DKIM_SELECTOR, e.DKIM_PRIVATE_KEY];
  if (dkimParts.some(Boolean) && !dkimParts.every(Boolean)) {
    throw new AppError(
      "CONFIG_INVALID",
      "configuration: DKIM needs DKIM_DOMAIN, DKIM_SELECTOR and DKIM_PRIVATE_KEY",
    );
  }
  const secret = e.SECRET_KEY ?? developmentSecret(e.NODE_ENV, dataDir);
  const config: Config = {
    env: e.NODE_ENV,
    logLevel: e.LOG_LEVEL,
    logLevelSet: cleaned.LOG_LEVEL !== undefined,
    dataDir,
    database: { url: e.DATABASE_URL, embeddedDir: resolve(dataDir, "db") },
    redis: { url: e.REDIS_URL, prefix: e.QUEUE_PREFIX },
    smtp: { url: e.SMTP_URL, poolSize: e.SMTP_POOL_SIZE, outboxDir: resolve(dataDir, "outbox") },
    mail: {
      from: e.MAIL_FROM,
      postalAddress: e.POSTAL_ADDRESS,
      listId: e.LIST_ID,
      unsubscribeMailto: e.UNSUBSCRIBE_MAILTO,
      dkim: e.DKIM_DOMAIN
        ? {
            domainName: e.DKIM_DOMAIN,
            keySelector: e.DKIM_SELECTOR!,
            privateKey: e.DKIM_PRIVATE_KEY!.replace(/\\n/g, "\n"),
          }
        : undefined,
    },
    web: {
      publicUrl: e.PUBLIC_URL.replace(/\/+$/, ""),
      port: e.PORT,
      host: e.HOST,
      adminPassword: e.ADMIN_PASSWORD,
      trustProxy: parseTrustProxy(e.TRUST_PROXY),
    },
    secrets: { keys: [secret, ...(e.SECRET_KEY_PREVIOUS ? [e.SECRET_KEY_PREVIOUS] : [])] },
    sources: {
      hfBaseUrl: e.HF_BASE_URL.replace(/\/+$/, ""),
      arxivBaseUrl: e.ARXIV_BASE_URL.replace(/\/+$/, ""),
      arxivCategories: e.ARXIV_CATEGORIES.split(",")
        .map((c) => c.trim())
        .filter(Boolean),
    },
    schedules: {
      ingestHf: e.INGEST_HF_CRON,
      ingestArxiv: e.INGEST_ARXIV_CRON,
      plan: e.PLAN_CRON,
      timeZone: e.SCHEDULE_TZ,
    },
    delivery: {
      concurrency: e.WORKER_CONCURRENCY,
      ratePerSecond: e.SEND_RATE_PER_SECOND,
      attempts: e.SEND_ATTEMPTS,
      backoffMs: e.SEND_BACKOFF_MS,
      lockMs: e.WORKER_LOCK_MS,
      staleAfterMs: e.SWEEP_STALE_SECONDS * 1000,
      configPauseMs: e.SMTP_PAUSE_MS,
    },
    ranking: {
      windowDays: e.CANDIDATE_WINDOW_DAYS,
      sectionSize: e.SECTION_SIZE,
      editionSize: e.EDITION_SIZE,
      sendEmptyAsTrending: e.SEND_EMPTY_AS_TRENDING,
    },
    subscriptions: { confirmTtlHours: e.CONFIRM_TTL_HOURS, checkMx: e.SUBSCRIBE_CHECK_MX },
  };
  return deepFreeze(config);
}

/**
 * "false" (default: the client address is the socket's), "true" (any proxy; only
 * behind one that overwrites X-Forwarded-For), a hop count, or addresses/CIDRs.
 */
function parseTrustProxy(value: string): boolean | number | string[] {
  const v = value.trim();
  if (v === "" || v === "false") return false;
  if (v === "true") return true;
  if (/^\d+$/.test(v)) return Number(v);
  return v
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
}

/** In development a random key is generated once and kept under DATA_DIR, so links survive restarts. */
function developmentSecret(env: string, dataDir: string): string {
  if (env === "production") {
    throw new AppError("CONFIG_INVALID", "configuration: SECRET_KEY is required in production", {
      hint: "generate one with: openssl rand -hex 32",
    });
  }
  const file = resolve(dataDir, "secret-key");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  const key = randomBytes(32).toString("hex");
  mkdirSync(dirname(file), { recursive: true });
  try {
    writeFileSync(file, `${key}\n`, { mode: 0o600, flag: "wx" });
    return key;
  } catch (error) {
    // Another process created it first: use theirs.
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return readFileSync(file, "utf8").trim();
    throw error;
  }
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object") {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}
