import type { Command } from "commander";
import { isoDate } from "../../lib/clock.js";
import { AppError } from "../../lib/errors.js";
import { parseEmail, splitList } from "../../subscriptions/reader-preferences.js";
import type { WithContext } from "../main.js";
import { printJson, printLine } from "../terminal.js";

/** subscribe, deliveries, suppressions: operators' view of readers. */
export function registerReaderCommands(program: Command, withContext: WithContext): void {
  program
    .command("subscribe <email>")
    .description("subscribe a reader (sends a confirmation email unless --confirmed)")
    .option(
      "--topics <slugs>",
      "comma-separated topic slugs, in order of priority (see `paperboy topics list`)",
    )
    .option("--keywords <list>", 'comma-separated keywords, e.g. "speculative decoding, Yann LeCun"')
    .option("--frequency <daily|weekly>", "how often", "daily")
    .option("--hour <0-23>", "local hour to send from")
    .option("--time-zone <iana>", "IANA time zone, e.g. Europe/Paris")
    .option("--confirmed", "skip double opt-in (the address owner asked you directly)")
    .action(
      async (
        email: string,
        opts: {
          topics?: string;
          keywords?: string;
          frequency: string;
          hour?: string;
          timeZone?: string;
          confirmed?: boolean;
        },
      ) => {
        await withContext(async (ctx) => {
          const result = await ctx.subscriptions.subscribe(
            {
              email,
              ...(opts.topics !== undefined ? { topics: splitList(opts.topics) as never } : {}),
              ...(opts.keywords !== undefined ? { keywords: splitList(opts.keywords) } : {}),
              frequency: opts.frequency as "daily" | "weekly",
              ...(opts.hour !== undefined ? { sendHour: Number(opts.hour) } : {}),
              ...(opts.timeZone ? { timeZone: opts.timeZone } : {}),
            },
            { confirmed: opts.confirmed ?? false },
          );
          const r = result.reader;
          printLine(
            `${r.email}: ${result.outcome} (status ${r.status}; topics ${r.topics.join(", ") || "none"})`,
          );
          if (result.confirmationSent) printLine("confirmation email queued");
        });
      },
    );

  program
    .command("deliveries")
    .description("list deliveries (by default the failed ones)")
    .option("--failed", "only failed deliveries (default)")
    .option("--status <status>", "planned | sending | sent | failed | skipped")
    .option("--date <YYYY-MM-DD>", "only this edition")
    .option("--limit <n>", "at most this many", "100")
    .option("--json", "print JSON")
    .action(async (opts: { status?: string; date?: string; limit: string; json?: boolean }) => {
      const status = opts.status ?? "failed";
      if (!["planned", "sending", "sent", "failed", "skipped"].includes(status)) {
        throw new AppError("VALIDATION_FAILED", `--status must be planned, sending, sent, failed or skipped`);
      }
      await withContext(
        async (ctx) => {
          const rows = await ctx.db.prisma.delivery.findMany({
            where: {
              status: status as "failed",
              ...(opts.date ? { edition: { date: new Date(`${opts.date}T00:00:00Z`) } } : {}),
            },
            include: { reader: { select: { email: true } }, edition: { select: { date: true } } },
            orderBy: { updatedAt: "desc" },
            take: Number(opts.limit) || 100,
          });
          const list = rows.map((d) => ({
            id: d.id,
            edition: isoDate(d.edition.date),
            email: d.reader.email,
            status: d.status,
            attempts: d.attempts,
            smtpCode: d.smtpCode,
            lastError: d.lastError,
          }));
          if (opts.json) return printJson(list);
          if (list.length === 0) return printLine(`no ${status} deliveries`);
          for (const d of list) {
            printLine(
              `${d.edition}  ${d.email}  ${d.status}  attempts ${d.attempts}  ${d.smtpCode ?? ""} ${d.lastError ?? ""}`.trimEnd(),
            );
          }
        },
        { redis: false },
      );
    });

  program
    .command("suppressions")
    .description("list suppressed addresses, or lift one")
    .option("--lift <email>", "remove this address from the suppression list")
    .option("--json", "print JSON")
    .action(async (opts: { lift?: string; json?: boolean }) => {
      await withContext(
        async (ctx) => {
          const prisma = ctx.db.prisma;
          if (opts.lift) {
            const email = parseEmail(opts.lift);
            const removed = await prisma.suppression.deleteMany({ where: { email } });
            if (removed.count === 0) throw new AppError("NOT_FOUND", `${email} is not suppressed`);
            await prisma.reader.updateMany({
              where: { email, status: "bounced" },
              data: { status: "active" },
            });
            return printLine(`lifted the suppression of ${email}`);
          }
          const rows = await prisma.suppression.findMany({ orderBy: { createdAt: "desc" } });
          if (opts.json) return printJson(rows);
          if (rows.length === 0) return printLine("no suppressed addresses");
          for (const s of rows)
            printLine(`${s.email}  ${s.reason}  ${s.createdAt.toISOString()}  ${s.detail ?? ""}`.trimEnd());
        },
        { redis: false },
      );
    });
}
