import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { Session } from "node:inspector";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface, type Interface } from "node:readline";
import { fileURLToPath } from "node:url";
import nodemailer from "nodemailer";
import { AppContext } from "../../src/app/app-context.js";
import { waitForDeliveries } from "../../src/app/delivery-progress.js";
import { startWorkerRole } from "../../src/app/process-roles.js";
import { RecentSampleSource, SAMPLE_FILE } from "../../src/app/sample-papers.js";
import { type Config, loadConfig } from "../../src/config/config.js";
import { type OutgoingMessage, SmtpMailer } from "../../src/delivery/mailer.js";
import { buildListHeaders } from "../../src/delivery/message-headers.js";
import { toProfile } from "../../src/digests/edition-composer.js";
import type { Reader } from "../../src/generated/prisma/client.js";
import { localDate } from "../../src/lib/clock.js";
import { createLogger, silentLogger } from "../../src/lib/logger.js";
import { prepareEdition } from "../../src/ranking/edition-context.js";
import { rankReader } from "../../src/ranking/edition-ranker.js";
import { TOPIC_SLUGS } from "../../src/topics/taxonomy.js";
import { dropQueuePrefix } from "../../test/helpers/test-database.js";
import { withBenchDatabase } from "../bench-database.js";
import type { BenchResult } from "../harness.js";

/**
 * Delivery throughput, three ways in one run against the same local SMTP server
 * (its own process, bodies discarded, messages counted):
 * - paperboy: the real path end to end. Plan 2,000 confirmed readers, BullMQ jobs on
 *   the local Redis, in-process workers rank, render and send through the pooled
 *   mailer and record each delivery, logging at the default level; from plan to
 *   every delivery settled.
 * - naive: what one would write first. Per reader: load the candidate papers and rank
 *   them, fill the MJML template and call mjml2html, send with nodemailer's defaults (a
 *   new connection per message, text encoding auto-detected); one reader after another.
 * - ceiling: the same digests rendered beforehand, pushed through one pooled
 *   nodemailer transport of the same size with the same concurrency, text encoding
 *   set (quoted-printable): sending alone, as the stack sends.
 * - ceiling.own-mailer: the same, through paperboy's own mailer (SmtpMailer: the same
 *   pooled transport, each message written whole by MimeMessageBuilder). A stricter
 *   bound: what paperboy's sending path costs without ranking, rendering, queue and
 *   database; paperboy / this is the share the rest of the pipeline leaves.
 * Each runs once per round on its own cohort of readers; the best round counts
 * (the machine is shared). cpuMsPerDigest is this process's CPU time per digest.
 */
const READERS = 2_000;
const ROUNDS = 3;
const NAIVE_READERS = 100;
/** One reader after another, as a first version (and the self-hosted arXiv mailers) would. */
const NAIVE_CONCURRENCY = 1;
const CONCURRENCY = 64;
const POOL_SIZE = 8;
/** How often the bench asks PostgreSQL whether every delivery is settled (as `send --wait` does). */
const POLL_MS = 100;
const ROOT = fileURLToPath(new URL("../..", import.meta.url));

export default async function deliver(): Promise<BenchResult[]> {
  const sink = await SinkProcess.start();
  const dataDir = mkdtempSync(join(tmpdir(), "pb-bench-deliver-"));
  const prefix = `pbbench-${randomBytes(4).toString("hex")}`;
  try {
    return await withBenchDatabase(async (_db, url) => {
      const config = loadConfig({
        NODE_ENV: "production",
        DATABASE_URL: url,
        REDIS_URL: process.env.REDIS_URL ?? "redis://127.0.0.1:6379",
        QUEUE_PREFIX: prefix,
        SMTP_URL: sink.url,
        SMTP_POOL_SIZE: String(POOL_SIZE),
        WORKER_CONCURRENCY: String(CONCURRENCY),
        SECRET_KEY: "bench-secret-key-0123456789abcdef0123456789",
        PUBLIC_URL: "https://paperboy.example",
        DATA_DIR: dataDir,
        LOG_LEVEL: "silent",
      });
      const now = new Date();
      const editionDate = localDate(now, "UTC");

      // Papers, and one cohort of readers per round (only the round's cohort is active).
      const setup = await AppContext.create(config, { logger: silentLogger() });
      const cohorts: Reader[][] = [];
      try {
        // The shipped sample (120 real listings, presented as the last three days): full-size digests.
        await setup.ingestion.run(new RecentSampleSource(), { path: SAMPLE_FILE, now });
        for (let round = 0; round < ROUNDS; round++) cohorts.push(await seedReaders(setup, now, round));
      } finally {
        await setup.close();
      }

      // The machine is shared: each way runs once per round, and the best round counts.
      const runs: { naive: Measure[]; ceiling: Measure[]; ownMailer: Measure[]; paperboy: Measure[] } = {
        naive: [],
        ceiling: [],
        ownMailer: [],
        paperboy: [],
      };
      for (let round = 0; round < ROUNDS; round++) {
        const peers = await AppContext.create(config, { logger: silentLogger() });
        try {
          runs.naive.push(
            await runNaive(peers, sink, cohorts[round]!.slice(0, NAIVE_READERS), editionDate, now),
          );
          const messages = await prebuild(peers, cohorts[round]!, editionDate, now);
          runs.ceiling.push(await runCeiling(sink, messages, "nodemailer"));
          runs.ownMailer.push(await runCeiling(sink, messages, "own-mailer"));
          await peers.db.prisma.reader.updateMany({
            where: { id: { in: cohorts[round]!.map((r) => r.id) } },
            data: { status: "active" },
          });
        } finally {
          await peers.close();
        }
        // A fresh context: cold caches, new pools, as a worker starts.
        runs.paperboy.push(await runPaperboy(config, sink));
      }

      const best = (ms: Measure[]) => ms.reduce((a, b) => (rate(b) > rate(a) ? b : a));
      const [ours, naive, ceiling, ownMailer] = [
        best(runs.paperboy),
        best(runs.naive),
        best(runs.ceiling),
        best(runs.ownMailer),
      ];
      const settings = { concurrency: CONCURRENCY, poolSize: POOL_SIZE };
      const describe = (m: Measure, all: Measure[]) => ({
        value: rate(m),
        unit: "digests/s",
        digests: m.count,
        ms: Math.round(m.ms),
        cpuMsPerDigest: Math.round((m.cpuMs / m.count) * 100) / 100,
        avgKiB: Math.round(m.bytes / m.count / 1024),
        rounds: all.map(rate),
        ...(m.planMs !== undefined ? { planMs: Math.round(m.planMs) } : {}),
      });
      return [
        { name: "deliver.paperboy", ...describe(ours, runs.paperboy), readers: READERS, ...settings },
        { name: "deliver.naive", ...describe(naive, runs.naive), concurrency: NAIVE_CONCURRENCY },
        { name: "deliver.ceiling", ...describe(ceiling, runs.ceiling), ...settings },
        { name: "deliver.ceiling.own-mailer", ...describe(ownMailer, runs.ownMailer), ...settings },
        {
          name: "deliver.vs-naive",
          value: Math.round((rate(ours) / rate(naive)) * 10) / 10,
          unit: "x",
          goal: 20,
        },
        {
          name: "deliver.vs-ceiling",
          value: Math.round((rate(ours) / rate(ceiling)) * 100) / 100,
          unit: "ratio",
          goal: 0.7,
        },
        {
          name: "deliver.vs-own-mailer",
          value: Math.round((rate(ours) / rate(ownMailer)) * 100) / 100,
          unit: "ratio",
        },
      ];
    });
  } finally {
    await sink.stop();
    await dropQueuePrefix(prefix).catch(() => {});
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function rate(m: Measure): number {
  return Math.round((m.count / m.ms) * 1000 * 10) / 10;
}

/** Plan every active reader and run the workers in this process until every delivery is settled. */
async function runPaperboy(config: Config, sink: SinkProcess): Promise<Measure> {
  // Logs as a worker logs by default (a JSON line per delivery), to /dev/null.
  const logger = createLogger({ level: "info", destination: "/dev/null" });
  const ctx = await AppContext.create(config, { logger });
  try {
    await startWorkerRole(ctx);
    const before = await sink.stats();
    const profile = await startProfile("paperboy");
    const stop = stopwatch();
    const plan = await ctx.planner.plan(new Date(), { force: true });
    const planMs = stop().ms;
    const summary = await waitForDeliveries(ctx.db.prisma, plan.deliveryIds, undefined, POLL_MS);
    const elapsed = stop();
    await profile?.();
    const after = await sink.stats();
    const received = after.messages - before.messages;
    if (summary.total !== READERS || summary.failed > 0 || received !== summary.sent) {
      throw new Error(`paperboy: ${JSON.stringify(summary)}, the server received ${received}`);
    }
    // The cohort is done: the next round plans the next one.
    await ctx.db.prisma.reader.updateMany({ where: { status: "active" }, data: { status: "paused" } });
    return { count: summary.sent, ...elapsed, bytes: after.bytes - before.bytes, planMs };
  } finally {
    await ctx.close();
  }
}

/**
 * With BENCH_PROFILE=DIR, a V8 CPU profile of each paperboy and ceiling window is
 * written to DIR/deliver-<way>-<time>.cpuprofile (open it in Chrome DevTools or speedscope).
 */
async function startProfile(
  way: "paperboy" | "ceiling" | "own-mailer",
): Promise<(() => Promise<void>) | undefined> {
  const dir = process.env.BENCH_PROFILE;
  if (!dir) return undefined;
  const session = new Session();
  session.connect();
  const post = <T>(method: string, params?: object) =>
    new Promise<T>((resolve, reject) =>
      session.post(method, params, (error, result) => (error ? reject(error) : resolve(result as T))),
    );
  await post("Profiler.enable");
  await post("Profiler.setSamplingInterval", { interval: 200 });
  await post("Profiler.start");
  return async () => {
    const { profile } = await post<{ profile: object }>("Profiler.stop");
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `deliver-${way}-${Date.now()}.cpuprofile`), JSON.stringify(profile));
    session.disconnect();
  };
}

interface Measure {
  count: number;
  ms: number;
  /** CPU time of this process (user + system), ms. */
  cpuMs: number;
  /** Bytes the server received. */
  bytes: number;
  /** paperboy: time to plan the edition (rows + jobs), within `ms`. */
  planMs?: number;
}

function stopwatch(): () => { ms: number; cpuMs: number } {
  const start = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  return () => {
    const used = process.cpuUsage(cpu);
    return { ms: Number(process.hrtime.bigint() - start) / 1e6, cpuMs: (used.user + used.system) / 1000 };
  };
}

/** 2,000 confirmed readers following two or three random (seeded) topics, paused until their round. */
async function seedReaders(ctx: AppContext, now: Date, cohort: number): Promise<Reader[]> {
  let seed = 42 + cohort;
  const next = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed;
  };
  const data = Array.from({ length: READERS }, (_, i) => {
    const topics = new Set<string>();
    const want = 2 + (next() % 2);
    while (topics.size < want) topics.add(TOPIC_SLUGS[next() % TOPIC_SLUGS.length]!);
    const email = `reader-${cohort}-${i}@bench.example`;
    return { email, status: "paused" as const, confirmedAt: now, topics: [...topics] };
  });
  await ctx.db.prisma.reader.createMany({ data });
  return ctx.db.prisma.reader.findMany({
    where: { email: { startsWith: `reader-${cohort}-` } },
    orderBy: { email: "asc" },
  });
}

function message(
  ctx: AppContext,
  reader: Reader,
  email: { subject: string; html: string; text: string },
): OutgoingMessage {
  const id = randomUUID();
  return {
    from: ctx.config.mail.from,
    to: reader.email,
    subject: email.subject,
    html: email.html,
    text: email.text,
    messageId: `delivery-${id}@paperboy.example`,
    headers: buildListHeaders({
      unsubscribeUrl: ctx.links.unsubscribe(reader.id),
      listId: ctx.config.mail.listId,
      extra: { "X-Paperboy-Delivery": id },
    }),
  };
}

/** Per reader: rank, MJML to HTML, a new nodemailer transport with its defaults. */
async function runNaive(
  ctx: AppContext,
  sink: SinkProcess,
  readers: Reader[],
  editionDate: string,
  now: Date,
): Promise<Measure> {
  const before = await sink.stats();
  const stop = stopwatch();
  let next = 0;
  let sent = 0;
  const lane = async () => {
    while (next < readers.length) {
      const reader = readers[next++]!;
      // No per-edition preparation: each reader's candidates are loaded and ranked on their own.
      const { candidates, details } = await ctx.candidates.load(now, ctx.config.ranking.windowDays);
      const context = prepareEdition(candidates, now, { ...ctx.config.ranking, alsoTrendingSize: 3 });
      const alreadySent = await ctx.candidates.sentTo(reader.id, [...details.keys()]);
      const ranked = rankReader(context, toProfile(reader, alreadySent));
      const prepared = { details };
      if (ranked.isEmpty) continue;
      const view = ctx.composer.toView(
        reader,
        editionDate,
        ranked,
        prepared.details,
        ctx.links.viewInBrowser(randomUUID()),
      );
      const email = await ctx.renderer.renderWithMjml("digest", view);
      const out = message(ctx, reader, email);
      const transport = nodemailer.createTransport(sink.url);
      await transport.sendMail({ ...out, messageId: `<${out.messageId}>` });
      transport.close();
      sent += 1;
    }
  };
  await Promise.all(Array.from({ length: NAIVE_CONCURRENCY }, lane));
  const elapsed = stop();
  const after = await sink.stats();
  const received = after.messages - before.messages;
  if (received !== sent) throw new Error(`naive sent ${sent}, the server received ${received}`);
  return { count: sent, ...elapsed, bytes: after.bytes - before.bytes };
}

/** Every digest of a cohort, rendered (not timed). */
async function prebuild(
  ctx: AppContext,
  readers: Reader[],
  editionDate: string,
  now: Date,
): Promise<OutgoingMessage[]> {
  const messages: OutgoingMessage[] = [];
  for (const reader of readers) {
    const digest = await ctx.composer.compose({ deliveryId: randomUUID(), reader, editionDate, now });
    if (digest) messages.push(message(ctx, reader, digest));
  }
  return messages;
}

/** Sends pre-built messages through one pooled transport: nodemailer's own, or paperboy's mailer. */
async function runCeiling(
  sink: SinkProcess,
  messages: OutgoingMessage[],
  way: "nodemailer" | "own-mailer",
): Promise<Measure> {
  let send: (message: OutgoingMessage) => Promise<unknown>;
  let close: () => Promise<void>;
  if (way === "own-mailer") {
    const mailer = new SmtpMailer({ url: sink.url, poolSize: POOL_SIZE });
    await mailer.verify();
    send = (m) => mailer.send(m);
    close = () => mailer.close();
  } else {
    const transport = nodemailer.createTransport({
      pool: true,
      maxConnections: POOL_SIZE,
      maxMessages: Number.POSITIVE_INFINITY,
      host: "127.0.0.1",
      port: sink.port,
      ignoreTLS: true,
    });
    await transport.verify();
    send = (m) =>
      transport.sendMail({ ...m, messageId: `<${m.messageId}>`, textEncoding: "quoted-printable" });
    close = async () => transport.close();
  }
  try {
    const before = await sink.stats();
    const profile = await startProfile(way === "nodemailer" ? "ceiling" : "own-mailer");
    const stop = stopwatch();
    let next = 0;
    const lane = async () => {
      while (next < messages.length) await send(messages[next++]!);
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, lane));
    const elapsed = stop();
    await profile?.();
    const after = await sink.stats();
    const received = after.messages - before.messages;
    if (received !== messages.length)
      throw new Error(`${way} sent ${messages.length}, the server received ${received}`);
    return { count: messages.length, ...elapsed, bytes: after.bytes - before.bytes };
  } finally {
    await close();
  }
}

/** bench/fixtures/smtp-sink-process.ts in a child process. */
class SinkProcess {
  private readonly replies: ((line: string) => void)[] = [];

  private constructor(
    private readonly child: ChildProcess,
    private readonly lines: Interface,
    readonly port: number,
  ) {
    lines.on("line", (line) => this.replies.shift()?.(line));
  }

  static async start(): Promise<SinkProcess> {
    const child = spawn(
      process.execPath,
      ["--import", "tsx", join(ROOT, "bench/fixtures/smtp-sink-process.ts")],
      {
        cwd: ROOT,
        stdio: ["pipe", "pipe", "inherit"],
      },
    );
    const lines = createInterface({ input: child.stdout! });
    const first = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error("the SMTP sink process did not start in 30 s")),
        30_000,
      );
      lines.once("line", (line) => {
        clearTimeout(timer);
        resolve(line);
      });
      child.once("exit", (code) => reject(new Error(`the SMTP sink process exited (${code})`)));
    });
    const { port } = JSON.parse(first) as { port: number };
    return new SinkProcess(child, lines, port);
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}/?ignoreTLS=true`;
  }

  stats(): Promise<{ messages: number; bytes: number; connections: number }> {
    return new Promise((resolve) => {
      this.replies.push((line) => resolve(JSON.parse(line)));
      this.child.stdin!.write("stats\n");
    });
  }

  async stop(): Promise<void> {
    const exited = new Promise<void>((resolve) => this.child.once("exit", () => resolve()));
    this.child.stdin!.end();
    const timer = setTimeout(() => this.child.kill("SIGKILL"), 5_000);
    await exited;
    clearTimeout(timer);
    this.lines.close();
  }
}
