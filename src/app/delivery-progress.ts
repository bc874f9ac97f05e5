import type { PrismaClient } from "../db/database.js";

export interface DeliverySummary {
  total: number;
  sent: number;
  failed: number;
  skipped: number;
}

/** Polls until every one of these deliveries is settled (sent, failed or skipped). */
export async function waitForDeliveries(
  prisma: PrismaClient,
  deliveryIds: readonly string[],
  onProgress?: (settled: number, total: number) => void,
  pollMs = 250,
): Promise<DeliverySummary> {
  const ids = [...deliveryIds];
  for (;;) {
    const groups = await prisma.delivery.groupBy({
      by: ["status"],
      where: { id: { in: ids } },
      _count: true,
    });
    const count = (status: string) => groups.find((g) => g.status === status)?._count ?? 0;
    const summary = {
      total: ids.length,
      sent: count("sent"),
      failed: count("failed"),
      skipped: count("skipped"),
    };
    const settled = summary.sent + summary.failed + summary.skipped;
    onProgress?.(settled, ids.length);
    if (settled >= ids.length) return summary;
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}
