import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { waitForDeliveries } from "../../../src/app/delivery-progress.js";
import { DeliveryService, type DigestComposer } from "../../../src/delivery/delivery-service.js";
import type { Mailer } from "../../../src/delivery/mailer.js";
import { silentLogger } from "../../../src/lib/logger.js";
import { jobIds } from "../../../src/queue/job-payloads.js";
import { closeWorkers, startWorkers } from "../../../src/queue/workers.js";
import { coveredTopics, seedReaders, seedRecentPapers, until, within } from "../../helpers/delivery-seed.js";
import { startTestApp, type TestApp } from "../../helpers/test-app.js";

// A worker that loses its lock on a job (Redis was away longer than the lock, or
// the worker stalled) finds another worker running the same job. The first one
// must not send as well.
describe("a send job whose lock is lost", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ env: { WORKER_LOCK_MS: "1000" } });
  });
  afterAll(async () => app?.close());

  it("is aborted before it sends; the worker that took it over sends it once", async () => {
    const { ctx, smtp } = app;
    const now = new Date();
    await seedRecentPapers(ctx, app.dataDir, now);
    await seedReaders(ctx, ["contested@example.org"], now, await coveredTopics(ctx));

    // The real composer, slowed down: each job spends 2.5 s composing, lock renewals
    // every 0.5 s. What happens is written down in order.
    const events: string[] = [];
    let composing = 0;
    const slow: DigestComposer = {
      compose: async (input) => {
        const n = ++composing;
        await new Promise((r) => setTimeout(r, 2_500));
        events.push(`composed ${n}`);
        return ctx.composer.compose(input);
      },
    };
    const mailer: Mailer = {
      description: ctx.mailer.description,
      send: async (message) => {
        events.push("sent");
        return ctx.mailer.send(message);
      },
      verify: () => ctx.mailer.verify(),
      close: async () => {},
    };
    const delivery = new DeliveryService({
      db: ctx.db,
      mailer,
      composer: slow,
      links: ctx.links,
      clock: ctx.clock,
      logger: silentLogger(),
      settings: { from: ctx.config.mail.from, listId: ctx.config.mail.listId },
    });
    // Two workers, one job at a time each, as two processes would run them.
    const start = () =>
      startWorkers(
        ctx.redis,
        ctx.queues,
        {
          delivery,
          lifecycleMail: ctx.lifecycleMail,
          planner: { planDue: async () => {}, sweep: async () => {} },
          ingestion: { runScheduled: async () => {} },
        },
        { concurrency: 1, ratePerSecond: 0, lockMs: 1_000 },
        silentLogger(),
      );
    const workers = [...start(), ...start()];
    try {
      const plan = await ctx.planner.plan(now, { force: true });
      const jobId = jobIds.send(plan.deliveryIds[0]!);
      await until(() => composing === 1, 10_000, "the job to start composing");

      // The lock disappears while the job composes: the stalled check hands the job to
      // the other worker, and the first worker's next lock renewal fails.
      await ctx.redis.del(`${ctx.queues.send.toKey(jobId)}:lock`);
      await until(() => composing === 2, 10_000, "the job to be taken over");

      await within(
        waitForDeliveries(ctx.db.prisma, plan.deliveryIds, undefined, 50),
        15_000,
        "the delivery sent",
      );
      // The first worker finished composing after it lost the lock, and did not send;
      // the worker that took the job over sent it, once.
      expect(events).toEqual(["composed 1", "composed 2", "sent"]);
      expect(smtp.messages.map((m) => m.to)).toEqual([["contested@example.org"]]);
      expect(
        await ctx.db.prisma.delivery.findUniqueOrThrow({ where: { id: plan.deliveryIds[0]! } }),
      ).toMatchObject({
        status: "sent",
        attempts: 2,
      });
      const job = await ctx.queues.send.getJob(jobId);
      expect(job!.stalledCounter).toBe(1);
    } finally {
      await closeWorkers(workers);
    }
  });
});
