import type { PrismaClient } from "../db/database.js";
import type { Reader } from "../generated/prisma/client.js";
import type { Clock } from "../lib/clock.js";
import { AppError } from "../lib/errors.js";
import type { Logger } from "../lib/logger.js";
import { DEFAULT_TOPICS } from "../topics/taxonomy.js";
import { type PreferencesPatch, parseEmail, parsePreferences } from "./reader-preferences.js";

/** Sends lifecycle mail (through the mail queue in production). */
export interface LifecycleNotifier {
  notify(kind: "confirm" | "welcome" | "goodbye", readerId: string): Promise<void>;
}

export interface SubscribeInput extends PreferencesPatch {
  email: string;
}

export interface SubscribeResult {
  reader: Reader;
  /** What happened, for the CLI and logs; the web shows the same answer whatever it is. */
  outcome: "created" | "pending" | "already-active" | "resubscribed" | "suppressed";
  confirmationSent: boolean;
}

export interface PreferenceChange {
  field: string;
  from: unknown;
  to: unknown;
}

const CONFIRMATION_INTERVAL_MS = 3_600_000;

/**
 * A reader's lifecycle: subscribe (double opt-in), confirm, preferences,
 * pause/resume, unsubscribe. No accounts: readers act through signed links.
 */
export class SubscriptionService {
  private readonly prisma: PrismaClient;
  private readonly notifier: LifecycleNotifier;
  private readonly clock: Clock;
  private readonly logger: Logger;

  constructor(deps: { prisma: PrismaClient; notifier: LifecycleNotifier; clock: Clock; logger: Logger }) {
    this.prisma = deps.prisma;
    this.notifier = deps.notifier;
    this.clock = deps.clock;
    this.logger = deps.logger;
  }

  async subscribe(input: SubscribeInput, options: { confirmed?: boolean } = {}): Promise<SubscribeResult> {
    const email = parseEmail(input.email);
    const { email: _ignored, ...rest } = input;
    const prefs = parsePreferences(rest);
    const now = this.clock.now();
    const suppressed = await this.prisma.suppression.findUnique({ where: { email } });
    const existing = await this.prisma.reader.findUnique({ where: { email } });

    if (suppressed && !options.confirmed) {
      this.logger.info({ readerId: existing?.id }, "subscribe: address is suppressed; nothing sent");
      const reader = existing ?? (await this.create(email, prefs, "pending"));
      return { reader, outcome: "suppressed", confirmationSent: false };
    }
    if (options.confirmed) {
      if (suppressed) await this.prisma.suppression.delete({ where: { email } });
      const data = { ...prefs, status: "active" as const, confirmedAt: now, unsubscribedAt: null };
      const reader = existing
        ? await this.prisma.reader.update({ where: { id: existing.id }, data })
        : await this.prisma.reader.create({ data: { email, topics: [...DEFAULT_TOPICS], ...data } });
      return { reader, outcome: existing ? "resubscribed" : "created", confirmationSent: false };
    }
    if (!existing) {
      const reader = await this.create(email, prefs, "pending");
      return { reader, outcome: "created", confirmationSent: await this.sendConfirmation(reader, now) };
    }
    if (existing.status === "active" || existing.status === "paused") {
      return { reader: existing, outcome: "already-active", confirmationSent: false };
    }
    // pending, unsubscribed or bounced: (re)start double opt-in with the new choices.
    const reader = await this.prisma.reader.update({
      where: { id: existing.id },
      data: { ...prefs, status: "pending" },
    });
    const outcome = existing.status === "pending" ? "pending" : "resubscribed";
    return { reader, outcome, confirmationSent: await this.sendConfirmation(reader, now) };
  }

  async confirm(readerId: string): Promise<Reader> {
    const reader = await this.get(readerId);
    if (reader.status === "active" || reader.status === "paused") return reader;
    const updated = await this.prisma.reader.update({
      where: { id: readerId },
      data: { status: "active", confirmedAt: this.clock.now(), unsubscribedAt: null },
    });
    await this.prisma.suppression.deleteMany({ where: { email: reader.email, reason: "unsubscribe" } });
    await this.notifier.notify("welcome", readerId);
    return updated;
  }

  async updatePreferences(
    readerId: string,
    patch: unknown,
  ): Promise<{ reader: Reader; changes: PreferenceChange[] }> {
    const prefs = parsePreferences(patch);
    const reader = await this.get(readerId);
    const changes: PreferenceChange[] = [];
    for (const [field, value] of Object.entries(prefs)) {
      const before = (reader as unknown as Record<string, unknown>)[field];
      if (value !== undefined && JSON.stringify(before) !== JSON.stringify(value)) {
        changes.push({ field, from: before, to: value });
      }
    }
    if (changes.length === 0) return { reader, changes };
    const updated = await this.prisma.reader.update({ where: { id: readerId }, data: prefs });
    return { reader: updated, changes };
  }

  async pause(readerId: string): Promise<Reader> {
    const reader = await this.get(readerId);
    if (reader.status !== "active") return reader;
    return this.prisma.reader.update({
      where: { id: readerId },
      data: { status: "paused", pausedAt: this.clock.now() },
    });
  }

  async resume(readerId: string): Promise<Reader> {
    const reader = await this.get(readerId);
    if (reader.status !== "paused") return reader;
    return this.prisma.reader.update({ where: { id: readerId }, data: { status: "active", pausedAt: null } });
  }

  /** Takes effect at once: planned deliveries not yet sent are skipped. */
  async unsubscribe(readerId: string, options: { sendGoodbye?: boolean } = {}): Promise<Reader> {
    const reader = await this.get(readerId);
    if (reader.status === "unsubscribed") return reader;
    const [updated] = await this.prisma.$transaction([
      this.prisma.reader.update({
        where: { id: readerId },
        data: { status: "unsubscribed", unsubscribedAt: this.clock.now() },
      }),
      this.prisma.delivery.updateMany({
        where: { readerId, status: "planned" },
        data: { status: "skipped", lastError: "reader unsubscribed" },
      }),
    ]);
    this.logger.info({ readerId }, "reader unsubscribed");
    if (options.sendGoodbye) await this.notifier.notify("goodbye", readerId);
    return updated;
  }

  async get(readerId: string): Promise<Reader> {
    const reader = await this.prisma.reader.findUnique({ where: { id: readerId } });
    if (!reader) throw new AppError("NOT_FOUND", "no such reader", { details: { readerId } });
    return reader;
  }

  async findByEmail(email: string): Promise<Reader | null> {
    return this.prisma.reader.findUnique({ where: { email: parseEmail(email) } });
  }

  private create(email: string, prefs: PreferencesPatch, status: "pending" | "active"): Promise<Reader> {
    return this.prisma.reader.create({
      data: { email, status, ...prefs, topics: prefs.topics?.length ? prefs.topics : [...DEFAULT_TOPICS] },
    });
  }

  /** At most one confirmation per address per hour, however often the form is posted. */
  private async sendConfirmation(reader: Reader, now: Date): Promise<boolean> {
    const cutoff = new Date(now.getTime() - CONFIRMATION_INTERVAL_MS);
    const claimed = await this.prisma.reader.updateMany({
      where: {
        id: reader.id,
        OR: [{ confirmationSentAt: null }, { confirmationSentAt: { lt: cutoff } }],
      },
      data: { confirmationSentAt: now },
    });
    if (claimed.count === 0) return false;
    await this.notifier.notify("confirm", reader.id);
    return true;
  }
}
