import type { PrismaClient } from "../db/database.js";
import type { Reader } from "../generated/prisma/client.js";
import type { Clock } from "../lib/clock.js";
import { MicroBatcher } from "../lib/micro-batcher.js";

export type ClaimResult =
  | {
      kind: "claimed";
      delivery: ClaimedDelivery;
      reader: Reader;
      /** The edition's date, YYYY-MM-DD. */
      editionDate: string;
      /** Why this delivery must not go out (reader not active, address suppressed), or null. */
      blocked: string | null;
    }
  | { kind: "settled" }
  | { kind: "missing" };

export interface ClaimedDelivery {
  id: string;
  messageId: string;
  plannedAt: Date;
}

interface ClaimedRow extends ClaimedDelivery {
  readerId: string;
  editionDate: string;
  suppressedFor: string | null;
}

export interface SentRecord {
  deliveryId: string;
  subject: string;
  paperIds: string[];
  sentAt: Date;
}

const MAX_BATCH = 200;
/** A claim or record waits up to this long for others to share its round trip. */
const LINGER_MS = 5;

/**
 * The delivery rows as the delivery service reads and writes them. The two
 * calls every delivery makes, claim and record-sent, are batched across the
 * deliveries a process works on at once: a handful of queries per batch instead
 * of a handful per delivery. Everything else is rare and runs one by one.
 */
export class DeliveryStore {
  private readonly claims: MicroBatcher<string, ClaimResult>;
  private readonly records: MicroBatcher<SentRecord, unknown>;

  constructor(
    private readonly prisma: PrismaClient,
    private readonly clock: Clock,
  ) {
    this.claims = new MicroBatcher((ids) => this.claimBatch(ids), {
      maxBatch: MAX_BATCH,
      maxConcurrent: 1,
      lingerMs: LINGER_MS,
    });
    this.records = new MicroBatcher((records) => this.recordBatch(records), {
      maxBatch: MAX_BATCH,
      maxConcurrent: 1,
      lingerMs: LINGER_MS,
    });
  }

  /**
   * Claims a planned (or abandoned "sending") delivery: status sending, a fresh
   * sending_at lease, attempts + 1. Settled deliveries are not claimed. Of two
   * claims of the same delivery in one batch only the first one wins.
   */
  claim(deliveryId: string): Promise<ClaimResult> {
    return this.claims.submit(deliveryId);
  }

  /** Marks the delivery sent and records which papers the reader got, in one statement. */
  async recordSent(record: SentRecord): Promise<void> {
    const error = await this.records.submit(record);
    if (error) throw error;
  }

  /**
   * Settles a claimed delivery as failed or skipped. Only while the claim holds
   * (status sending): a worker that lost its job to another must not overwrite
   * the other's "sent".
   */
  async settle(
    deliveryId: string,
    data: { status: "failed" | "skipped"; lastError: string; smtpCode?: number | null },
  ): Promise<void> {
    await this.prisma.delivery.updateMany({
      where: { id: deliveryId, status: "sending" },
      data: { ...data, sendingAt: null, failedAt: data.status === "failed" ? this.clock.now() : null },
    });
  }

  /** Gives the claim back (status planned) for the next attempt. */
  async release(deliveryId: string, lastError: string, smtpCode: number | null = null): Promise<void> {
    await this.prisma.delivery.updateMany({
      where: { id: deliveryId, status: "sending" },
      data: { status: "planned", sendingAt: null, lastError: lastError.slice(0, 500), smtpCode },
    });
  }

  /**
   * A permanent failure for the recipient: the delivery fails (while the claim
   * holds, as in settle), the reader bounces and the address is suppressed.
   */
  async bounce(deliveryId: string, reader: Reader, reply: string, smtpCode: number | null): Promise<void> {
    await this.prisma.$transaction([
      this.prisma.delivery.updateMany({
        where: { id: deliveryId, status: "sending" },
        data: { status: "failed", failedAt: this.clock.now(), sendingAt: null, lastError: reply, smtpCode },
      }),
      this.prisma.reader.update({ where: { id: reader.id }, data: { status: "bounced" } }),
      this.prisma.suppression.upsert({
        where: { email: reader.email },
        create: { email: reader.email, reason: "bounce", detail: reply },
        update: {},
      }),
    ]);
  }

  private async claimBatch(ids: string[]): Promise<ClaimResult[]> {
    const unique = [...new Set(ids)];
    const at = this.clock.now().toISOString();
    // One statement claims the batch and brings back what sending needs: the
    // edition's date and whether the address is suppressed. Times are UTC wall
    // time (timestamp(3)), as Prisma stores them.
    const rows = await this.prisma.$queryRaw<ClaimedRow[]>`
      WITH claimed AS (
        UPDATE deliveries
           SET status = 'sending', sending_at = ${at}::timestamp(3), attempts = attempts + 1,
               updated_at = ${at}::timestamp(3)
         WHERE id = ANY(${unique}::text[]) AND status IN ('planned', 'sending')
        RETURNING id, reader_id, edition_id, message_id, planned_at
      )
      SELECT c.id, c.reader_id AS "readerId", c.message_id AS "messageId", c.planned_at AS "plannedAt",
             to_char(e.date, 'YYYY-MM-DD') AS "editionDate", s.reason AS "suppressedFor"
        FROM claimed AS c
        JOIN editions AS e ON e.id = c.edition_id
        JOIN readers AS r ON r.id = c.reader_id
        LEFT JOIN suppressions AS s ON s.email = r.email`;
    const claimed = new Map(rows.map((row) => [row.id, row]));
    const unclaimed = unique.filter((id) => !claimed.has(id));
    const [readers, existing] = await Promise.all([
      rows.length
        ? this.prisma.reader.findMany({ where: { id: { in: [...new Set(rows.map((r) => r.readerId))] } } })
        : [],
      unclaimed.length
        ? this.prisma.delivery.findMany({ where: { id: { in: unclaimed } }, select: { id: true } })
        : [],
    ]);
    const readerById = new Map(readers.map((r) => [r.id, r]));
    const found = new Set(existing.map((d) => d.id));

    const handedOut = new Set<string>();
    return ids.map((id): ClaimResult => {
      const row = claimed.get(id);
      if (!row) return { kind: found.has(id) ? "settled" : "missing" };
      if (handedOut.has(id)) return { kind: "settled" };
      handedOut.add(id);
      const reader = readerById.get(row.readerId);
      if (!reader) return { kind: "missing" };
      const blocked =
        reader.status !== "active"
          ? `reader is ${reader.status}`
          : row.suppressedFor !== null
            ? `address suppressed (${row.suppressedFor})`
            : null;
      const delivery = { id: row.id, messageId: row.messageId, plannedAt: new Date(row.plannedAt) };
      return { kind: "claimed", delivery, reader, editionDate: row.editionDate, blocked };
    });
  }

  /** Returns, per record, the error that kept it from being recorded (or undefined). */
  private async recordBatch(records: SentRecord[]): Promise<unknown[]> {
    try {
      await this.writeSent(records);
      return records.map(() => undefined);
    } catch (error) {
      if (records.length === 1) return [error];
      // One bad record must not fail its neighbours: record them one by one.
      const results = await Promise.allSettled(records.map((r) => this.writeSent([r])));
      return results.map((r) => (r.status === "rejected" ? r.reason : undefined));
    }
  }

  private async writeSent(records: SentRecord[]): Promise<void> {
    const rows = JSON.stringify(
      records.map((r) => ({
        id: r.deliveryId,
        subject: r.subject,
        paper_ids: r.paperIds,
        sent_at: r.sentAt.toISOString(),
      })),
    );
    // Timestamps are stored as UTC wall time (timestamp(3)), as Prisma does; papers
    // deleted since the digest was composed are left out of sent_papers.
    await this.prisma.$executeRaw`
      WITH input AS (
        SELECT * FROM jsonb_to_recordset(${rows}::jsonb)
          AS x(id text, subject text, paper_ids text[], sent_at timestamp(3))
      ), updated AS (
        UPDATE deliveries AS d
           SET status = 'sent', sent_at = i.sent_at, sending_at = NULL, subject = i.subject,
               paper_ids = i.paper_ids, last_error = NULL, updated_at = i.sent_at
          FROM input AS i
         WHERE d.id = i.id
        RETURNING d.id, d.reader_id, d.paper_ids, d.sent_at
      )
      INSERT INTO sent_papers (reader_id, paper_id, delivery_id, sent_at)
      SELECT u.reader_id, p.id, u.id, u.sent_at
        FROM updated AS u
        CROSS JOIN LATERAL unnest(u.paper_ids) AS pid
        JOIN papers AS p ON p.id = pid
      ON CONFLICT DO NOTHING`;
  }
}
