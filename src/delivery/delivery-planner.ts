import { randomUUID } from "node:crypto";
import type { PrismaClient } from "../db/database.js";
import { localDate, localHourAndWeekday } from "../lib/clock.js";
import type { Logger } from "../lib/logger.js";
import { deliveryMessageId } from "./message-headers.js";

export interface PlanOptions {
  /** Ignore send hours and weekdays: everyone active gets this edition now. */
  force?: boolean;
  /** Edition date (YYYY-MM-DD); default: each reader's local date. */
  date?: string;
}

export interface PlanResult {
  /** Deliveries created by this run. */
  created: number;
  /** Deliveries still to send (created now or earlier), enqueued. */
  enqueued: number;
  editions: string[];
  deliveryIds: string[];
}

export interface DeliveryQueue {
  enqueueDeliveries(ids: readonly string[]): Promise<void>;
}

interface DueReader {
  id: string;
  date: string;
}

const BATCH = 500;
/** The first batch of an edition is small, so its first sends start while the rest is planned. */
const FIRST_BATCH = 50;

/**
 * Finds readers who are due (active, not suppressed, past their local send hour,
 * daily or on their weekday, no delivery yet for their local date), creates the
 * delivery rows in bulk (unique per reader and edition) and enqueues one send job
 * per delivery. Running it twice, or from two processes at once, plans each
 * delivery once: the unique index decides, and job ids are deterministic.
 */
export class DeliveryPlanner {
  private readonly prisma: PrismaClient;
  private readonly queue: DeliveryQueue;
  private readonly logger: Logger;
  private readonly messageDomain: string;

  private readonly onEdition: ((date: string, now: Date) => void) | undefined;

  constructor(deps: {
    prisma: PrismaClient;
    queue: DeliveryQueue;
    logger: Logger;
    messageDomain: string;
    /**
     * Told of each edition before its deliveries are enqueued, so a composer in this
     * process can load and prepare the edition while the rest is planned.
     */
    onEdition?: (date: string, now: Date) => void;
  }) {
    this.prisma = deps.prisma;
    this.queue = deps.queue;
    this.logger = deps.logger;
    this.messageDomain = deps.messageDomain;
    this.onEdition = deps.onEdition;
  }

  async plan(now: Date, options: PlanOptions = {}): Promise<PlanResult> {
    const due = await this.dueReaders(now, options);
    const byDate = new Map<string, string[]>();
    for (const reader of due) {
      const ids = byDate.get(reader.date);
      if (ids) ids.push(reader.id);
      else byDate.set(reader.date, [reader.id]);
    }

    let created = 0;
    const pending: string[] = [];
    for (const [date, readerIds] of [...byDate].sort(([a], [b]) => a.localeCompare(b))) {
      const edition = await this.edition(date);
      this.onEdition?.(date, now);
      for (let i = 0; i < readerIds.length; ) {
        const batch = readerIds.slice(i, i + (i === 0 ? FIRST_BATCH : BATCH));
        i += batch.length;
        created += await this.insertDeliveries(edition.id, batch, now);
        // Created now or by an earlier run that stopped before enqueueing. (One array
        // parameter: Prisma's `in` costs CPU per id.)
        const open = await this.prisma.$queryRaw<{ id: string }[]>`
          SELECT id FROM deliveries
           WHERE edition_id = ${edition.id} AND reader_id = ANY(${batch}::text[]) AND status = 'planned'
           ORDER BY id`;
        const ids = open.map((d) => d.id);
        // Each batch is enqueued at once, so workers start sending while the rest is planned.
        // A crash in between leaves planned deliveries without a job: the sweeper enqueues them.
        await this.queue.enqueueDeliveries(ids);
        for (const id of ids) pending.push(id);
      }
    }
    const editions = [...byDate.keys()].sort();
    if (created > 0) this.logger.info({ created, enqueued: pending.length, editions }, "planned deliveries");
    return { created, enqueued: pending.length, editions, deliveryIds: pending };
  }

  /**
   * The edition of a date, created if needed. Not an upsert: Prisma's upsert
   * reads then inserts, so two planners at once both insert and one fails on
   * the unique date. INSERT ... ON CONFLICT DO NOTHING, then read, cannot.
   */
  private async edition(date: string): Promise<{ id: string }> {
    const day = new Date(`${date}T00:00:00Z`);
    await this.prisma.edition.createMany({ data: [{ date: day }], skipDuplicates: true });
    return this.prisma.edition.findUniqueOrThrow({ where: { date: day }, select: { id: true } });
  }

  /**
   * One INSERT per batch (Prisma's createMany spends more time building a
   * thousand-row statement than PostgreSQL spends running it). The unique
   * (reader, edition) index skips readers already planned. Times are stored as
   * UTC wall time, as Prisma stores them. Returns how many rows were created.
   */
  private async insertDeliveries(editionId: string, readerIds: string[], now: Date): Promise<number> {
    const ids = readerIds.map(() => randomUUID());
    const messageIds = ids.map((id) => deliveryMessageId(id, this.messageDomain));
    const at = now.toISOString();
    return this.prisma.$executeRaw`
      INSERT INTO deliveries (id, edition_id, reader_id, message_id, planned_at, updated_at)
      SELECT x.id, ${editionId}, x.reader_id, x.message_id, ${at}::timestamp(3), ${at}::timestamp(3)
        FROM unnest(${ids}::text[], ${readerIds}::text[], ${messageIds}::text[]) AS x(id, reader_id, message_id)
      ON CONFLICT (reader_id, edition_id) DO NOTHING`;
  }

  private async dueReaders(now: Date, options: PlanOptions): Promise<DueReader[]> {
    const readers = await this.prisma.reader.findMany({
      where: { status: "active" },
      select: { id: true, email: true, timeZone: true, sendHour: true, frequency: true, weekday: true },
      orderBy: { id: "asc" },
    });
    if (readers.length === 0) return [];
    // Joined in the database rather than sending every active address as a parameter.
    const suppressedRows = await this.prisma.$queryRaw<{ email: string }[]>`
      SELECT s.email FROM suppressions AS s JOIN readers AS r ON r.email = s.email WHERE r.status = 'active'`;
    const suppressed = new Set(suppressedRows.map((s) => s.email));
    // Local time is computed once per time zone, not once per reader.
    const zones = new Map<string, { date: string; hour: number; weekday: number }>();
    const zone = (tz: string) => {
      let local = zones.get(tz);
      if (!local) {
        try {
          local = { date: localDate(now, tz), ...localHourAndWeekday(now, tz) };
        } catch {
          local = { date: localDate(now, "UTC"), ...localHourAndWeekday(now, "UTC") };
        }
        zones.set(tz, local);
      }
      return local;
    };
    const due: DueReader[] = [];
    for (const reader of readers) {
      if (suppressed.has(reader.email)) continue;
      const local = zone(reader.timeZone);
      if (!options.force) {
        if (local.hour < reader.sendHour) continue;
        if (reader.frequency === "weekly" && local.weekday !== reader.weekday) continue;
      }
      due.push({ id: reader.id, date: options.date ?? local.date });
    }
    return due;
  }
}
