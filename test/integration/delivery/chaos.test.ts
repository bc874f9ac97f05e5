import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { waitForDeliveries } from "../../../src/app/delivery-progress.js";
import { coveredTopics, seedReaders, seedRecentPapers, until, within } from "../../helpers/delivery-seed.js";
import { PrivateRedis } from "../../helpers/private-redis.js";
import { smtpError } from "../../helpers/smtp-sink.js";
import { startTestApp, type TestApp } from "../../helpers/test-app.js";
import { WorkerProcess } from "../../helpers/worker-process.js";

// Delivery through an SMTP server that refuses a third of transactions with 421
// for the first seconds and 1% of recipients with 550 forever, while one worker
// process is SIGKILLed mid-run and Redis is stopped and started again. Afterwards
// every deliverable reader has exactly one digest (a killed worker may leave at
// most one duplicate per delivery it held, with the same Message-ID), bounced
// readers were tried once and suppressed, and nothing is left unsettled.
const READERS = 300;
const BOUNCING = new Set([7, 123, 250]);
const CONCURRENCY = 4;
const KILLS = 1;
/** The first transactions (the first seconds of the run): a third of them are answered 421. */
const TRANSIENT_TRANSACTIONS = 150;

describe("delivery through 421s, 550s, a killed worker and a Redis restart", () => {
  let redis: PrivateRedis;
  let app: TestApp;
  const workers: WorkerProcess[] = [];
  const rcptAttempts = new Map<string, number>();
  const firstRcptAt = new Map<string, number>();
  let transactions = 0;
  let refused421 = 0;

  beforeAll(async () => {
    redis = await PrivateRedis.start();
    app = await startTestApp({
      env: {
        REDIS_URL: redis.url,
        SEND_BACKOFF_MS: "200",
        SEND_ATTEMPTS: "12",
        WORKER_LOCK_MS: "3000",
        SWEEP_STALE_SECONDS: "2",
        SMTP_PAUSE_MS: "500",
        WORKER_CONCURRENCY: String(CONCURRENCY),
        SMTP_POOL_SIZE: String(CONCURRENCY),
      },
      smtp: {
        // A slow 250 after DATA: a worker killed in that window leaves a delivered message behind.
        acceptDelayMs: 60,
        onMailFrom: () => {
          transactions += 1;
          if (transactions <= TRANSIENT_TRANSACTIONS && transactions % 3 === 0) {
            refused421 += 1;
            return smtpError(421, "4.3.2 try again later");
          }
          return undefined;
        },
        onRcpt: (address) => {
          rcptAttempts.set(address, (rcptAttempts.get(address) ?? 0) + 1);
          if (!firstRcptAt.has(address)) firstRcptAt.set(address, Date.now());
          return address.startsWith("bounce-") ? smtpError(550, "5.1.1 mailbox unavailable") : undefined;
        },
      },
    });
  }, 60_000);

  afterAll(async () => {
    await Promise.allSettled(workers.map((w) => w.stop("SIGKILL")));
    if (app) await within(app.close(), 20_000, "closing the test app").catch(() => {});
    await redis?.destroy();
  }, 40_000);

  it("sends every deliverable reader one digest and settles every delivery", async () => {
    const { ctx, smtp } = app;
    const prisma = ctx.db.prisma;
    const now = new Date();
    await seedRecentPapers(ctx, app.dataDir, now);
    const emails = Array.from({ length: READERS }, (_, i) =>
      BOUNCING.has(i) ? `bounce-${i}@example.org` : `reader-${i}@example.org`,
    );
    // Readers follow topics the edition covers, so every one of them has a digest to receive.
    await seedReaders(ctx, emails, now, await coveredTopics(ctx));

    const workerEnv = { ...app.env, LOG_LEVEL: "info" };
    workers.push(WorkerProcess.spawn("a", workerEnv), WorkerProcess.spawn("b", workerEnv));
    await within(Promise.all(workers.map((w) => w.ready())), 40_000, "two worker processes starting");

    const startedAt = Date.now();
    const timeline: string[] = [];
    const mark = (what: string) => timeline.push(`${what} ${((Date.now() - startedAt) / 1000).toFixed(1)}s`);
    const plan = await ctx.planner.plan(now, { force: true });
    expect(plan.created).toBe(READERS);

    // The test process sweeps like the scheduled sweep job would, only more often.
    let sweeping = true;
    const sweepErrors: string[] = [];
    let requeued = 0;
    const sweeper = (async () => {
      while (sweeping) {
        await ctx.sweeper
          .sweep(new Date())
          .then((r) => (requeued += r.requeued))
          .catch((error: unknown) => sweepErrors.push(String(error)));
        await new Promise((r) => setTimeout(r, 1_000));
      }
    })();

    let killedAt = 0;
    const failWith = (what: string) =>
      `${what}\n${workers.map((w) => `--- worker ${w.name} (warnings and errors):\n${w.tail(400, 15)}`).join("\n")}`;
    try {
      // Chaos 1: SIGKILL a worker while it holds jobs, start a replacement.
      await until(
        () => smtp.messages.length >= 60,
        30_000,
        () => failWith("60 digests before the kill"),
      );
      await workers[0]!.stop("SIGKILL");
      killedAt = Date.now();
      const sentAtKill = smtp.messages.length;
      mark("killed");
      const replacement = WorkerProcess.spawn("c", workerEnv);
      workers.push(replacement);
      // (A worker that starts while Redis is down exits with REDIS_UNREACHABLE; its supervisor restarts it.)
      await within(replacement.ready(), 40_000, "the replacement worker starting");

      // Chaos 2: stop Redis (it flushes its AOF), keep it down a second, start it again.
      await until(
        () => smtp.messages.length >= sentAtKill + 80,
        30_000,
        () => failWith("80 more digests before the Redis restart"),
      );
      const restartedAt = smtp.messages.length;
      await redis.restart(1_000);
      mark("redis restarted");
      expect(redis.starts).toBe(2);

      const summary = await within(waitForDeliveries(prisma, plan.deliveryIds), 60_000, () =>
        failWith("every delivery settled after the chaos"),
      );
      mark("settled");
      expect(summary).toEqual({
        total: READERS,
        sent: READERS - BOUNCING.size,
        failed: BOUNCING.size,
        skipped: 0,
      });
      expect(restartedAt).toBeLessThan(READERS - BOUNCING.size);

      // No job is left that could still send something.
      await until(
        async () => {
          const counts = await ctx.queues.send.getJobCounts("active", "waiting", "delayed", "prioritized");
          return Object.values(counts).every((n) => n === 0);
        },
        20_000,
        () => failWith("the send queue to drain"),
      );
      mark("drained");
    } finally {
      sweeping = false;
      await sweeper;
    }
    expect(
      workers.filter((w) => w.running).map((w) => w.name),
      failWith("workers b and c still running"),
    ).toEqual(["b", "c"]);

    // The chaos happened: jobs the killed worker held were taken over (stalled and
    // recovered), and 421s were answered and retried.
    const completed = await ctx.queues.send.getJobs(["completed"], 0, -1);
    expect(
      completed.filter((job) => job.stalledCounter > 0).length,
      "jobs recovered from the killed worker",
    ).toBeGreaterThan(0);
    expect(refused421).toBe(TRANSIENT_TRANSACTIONS / 3);
    const deliveries = await prisma.delivery.findMany({ include: { reader: true } });
    expect(deliveries.filter((d) => d.attempts > 1).length).toBeGreaterThan(10);
    expect(deliveries.filter((d) => d.status === "planned" || d.status === "sending")).toEqual([]);

    // Every deliverable reader: one digest, or a duplicate of the same Message-ID
    // for a delivery the killed worker held.
    const byRecipient = new Map<string, string[]>();
    for (const message of smtp.messages) {
      for (const to of message.to)
        byRecipient.set(to, [...(byRecipient.get(to) ?? []), String(message.parsed.messageId)]);
    }
    let duplicates = 0;
    for (const delivery of deliveries.filter((d) => d.status === "sent")) {
      const received = byRecipient.get(delivery.reader.email) ?? [];
      expect(
        received.length,
        `${delivery.reader.email} received ${received.length} digests`,
      ).toBeGreaterThanOrEqual(1);
      expect(
        received.length,
        `${delivery.reader.email} received ${received.length} digests`,
      ).toBeLessThanOrEqual(1 + KILLS);
      expect(new Set(received)).toEqual(new Set([`<${delivery.messageId}>`]));
      if (received.length > 1) {
        duplicates += received.length - 1;
        // Only a delivery the killed worker held can be sent twice: its first copy was on the wire before the kill.
        expect(firstRcptAt.get(delivery.reader.email), `first copy to ${delivery.reader.email}`).toBeLessThan(
          killedAt,
        );
        expect(delivery.attempts).toBeGreaterThan(1);
      }
    }
    expect(duplicates).toBeLessThanOrEqual(KILLS * CONCURRENCY);

    // Bounced readers: tried once, never received anything, suppressed.
    for (const i of BOUNCING) {
      const email = `bounce-${i}@example.org`;
      expect(rcptAttempts.get(email), `RCPT attempts for ${email}`).toBe(1);
      expect(byRecipient.has(email)).toBe(false);
      const delivery = deliveries.find((d) => d.reader.email === email)!;
      expect(delivery).toMatchObject({ status: "failed", smtpCode: 550 });
      expect(delivery.lastError).toContain("mailbox unavailable");
      expect(delivery.reader.status).toBe("bounced");
      expect(await prisma.suppression.findUnique({ where: { email } })).toMatchObject({ reason: "bounce" });
    }

    // The summary's count is what the server received.
    const distinctMessageIds = new Set(smtp.messages.map((m) => m.parsed.messageId));
    expect(distinctMessageIds.size).toBe(READERS - BOUNCING.size);
    expect(distinctMessageIds).toEqual(
      new Set(deliveries.filter((d) => d.status === "sent").map((d) => `<${d.messageId}>`)),
    );
    expect(smtp.messages.length).toBe(READERS - BOUNCING.size + duplicates);
    console.info(
      `chaos: ${transactions} transactions, ${refused421} answered 421, ${duplicates} duplicate(s), ${requeued} swept, sweep errors: ${sweepErrors.length}; ${timeline.join(", ")}`,
    );
  }, 150_000);
});
