import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { waitForDeliveries } from "../../../src/app/delivery-progress.js";
import { startWorkerRole } from "../../../src/app/process-roles.js";
import { FileSource } from "../../../src/ingestion/sources/file-source.js";
import { createWebServer } from "../../../src/web/web-server.js";
import { writeRecentPapersJsonl } from "../../helpers/recent-papers.js";
import { rawHeader } from "../../helpers/smtp-sink.js";
import { startTestApp, type TestApp } from "../../helpers/test-app.js";

// The whole path through every stage: file -> topics -> reader -> edition plan ->
// one BullMQ job per delivery -> MJML digest -> nodemailer -> delivery marked sent.
describe("the spine, end to end on real Redis, PostgreSQL and SMTP", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => app?.close());

  it("ingests, plans, sends one digest per reader and records the Message-ID", async () => {
    const { ctx, smtp } = app;
    const now = new Date();
    const file = join(app.dataDir, "papers.jsonl");
    const papers = writeRecentPapersJsonl(file, now);

    const report = await ctx.ingestion.run(new FileSource(), { path: file, now });
    expect(report).toMatchObject({ fetched: papers.length, created: papers.length, rejected: 0 });
    const stored = await ctx.db.prisma.paper.findMany({ include: { topicScores: true } });
    expect(stored).toHaveLength(papers.length);
    expect(stored.every((p) => p.topicScores.length === 20 && p.topics.length >= 1)).toBe(true);

    await ctx.subscriptions.subscribe(
      { email: "Reader@Example.org", topics: ["efficiency", "code"], keywords: ["speculative decoding"] },
      { confirmed: true },
    );
    const plan = await ctx.planner.plan(now, { force: true });
    expect(plan.created).toBe(1);
    expect(await ctx.queues.send.getJob(`delivery-${plan.deliveryIds[0]}`)).toBeTruthy();

    await startWorkerRole(ctx);
    const summary = await waitForDeliveries(ctx.db.prisma, plan.deliveryIds);
    expect(summary).toMatchObject({ sent: 1, failed: 0, skipped: 0 });

    const [message] = await smtp.waitFor(1);
    expect(message!.to).toEqual(["reader@example.org"]);
    const mail = message!.parsed;
    expect(mail.subject).toMatch(/trending paper/i);
    const header = (name: string) => rawHeader(message!.raw, name);
    expect(header("List-Unsubscribe-Post")).toBe("List-Unsubscribe=One-Click");
    const listUnsubscribe = String(header("List-Unsubscribe"));
    expect(listUnsubscribe).toMatch(/^<http:\/\/paperboy\.test\/unsubscribe\/[^>]+>/);
    expect(mail.html).toContain("Speculative Decoding with Draft Trees");
    expect(mail.html).toContain("SWE-Fixer");
    expect(mail.text).toContain("Speculative Decoding with Draft Trees");

    const delivery = await ctx.db.prisma.delivery.findUniqueOrThrow({ where: { id: plan.deliveryIds[0] } });
    expect(delivery.status).toBe("sent");
    expect(mail.messageId).toBe(`<${delivery.messageId}>`);
    expect(delivery.paperIds.length).toBeGreaterThan(0);

    // "View in browser" shows the same digest, from its signed link.
    const viewLink = String(mail.html).match(/href="(http:\/\/paperboy\.test\/digest\/[^"]+)"/)?.[1];
    expect(viewLink).toBeDefined();
    const web = await createWebServer(ctx);
    const page = await web.inject({ method: "GET", url: new URL(viewLink!.replace(/&amp;/g, "&")).pathname });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("Speculative Decoding with Draft Trees");
    expect(page.body).toContain("SWE-Fixer");
    const tampered = await web.inject({ method: "GET", url: `${new URL(viewLink!).pathname}x` });
    expect(tampered.statusCode).toBe(400);
    await web.close();

    // Planning again the same day plans nothing new, and the settled delivery is not sent twice.
    const again = await ctx.planner.plan(now, { force: true });
    expect(again.created).toBe(0);
    expect(await ctx.delivery.send(delivery.id, { finalAttempt: false })).toBe("settled");
    expect(smtp.messages).toHaveLength(1);
  });
});
