import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DeliveryPlanner } from "../../../src/delivery/delivery-planner.js";
import { silentLogger } from "../../../src/lib/logger.js";
import { startTestApp, type TestApp } from "../../helpers/test-app.js";

// How a large edition is planned: in batches, the first one small so sending starts
// early, every delivery enqueued exactly once, and the edition announced first.
describe("planning a large edition", () => {
  let app: TestApp;
  const now = new Date("2026-11-23T09:00:00Z");

  beforeAll(async () => {
    app = await startTestApp();
    await app.ctx.db.prisma.reader.createMany({
      data: Array.from({ length: 620 }, (_, i) => ({
        email: `reader-${String(i).padStart(3, "0")}@example.org`,
        topics: ["llm"],
        status: "active" as const,
      })),
    });
  });
  afterAll(async () => app?.close());

  it("enqueues a small first batch, then large ones, each delivery once, after announcing the edition", async () => {
    const events: string[] = [];
    const batches: string[][] = [];
    const planner = new DeliveryPlanner({
      prisma: app.ctx.db.prisma,
      logger: silentLogger(),
      messageDomain: "paperboy.test",
      queue: {
        enqueueDeliveries: async (ids) => {
          events.push(`enqueue ${ids.length}`);
          batches.push([...ids]);
        },
      },
      onEdition: (date, at) => events.push(`edition ${date} ${at.toISOString()}`),
    });

    const result = await planner.plan(now);

    expect(events).toEqual([
      "edition 2026-11-23 2026-11-23T09:00:00.000Z",
      "enqueue 50",
      "enqueue 500",
      "enqueue 70",
    ]);
    const enqueued = batches.flat();
    expect(new Set(enqueued).size).toBe(620);
    expect(enqueued.sort()).toEqual([...result.deliveryIds].sort());
    expect(result.created).toBe(620);
    expect(await app.ctx.db.prisma.delivery.count({ where: { status: "planned" } })).toBe(620);
  });

  it("warms the composer with the edition it plans where this process sends, and only there", async () => {
    const warmed: string[] = [];
    const composer = app.ctx.composer;
    const warm = composer.warm.bind(composer);
    composer.warm = (date, at) => {
      warmed.push(date);
      warm(date, at);
    };
    try {
      // A process that only plans (a plain `paperboy send`) has no use for it.
      await app.ctx.planner.plan(now, { force: true, date: "2026-11-24" });
      expect(warmed).toEqual([]);
      app.ctx.markSending();
      await app.ctx.planner.plan(now, { force: true, date: "2026-11-25" });
    } finally {
      composer.warm = warm;
    }
    expect(warmed).toEqual(["2026-11-25"]);
  });
});
