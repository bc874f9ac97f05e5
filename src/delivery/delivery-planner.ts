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

const BATCH = 1_000;

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

  constructor(deps: { prisma: PrismaClient; queue: DeliveryQueue; logger: Logger; messageDomain: string }) {
    this.prisma = deps.prisma;
    this.queue = deps.queue;
    this.logger = deps.logger;
    this.messageDomain = deps.messageDomain;
  }

  async plan(now: Date, options: PlanOptions = {}): Promise<PlanResult> {
    const due = await this.dueReaders(now, options);
    const byDate = new Map<string, string[]>();
    for (const reader of due) byDate.set(reader.date, [...(byDate.get(reader.date) ?? []), reader.id]);

    let created = 0;
    const pending: string[] = [];
    for (const [date, readerIds] of [...byDate].sort(([a], [b]) => a.localeCompare(b))) {
      const edition = await this.prisma.edition.upsert({
        where: { date: new Date(`${date}T00:00:00Z`) },
        create: { date: new Date(`${date}T00:00:00Z`) },
        update: {},
      });
      for (let i = 0; i < readerIds.length; i += BATCH) {
        const batch = readerIds.slice(i, i + BATCH);
        const result = await this.prisma.delivery.createMany({
          data: batch.map((readerId) => {
            const id = randomUUID();
            return {
              id,
              readerId,
              editionId: edition.id,
              messageId: deliveryMessageId(id, this.messageDomain),
            };
          }),
          skipDuplicates: true,
        });
        created += result.count;
        const open = await this.prisma.delivery.findMany({
          where: { editionId: edition.id, readerId: { in: batch }, status: "planned" },
          select: { id: true },
          orderBy: { id: "asc" },
        });
        pending.push(...open.map((d) => d.id));
      }
    }
    await this.queue.enqueueDeliveries(pending);
    const editions = [...byDate.keys()].sort();
    if (created > 0) this.logger.info({ created, enqueued: pending.length, editions }, "planned deliveries");
    return { created, enqueued: pending.length, editions, deliveryIds: pending };
  }

  private async dueReaders(now: Date, options: PlanOptions): Promise<DueReader[]> {
    const readers = await this.prisma.reader.findMany({
      where: { status: "active" },
      select: { id: true, email: true, timeZone: true, sendHour: true, frequency: true, weekday: true },
      orderBy: { id: "asc" },
    });
    if (readers.length === 0) return [];
    const suppressed = new Set(
      (
        await this.prisma.suppression.findMany({
          where: { email: { in: readers.map((r) => r.email) } },
          select: { email: true },
        })
      ).map((s) => s.email),
    );
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
