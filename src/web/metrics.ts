import { Gauge, Registry } from "prom-client";
import type { AppContext } from "../app/app-context.js";

/**
 * Prometheus metrics, read at scrape time from the shared state (PostgreSQL and
 * Redis), so one scrape of any web process sees the whole cluster, however many
 * worker processes there are.
 */
export function createMetricsRegistry(ctx: AppContext): Registry {
  const registry = new Registry();
  const prisma = ctx.db.prisma;

  new Gauge({
    name: "paperboy_deliveries",
    help: "Deliveries by status",
    labelNames: ["status"],
    registers: [registry],
    async collect() {
      this.reset();
      const groups = await prisma.delivery.groupBy({ by: ["status"], _count: true });
      for (const status of ["planned", "sending", "sent", "failed", "skipped"]) {
        this.set({ status }, groups.find((g) => g.status === status)?._count ?? 0);
      }
    },
  });
  new Gauge({
    name: "paperboy_delivery_retries",
    help: "Send attempts beyond the first, over all deliveries",
    registers: [registry],
    async collect() {
      const rows = await prisma.$queryRaw<{ retries: bigint | number | null }[]>`
        SELECT COALESCE(SUM(GREATEST(attempts - 1, 0)), 0) AS retries FROM deliveries`;
      this.set(Number(rows[0]?.retries ?? 0));
    },
  });
  new Gauge({
    name: "paperboy_smtp_replies",
    help: "Deliveries by the last SMTP reply code they got (failures and retried ones)",
    labelNames: ["code"],
    registers: [registry],
    async collect() {
      this.reset();
      const groups = await prisma.delivery.groupBy({
        by: ["smtpCode"],
        where: { smtpCode: { not: null } },
        _count: true,
      });
      for (const g of groups) this.set({ code: String(g.smtpCode) }, g._count);
    },
  });
  new Gauge({
    name: "paperboy_suppressions",
    help: "Suppressed addresses",
    registers: [registry],
    async collect() {
      this.set(await prisma.suppression.count());
    },
  });
  new Gauge({
    name: "paperboy_queue_jobs",
    help: "Jobs per queue and state",
    labelNames: ["queue", "state"],
    registers: [registry],
    async collect() {
      this.reset();
      for (const queue of ctx.queues.all) {
        const counts = await queue.getJobCounts("waiting", "active", "delayed", "failed", "prioritized");
        for (const [state, n] of Object.entries(counts)) this.set({ queue: queue.name, state }, n);
      }
    },
  });
  new Gauge({
    name: "paperboy_queue_oldest_waiting_seconds",
    help: "Age of the oldest waiting job per queue (0 when none wait)",
    labelNames: ["queue"],
    registers: [registry],
    async collect() {
      this.reset();
      const now = Date.now();
      for (const queue of ctx.queues.all) {
        const [job] = await queue.getJobs(["waiting"], 0, 0, true);
        this.set({ queue: queue.name }, job ? Math.max(0, (now - job.timestamp) / 1000) : 0);
      }
    },
  });
  new Gauge({
    name: "paperboy_sending_paused_seconds",
    help: "Seconds until sending resumes after an SMTP authentication/configuration failure (0 = sending)",
    registers: [registry],
    async collect() {
      const ttl = await ctx.queues.send.getRateLimitTtl();
      this.set(ttl > 0 ? ttl / 1000 : 0);
    },
  });
  new Gauge({
    name: "paperboy_ingested_papers",
    help: "Papers by ingest outcome over finished runs, per source",
    labelNames: ["source", "outcome"],
    registers: [registry],
    async collect() {
      this.reset();
      const sums = await prisma.ingestRun.groupBy({
        by: ["source"],
        _sum: { fetched: true, created: true, updated: true, unchanged: true, rejected: true },
      });
      for (const s of sums) {
        for (const [outcome, n] of Object.entries(s._sum)) this.set({ source: s.source, outcome }, n ?? 0);
      }
    },
  });
  new Gauge({
    name: "paperboy_ingest_source_up",
    help: "1 when the last run of a source finished, 0 when it failed",
    labelNames: ["source"],
    registers: [registry],
    async collect() {
      this.reset();
      for (const source of ["hf", "arxiv", "file"]) {
        const last = await prisma.ingestRun.findFirst({
          where: { source, finishedAt: { not: null } },
          orderBy: { startedAt: "desc" },
        });
        if (last) this.set({ source }, last.status === "finished" ? 1 : 0);
      }
    },
  });
  new Gauge({
    name: "paperboy_readers",
    help: "Readers by status",
    labelNames: ["status"],
    registers: [registry],
    async collect() {
      this.reset();
      const groups = await prisma.reader.groupBy({ by: ["status"], _count: true });
      for (const g of groups) this.set({ status: g.status }, g._count);
    },
  });
  return registry;
}
