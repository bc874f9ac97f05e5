import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createWebServer } from "../../../src/web/web-server.js";
import { startTestApp, type TestApp } from "../../helpers/test-app.js";

describe("/metrics and Bull Board", () => {
  let app: TestApp;
  let web: FastifyInstance;
  beforeAll(async () => {
    app = await startTestApp({ env: { ADMIN_PASSWORD: "correct horse battery" } });
    web = await createWebServer(app.ctx);
    const prisma = app.ctx.db.prisma;
    const reader = await prisma.reader.create({
      data: { email: "m@example.org", topics: ["llm"], status: "active" },
    });
    const edition = await prisma.edition.create({ data: { date: new Date("2026-11-20T00:00:00Z") } });
    await prisma.delivery.createMany({
      data: [
        { readerId: reader.id, editionId: edition.id, messageId: "a@x", status: "sent", attempts: 3 },
        {
          readerId: reader.id,
          editionId: (await prisma.edition.create({ data: { date: new Date("2026-11-21T00:00:00Z") } })).id,
          messageId: "b@x",
          status: "failed",
          attempts: 1,
          smtpCode: 550,
        },
      ],
    });
    await app.ctx.queues.send.add("send", { deliveryId: "waiting-one" }, { jobId: "delivery-waiting-one" });
  });
  afterAll(async () => {
    await web?.close();
    await app?.close();
  });

  it("exposes deliveries, retries, SMTP codes, queue depth and the oldest waiting job", async () => {
    const response = await web.inject({ method: "GET", url: "/metrics" });
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toContain("text/plain");
    const body = response.body;
    expect(body).toMatch(/^paperboy_deliveries\{status="sent"\} 1$/m);
    expect(body).toMatch(/^paperboy_deliveries\{status="failed"\} 1$/m);
    expect(body).toMatch(/^paperboy_delivery_retries 2$/m);
    expect(body).toMatch(/^paperboy_smtp_replies\{code="550"\} 1$/m);
    expect(body).toMatch(/^paperboy_queue_jobs\{queue="send",state="waiting"\} 1$/m);
    const age = Number(body.match(/^paperboy_queue_oldest_waiting_seconds\{queue="send"\} (\S+)$/m)?.[1]);
    expect(age).toBeGreaterThanOrEqual(0);
    expect(body).toMatch(/^paperboy_readers\{status="active"\} 1$/m);
    expect(body).toMatch(/^paperboy_sending_paused_seconds 0$/m);
    await app.ctx.queues.send.rateLimit(60_000);
    const paused = (await web.inject({ method: "GET", url: "/metrics" })).body;
    const seconds = Number(paused.match(/^paperboy_sending_paused_seconds (\S+)$/m)?.[1]);
    expect(seconds).toBeGreaterThan(50);
  });

  it("keeps Bull Board behind basic auth", async () => {
    expect((await web.inject({ method: "GET", url: "/admin/queues" })).statusCode).toBe(401);
    const wrong = `Basic ${Buffer.from("admin:nope").toString("base64")}`;
    expect(
      (await web.inject({ method: "GET", url: "/admin/queues", headers: { authorization: wrong } }))
        .statusCode,
    ).toBe(401);
    const right = `Basic ${Buffer.from("admin:correct horse battery").toString("base64")}`;
    const page = await web.inject({ method: "GET", url: "/admin/queues", headers: { authorization: right } });
    expect(page.statusCode).toBe(200);
    expect(page.body.toLowerCase()).toContain("<html");
  });
});

describe("Bull Board without ADMIN_PASSWORD", () => {
  it("is not there at all", async () => {
    const app = await startTestApp();
    const web = await createWebServer(app.ctx);
    try {
      expect((await web.inject({ method: "GET", url: "/admin/queues" })).statusCode).toBe(404);
    } finally {
      await web.close();
      await app.close();
    }
  });
});
