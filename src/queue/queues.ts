import { type JobsOptions, Queue } from "bullmq";
import type { Redis } from "ioredis";
import {
  type IngestJob,
  jobIds,
  type MailJob,
  type PlanJob,
  QUEUE_NAMES,
  type SendJob,
} from "./job-payloads.js";

export interface QueueSettings {
  prefix: string;
  /** Attempts per delivery and the first backoff delay; exponential with jitter after that. */
  sendAttempts: number;
  sendBackoffMs: number;
  /**
   * Connection errors of the queues (Redis restarting, unreachable). ioredis
   * reconnects by itself and commands wait for it; default: ignored. Without a
   * listener BullMQ prints every one of them to stderr.
   */
  onError?: (queue: string, error: Error) => void;
}

const KEEP_COMPLETED = { age: 24 * 3600, count: 50_000 };
const KEEP_FAILED = { age: 7 * 24 * 3600, count: 50_000 };

/**
 * Owns the BullMQ queues and their default job options. Producers go through
 * here; job ids are deterministic so enqueueing twice is a no-op.
 */
export class Queues {
  readonly send: Queue<SendJob>;
  readonly mail: Queue<MailJob>;
  readonly plan: Queue<PlanJob>;
  readonly ingest: Queue<IngestJob>;

  constructor(
    readonly connection: Redis,
    readonly settings: QueueSettings,
  ) {
    const base = { connection, prefix: settings.prefix };
    const retrying: JobsOptions = {
      attempts: settings.sendAttempts,
      backoff: { type: "exponential", delay: settings.sendBackoffMs, jitter: 0.5 },
      removeOnComplete: KEEP_COMPLETED,
      removeOnFail: KEEP_FAILED,
    };
    this.send = new Queue<SendJob>(QUEUE_NAMES.send, { ...base, defaultJobOptions: retrying });
    this.mail = new Queue<MailJob>(QUEUE_NAMES.mail, {
      ...base,
      defaultJobOptions: {
        ...retrying,
        attempts: 8,
        backoff: { type: "exponential", delay: 5_000, jitter: 0.5 },
      },
    });
    this.plan = new Queue<PlanJob>(QUEUE_NAMES.plan, {
      ...base,
      defaultJobOptions: { attempts: 3, removeOnComplete: 100, removeOnFail: 100 },
    });
    this.ingest = new Queue<IngestJob>(QUEUE_NAMES.ingest, {
      ...base,
      defaultJobOptions: {
        attempts: 3,
        backoff: { type: "exponential", delay: 60_000 },
        removeOnComplete: 200,
        removeOnFail: 200,
      },
    });
    this.listenForErrors();
  }

  private listenForErrors(): void {
    for (const queue of this.all) queue.on("error", (error) => this.settings.onError?.(queue.name, error));
  }

  get all(): Queue[] {
    return [this.send, this.mail, this.plan, this.ingest] as Queue[];
  }

  /** One send job per delivery, in batches; the job id makes a second enqueue a no-op. */
  async enqueueDeliveries(deliveryIds: readonly string[], batchSize = 500): Promise<void> {
    for (let i = 0; i < deliveryIds.length; i += batchSize) {
      const batch = deliveryIds.slice(i, i + batchSize);
      await this.send.addBulk(
        batch.map((deliveryId) => ({
          name: "send",
          data: { deliveryId },
          opts: { jobId: jobIds.send(deliveryId) },
        })),
      );
    }
  }

  /** Transactional mail; at most one job per reader, kind and bucket (e.g. the hour). */
  async enqueueMail(job: MailJob, bucket: string): Promise<void> {
    await this.mail.add("mail", job, { jobId: jobIds.mail(job.kind, job.readerId, bucket) });
  }

  async close(): Promise<void> {
    await Promise.all(this.all.map((q) => q.close()));
  }
}
