import type { FastifyInstance } from "fastify";
import type { AppContext } from "../../app/app-context.js";

/** GET /healthz: 200 when Redis and the database answer, 503 otherwise (for orchestrators). */
export function registerHealthRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get("/healthz", async (_request, reply) => {
    const check = async (fn: () => Promise<unknown>) => {
      try {
        await Promise.race([
          fn(),
          new Promise((_, reject) => setTimeout(() => reject(new Error("timeout")), 2_000)),
        ]);
        return "ok";
      } catch {
        return "unreachable";
      }
    };
    const [database, redis] = await Promise.all([check(() => ctx.db.ping()), check(() => ctx.redis.ping())]);
    const ok = database === "ok" && redis === "ok";
    return reply
      .status(ok ? 200 : 503)
      .header("Cache-Control", "no-store")
      .send({ status: ok ? "ok" : "degraded", database, redis });
  });
}
