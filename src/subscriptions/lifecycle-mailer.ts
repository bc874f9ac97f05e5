import type { PrismaClient } from "../db/database.js";
import type { Mailer } from "../delivery/mailer.js";
import { buildListHeaders } from "../delivery/message-headers.js";
import type { DigestRenderer } from "../digests/digest-renderer.js";
import type { Clock } from "../lib/clock.js";
import { AppError } from "../lib/errors.js";
import type { Links } from "../lib/links.js";
import type { Logger } from "../lib/logger.js";
import { topicBySlug } from "../topics/taxonomy.js";

export type LifecycleKind = "confirm" | "welcome" | "goodbye";

const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

/**
 * Sends the reader lifecycle emails (confirmation, welcome, goodbye) from the
 * mail queue. Each is rendered from the compiled templates; a reader who is no
 * longer in the state the email is about gets nothing.
 */
export class LifecycleMailer {
  constructor(
    private readonly deps: {
      prisma: PrismaClient;
      mailer: Mailer;
      renderer: DigestRenderer;
      links: Links;
      clock: Clock;
      logger: Logger;
      settings: { from: string; listId: string; messageDomain: string; confirmTtlHours: number };
    },
  ) {}

  async send(kind: LifecycleKind, readerId: string): Promise<"sent" | "skipped"> {
    const { prisma, renderer, links, settings } = this.deps;
    const reader = await prisma.reader.findUnique({ where: { id: readerId } });
    if (!reader) throw new AppError("NOT_FOUND", "no such reader", { details: { readerId } });
    const expected = { confirm: ["pending"], welcome: ["active"], goodbye: ["unsubscribed"] }[kind];
    if (!expected.includes(reader.status)) {
      this.deps.logger.info(
        { readerId, kind, status: reader.status },
        "lifecycle mail no longer applies; skipped",
      );
      return "skipped";
    }
    const home = links.home();
    const email =
      kind === "confirm"
        ? renderer.renderConfirm({
            confirmUrl: links.confirm(reader.id),
            readerEmail: reader.email,
            expiresInDays: Math.max(1, Math.round(settings.confirmTtlHours / 24)),
            home,
          })
        : kind === "welcome"
          ? renderer.renderWelcome({
              preferencesUrl: links.preferences(reader.id),
              topics: reader.topics.map((t) => topicBySlug(t)?.name ?? t),
              frequencyText:
                reader.frequency === "weekly"
                  ? `every ${WEEKDAYS[reader.weekday] ?? "Monday"} from ${reader.sendHour}:00 (${reader.timeZone})`
                  : `every day from ${reader.sendHour}:00 (${reader.timeZone})`,
              home,
              unsubscribeUrl: links.unsubscribe(reader.id),
            })
          : renderer.renderGoodbye({ resubscribeUrl: home, home });
    const stamp = this.deps.clock.now().getTime().toString(36);
    await this.deps.mailer.send({
      from: settings.from,
      to: reader.email,
      ...email,
      messageId: `${kind}-${reader.id}-${stamp}@${settings.messageDomain}`,
      // Every email carries one-click unsubscribe, even a confirmation nobody asked for.
      headers: buildListHeaders({ unsubscribeUrl: links.unsubscribe(reader.id), listId: settings.listId }),
    });
    this.deps.logger.info({ readerId, kind }, "lifecycle mail sent");
    return "sent";
  }
}
