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
/** The shortest wait between polls, reached as the last deliveries settle. */
const MIN_POLL_MS = 10;

/**
 * Polls until every one of these deliveries is settled (sent, failed or skipped).
 * Settled is final, and deliveries are sent roughly in the order they were
 * planned, so each poll asks only about a window of the oldest ones not yet seen
 * settled, and moves on at once when the whole window is: a poll costs the same
 * for ten deliveries or a million. Between polls it waits `pollMs`, or less near
 * the end (pollWait), so it returns soon after the last one settles.
 */
export async function waitForDeliveries(
  prisma: PrismaClient,
  deliveryIds: readonly string[],
  onProgress?: (settled: number, total: number) => void,
  pollMs = 250,
): Promise<DeliverySummary> {
  const pending = new Set(deliveryIds);
  const summary: DeliverySummary = { total: pending.size, sent: 0, failed: 0, skipped: 0 };
  const started = Date.now();
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
    if (settled.length < window.length) {
      const wait = pollWait({
        pending: pending.size,
        settled: summary.total - pending.size,
        justSettled: settled.length,
        elapsedMs: Date.now() - started,
        pollMs,
      });
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }
}

/**
 * How long to wait before the next poll. While deliveries keep settling: half the
 * time the rest would take at the pace so far, so polls are few early on and
 * prompt at the end. A tail waiting on retries (nothing settled since the last
 * poll) gets the whole interval.
 */
export function pollWait(state: {
  pending: number;
  settled: number;
  justSettled: number;
  elapsedMs: number;
  pollMs: number;
}): number {
  const { pending, settled, justSettled, elapsedMs, pollMs } = state;
  if (justSettled === 0 || settled === 0) return pollMs;
  const rest = (pending * elapsedMs) / settled / 2;
  return Math.max(Math.min(rest, pollMs), Math.min(MIN_POLL_MS, pollMs));
}
