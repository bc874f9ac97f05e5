import type { PrismaClient } from "../db/database.js";

export interface DeliverySummary {
  total: number;
  sent: number;
  failed: number;
  skipped: number;
}

const SETTLED = ["sent", "failed", "skipped"] as const;
const CHUNK = 5_000;

/**
 * Polls until every one of these deliveries is settled (sent, failed or skipped).
 * Settled is final, so each poll asks only about the deliveries not yet seen
 * settled: polling stays cheap however many deliveries there are.
 */
export async function waitForDeliveries(
  prisma: PrismaClient,
  deliveryIds: readonly string[],
  onProgress?: (settled: number, total: number) => void,
  pollMs = 250,
): Promise<DeliverySummary> {
  const pending = new Set(deliveryIds);
  const summary: DeliverySummary = { total: pending.size, sent: 0, failed: 0, skipped: 0 };
  for (;;) {
    const ids = [...pending];
    for (let i = 0; i < ids.length; i += CHUNK) {
      // One array parameter: Prisma's `in` costs CPU per id, which adds up at every poll.
      const settled = await prisma.$queryRaw<{ id: string; status: string }[]>`
        SELECT id, status::text AS status FROM deliveries
         WHERE id = ANY(${ids.slice(i, i + CHUNK)}::text[]) AND status IN ('sent', 'failed', 'skipped')`;
      for (const { id, status } of settled) {
        pending.delete(id);
        summary[status as (typeof SETTLED)[number]] += 1;
      }
    }
    onProgress?.(summary.total - pending.size, summary.total);
    if (pending.size === 0) return summary;
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}
