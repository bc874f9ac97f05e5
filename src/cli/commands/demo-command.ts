import { existsSync } from "node:fs";
import { join } from "node:path";
import type { Command } from "commander";
import { waitForDeliveries } from "../../app/delivery-progress.js";
import { startWorkerRole } from "../../app/process-roles.js";
import { RecentSampleSource, SAMPLE_FILE } from "../../app/sample-papers.js";
import type { Config } from "../../config/config.js";
import { isoDate } from "../../lib/clock.js";
import type { TopicSlug } from "../../topics/taxonomy.js";
import type { WithContext } from "../main.js";
import { createProgress, printLine } from "../terminal.js";

export const DEMO_READERS: { email: string; topics: TopicSlug[]; keywords: string[] }[] = [
  { email: "ada@example.com", topics: ["llm", "reasoning", "efficiency"], keywords: ["chain-of-thought"] },
  {
    email: "grace@example.com",
    topics: ["image-generation", "video", "3d", "vision"],
    keywords: ["diffusion"],
  },
  { email: "alan@example.com", topics: ["agents", "code", "rl"], keywords: ["benchmark"] },
];

export function registerDemoCommand(
  program: Command,
  withContext: WithContext,
  getConfig: () => Config,
): void {
  program
    .command("demo")
    .description(
      "run the whole pipeline once on the sample listings: ingest, three readers, today's edition, send",
    )
    .action(async () => {
      await withContext(async (ctx) => {
        const now = ctx.clock.now();
        const report = await ctx.ingestion.run(new RecentSampleSource(), { path: SAMPLE_FILE, now });
        printLine(
          `ingested the sample: ${report.created} new, ${report.updated} updated, ${report.rejected} rejected`,
        );

        const prisma = ctx.db.prisma;
        await prisma.reader.deleteMany({ where: { email: { in: DEMO_READERS.map((r) => r.email) } } });
        await prisma.suppression.deleteMany({ where: { email: { in: DEMO_READERS.map((r) => r.email) } } });
        for (const reader of DEMO_READERS) {
          await ctx.subscriptions.subscribe({ ...reader, timeZone: "UTC" }, { confirmed: true });
        }
        printLine(
          `demo readers: ${DEMO_READERS.map((r) => `${r.email} (${r.topics.join(", ")})`).join("; ")}`,
        );

        const plan = await ctx.planner.plan(now, { force: true, date: isoDate(now) });
        const demoIds = (
          await prisma.delivery.findMany({
            where: {
              id: { in: plan.deliveryIds },
              reader: { email: { in: DEMO_READERS.map((r) => r.email) } },
            },
            select: { id: true },
          })
        ).map((d) => d.id);
        await startWorkerRole(ctx);
        const progress = createProgress("sending", demoIds.length);
        const summary = await waitForDeliveries(prisma, demoIds, (done, total) =>
          progress.update(done, total),
        );
        progress.stop();
        printLine(
          `edition ${isoDate(now)}: sent ${summary.sent}, failed ${summary.failed}, skipped ${summary.skipped}`,
        );

        const sent = await prisma.delivery.findMany({
          where: { id: { in: demoIds } },
          include: { reader: { select: { email: true } } },
          orderBy: { reader: { email: "asc" } },
        });
        const config = getConfig();
        for (const d of sent) {
          const where = config.smtp.url
            ? `via ${ctx.mailer.description}`
            : join(config.smtp.outboxDir, `${d.messageId.replace(/[^A-Za-z0-9._-]/g, "_")}.eml`);
          const exists = config.smtp.url || existsSync(where);
          printLine(
            `  ${d.reader.email}: ${d.status}${d.subject ? ` "${d.subject}"` : ""} ${exists ? `→ ${where}` : ""}`.trimEnd(),
          );
        }
        if (summary.sent < DEMO_READERS.length) process.exitCode = 1;
      });
    });
}
