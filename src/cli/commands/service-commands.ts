import type { Command } from "commander";
import { MIGRATIONS_DIR } from "../../app/app-context.js";
import {
  closeOnSignals,
  startSchedulerRole,
  startWebRole,
  startWorkerRole,
} from "../../app/process-roles.js";
import type { Config } from "../../config/config.js";
import { openDatabase } from "../../db/database.js";
import { migrate } from "../../db/migrator.js";
import type { WithContext } from "../main.js";
import { printLine } from "../terminal.js";

/** migrate, start, serve, worker, scheduler: the long-running roles, together or apart. */
export function registerServiceCommands(
  program: Command,
  withContext: WithContext,
  getConfig: () => Config,
): void {
  program
    .command("migrate")
    .description("apply database migrations (safe to run twice, and from two processes at once)")
    .action(async () => {
      const config = getConfig();
      const db = await openDatabase({ url: config.database.url, embeddedDir: config.database.embeddedDir });
      try {
        const report = await migrate(db, MIGRATIONS_DIR);
        printLine(
          report.applied.length
            ? `applied ${report.applied.length} migration(s): ${report.applied.join(", ")}`
            : `database is up to date (${report.alreadyApplied} migration(s))`,
        );
      } finally {
        await db.close();
      }
    });

  program
    .command("health")
    .description("exit 0 when Redis and the database answer (for container health checks)")
    .action(async () => {
      await withContext(
        async (ctx) => {
          await Promise.all([ctx.db.ping(), ctx.redis.ping()]);
          printLine("ok");
        },
        { migrate: false },
      );
    });

  const run = (roles: ("web" | "worker" | "scheduler")[]) => async () => {
    await withContext(
      async (ctx) => {
        if (roles.includes("scheduler")) await startSchedulerRole(ctx);
        if (roles.includes("worker")) await startWorkerRole(ctx);
        if (roles.includes("web")) await startWebRole(ctx);
        await closeOnSignals(ctx);
      },
      { longRunning: true },
    );
  };
  program
    .command("start")
    .description("run the web server, workers and scheduler in one process")
    .action(run(["scheduler", "worker", "web"]));
  program
    .command("serve")
    .description("run the web server only")
    .action(run(["web"]));
  program
    .command("worker")
    .description("run queue workers only (start more of these to scale out)")
    .action(run(["worker"]));
  program
    .command("scheduler")
    .description("register the recurring jobs (ingest, plan, sweep) and keep them registered")
    .action(run(["scheduler"]));
}
