import type { Queue } from "bullmq";
import type { PrismaClient } from "../db/database.js";
import type { Logger } from "../lib/logger.js";
import { jobIds, type SendJob } from "../queue/job-payloads.js";

export interface SweepResult {
  requeued: number;
}

/** Job states in which a job will still run (or is running): the delivery is not lost. */
const LIVE_STATES = new Set(["waiting", "active", "delayed", "prioritized", "waiting-children"]);

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
    const orphaned: string[] = [];
    for (const { id } of stale) {
      const job = await this.queue.getJob(jobIds.send(id));
      const state = job ? await job.getState() : "missing";
      if (!LIVE_STATES.has(state)) orphaned.push(id);
    }
    if (orphaned.length === 0) return { requeued: 0 };
    // A job that finished between the query above and the look at its state has
    // settled its delivery: only deliveries still open now are enqueued again.
    const open = await this.prisma.delivery.findMany({
      where: { id: { in: orphaned }, status: { in: ["planned", "sending"] } },
      select: { id: true },
    });
    for (const { id } of open) {
      const jobId = jobIds.send(id);
      await (await this.queue.getJob(jobId))?.remove().catch(() => {});
      await this.queue.add("send", { deliveryId: id }, { jobId });
    }
    if (open.length > 0) this.logger.warn({ requeued: open.length }, "sweeper re-enqueued stale deliveries");
    return { requeued: open.length };
  }
}
