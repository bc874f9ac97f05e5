import type { HttpValidators } from "../ingestion/http-fetcher.js";
import { HttpFetcher } from "../ingestion/http-fetcher.js";
import type { IngestProgress, IngestReport } from "../ingestion/ingestion-service.js";
import { ArxivSource } from "../ingestion/sources/arxiv-source.js";
import { FileSource } from "../ingestion/sources/file-source.js";
import { HfDailyPapersSource } from "../ingestion/sources/hf-daily-papers-source.js";
import { isoDate } from "../lib/clock.js";
import { AppError } from "../lib/errors.js";
import type { IngestJob } from "../queue/job-payloads.js";
import type { AppContext } from "./app-context.js";

export interface IngestRequest {
  source: "hf" | "arxiv" | "file";
  /** Daily Papers day (hf), YYYY-MM-DD; default today (UTC). */
  date?: string;
  /** For the file source. */
  file?: string;
  onProgress?: (progress: IngestProgress) => void;
}

/** Builds the source a request names, with its state from earlier runs, and runs one ingest. */
export async function runIngest(ctx: AppContext, request: IngestRequest): Promise<IngestReport> {
  const now = ctx.clock.now();
  const { ingestion, config } = ctx;
  const hooks = { onProgress: request.onProgress };
  switch (request.source) {
    case "file": {
      if (!request.file)
        throw new AppError("VALIDATION_FAILED", "--file PATH is required with --source file");
      return ingestion.run(
        new FileSource(),
        { path: request.file, now, hfBaseUrl: config.sources.hfBaseUrl },
        hooks,
      );
    }
    case "hf": {
      const date = request.date ?? isoDate(now);
      const stateKey = `hf:${date}`;
      const validators = (await ingestion.loadValidators(stateKey)) as HttpValidators;
      const source = new HfDailyPapersSource({
        fetcher: new HttpFetcher({ logger: ctx.logger }),
        baseUrl: config.sources.hfBaseUrl,
      });
      return ingestion.run(source, { date, now, validators }, { ...hooks, stateKey });
    }
    case "arxiv": {
      const last = await ctx.db.prisma.ingestRun.findFirst({
        where: { source: "arxiv", status: "finished" },
        orderBy: { startedAt: "desc" },
      });
      // A day of overlap: arXiv's submitted dates run behind its announcements.
      const since = last ? new Date(last.startedAt.getTime() - 86_400_000) : undefined;
      const source = new ArxivSource({
        fetcher: new HttpFetcher({ logger: ctx.logger, minIntervalMs: 3_000 }),
        baseUrl: config.sources.arxivBaseUrl,
      });
      return ingestion.run(
        source,
        { categories: config.sources.arxivCategories, now, ...(since ? { since } : {}) },
        { ...hooks, stateKey: "arxiv" },
      );
    }
  }
}

/**
 * What the scheduler's jobs run. Daily Papers: today and the two days before,
 * because upvotes keep growing for days and their velocity is the trend signal.
 */
export async function runScheduledIngest(ctx: AppContext, job: IngestJob): Promise<IngestReport[]> {
  if (job.source === "arxiv") return [await runIngest(ctx, { source: "arxiv" })];
  const today = ctx.clock.now();
  const dates = job.date
    ? [job.date]
    : [0, 1, 2].map((daysAgo) => isoDate(new Date(today.getTime() - daysAgo * 86_400_000)));
  const reports: IngestReport[] = [];
  for (const date of dates) reports.push(await runIngest(ctx, { source: "hf", date }));
  return reports;
}
