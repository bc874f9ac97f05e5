import type { Worker } from "bullmq";
import { registerSchedules } from "../queue/schedules.js";
import { closeWorkers, startWorkers } from "../queue/workers.js";
import { createWebServer } from "../web/web-server.js";
import type { AppContext } from "./app-context.js";
import { runScheduledIngest } from "./ingest-runner.js";

/** The three roles a process can play; `paperboy start` plays all of them. */
export async function startWorkerRole(ctx: AppContext): Promise<Worker[]> {
  ctx.markSending();
  const workers = startWorkers(
    ctx.redis,
    ctx.queues,
    {
      delivery: ctx.delivery,
      lifecycleMail: ctx.lifecycleMail,
      planner: {
        planDue: () => ctx.planner.plan(ctx.clock.now()),
        sweep: () => ctx.sweeper.sweep(ctx.clock.now()),
      },
      ingestion: { runScheduled: (job) => runScheduledIngest(ctx, job) },
    },
    {
      concurrency: ctx.config.delivery.concurrency,
      ratePerSecond: ctx.config.delivery.ratePerSecond,
      lockMs: ctx.config.delivery.lockMs,
      configPauseMs: ctx.config.delivery.configPauseMs,
    },
    ctx.logger,
  );
  ctx.onClose(() => closeWorkers(workers));
  ctx.logger.info(
    { concurrency: ctx.config.delivery.concurrency, mailer: ctx.mailer.description },
    "workers started",
  );
  return workers;
}

/**
 * Registers the job schedulers (idempotent across processes) and re-registers
 * them every few minutes, so a Redis that lost its data gets them back.
 */
export async function startSchedulerRole(ctx: AppContext): Promise<void> {
  const ids = await registerSchedules(ctx.queues, ctx.config.schedules);
  ctx.logger.info({ schedules: ids }, "job schedulers registered");
  const timer = setInterval(() => {
    registerSchedules(ctx.queues, ctx.config.schedules).catch((error) =>
      ctx.logger.warn({ err: String(error) }, "could not refresh job schedulers"),
    );
  }, 5 * 60_000);
  ctx.onClose(async () => clearInterval(timer));
}

export async function startWebRole(ctx: AppContext): Promise<string> {
  const server = await createWebServer(ctx);
  const address = await server.listen({ port: ctx.config.web.port, host: ctx.config.web.host });
  ctx.onClose(() => server.close());
  ctx.logger.info({ address, publicUrl: ctx.config.web.publicUrl }, "web server listening");
  return address;
}

/** Closes everything on SIGINT/SIGTERM: workers finish their in-flight jobs first. */
export function closeOnSignals(ctx: AppContext): Promise<void> {
  return new Promise((resolve) => {
    let closing = false;
    const stop = (signal: string) => {
      if (closing) {
        ctx.logger.warn("second signal: exiting now");
        process.exit(1);
      }
      closing = true;
      ctx.logger.info({ signal }, "shutting down gracefully");
      ctx.close().then(resolve, resolve);
    };
    process.once("SIGINT", () => stop("SIGINT"));
    process.once("SIGTERM", () => stop("SIGTERM"));
  });
}
