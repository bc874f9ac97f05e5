import { afterEach, describe, expect, it } from "vitest";
import { waitForDeliveries } from "../../../src/app/delivery-progress.js";
import { startWorkerRole } from "../../../src/app/process-roles.js";
import { jobIds } from "../../../src/queue/job-payloads.js";
import { coveredTopics, seedReaders, seedRecentPapers, until, within } from "../../helpers/delivery-seed.js";
import { SmtpSink, smtpError } from "../../helpers/smtp-sink.js";
import { startTestApp, type TestApp } from "../../helpers/test-app.js";

// How each kind of SMTP failure settles a delivery, with real workers, Redis,
// PostgreSQL and an SMTP server that answers as told.
describe("SMTP failures", () => {
  let app: TestApp | undefined;
  let extraSink: SmtpSink | undefined;
  afterEach(async () => {
    await app?.close();
    await extraSink?.stop();
    app = undefined;
    extraSink = undefined;
  });

  async function planFor(emails: string[]) {
    const now = new Date();
    await seedRecentPapers(app!.ctx, app!.dataDir, now);
    const readers = await seedReaders(app!.ctx, emails, now, await coveredTopics(app!.ctx));
    const plan = await app!.ctx.planner.plan(now, { force: true });
    expect(plan.created).toBe(emails.length);
    const deliveries = await app!.ctx.db.prisma.delivery.findMany();
    const byEmail = new Map(readers.map((r) => [r.email, deliveries.find((d) => d.readerId === r.id)!]));
    return { plan, byEmail };
  }

  it("550 for a recipient: the delivery fails, the reader is suppressed, and it is never retried", async () => {
    const rcpt = new Map<string, number>();
    app = await startTestApp({
      smtp: {
        onRcpt: (address) => {
          rcpt.set(address, (rcpt.get(address) ?? 0) + 1);
          return address === "gone@example.org"
            ? smtpError(550, "5.1.1 <gone@example.org>: no such user")
            : undefined;
        },
      },
    });
    const { ctx, smtp } = app;
    const { plan, byEmail } = await planFor(["gone@example.org", "here@example.org"]);
    await startWorkerRole(ctx);
    const summary = await within(
      waitForDeliveries(ctx.db.prisma, plan.deliveryIds, undefined, 50),
      20_000,
      "both settled",
    );
    expect(summary).toMatchObject({ sent: 1, failed: 1 });

    // Well past the first backoff (200 ms): still one attempt, and the job did not fail.
    await new Promise((r) => setTimeout(r, 1_000));
    expect(rcpt.get("gone@example.org")).toBe(1);
    const gone = await ctx.db.prisma.delivery.findUniqueOrThrow({
      where: { id: byEmail.get("gone@example.org")!.id },
    });
    expect(gone).toMatchObject({ status: "failed", smtpCode: 550, attempts: 1, sendingAt: null });
    expect(gone.lastError).toContain("no such user");
    const job = await ctx.queues.send.getJob(jobIds.send(gone.id));
    // BullMQ counts finished attempts, a completed one included: one attempt, no retry.
    expect(await job!.getState()).toBe("completed");
    expect(job!.attemptsMade).toBe(1);
    expect(await ctx.db.prisma.reader.findUnique({ where: { email: "gone@example.org" } })).toMatchObject({
      status: "bounced",
    });
    expect(
      await ctx.db.prisma.suppression.findUnique({ where: { email: "gone@example.org" } }),
    ).toMatchObject({
      reason: "bounce",
    });
    expect(smtp.messages.map((m) => m.to)).toEqual([["here@example.org"]]);

    // The next edition is not planned for the suppressed address.
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const next = await ctx.planner.plan(new Date(), { force: true, date: tomorrow });
    expect(next.created).toBe(1);
  });

  it("421 then success: retried after a backoff and sent exactly once", async () => {
    const refused = new Set<string>();
    app = await startTestApp({
      smtp: {
        onRcpt: (address) => {
          if (refused.has(address)) return undefined;
          refused.add(address);
          return smtpError(421, "4.7.0 try again later");
        },
      },
    });
    const { ctx, smtp } = app;
    const { plan, byEmail } = await planFor(["slow@example.org"]);
    await startWorkerRole(ctx);
    const summary = await within(
      waitForDeliveries(ctx.db.prisma, plan.deliveryIds, undefined, 50),
      20_000,
      "sent",
    );
    expect(summary).toMatchObject({ sent: 1, failed: 0 });

    const delivery = await ctx.db.prisma.delivery.findUniqueOrThrow({
      where: { id: byEmail.get("slow@example.org")!.id },
    });
    expect(delivery).toMatchObject({ status: "sent", attempts: 2, lastError: null, sendingAt: null });
    const job = await ctx.queues.send.getJob(jobIds.send(delivery.id));
    expect(job!.attemptsMade).toBe(2);
    expect(smtp.messages).toHaveLength(1);
    expect(smtp.messages[0]!.parsed.messageId).toBe(`<${delivery.messageId}>`);
  });

  it("535 (bad credentials) pauses sending instead of failing every reader, then sends them all", async () => {
    let authFailing = true;
    let authAttempts = 0;
    extraSink = await new SmtpSink({
      server: {
        disabledCommands: ["STARTTLS"],
        authOptional: false,
        allowInsecureAuth: true,
        onAuth: (_auth, _session, callback) => {
          authAttempts += 1;
          if (authFailing) callback(smtpError(535, "5.7.8 authentication credentials invalid"));
          else callback(null, { user: "paperboy" });
        },
      },
    }).start();
    app = await startTestApp({
      env: {
        SMTP_URL: `smtp://paperboy:secret@127.0.0.1:${extraSink.port}/?ignoreTLS=true`,
        // Two attempts only: if a paused try used one, every delivery would fail.
        SEND_ATTEMPTS: "2",
        SMTP_PAUSE_MS: "500",
      },
    });
    const { ctx } = app;
    const emails = Array.from({ length: 6 }, (_, i) => `reader-${i}@example.org`);
    const { plan } = await planFor(emails);
    await startWorkerRole(ctx);

    await until(() => authAttempts >= 1, 15_000, "a first authentication attempt");
    await until(async () => (await ctx.queues.send.getRateLimitTtl()) > 0, 5_000, "the send queue to pause");
    // Several pauses go by while the credentials are wrong.
    await until(() => authAttempts >= 3 * emails.length, 15_000, "three rounds of refused authentication");
    expect(await ctx.db.prisma.delivery.count({ where: { status: "failed" } })).toBe(0);

    authFailing = false;
    const summary = await within(
      waitForDeliveries(ctx.db.prisma, plan.deliveryIds, undefined, 50),
      20_000,
      "all sent",
    );
    expect(summary).toMatchObject({ sent: emails.length, failed: 0 });
    expect(extraSink.messages).toHaveLength(emails.length);
    for (const id of plan.deliveryIds) {
      const job = await ctx.queues.send.getJob(jobIds.send(id));
      // Started several times, but only the successful try counts as an attempt.
      expect(job!.attemptsMade, "paused tries do not use attempts").toBe(1);
      expect(job!.attemptsStarted).toBeGreaterThan(1);
    }
  });
});
