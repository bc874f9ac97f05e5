import type { Database } from "../db/database.js";
import type { Reader } from "../generated/prisma/client.js";
import type { Clock } from "../lib/clock.js";
import { AppError } from "../lib/errors.js";
import type { Links } from "../lib/links.js";
import type { Logger } from "../lib/logger.js";
import { DeliveryStore, type SentRecord } from "./delivery-store.js";
import type { Mailer } from "./mailer.js";
import { buildListHeaders } from "./message-headers.js";
import { classifySmtpFailure } from "./smtp-failure.js";

export interface ComposedDigest {
  subject: string;
  html: string;
  text: string;
  paperIds: string[];
  /** The digest's own unsubscribe link, reused for the List-Unsubscribe header. */
  unsubscribeUrl?: string;
}

/** Ranks and renders one reader's edition; null when nothing is worth sending. */
export interface DigestComposer {
  compose(input: {
    deliveryId: string;
    reader: Reader;
    editionDate: string;
    now: Date;
  }): Promise<ComposedDigest | null>;
}

export type SendOutcome = "sent" | "failed" | "skipped" | "settled" | "missing";

export interface SendOptions {
  /** The queue will not retry: a transient failure is final too. */
  finalAttempt?: boolean;
  /** Aborted when the worker lost its lock on the job (another worker may own the delivery now). */
  signal?: AbortSignal;
}

/** Tries at recording a message the server accepted before the error goes to the queue. */
const RECORD_ATTEMPTS = 4;

export interface DeliverySettings {
  from: string;
  listId: string;
  unsubscribeMailto?: string | undefined;
}

/**
 * Sends one delivery by id. Idempotent: a delivery already sent, failed or
 * skipped is left alone. Transient SMTP failures throw SMTP_TRANSIENT (the queue
 * retries with backoff); permanent ones settle the delivery as failed and
 * suppress the reader; configuration failures throw SMTP_CONFIG so the worker
 * pauses sending instead of failing every reader.
 */
export class DeliveryService {
  private readonly store: DeliveryStore;
  private readonly mailer: Mailer;
  private readonly composer: DigestComposer;
  private readonly links: Links;
  private readonly clock: Clock;
  private readonly logger: Logger;
  private readonly settings: DeliverySettings;

  constructor(deps: {
    db: Pick<Database, "prisma" | "query">;
    mailer: Mailer;
    composer: DigestComposer;
    links: Links;
    clock: Clock;
    logger: Logger;
    settings: DeliverySettings;
  }) {
    this.store = new DeliveryStore(deps.db, deps.clock);
    this.mailer = deps.mailer;
    this.composer = deps.composer;
    this.links = deps.links;
    this.clock = deps.clock;
    this.logger = deps.logger;
    this.settings = deps.settings;
  }

  async send(deliveryId: string, options: SendOptions = {}): Promise<SendOutcome> {
    const claim = await this.store.claim(deliveryId);
    if (claim.kind === "missing") {
      this.logger.warn({ deliveryId }, "delivery not found; nothing to send");
      return "missing";
    }
    if (claim.kind === "settled") return "settled";
    const { delivery, reader, editionDate, blocked } = claim;
    const log = this.logger.child({ deliveryId, readerId: reader.id });
    if (blocked) {
      await this.store.settle(deliveryId, { status: "skipped", lastError: blocked });
      log.info({ reason: blocked }, "delivery skipped");
      return "skipped";
    }

    let digest: ComposedDigest | null;
    try {
      digest = await this.composer.compose({ deliveryId, reader, editionDate, now: delivery.plannedAt });
    } catch (error) {
      // Never leave the claim behind: give it back for the retry, or fail for good on the last attempt.
      const reason = `could not compose the digest: ${error instanceof Error ? error.message : String(error)}`;
      if (options.finalAttempt) {
        await this.store.settle(deliveryId, { status: "failed", lastError: reason.slice(0, 500) });
        log.error({ err: reason }, "delivery failed: could not compose the digest");
        return "failed";
      }
      await this.store.release(deliveryId, reason);
      throw error;
    }
    if (!digest) {
      await this.store.settle(deliveryId, {
        status: "skipped",
        lastError: "nothing worth sending in this edition",
      });
      log.info("delivery skipped: empty edition");
      return "skipped";
    }

    if (options.signal?.aborted) {
      // The job's lock is gone and another worker may be sending this delivery: leave it to that one.
      throw new AppError("CONFLICT", "the worker lost its lock on this job; not sending", {
        details: { deliveryId },
      });
    }
    try {
      await this.mailer.send({
        from: this.settings.from,
        to: reader.email,
        subject: digest.subject,
        html: digest.html,
        text: digest.text,
        messageId: delivery.messageId,
        headers: buildListHeaders({
          unsubscribeUrl: digest.unsubscribeUrl ?? this.links.unsubscribe(reader.id),
          unsubscribeMailto: this.settings.unsubscribeMailto,
          listId: this.settings.listId,
          extra: { "X-Paperboy-Delivery": deliveryId },
        }),
      });
    } catch (error) {
      return this.handleFailure(deliveryId, reader, error, options.finalAttempt ?? false);
    }

    await this.recordSent({
      deliveryId,
      subject: digest.subject,
      paperIds: digest.paperIds,
      sentAt: this.clock.now(),
    });
    log.info({ messageId: delivery.messageId, papers: digest.paperIds.length }, "delivery sent");
    return "sent";
  }

  /**
   * The server has the message now. Recording that must survive a database
   * hiccup: if it gave up at once, the queue's retry would send a duplicate.
   */
  private async recordSent(record: SentRecord): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        await this.store.recordSent(record);
        return;
      } catch (error) {
        if (attempt >= RECORD_ATTEMPTS) throw error;
        this.logger.warn(
          { deliveryId: record.deliveryId, attempt, err: String(error) },
          "could not record a sent delivery; retrying",
        );
        await new Promise((resolve) => setTimeout(resolve, 250 * 2 ** attempt));
      }
    }
  }

  private async handleFailure(
    deliveryId: string,
    reader: Reader,
    error: unknown,
    finalAttempt: boolean,
  ): Promise<SendOutcome> {
    const failure = classifySmtpFailure(error);
    const log = this.logger.child({ deliveryId, readerId: reader.id, smtpCode: failure.code });
    if (failure.kind === "permanent") {
      await this.store.bounce(deliveryId, reader, failure.message, failure.code ?? null);
      log.warn({ reply: failure.message }, "permanent SMTP failure: reader suppressed");
      return "failed";
    }
    if (finalAttempt && failure.kind === "transient") {
      await this.store.settle(deliveryId, {
        status: "failed",
        lastError: failure.message,
        smtpCode: failure.code ?? null,
      });
      log.warn({ reply: failure.message }, "delivery failed after its last attempt");
      return "failed";
    }
    await this.store.release(deliveryId, failure.message, failure.code ?? null);
    const code = failure.kind === "config" ? "SMTP_CONFIG" : "SMTP_TRANSIENT";
    throw new AppError(code, `SMTP ${failure.kind} failure: ${failure.message}`, {
      cause: error,
      details: { deliveryId, smtpCode: failure.code },
    });
  }
}
