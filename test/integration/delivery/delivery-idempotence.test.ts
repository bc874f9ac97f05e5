import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppContext } from "../../../src/app/app-context.js";
import { waitForDeliveries } from "../../../src/app/delivery-progress.js";
import { startWorkerRole } from "../../../src/app/process-roles.js";
import { loadConfig } from "../../../src/config/config.js";
import { DeliveryService } from "../../../src/delivery/delivery-service.js";
import { isAppError } from "../../../src/lib/errors.js";
import { silentLogger } from "../../../src/lib/logger.js";
import { jobIds } from "../../../src/queue/job-payloads.js";
import { coveredTopics, seedReaders, seedRecentPapers, until, within } from "../../helpers/delivery-seed.js";
import { startTestApp, type TestApp } from "../../helpers/test-app.js";

// One digest per reader and edition, whoever plans and however often a delivery is sent.
describe("delivery idempotence", () => {
  let app: TestApp;
  const now = new Date();
  let topics: string[];
  beforeAll(async () => {
    app = await startTestApp();
    await seedRecentPapers(app.ctx, app.dataDir, now);
    topics = await coveredTopics(app.ctx);
  });
  afterAll(async () => app?.close());

  /** A fresh edition date per test, so the tests share the app without sharing deliveries. */
  let day = 0;
  const nextEdition = () => new Date(Date.UTC(2030, 0, 1 + day++)).toISOString().slice(0, 10);

  it("sending a settled delivery again is a no-op, by call or by job", async () => {
    const { ctx, smtp } = app;
    await seedReaders(ctx, ["once@example.org"], now, topics);
    const plan = await ctx.planner.plan(now, { force: true, date: nextEdition() });
    const [id] = plan.deliveryIds;
    const before = smtp.messages.length;
    expect(await ctx.delivery.send(id!, { finalAttempt: false })).toBe("sent");
    expect(await ctx.delivery.send(id!, { finalAttempt: false })).toBe("settled");

    // A job for it again (the sweeper or an operator enqueued it): completes, sends nothing.
    await ctx.queues.send.remove(jobIds.send(id!));
    await ctx.queues.enqueueDeliveries([id!]);
    const workers = await startWorkerRole(ctx);
    const jobId = jobIds.send(id!);
    await until(
      async () => (await ctx.queues.send.getJobState(jobId)) === "completed",
      10_000,
      "the job to complete",
    );
    expect((await ctx.queues.send.getJob(jobId))!.returnvalue).toBe("settled");
    await Promise.all(workers.map((w) => w.close()));

    // Failed and skipped deliveries are settled too.
    await ctx.db.prisma.delivery.update({ where: { id: id! }, data: { status: "failed" } });
    expect(await ctx.delivery.send(id!, { finalAttempt: true })).toBe("settled");
    await ctx.db.prisma.delivery.update({ where: { id: id! }, data: { status: "skipped" } });
    expect(await ctx.delivery.send(id!, { finalAttempt: true })).toBe("settled");
    expect(smtp.messages.length - before).toBe(1);
    expect(await ctx.delivery.send("no-such-delivery", { finalAttempt: true })).toBe("missing");
  });

  it("a reader suppressed or paused after planning is skipped, not sent", async () => {
    const { ctx, smtp } = app;
    await seedReaders(ctx, ["complained@example.org", "paused@example.org"], now, topics);
    const plan = await ctx.planner.plan(now, { force: true, date: nextEdition() });
    const deliveries = await ctx.db.prisma.delivery.findMany({
      where: { id: { in: plan.deliveryIds } },
      include: { reader: true },
    });
    const of = (email: string) => deliveries.find((d) => d.reader.email === email)!.id;
    await ctx.db.prisma.suppression.create({
      data: { email: "complained@example.org", reason: "complaint" },
    });
    await ctx.db.prisma.reader.update({ where: { email: "paused@example.org" }, data: { status: "paused" } });
    const before = smtp.messages.length;

    const outcomes = await Promise.all(
      [of("complained@example.org"), of("paused@example.org")].map((id) =>
        ctx.delivery.send(id, { finalAttempt: false }),
      ),
    );
    expect(outcomes).toEqual(["skipped", "skipped"]);
    expect(
      await ctx.db.prisma.delivery.findUniqueOrThrow({ where: { id: of("complained@example.org") } }),
    ).toMatchObject({
      status: "skipped",
      lastError: "address suppressed (complaint)",
    });
    expect(
      await ctx.db.prisma.delivery.findUniqueOrThrow({ where: { id: of("paused@example.org") } }),
    ).toMatchObject({
      status: "skipped",
      lastError: "reader is paused",
    });
    expect(smtp.messages.length).toBe(before);
    // The rest of this edition goes out as usual.
    const rest = plan.deliveryIds.filter(
      (id) => id !== of("complained@example.org") && id !== of("paused@example.org"),
    );
    for (const id of rest) await ctx.delivery.send(id, { finalAttempt: false });
    await ctx.db.prisma.reader.update({ where: { email: "paused@example.org" }, data: { status: "active" } });
  });

  it("two planners at once plan each delivery once", async () => {
    const { ctx, smtp } = app;
    const emails = Array.from({ length: 40 }, (_, i) => `twice-${i}@example.org`);
    await seedReaders(ctx, emails, now, topics);
    const other = await AppContext.create(loadConfig(app.env), { logger: silentLogger() });
    try {
      const date = nextEdition();
      const [a, b] = await Promise.all([
        ctx.planner.plan(now, { force: true, date }),
        other.planner.plan(now, { force: true, date }),
      ]);
      const edition = await ctx.db.prisma.edition.findUniqueOrThrow({
        where: { date: new Date(`${date}T00:00:00Z`) },
      });
      const deliveries = await ctx.db.prisma.delivery.findMany({ where: { editionId: edition.id } });
      const suppressed = (await ctx.db.prisma.suppression.findMany()).map((x) => x.email);
      const readers = await ctx.db.prisma.reader.count({
        where: { status: "active", email: { notIn: suppressed } },
      });
      expect(deliveries).toHaveLength(readers);
      expect(a.created + b.created).toBe(readers);
      expect(new Set(deliveries.map((d) => d.readerId)).size).toBe(readers);
      // Both enqueued what was open; the job ids made the second enqueue a no-op.
      const ids = deliveries.map((d) => d.id);
      expect(new Set([...a.deliveryIds, ...b.deliveryIds])).toEqual(new Set(ids));
      const jobs = await ctx.queues.send.getJobs(["waiting", "prioritized"], 0, -1);
      expect(jobs.filter((j) => ids.includes(j.data.deliveryId))).toHaveLength(readers);

      const before = smtp.messages.length;
      const workers = await startWorkerRole(ctx);
      const summary = await within(
        waitForDeliveries(ctx.db.prisma, ids, undefined, 50),
        20_000,
        "all settled",
      );
      await Promise.all(workers.map((w) => w.close()));
      const received = smtp.messages.slice(before).flatMap((m) => m.to);
      expect(received.filter((to) => to.startsWith("twice-")).sort()).toEqual([...emails].sort());
      // (A reader of an earlier test may have nothing new in this edition: skipped, not sent.)
      expect(received).toHaveLength(summary.sent);
      expect(summary.failed).toBe(0);
    } finally {
      await other.close();
    }
  });

  it("a worker that lost its job's lock does not send", async () => {
    const { ctx, smtp } = app;
    await seedReaders(ctx, ["locked@example.org"], now, topics);
    const reader = await ctx.db.prisma.reader.findUniqueOrThrow({ where: { email: "locked@example.org" } });
    await ctx.db.prisma.reader.updateMany({ where: { id: { not: reader.id } }, data: { status: "paused" } });
    const plan = await ctx.planner.plan(now, { force: true, date: nextEdition() });
    await ctx.db.prisma.reader.updateMany({ where: { status: "paused" }, data: { status: "active" } });
    const [id] = plan.deliveryIds;
    const before = smtp.messages.length;

    const aborted = AbortSignal.abort("lock lost");
    const error = await ctx.delivery
      .send(id!, { finalAttempt: false, signal: aborted })
      .catch((e: unknown) => e);
    expect(isAppError(error, "CONFLICT")).toBe(true);
    expect(smtp.messages.length).toBe(before);
    // The claim stays with the worker that owns the job now; that one sends it.
    expect(await ctx.db.prisma.delivery.findUniqueOrThrow({ where: { id: id! } })).toMatchObject({
      status: "sending",
    });
    expect(await ctx.delivery.send(id!, { finalAttempt: false })).toBe("sent");
    expect(smtp.messages.length).toBe(before + 1);
  });

  it("a worker that lost the delivery to another does not overwrite the other's 'sent'", async () => {
    const { ctx } = app;
    await seedReaders(ctx, ["raced@example.org"], now, topics);
    const reader = await ctx.db.prisma.reader.findUniqueOrThrow({ where: { email: "raced@example.org" } });
    await ctx.db.prisma.reader.updateMany({ where: { id: { not: reader.id } }, data: { status: "paused" } });
    const plan = await ctx.planner.plan(now, { force: true, date: nextEdition() });
    await ctx.db.prisma.reader.updateMany({ where: { status: "paused" }, data: { status: "active" } });
    const [id] = plan.deliveryIds;
    // While this worker composes, another one (which took the job over) sends and records it.
    const service = new DeliveryService({
      db: ctx.db,
      mailer: ctx.mailer,
      composer: {
        compose: async () => {
          expect(await ctx.delivery.send(id!, { finalAttempt: false })).toBe("sent");
          return null;
        },
      },
      links: ctx.links,
      clock: ctx.clock,
      logger: silentLogger(),
      settings: { from: ctx.config.mail.from, listId: ctx.config.mail.listId },
    });
    // Its own outcome (nothing to send: "skipped") does not replace the other's.
    await service.send(id!, { finalAttempt: false });
    expect(await ctx.db.prisma.delivery.findUniqueOrThrow({ where: { id: id! } })).toMatchObject({
      status: "sent",
    });
  });

  it("a digest that cannot be composed is retried, and fails on the last attempt", async () => {
    const { ctx, smtp } = app;
    await seedReaders(ctx, ["broken@example.org"], now, topics);
    const reader = await ctx.db.prisma.reader.findUniqueOrThrow({ where: { email: "broken@example.org" } });
    await ctx.db.prisma.reader.updateMany({ where: { id: { not: reader.id } }, data: { status: "paused" } });
    const plan = await ctx.planner.plan(now, { force: true, date: nextEdition() });
    await ctx.db.prisma.reader.updateMany({ where: { status: "paused" }, data: { status: "active" } });
    const [id] = plan.deliveryIds;
    const before = smtp.messages.length;
    // The real service with a composer that breaks, as a template bug would.
    const service = new DeliveryService({
      db: ctx.db,
      mailer: ctx.mailer,
      composer: {
        compose: async () => {
          throw new Error("template exploded");
        },
      },
      links: ctx.links,
      clock: ctx.clock,
      logger: silentLogger(),
      settings: { from: ctx.config.mail.from, listId: ctx.config.mail.listId },
    });

    await expect(service.send(id!, { finalAttempt: false })).rejects.toThrow("template exploded");
    expect(await ctx.db.prisma.delivery.findUniqueOrThrow({ where: { id: id! } })).toMatchObject({
      status: "planned",
      sendingAt: null,
      lastError: "could not compose the digest: template exploded",
    });
    expect(await service.send(id!, { finalAttempt: true })).toBe("failed");
    expect(await ctx.db.prisma.delivery.findUniqueOrThrow({ where: { id: id! } })).toMatchObject({
      status: "failed",
      attempts: 2,
    });
    expect(smtp.messages.length).toBe(before);
  });
});
