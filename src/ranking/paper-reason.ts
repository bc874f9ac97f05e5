import { topicBySlug } from "../topics/taxonomy.js";
import type { UpvoteStats } from "./trend.js";

/**
 * Reasons shown next to each paper: short and concrete, parts joined by " · ".
 *   section paper:  "cs.CL · matches 'speculative decoding' · 120 upvotes, +40 today"
 *                   "cs.LG · by Yann LeCun · 12 upvotes"
 *   also trending:  "trending in Video · 310 upvotes, +25 today"
 */
const SEPARATOR = " · ";

/** "120 upvotes, +40 today" / "1 upvote" / "" when unknown. */
export function upvotePhrase(stats: UpvoteStats): string {
  if (stats.upvotes === undefined) return "";
  const count = `${stats.upvotes} ${stats.upvotes === 1 ? "upvote" : "upvotes"}`;
  return stats.gain24h !== undefined && stats.gain24h > 0 ? `${count}, +${stats.gain24h} today` : count;
}

/** The reason without keyword parts: category and upvotes. */
export function baseReason(category: string | undefined, upvoteText: string): string {
  return join([category, upvoteText]);
}

export interface KeywordReasonPart {
  keyword: string;
  /** The author's name as the paper spells it, when the keyword matched an author. */
  author?: string;
}

/** Reason for a paper in one of the reader's sections. `topicName` is used only when nothing else is known. */
export function sectionReason(
  category: string | undefined,
  matches: readonly KeywordReasonPart[],
  upvoteText: string,
  topicName: string | undefined,
): string {
  let phrases = "";
  let authors = "";
  for (const m of matches) {
    if (m.author !== undefined) authors = authors ? `${authors}, by ${m.author}` : `by ${m.author}`;
    else phrases = phrases ? `${phrases}, '${m.keyword}'` : `matches '${m.keyword}'`;
  }
  const reason = join([category, phrases, authors, upvoteText]);
  if (reason.length > 0) return reason;
  return topicName ? `in ${topicName}` : "matches your keywords";
}

/** "trending in Video · 310 upvotes" (or "trending · ..." when the paper has no topic). */
export function trendingReason(topic: string | undefined, upvoteText: string): string {
  const name = topic ? topicBySlug(topic)?.name : undefined;
  return join([name ? `trending in ${name}` : "trending", upvoteText]);
}

function join(parts: readonly (string | undefined)[]): string {
  let out = "";
  for (const part of parts) {
    if (part === undefined || part.length === 0) continue;
    out = out.length === 0 ? part : out + SEPARATOR + part;
  }
  return out;
}
