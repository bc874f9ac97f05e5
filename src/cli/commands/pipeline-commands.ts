import { writeFileSync } from "node:fs";
import type { Command } from "commander";
import type { AppContext } from "../../app/app-context.js";
import { waitForDeliveries } from "../../app/delivery-progress.js";
import { runIngest } from "../../app/ingest-runner.js";
import { startWorkerRole } from "../../app/process-roles.js";
import { isoDate, localDate } from "../../lib/clock.js";
import { AppError } from "../../lib/errors.js";
import { parseEmail } from "../../subscriptions/reader-preferences.js";
import { topicBySlug } from "../../topics/taxonomy.js";
import type { WithContext } from "../main.js";
import { createProgress, printJson, printLine } from "../terminal.js";

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function checkDate(value: string | undefined): string | undefined {
  if (value !== undefined && (!DATE.test(value) || Number.isNaN(Date.parse(value)))) {
    throw new AppError("VALIDATION_FAILED", `--date must be YYYY-MM-DD, not "${value}"`);
  }
  return value;
}

/** ingest, send, preview: one pass of each pipeline stage, now. */
export function registerPipelineCommands(program: Command, withContext: WithContext): void {
  program
    .command("ingest")
    .description("run one ingest now and print its report")
    .option("--source <source>", "hf | arxiv | file", "hf")
    .option("--date <YYYY-MM-DD>", "Daily Papers day (hf)")
    .option("--file <path>", "file to read (JSON, JSONL or listing text) with --source file")
    .option("--json", "print the report as one JSON object")
    .action(async (opts: { source: string; date?: string; file?: string; json?: boolean }) => {
      if (!["hf", "arxiv", "file"].includes(opts.source)) {
        throw new AppError("VALIDATION_FAILED", `--source must be hf, arxiv or file, not "${opts.source}"`);
      }
      const date = checkDate(opts.date);
      await withContext(
        async (ctx) => {
          const progress = createProgress(`ingest ${opts.source}`, 0);
          const report = await runIngest(ctx, {
            source: opts.source as "hf" | "arxiv" | "file",
            ...(date ? { date } : {}),
            ...(opts.file ? { file: opts.file } : {}),
            onProgress: (p) => progress.update(p.fetched, 0, `${p.rejected} rejected`),
          });
          progress.stop();
          const { runId: _runId, notModified: _nm, ...summary } = report;
          if (opts.json) process.stdout.write(`${JSON.stringify(summary)}\n`);
          else {
            printLine(
              `${report.source}: fetched ${report.fetched}, new ${report.created}, updated ${report.updated}, unchanged ${report.unchanged}, rejected ${report.rejected}${report.notModified ? " (not modified since last run)" : ""}`,
            );
            for (const e of report.errors.slice(0, 20))
              printLine(`  rejected${e.item ? ` ${e.item}` : ""}: ${e.reason}`);
            if (report.errors.length > 20) printLine(`  ... and ${report.errors.length - 20} more`);
          }
        },
        { redis: opts.source !== "file" },
      );
    });

  program
    .command("send")
    .description("plan an edition now and enqueue its deliveries")
    .option("--date <YYYY-MM-DD>", "edition date (default: each reader's local date)")
    .option("--force", "ignore send hours and weekdays: every active reader is due")
    .option("--retry-failed", "send failed deliveries (of --date, or all) again")
    .option("--wait", "also process the deliveries here and return when all are settled, with a summary")
    .option("--json", "print the result as JSON")
    .action(
      async (opts: {
        date?: string;
        force?: boolean;
        retryFailed?: boolean;
        wait?: boolean;
        json?: boolean;
      }) => {
        const date = checkDate(opts.date);
        await withContext(async (ctx) => {
          const now = ctx.clock.now();
          // With --wait this process sends too: workers first, so sending starts while planning.
          if (opts.wait) await startWorkerRole(ctx);
          const plan = opts.retryFailed
            ? await retryFailed(ctx, date)
            : await ctx.planner.plan(now, {
                ...(opts.force ? { force: true } : {}),
                ...(date ? { date } : {}),
              });
          if (!opts.wait) {
            if (opts.json) printJson(plan);
            else
              printLine(
                `planned ${plan.created} new deliveries; ${plan.enqueued} enqueued for ${plan.editions.join(", ") || "no edition"}`,
              );
            return;
          }
          const progress = createProgress("sending", plan.deliveryIds.length);
          const summary = await waitForDeliveries(ctx.db.prisma, plan.deliveryIds, (done, total) =>
            progress.update(done, total),
          );
          progress.stop();
          if (opts.json) printJson({ ...plan, deliveryIds: undefined, summary });
          else {
            printLine(
              `planned ${plan.created} new deliveries for ${plan.editions.join(", ") || "no edition"}`,
            );
            printLine(`sent ${summary.sent}, failed ${summary.failed}, skipped ${summary.skipped}`);
          }
        });
      },
    );

  program
    .command("preview <email>")
    .description("show what a reader's digest would hold (sections, scores, reasons)")
    .option("--date <YYYY-MM-DD>", "edition date (default: the reader's local today)")
    .option("--html <file>", "also write the rendered HTML to a file")
    .option("--json", "print the edition as JSON")
    .action(async (email: string, opts: { date?: string; html?: string; json?: boolean }) => {
      const date = checkDate(opts.date);
      await withContext(
        async (ctx) => {
          const reader = await ctx.subscriptions.findByEmail(parseEmail(email));
          if (!reader) throw new AppError("NOT_FOUND", `no reader with the address ${email}`);
          const now = date ? new Date(`${date}T23:59:59Z`) : ctx.clock.now();
          const editionDate = date ?? localDate(now, reader.timeZone);
          const { ranked, prepared } = await ctx.composer.rank(reader, editionDate, now, { preview: true });
          if (opts.html) {
            const view = ctx.composer.toView(reader, editionDate, ranked, prepared.details, ctx.links.home());
            writeFileSync(opts.html, ctx.renderer.renderDigest(view).html);
          }
          const describe = (r: (typeof ranked.alsoTrending)[number]) => ({
            id: r.paper.id,
            title: r.paper.title,
            score: round(r.score),
            relevance: round(r.relevance),
            trend: round(r.trend),
            reason: r.reason,
          });
          const edition = {
            reader: reader.email,
            date: editionDate,
            empty: ranked.isEmpty,
            sections: ranked.sections.map((s) => ({
              topic: s.topic,
              name: s.topic === "keywords" ? "Your keywords" : (topicBySlug(s.topic)?.name ?? s.topic),
              papers: s.papers.map(describe),
            })),
            alsoTrending: ranked.alsoTrending.map(describe),
          };
          if (opts.json) return printJson(edition);
          printLine(`${edition.reader} · ${edition.date}${edition.empty ? " · nothing worth sending" : ""}`);
          for (const section of [
            ...edition.sections,
            { name: "Also trending", papers: edition.alsoTrending },
          ]) {
            if (section.papers.length === 0) continue;
            printLine(`\n${section.name}`);
            for (const p of section.papers)
              printLine(`  ${p.score.toFixed(3)}  ${p.title}\n         ${p.reason}`);
          }
        },
        { redis: false },
      );
    });
}

async function retryFailed(ctx: AppContext, date: string | undefined) {
  const failed = await ctx.db.prisma.delivery.findMany({
    where: { status: "failed", ...(date ? { edition: { date: new Date(`${date}T00:00:00Z`) } } : {}) },
    select: { id: true, reader: { select: { status: true } }, edition: { select: { date: true } } },
  });
  const retryable = failed.filter((d) => d.reader.status === "active").map((d) => d.id);
  await ctx.db.prisma.delivery.updateMany({
    where: { id: { in: retryable } },
    data: { status: "planned", attempts: 0, failedAt: null },
  });
  for (const id of retryable) {
    const job = await ctx.queues.send.getJob(`delivery-${id}`);
    await job?.remove().catch(() => {});
  }
  await ctx.queues.enqueueDeliveries(retryable);
  const editions = [...new Set(failed.map((d) => isoDate(d.edition.date)))].sort();
  return { created: 0, enqueued: retryable.length, editions, deliveryIds: retryable };
}

const round = (n: number) => Math.round(n * 1000) / 1000;
