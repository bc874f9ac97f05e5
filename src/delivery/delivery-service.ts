import type { PrismaClient } from "../db/database.js";
import type { Reader } from "../generated/prisma/client.js";
import type { Clock } from "../lib/clock.js";
import { AppError } from "../lib/errors.js";
import type { Links } from "../lib/links.js";
import type { Logger } from "../lib/logger.js";
import type { Mailer } from "./mailer.js";
import { buildListHeaders } from "./message-headers.js";
import { classifySmtpFailure } from "./smtp-failure.js";

export interface ComposedDigest {
  subject: string;
  html: string;
  text: string;
  paperIds: string[];
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
  private readonly prisma: PrismaClient;
  private readonly mailer: Mailer;
  private readonly composer: DigestComposer;
  private readonly links: Links;
  private readonly clock: Clock;
  private readonly logger: Logger;
  private readonly settings: DeliverySettings;

  constructor(deps: {
    prisma: PrismaClient;
    mailer: Mailer;
    composer: DigestComposer;
    links: Links;
    clock: Clock;
    logger: Logger;
    settings: DeliverySettings;
  }) {
    this.prisma = deps.prisma;
    this.mailer = deps.mailer;
    this.composer = deps.composer;
    this.links = deps.links;
    this.clock = deps.clock;
    this.logger = deps.logger;
    this.settings = deps.settings;
  }

  /** `finalAttempt`: the queue will not retry, so a transient failure is final too. */
  async send(deliveryId: string, options: { finalAttempt?: boolean } = {}): Promise<SendOutcome> {
    const delivery = await this.prisma.delivery.findUnique({
      where: { id: deliveryId },
      include: { reader: true, edition: true },
    });
    if (!delivery) {
      this.logger.warn({ deliveryId }, "delivery not found; nothing to send");
      return "missing";
    }
    if (delivery.status === "sent" || delivery.status === "failed" || delivery.status === "skipped")
      return "settled";
    const { reader } = delivery;
    const log = this.logger.child({ deliveryId, readerId: reader.id });

    const blocked = await this.undeliverableReason(reader);
    if (blocked) {
      await this.settle(deliveryId, { status: "skipped", lastError: blocked });
      log.info({ reason: blocked }, "delivery skipped");
      return "skipped";
    }
    const claimed = await this.prisma.delivery.updateMany({
      where: { id: deliveryId, status: { in: ["planned", "sending"] } },
      data: { status: "sending", sendingAt: this.clock.now(), attempts: { increment: 1 } },
    });
    if (claimed.count === 0) return "settled";

    const digest = await this.composer.compose({
      deliveryId,
      reader,
      editionDate: delivery.edition.date.toISOString().slice(0, 10),
      now: delivery.plannedAt,
    });
    if (!digest) {
      await this.settle(deliveryId, {
        status: "skipped",
        lastError: "nothing worth sending in this edition",
      });
      log.info("delivery skipped: empty edition");
      return "skipped";
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
          unsubscribeUrl: this.links.unsubscribe(reader.id),
          unsubscribeMailto: this.settings.unsubscribeMailto,
          listId: this.settings.listId,
          extra: { "X-Paperboy-Delivery": deliveryId },
        }),
      });
    } catch (error) {
      return this.handleFailure(deliveryId, reader, error, options.finalAttempt ?? false);
    }

    const sentAt = this.clock.now();
    await this.prisma.$transaction([
      this.prisma.delivery.update({
        where: { id: deliveryId },
        data: {
          status: "sent",
          sentAt,
          sendingAt: null,
          subject: digest.subject,
          paperIds: digest.paperIds,
          lastError: null,
        },
      }),
      this.prisma.sentPaper.createMany({
        data: digest.paperIds.map((paperId) => ({ readerId: reader.id, paperId, deliveryId, sentAt })),
        skipDuplicates: true,
      }),
    ]);
    log.info({ messageId: delivery.messageId, papers: digest.paperIds.length }, "delivery sent");
    return "sent";
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
      const now = this.clock.now();
      await this.prisma.$transaction([
        this.prisma.delivery.update({
          where: { id: deliveryId },
          data: {
            status: "failed",
            failedAt: now,
            sendingAt: null,
            lastError: failure.message,
            smtpCode: failure.code ?? null,
          },
        }),
        this.prisma.reader.update({ where: { id: reader.id }, data: { status: "bounced" } }),
        this.prisma.suppression.upsert({
          where: { email: reader.email },
          create: { email: reader.email, reason: "bounce", detail: failure.message },
          update: {},
        }),
      ]);
      log.warn({ reply: failure.message }, "permanent SMTP failure: reader suppressed");
      return "failed";
    }
    if (finalAttempt && failure.kind === "transient") {
      await this.settle(deliveryId, {
        status: "failed",
        lastError: failure.message,
        smtpCode: failure.code ?? null,
      });
      log.warn({ reply: failure.message }, "delivery failed after its last attempt");
      return "failed";
    }
    await this.prisma.delivery.update({
      where: { id: deliveryId },
      data: {
        status: "planned",
        sendingAt: null,
        lastError: failure.message,
        smtpCode: failure.code ?? null,
      },
    });
    const code = failure.kind === "config" ? "SMTP_CONFIG" : "SMTP_TRANSIENT";
    throw new AppError(code, `SMTP ${failure.kind} failure: ${failure.message}`, {
      cause: error,
      details: { deliveryId, smtpCode: failure.code },
    });
  }

  private async undeliverableReason(reader: Reader): Promise<string | null> {
    if (reader.status !== "active") return `reader is ${reader.status}`;
    const suppression = await this.prisma.suppression.findUnique({ where: { email: reader.email } });
    return suppression ? `address suppressed (${suppression.reason})` : null;
  }

  private async settle(
    deliveryId: string,
    data: { status: "failed" | "skipped"; lastError: string; smtpCode?: number | null },
  ): Promise<void> {
    const now = this.clock.now();
    await this.prisma.delivery.update({
      where: { id: deliveryId },
      data: { ...data, sendingAt: null, failedAt: data.status === "failed" ? now : null },
    });
  }
}
