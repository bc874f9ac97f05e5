import { type Job, Worker } from "bullmq";
import type { Redis } from "ioredis";
import { isAppError } from "../lib/errors.js";
import type { Logger } from "../lib/logger.js";
import { IngestJob, MailJob, PlanJob, parsePayload, QUEUE_NAMES, SendJob } from "./job-payloads.js";
import type { Queues } from "./queues.js";

/** The services workers call; each worker parses its payload and calls one method. */
export interface WorkerServices {
  delivery: {
    send(deliveryId: string, options: { finalAttempt: boolean; signal?: AbortSignal }): Promise<unknown>;
  };
  lifecycleMail: { send(kind: MailJob["kind"], readerId: string): Promise<unknown> };
  planner: { planDue(): Promise<unknown>; sweep(): Promise<unknown> };
  ingestion: { runScheduled(job: IngestJob): Promise<unknown> };
}

export interface WorkerSettings {
  concurrency: number;
  /** Messages per second across all workers (BullMQ limiter); 0 = unlimited. */
  ratePerSecond: number;
  /** How long sending pauses after an SMTP configuration failure. */
  configPauseMs?: number;
  /** Job lock duration; a killed worker's jobs are taken over after it (stalled-job recovery). */
  lockMs?: number;
}

const isFinalAttempt = (job: Job) => job.attemptsMade + 1 >= (job.opts.attempts ?? 1);

/**
 * Starts the thin workers. Each one parses its payload (ids only) and calls a
 * service. Close them with `closeWorkers`, which waits for in-flight jobs.
 */
export function startWorkers(
  connection: Redis,
  queues: Queues,
  services: WorkerServices,
  settings: WorkerSettings,
  logger: Logger,
): Worker[] {
  const lockDuration = settings.lockMs ?? 30_000;
  const base = { connection, prefix: queues.settings.prefix, lockDuration, stalledInterval: lockDuration };
  const pauseMs = settings.configPauseMs ?? 60_000;

  const send = new Worker(
    QUEUE_NAMES.send,
    // Three parameters: BullMQ hands over an AbortSignal, aborted below when the job's lock is lost.
    async (job, _token, signal) => {
      const { deliveryId } = parsePayload(SendJob, job.data, "send");
      try {
        return await services.delivery.send(deliveryId, { finalAttempt: isFinalAttempt(job), signal });
      } catch (error) {
        if (!isAppError(error, "SMTP_CONFIG")) throw error;
        logger.error(
          { deliveryId, pauseMs, reason: error.message },
          "SMTP configuration failure: sending paused",
        );
        await queues.send.rateLimit(pauseMs);
        throw Worker.RateLimitError();
      }
    },
    {
      ...base,
      concurrency: settings.concurrency,
      ...(settings.ratePerSecond > 0 ? { limiter: { max: settings.ratePerSecond, duration: 1000 } } : {}),
    },
  );
  // A job whose lock could not be renewed (Redis was away longer than the lock) may
  // already run on another worker: abort it, so it does not send the message too.
  send.on("lockRenewalFailed", (jobIds) => {
    for (const jobId of jobIds) send.cancelJob(jobId, "lock lost");
    logger.warn({ jobIds }, "lost the lock on send jobs; they will not send");
  });
  const mail = new Worker(
    QUEUE_NAMES.mail,
    async (job) => {
      const { kind, readerId } = parsePayload(MailJob, job.data, "mail");
      return services.lifecycleMail.send(kind, readerId);
    },
    { ...base, concurrency: Math.min(settings.concurrency, 4) },
  );
  const plan = new Worker(
    QUEUE_NAMES.plan,
    async (job) => {
      const { task } = parsePayload(PlanJob, job.data, "plan");
      return task === "sweep" ? services.planner.sweep() : services.planner.planDue();
    },
    { ...base, concurrency: 1 },
  );
  const ingest = new Worker(
    QUEUE_NAMES.ingest,
    async (job) => services.ingestion.runScheduled(parsePayload(IngestJob, job.data, "ingest")),
    { ...base, concurrency: 1, lockDuration: Math.max(lockDuration, 120_000) },
  );

  const workers = [send, mail, plan, ingest];
  for (const worker of workers) {
    worker.on("failed", (job, error) => {
      logger.warn(
        {
          queue: worker.name,
          jobId: job?.id,
          attempts: job?.attemptsMade,
          code: (error as { code?: string }).code,
          err: error.message,
        },
        "job failed",
      );
    });
    worker.on("error", (error) => logger.error({ queue: worker.name, err: error.message }, "worker error"));
  }
  return workers;
}

/** Graceful: stops taking jobs and waits for in-flight ones to finish. */
export async function closeWorkers(workers: Worker[]): Promise<void> {
  await Promise.all(workers.map((w) => w.close()));
}
