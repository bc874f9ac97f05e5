import type { PrismaClient } from "../db/database.js";
import type { Reader } from "../generated/prisma/client.js";
import type { Clock } from "../lib/clock.js";
import { AppError } from "../lib/errors.js";
import type { Logger } from "../lib/logger.js";

/**
 * "More like this" / "fewer like this". Each click is a FeedbackEvent; the
 * reader's weights (Reader.feedbackWeights, read by the ranker as multipliers
 * clamp(1 + v, 0.5, 1.5) per topic and small nudges per keyword) are recomputed
 * from the event log every time, never incremented in place. So a repeated
 * click changes nothing, a changed mind ("more", then "fewer" on the same paper)
 * replaces the earlier vote instead of cancelling it out by accident, and old
 * votes fade.
 *
 * Weights, from the latest vote per paper within FEEDBACK_HORIZON_DAYS:
 *   topic t   += sign * TOPIC_STEP   * share(rank of t in the paper's topics) * decay
 *   keyword k += sign * KEYWORD_STEP * decay        (the paper's first MAX_PAPER_KEYWORDS keywords)
 * with sign +1 for "more", -1 for "less", share = 1, 0.5, 0.25 for the paper's
 * first, second, third topic, decay = 0.5 ^ (age / HALF_LIFE_DAYS); then clamped
 * to +-TOPIC_LIMIT / +-KEYWORD_LIMIT, rounded to 3 decimals, near-zero dropped.
 */
export type FeedbackKind = "more" | "less";

export const TOPIC_STEP = 0.1;
export const TOPIC_LIMIT = 0.5;
export const TOPIC_SHARES = [1, 0.5, 0.25] as const;
export const KEYWORD_STEP = 0.25;
export const KEYWORD_LIMIT = 1;
export const MAX_PAPER_KEYWORDS = 5;
export const MAX_STORED_KEYWORDS = 40;
export const HALF_LIFE_DAYS = 90;
export const FEEDBACK_HORIZON_DAYS = 365;
/** Most recent events read when recomputing (a reader clicking more than this keeps the newest). */
export const MAX_EVENTS = 500;

const DAY_MS = 86_400_000;

export interface FeedbackWeights {
  topics: Record<string, number>;
  keywords: Record<string, number>;
}

export interface FeedbackVote {
  kind: FeedbackKind;
  /** The paper's assigned topics, most fitting first. */
  topics: readonly string[];
  keywords: readonly string[];
  at: Date;
}

export interface WeightChange {
  topic: string;
  from: number;
  to: number;
}

export interface FeedbackTarget {
  reader: Reader;
  paper: { id: string; title: string; topics: string[]; keywords: string[] };
  kind: FeedbackKind;
}

/**
 * Reads a feedback link: the token's subject is the reader, the query names the
 * paper and the vote (see Links.feedbackLinks). Subjects of the older form
 * `${readerId}|${paperId}|${kind}` carry all three and are still honoured.
 */
export function parseFeedbackLink(
  subject: string,
  query: { paper?: unknown; vote?: unknown } = {},
): {
  readerId: string;
  paperId: string;
  kind: FeedbackKind;
} {
  const [readerId, paperId, kind, ...rest] = subject.includes("|")
    ? subject.split("|")
    : [subject, query.paper, query.vote];
  if (
    typeof readerId !== "string" ||
    !readerId ||
    typeof paperId !== "string" ||
    !paperId ||
    paperId.length > 200 ||
    (kind !== "more" && kind !== "less") ||
    rest.length > 0
  ) {
    throw new AppError("TOKEN_INVALID", "this feedback link is not valid");
  }
  return { readerId, paperId, kind };
}

/** Pure: the weights a reader's votes add up to at `now` (votes: at most one per paper, the latest). */
export function computeFeedbackWeights(votes: readonly FeedbackVote[], now: Date): FeedbackWeights {
  const topics = new Map<string, number>();
  const keywords = new Map<string, number>();
  for (const vote of votes) {
    const ageDays = Math.max(0, (now.getTime() - vote.at.getTime()) / DAY_MS);
    if (ageDays > FEEDBACK_HORIZON_DAYS) continue;
    const signed = (vote.kind === "more" ? 1 : -1) * 0.5 ** (ageDays / HALF_LIFE_DAYS);
    vote.topics.slice(0, TOPIC_SHARES.length).forEach((topic, i) => {
      topics.set(topic, (topics.get(topic) ?? 0) + signed * TOPIC_STEP * TOPIC_SHARES[i]!);
    });
    const seen = new Set<string>();
    for (const raw of vote.keywords) {
      const keyword = normaliseKeyword(raw);
      if (!keyword || seen.has(keyword)) continue;
      seen.add(keyword);
      keywords.set(keyword, (keywords.get(keyword) ?? 0) + signed * KEYWORD_STEP);
      if (seen.size >= MAX_PAPER_KEYWORDS) break;
    }
  }
  const strongestKeywords = [...keywords].sort(
    (a, b) => Math.abs(b[1]) - Math.abs(a[1]) || a[0].localeCompare(b[0]),
  );
  return {
    topics: finish(
      [...topics].sort((a, b) => a[0].localeCompare(b[0])),
      TOPIC_LIMIT,
    ),
    keywords: finish(strongestKeywords.slice(0, MAX_STORED_KEYWORDS), KEYWORD_LIMIT),
  };
}

/** Reads whatever is stored in Reader.feedbackWeights (JSON written by anyone) into a clean shape. */
export function readFeedbackWeights(value: unknown): FeedbackWeights {
  const section = (key: string): Record<string, number> => {
    const raw = (value as Record<string, unknown> | null)?.[key];
    if (!raw || typeof raw !== "object" || Array.isArray(raw)) return {};
    return Object.fromEntries(
      Object.entries(raw as Record<string, unknown>).filter(
        (entry): entry is [string, number] => typeof entry[1] === "number" && Number.isFinite(entry[1]),
      ),
    );
  };
  return { topics: section("topics"), keywords: section("keywords") };
}

/** Topic weights that differ between two states, largest change first. */
export function topicWeightChanges(before: FeedbackWeights, after: FeedbackWeights): WeightChange[] {
  const slugs = new Set([...Object.keys(before.topics), ...Object.keys(after.topics)]);
  return [...slugs]
    .map((topic) => ({ topic, from: before.topics[topic] ?? 0, to: after.topics[topic] ?? 0 }))
    .filter((c) => c.from !== c.to)
    .sort((a, b) => Math.abs(b.to - b.from) - Math.abs(a.to - a.from) || a.topic.localeCompare(b.topic));
}

export class FeedbackService {
  private readonly prisma: PrismaClient;
  private readonly clock: Clock;
  private readonly logger: Logger;

  constructor(deps: { prisma: PrismaClient; clock: Clock; logger: Logger }) {
    this.prisma = deps.prisma;
    this.clock = deps.clock;
    this.logger = deps.logger;
  }

  /** The reader and paper a feedback link is about (for the confirmation page); NOT_FOUND when either is gone. */
  async target(readerId: string, paperId: string, kind: FeedbackKind): Promise<FeedbackTarget> {
    const [reader, paper] = await Promise.all([
      this.prisma.reader.findUnique({ where: { id: readerId } }),
      this.prisma.paper.findUnique({
        where: { id: paperId },
        select: { id: true, title: true, topics: true, keywords: true },
      }),
    ]);
    if (!reader || !paper)
      throw new AppError("NOT_FOUND", "no such reader or paper", { details: { readerId, paperId } });
    return { reader, paper, kind };
  }

  /**
   * Records a vote and recomputes the reader's weights, under a lock on the
   * reader's row so two clicks at once cannot lose each other's update.
   * `repeated`: the reader's latest vote on this paper was already this one.
   */
  async record(
    readerId: string,
    paperId: string,
    kind: FeedbackKind,
  ): Promise<{ repeated: boolean; weights: FeedbackWeights; changes: WeightChange[] }> {
    await this.target(readerId, paperId, kind);
    const now = this.clock.now();
    const result = await this.prisma.$transaction(async (tx) => {
      const locked = await tx.$queryRaw<{ feedback_weights: unknown }[]>`
        SELECT feedback_weights FROM readers WHERE id = ${readerId} FOR UPDATE`;
      const before = readFeedbackWeights(locked[0]?.feedback_weights);
      const latest = await tx.feedbackEvent.findFirst({
        where: { readerId, paperId },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        select: { kind: true },
      });
      const repeated = latest?.kind === kind;
      if (!repeated) await tx.feedbackEvent.create({ data: { readerId, paperId, kind, createdAt: now } });
      const events = await tx.feedbackEvent.findMany({
        where: { readerId, createdAt: { gte: new Date(now.getTime() - FEEDBACK_HORIZON_DAYS * DAY_MS) } },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        take: MAX_EVENTS,
        select: {
          paperId: true,
          kind: true,
          createdAt: true,
          paper: { select: { topics: true, keywords: true } },
        },
      });
      const latestPerPaper = new Map<string, FeedbackVote>();
      for (const event of events) {
        if (latestPerPaper.has(event.paperId) || (event.kind !== "more" && event.kind !== "less")) continue;
        latestPerPaper.set(event.paperId, {
          kind: event.kind,
          topics: event.paper.topics,
          keywords: event.paper.keywords,
          at: event.createdAt,
        });
      }
      const weights = computeFeedbackWeights([...latestPerPaper.values()], now);
      await tx.reader.update({ where: { id: readerId }, data: { feedbackWeights: { ...weights } } });
      return { repeated, weights, changes: topicWeightChanges(before, weights) };
    });
    this.logger.info({ readerId, paperId, kind, repeated: result.repeated }, "reader feedback recorded");
    return result;
  }

  /** Forgets every vote: the reader's digests go back to their topics and keywords alone. */
  async reset(readerId: string): Promise<void> {
    await this.prisma.$transaction([
      this.prisma.feedbackEvent.deleteMany({ where: { readerId } }),
      this.prisma.reader.update({
        where: { id: readerId },
        data: { feedbackWeights: { topics: {}, keywords: {} } },
      }),
    ]);
  }
}

function normaliseKeyword(value: string): string | undefined {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters
  const printable = value.replace(/[\u0000-\u001f\u007f]+/g, " ");
  const cleaned = printable.replace(/\s+/g, " ").trim().toLowerCase();
  return cleaned.length >= 2 && cleaned.length <= 60 ? cleaned : undefined;
}

function finish(entries: readonly [string, number][], limit: number): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [key, raw] of entries) {
    const value = Math.round(Math.min(limit, Math.max(-limit, raw)) * 1000) / 1000;
    if (Math.abs(value) >= 0.01) out[key] = value;
  }
  return out;
}
