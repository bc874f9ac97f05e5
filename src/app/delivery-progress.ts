import type { PrismaClient } from "../db/database.js";

export interface DeliverySummary {
  total: number;
  sent: number;
  failed: number;
  skipped: number;
}

const SETTLED = ["sent", "failed", "skipped"] as const;
/** Deliveries asked about per poll. */
const WINDOW = 256;

/**
 * Polls until every one of these deliveries is settled (sent, failed or skipped).
 * Settled is final, and deliveries are sent roughly in the order they were
 * planned, so each poll asks only about a window of the oldest ones not yet seen
 * settled, and moves on at once when the whole window is: a poll costs the same
 * for ten deliveries or a million.
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
    const window: string[] = [];
    for (const id of pending) {
      window.push(id);
      if (window.length === WINDOW) break;
    }
    const settled =
      window.length === 0
        ? []
        : await prisma.$queryRaw<{ id: string; status: string }[]>`
            SELECT id, status::text AS status FROM deliveries
             WHERE id = ANY(${window}::text[]) AND status IN ('sent', 'failed', 'skipped')`;
    for (const { id, status } of settled) {
      pending.delete(id);
      summary[status as (typeof SETTLED)[number]] += 1;
    }
    onProgress?.(summary.total - pending.size, summary.total);
    if (pending.size === 0) return summary;
    if (settled.length < window.length) await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}
