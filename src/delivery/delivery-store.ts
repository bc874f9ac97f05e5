import type { PrismaClient, SqlClient } from "../db/database.js";
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

interface ClaimedRow extends ReaderRow {
  deliveryId: string;
  messageId: string;
  plannedAtMs: number;
  editionDate: string;
  suppressedFor: string | null;
}

/** A reader as plain SQL returns it (timestamps as epoch milliseconds). */
interface ReaderRow extends Omit<Reader, TimestampField> {
  createdAtMs: number;
  updatedAtMs: number;
  confirmedAtMs: number | null;
  pausedAtMs: number | null;
  unsubscribedAtMs: number | null;
  confirmationSentAtMs: number | null;
}

type TimestampField =
  | "createdAt"
  | "updatedAt"
  | "confirmedAt"
  | "pausedAt"
  | "unsubscribedAt"
  | "confirmationSentAt";

/** Times are stored as UTC wall time (timestamp(3)), as Prisma stores them. */
const epochMs = (column: string) => `(extract(epoch from ${column}) * 1000)::float8`;

// Scalar lists may be NULL in the table (rows written by plain SQL); Prisma reads them as [].
const READER_COLUMNS = `r.id, r.email, r.status::text AS status, COALESCE(r.topics, '{}') AS topics,
  COALESCE(r.keywords, '{}') AS keywords,
  r.frequency::text AS frequency, r.weekday, r.send_hour AS "sendHour", r.time_zone AS "timeZone",
  r.relevance_weight AS "relevanceWeight", r.also_trending AS "alsoTrending",
  r.feedback_weights AS "feedbackWeights", ${epochMs("r.created_at")} AS "createdAtMs",
  ${epochMs("r.updated_at")} AS "updatedAtMs", ${epochMs("r.confirmed_at")} AS "confirmedAtMs",
  ${epochMs("r.paused_at")} AS "pausedAtMs", ${epochMs("r.unsubscribed_at")} AS "unsubscribedAtMs",
  ${epochMs("r.confirmation_sent_at")} AS "confirmationSentAtMs"`;

/**
 * Claims a batch and brings back what sending needs in one statement: the
 * delivery, its reader, the edition's date and whether the address is suppressed.
 */
const CLAIM_SQL = `
  WITH claimed AS (
    UPDATE deliveries
       SET status = 'sending', sending_at = $2::timestamp(3), attempts = attempts + 1,
           updated_at = $2::timestamp(3)
     WHERE id = ANY($1::text[]) AND status IN ('planned', 'sending')
    RETURNING id, reader_id, edition_id, message_id, planned_at
  )
  SELECT c.id AS "deliveryId", c.message_id AS "messageId", ${epochMs("c.planned_at")} AS "plannedAtMs",
         to_char(e.date, 'YYYY-MM-DD') AS "editionDate", s.reason AS "suppressedFor", ${READER_COLUMNS}
    FROM claimed AS c
    JOIN editions AS e ON e.id = c.edition_id
    JOIN readers AS r ON r.id = c.reader_id
    LEFT JOIN suppressions AS s ON s.email = r.email`;

/**
 * Marks a batch sent and records which papers each reader got. Papers deleted
 * since the digest was composed are left out of sent_papers.
 */
const RECORD_SENT_SQL = `
  WITH input AS (
    SELECT * FROM jsonb_to_recordset($1::jsonb)
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

  private readonly prisma: PrismaClient;

  constructor(
    private readonly db: SqlClient & { readonly prisma: PrismaClient },
    private readonly clock: Clock,
  ) {
    this.prisma = db.prisma;
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
    const rows = await this.db.query<ClaimedRow>(CLAIM_SQL, [unique, this.clock.now().toISOString()]);
    const claimed = new Map(rows.map((row) => [row.deliveryId, row]));
    const unclaimed = unique.filter((id) => !claimed.has(id));
    const existing = unclaimed.length
      ? await this.db.query<{ id: string }>("SELECT id FROM deliveries WHERE id = ANY($1::text[])", [
          unclaimed,
        ])
      : [];
    const found = new Set(existing.map((d) => d.id));

    const handedOut = new Set<string>();
    return ids.map((id): ClaimResult => {
      const row = claimed.get(id);
      if (!row) return { kind: found.has(id) ? "settled" : "missing" };
      if (handedOut.has(id)) return { kind: "settled" };
      handedOut.add(id);
      const reader = toReader(row);
      const blocked =
        reader.status !== "active"
          ? `reader is ${reader.status}`
          : row.suppressedFor !== null
            ? `address suppressed (${row.suppressedFor})`
            : null;
      const delivery = { id: row.deliveryId, messageId: row.messageId, plannedAt: new Date(row.plannedAtMs) };
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
    await this.db.query(RECORD_SENT_SQL, [rows]);
  }
}

const date = (ms: number | null) => (ms === null ? null : new Date(ms));

function toReader(row: ClaimedRow): Reader {
  return {
    id: row.id,
    email: row.email,
    status: row.status,
    topics: row.topics,
    keywords: row.keywords,
    frequency: row.frequency,
    weekday: row.weekday,
    sendHour: row.sendHour,
    timeZone: row.timeZone,
    relevanceWeight: row.relevanceWeight,
    alsoTrending: row.alsoTrending,
    feedbackWeights: row.feedbackWeights,
    createdAt: new Date(row.createdAtMs),
    updatedAt: new Date(row.updatedAtMs),
    confirmedAt: date(row.confirmedAtMs),
    pausedAt: date(row.pausedAtMs),
    unsubscribedAt: date(row.unsubscribedAtMs),
    confirmationSentAt: date(row.confirmationSentAtMs),
  };
}
