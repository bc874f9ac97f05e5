import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppContext } from "../../../src/app/app-context.js";
import { waitForDeliveries } from "../../../src/app/delivery-progress.js";
import { startWorkerRole } from "../../../src/app/process-roles.js";
import { loadConfig } from "../../../src/config/config.js";
import { silentLogger } from "../../../src/lib/logger.js";
import { jobIds } from "../../../src/queue/job-payloads.js";
import { coveredTopics, seedReaders, seedRecentPapers, until, within } from "../../helpers/delivery-seed.js";
import { startTestApp, type TestApp } from "../../helpers/test-app.js";

// A worker shutting down mid-run, and deliveries whose jobs were lost.
describe("graceful shutdown and the sweeper", () => {
  let app: TestApp;
  const now = new Date();
  let topics: string[];
  let rcpts = 0;
  beforeAll(async () => {
    // A slow server: each message is in flight for a while.
    app = await startTestApp({
      env: { WORKER_CONCURRENCY: "4", SMTP_POOL_SIZE: "4" },
      smtp: {
        acceptDelayMs: 250,
        onRcpt: () => {
          rcpts += 1;
          return undefined;
        },
      },
    });
    await seedRecentPapers(app.ctx, app.dataDir, now);
    topics = await coveredTopics(app.ctx);
  });
  afterAll(async () => app?.close());

  it("closing a worker while it sends finishes what it holds and leaves nothing 'sending'", async () => {
    const { ctx, smtp } = app;
    const emails = Array.from({ length: 20 }, (_, i) => `calm-${i}@example.org`);
    await seedReaders(ctx, emails, now, topics);
    const plan = await ctx.planner.plan(now, { force: true, date: "2030-02-01" });
    expect(plan.created).toBe(emails.length);

    // A worker process of its own (a second context), closed the way SIGTERM closes it.
    const worker = await AppContext.create(loadConfig(app.env), { logger: silentLogger() });
    await startWorkerRole(worker);
    await until(() => rcpts >= 2, 15_000, "messages in flight");
    await within(worker.close(), 15_000, "the graceful close");

    const after = await ctx.db.prisma.delivery.groupBy({ by: ["status"], _count: true });
    const count = (status: string) => after.find((g) => g.status === status)?._count ?? 0;
    expect(count("sending")).toBe(0);
    expect(count("sent")).toBeGreaterThan(0);
    expect(count("sent")).toBe(smtp.messages.length);
    expect(count("sent") + count("planned")).toBe(emails.length);
    // What was not sent still has its job waiting.
    for (const d of await ctx.db.prisma.delivery.findMany({ where: { status: "planned" } })) {
      expect(await ctx.queues.send.getJobState(jobIds.send(d.id))).toBe("waiting");
    }

    // Another worker picks up the rest; every reader gets exactly one digest.
    const workers = await startWorkerRole(ctx);
    await within(waitForDeliveries(ctx.db.prisma, plan.deliveryIds, undefined, 50), 20_000, "the rest sent");
    await Promise.all(workers.map((w) => w.close()));
    expect(smtp.messages.flatMap((m) => m.to).sort()).toEqual([...emails].sort());
  });

  it("re-enqueues deliveries whose job is gone, and leaves live and settled ones alone", async () => {
    const { ctx, smtp } = app;
    const emails = ["lost-1@example.org", "lost-2@example.org", "waiting@example.org"];
    await seedReaders(ctx, emails, now, topics);
    await ctx.db.prisma.reader.updateMany({
      where: { email: { notIn: emails } },
      data: { status: "paused" },
    });
    const plan = await ctx.planner.plan(now, { force: true, date: "2030-02-02" });
    await ctx.db.prisma.reader.updateMany({ where: { status: "paused" }, data: { status: "active" } });
    expect(plan.created).toBe(3);
    const deliveries = await ctx.db.prisma.delivery.findMany({
      where: { id: { in: plan.deliveryIds } },
      include: { reader: true },
    });
    const byEmail = new Map(deliveries.map((d) => [d.reader.email, d]));

    // lost-1: its job vanished (Redis lost data). lost-2: a worker died holding it and its job is gone too.
    await ctx.queues.send.remove(jobIds.send(byEmail.get("lost-1@example.org")!.id));
    const lost2 = byEmail.get("lost-2@example.org")!;
    await ctx.queues.send.remove(jobIds.send(lost2.id));
    await ctx.db.prisma.delivery.update({
      where: { id: lost2.id },
      data: { status: "sending", sendingAt: now },
    });

    // Not stale yet: nothing to do.
    expect(await ctx.sweeper.sweep(new Date(now.getTime() + 1_000))).toEqual({ requeued: 0 });
    // Stale (well past SWEEP_STALE_SECONDS): the two without a job are enqueued again, the waiting one is left alone.
    const later = new Date(Date.now() + 3_600_000);
    expect(await ctx.sweeper.sweep(later)).toEqual({ requeued: 2 });
    for (const email of ["lost-1@example.org", "lost-2@example.org"]) {
      expect(await ctx.queues.send.getJobState(jobIds.send(byEmail.get(email)!.id))).toBe("waiting");
    }

    const before = smtp.messages.length;
    const workers = await startWorkerRole(ctx);
    await within(waitForDeliveries(ctx.db.prisma, plan.deliveryIds, undefined, 50), 20_000, "all three sent");
    await Promise.all(workers.map((w) => w.close()));
    expect(
      smtp.messages
        .slice(before)
        .flatMap((m) => m.to)
        .sort(),
    ).toEqual(emails);
    // Settled deliveries are not the sweeper's business, however old.
    expect(await ctx.sweeper.sweep(later)).toEqual({ requeued: 0 });
  });
});
