import type { Queue } from "bullmq";
import type { PrismaClient } from "../db/database.js";
import type { Logger } from "../lib/logger.js";
import { jobIds, type SendJob } from "../queue/job-payloads.js";

export interface SweepResult {
  requeued: number;
}

/**
 * Nothing stays "sending" or "planned" forever. A delivery is stale when a worker
 * died holding it (its lease in sending_at is old) or its job vanished (Redis
 * lost data, a job was removed). The sweeper looks at the job of each stale
 * delivery and, when no job is waiting, active or delayed for it, enqueues it
 * again; the delivery service then settles it exactly once.
 */
export class DeliverySweeper {
  private readonly prisma: PrismaClient;
  private readonly queue: Queue<SendJob>;
  private readonly logger: Logger;
  private readonly staleAfterMs: number;

  constructor(deps: { prisma: PrismaClient; queue: Queue<SendJob>; logger: Logger; staleAfterMs?: number }) {
    this.prisma = deps.prisma;
    this.queue = deps.queue;
    this.logger = deps.logger;
    this.staleAfterMs = deps.staleAfterMs ?? 10 * 60_000;
  }

  async sweep(now: Date, limit = 5_000): Promise<SweepResult> {
    const cutoff = new Date(now.getTime() - this.staleAfterMs);
    const stale = await this.prisma.delivery.findMany({
      where: {
        OR: [
          { status: "sending", sendingAt: { lt: cutoff } },
          { status: "planned", updatedAt: { lt: cutoff } },
        ],
      },
      select: { id: true },
      orderBy: { plannedAt: "asc" },
      take: limit,
    });
    let requeued = 0;
    for (const { id } of stale) {
      const jobId = jobIds.send(id);
      const job = await this.queue.getJob(jobId);
      const state = job ? await job.getState() : "missing";
      if (
        state === "waiting" ||
        state === "active" ||
        state === "delayed" ||
        state === "prioritized" ||
        state === "waiting-children"
      ) {
        continue;
      }
      if (job) await job.remove().catch(() => {});
      await this.queue.add("send", { deliveryId: id }, { jobId });
      requeued += 1;
    }
    if (requeued > 0) this.logger.warn({ requeued }, "sweeper re-enqueued stale deliveries");
    return { requeued };
  }
}
