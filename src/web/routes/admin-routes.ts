import { timingSafeEqual } from "node:crypto";
import { createBullBoard } from "@bull-board/api";
import { BullMQAdapter } from "@bull-board/api/bullMQAdapter";
import { FastifyAdapter } from "@bull-board/fastify";
import type { FastifyInstance } from "fastify";
import type { AppContext } from "../../app/app-context.js";
import { createMetricsRegistry } from "../metrics.js";

/** GET /metrics (Prometheus) and Bull Board at /admin/queues behind basic auth (ADMIN_PASSWORD). */
export async function registerAdminRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const registry = createMetricsRegistry(ctx);
  app.get("/metrics", async (_request, reply) =>
    reply
      .header("Content-Type", registry.contentType)
      .header("Cache-Control", "no-store")
      .send(await registry.metrics()),
  );

  const password = ctx.config.web.adminPassword;
  if (!password) return;
  const expected = Buffer.from(`admin:${password}`);
  const serverAdapter = new FastifyAdapter();
  serverAdapter.setBasePath("/admin/queues");
  createBullBoard({ queues: ctx.queues.all.map((q) => new BullMQAdapter(q)), serverAdapter });
  await app.register(async (scope) => {
    scope.addHook("onRequest", async (request, reply) => {
      const header = request.headers.authorization ?? "";
      const given = Buffer.from(
        header.startsWith("Basic ") ? Buffer.from(header.slice(6), "base64").toString() : "",
      );
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
        return reply
          .header("WWW-Authenticate", 'Basic realm="paperboy admin"')
          .status(401)
          .send("authentication required");
      }
    });
    scope.addHook("onSend", async (_request, reply, payload) => {
      // Bull Board's UI needs inline scripts and styles; relax CSP for it alone.
      reply.header(
        "Content-Security-Policy",
        "default-src 'self' 'unsafe-inline' data:; frame-ancestors 'none'",
      );
      return payload;
    });
    await scope.register(serverAdapter.registerPlugin(), { prefix: "/admin/queues" });
  });
}
