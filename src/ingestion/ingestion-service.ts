import type { PrismaClient } from "../db/database.js";
import type { Clock } from "../lib/clock.js";
import { AppError, toAppError } from "../lib/errors.js";
import type { Logger } from "../lib/logger.js";
import type { TopicClassifier } from "../topics/topic-classifier.js";
import type { PaperRepository, ScoredPaper } from "./paper-repository.js";
import type { PaperSourceReader, SourceBatch } from "./source-batch.js";

export interface IngestReport {
  source: string;
  fetched: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  /** Rejected items with their reasons, and source errors; capped. */
  errors: { item?: string; reason: string }[];
  notModified?: boolean;
  runId: string;
}

/** Keeps two runs of one source from overlapping, across processes. */
export interface RunLock {
  withLock<T>(name: string, fn: () => Promise<T>): Promise<T | undefined>;
}

export interface IngestProgress {
  fetched: number;
  stored: number;
  rejected: number;
}

const MAX_REPORTED_ERRORS = 200;

/**
 * Drives a source and stores what it yields: each batch is classified into
 * topics and written in one transaction; rejected items are counted with their
 * reasons; a run report is recorded. A source that fails mid-run keeps the
 * batches already stored, and the error is in the report.
 */
export class IngestionService {
  constructor(
    private readonly deps: {
      prisma: PrismaClient;
      papers: PaperRepository;
      classifier: TopicClassifier;
      clock: Clock;
      logger: Logger;
      lock?: RunLock;
    },
  ) {}

  async run<O>(
    reader: PaperSourceReader<O>,
    options: O,
    hooks: { onProgress?: (p: IngestProgress) => void; stateKey?: string } = {},
  ): Promise<IngestReport> {
    const run = async () => this.runUnlocked(reader, options, hooks);
    if (!this.deps.lock) return run();
    const report = await this.deps.lock.withLock(`ingest-${reader.source}`, run);
    if (!report) {
      throw new AppError("CONFLICT", `an ingest run of ${reader.source} is already in progress`);
    }
    return report;
  }

  private async runUnlocked<O>(
    reader: PaperSourceReader<O>,
    options: O,
    hooks: { onProgress?: (p: IngestProgress) => void; stateKey?: string },
  ): Promise<IngestReport> {
    const { prisma, logger } = this.deps;
    const started = await prisma.ingestRun.create({ data: { source: reader.source } });
    const report: IngestReport = {
      source: reader.source,
      fetched: 0,
      created: 0,
      updated: 0,
      unchanged: 0,
      rejected: 0,
      errors: [],
      runId: started.id,
    };
    let failure: AppError | undefined;
    try {
      for await (const batch of reader.fetch(options)) {
        await this.store(batch, reader.source, report);
        if (batch.validators && hooks.stateKey) await this.saveValidators(hooks.stateKey, batch);
        if (batch.notModified) report.notModified = true;
        hooks.onProgress?.({
          fetched: report.fetched,
          stored: report.created + report.updated + report.unchanged,
          rejected: report.rejected,
        });
      }
    } catch (error) {
      failure = toAppError(error, "SOURCE_UNAVAILABLE");
      report.errors.push({ reason: failure.message });
    }
    await prisma.ingestRun.update({
      where: { id: started.id },
      data: {
        status: failure ? "failed" : "finished",
        finishedAt: this.deps.clock.now(),
        fetched: report.fetched,
        created: report.created,
        updated: report.updated,
        unchanged: report.unchanged,
        rejected: report.rejected,
        errors: report.errors,
      },
    });
    const summary = { ...report, errors: report.errors.length };
    // A source that could not be read at all is an error for the caller to report;
    // a run that failed part way keeps what it stored and says so here.
    if (failure && report.fetched === 0) throw failure;
    if (failure) logger.error({ ...summary, err: failure.message }, "ingest run stopped part way");
    else logger.info(summary, "ingest run finished");
    return report;
  }

  private async store(batch: SourceBatch, source: string, report: IngestReport): Promise<void> {
    report.fetched += batch.fetched;
    const scored: ScoredPaper[] = [];
    for (const item of batch.items) {
      if (!item.ok) {
        report.rejected += 1;
        if (report.errors.length < MAX_REPORTED_ERRORS) {
          report.errors.push(item.item ? { item: item.item, reason: item.reason } : { reason: item.reason });
        }
        continue;
      }
      const topics = this.deps.classifier.classify(item.paper);
      scored.push({ key: item.key, paper: item.paper, topics });
    }
    const counts = await this.deps.papers.upsertBatch(scored, source, this.deps.clock.now());
    report.created += counts.created;
    report.updated += counts.updated;
    report.unchanged += counts.unchanged;
  }

  async loadValidators(
    stateKey: string,
  ): Promise<{ etag?: string; lastModified?: string; cursor?: unknown }> {
    const state = await this.deps.prisma.sourceState.findUnique({ where: { key: stateKey } });
    return {
      ...(state?.etag ? { etag: state.etag } : {}),
      ...(state?.lastModified ? { lastModified: state.lastModified } : {}),
      ...(state?.cursor ? { cursor: state.cursor } : {}),
    };
  }

  private async saveValidators(stateKey: string, batch: SourceBatch): Promise<void> {
    const data = {
      etag: batch.validators?.etag ?? null,
      lastModified: batch.validators?.lastModified ?? null,
    };
    await this.deps.prisma.sourceState.upsert({
      where: { key: stateKey },
      create: { key: stateKey, ...data },
      update: data,
    });
  }
}
