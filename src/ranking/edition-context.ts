import { AppError } from "../lib/errors.js";
import { TOPIC_SLUGS, type TopicSlug } from "../topics/taxonomy.js";
import { KeywordIndex, normalizeName } from "./keyword-index.js";
import { baseReason, trendingReason, upvotePhrase } from "./paper-reason.js";
import {
  type CandidatePaper,
  DEFAULT_RANKING_OPTIONS,
  type RankedPaper,
  type RankingOptions,
} from "./ranking-types.js";
import { ageHours, computeTrends, type UpvoteStats, upvoteStats } from "./trend.js";

const DAY_MS = 86_400_000;
/** Dates up to a day ahead of `now` still count (date-only stamps, time zones). */
export const FUTURE_SLACK_MS = DAY_MS;
export const TOPIC_COUNT = TOPIC_SLUGS.length;
/** Every topic plus "keywords". */
export const MAX_SECTIONS = TOPIC_COUNT + 1;
const TOPIC_INDEX = new Map<string, number>(TOPIC_SLUGS.map((slug, i) => [slug, i]));

export function topicIndex(slug: string): number {
  return TOPIC_INDEX.get(slug) ?? -1;
}

/**
 * Knob values for which each topic's list is pre-sorted by anchor * topicScore + (1 - anchor) * trend.
 * A reader walks the list of the nearest anchor; the default knob (0.7) is one, so most readers walk a list
 * in the very order of their scores and stop after little more than a section's worth.
 */
export const WALK_ANCHORS: readonly number[] = Object.freeze([0, 0.25, 0.5, 0.7, 0.85, 1]);

export interface TopicWalk {
  readonly anchor: number;
  /** Per topic: eligible paper indices by key, highest first (ties by id). */
  readonly lists: readonly Int32Array[];
  /** Per topic: the keys, aligned with lists. */
  readonly keys: readonly Float64Array[];
}

/** A window paper with everything about it that is the same for every reader. */
export interface PreparedPaper {
  readonly paper: CandidatePaper;
  /** Position in EditionContext.papers (papers are ordered by id, so index order = id order). */
  readonly index: number;
  readonly stats: UpvoteStats;
  readonly ageHours: number;
  readonly rawTrend: number;
  /** Percentile of rawTrend in the edition, 0..1. */
  readonly trend: number;
  readonly primaryTopic: TopicSlug | undefined;
  readonly primaryCategory: string | undefined;
  /** Authors normalised like keywords (normalizeName), same order as paper.authors. */
  readonly authorKeys: readonly string[];
  /** "120 upvotes, +40 today", or "" when upvotes are unknown. */
  readonly upvoteText: string;
  /** The reason when no keyword matched, e.g. "cs.CL · 120 upvotes, +40 today" ("" when nothing is known). */
  readonly baseReason: string;
}

/** Per-reader working memory, reused across readers so ranking allocates little. Internal to the ranker. */
export interface RankScratch {
  generation: number;
  /** Paper was looked at for the current reader when visited[i] === generation. */
  readonly visited: Uint32Array;
  /** Keyword data is for the current reader when keywordGen[i] === generation. */
  readonly keywordGen: Uint32Array;
  /** Product of (1 - keyword strength) over the reader's matching keywords. */
  readonly keywordMiss: Float64Array;
  /** Additive relevance nudge from feedback keywords. */
  readonly nudge: Float64Array;
  /** Relevance of a paper for the current reader (valid for papers in the section buffers). */
  readonly relevance: Float64Array;
  /** Best sectionSize papers per section (up to 21 sections), best first, and their scores. */
  readonly sectionPapers: Int32Array;
  readonly sectionScores: Float64Array;
  readonly sectionCounts: Int32Array;
}

/** Everything about an edition that is the same for every reader; build once with prepareEdition. */
export interface EditionContext {
  readonly now: Date;
  readonly options: Readonly<Required<RankingOptions>>;
  /** The papers in the window, ordered by id. */
  readonly papers: readonly PreparedPaper[];
  readonly byId: ReadonlyMap<string, number>;
  /** Trend per paper index (the same as papers[i].trend, packed for the hot loop). */
  readonly trends: Float64Array;
  /** Paper indices by trend, highest first (ties by id). */
  readonly byTrend: Int32Array;
  /** Per topic (TOPIC_SLUGS order): indices of the papers eligible for it, by trend, highest first. */
  readonly topicLists: readonly Int32Array[];
  /** The same lists sorted for each of WALK_ANCHORS (see walk-bound.ts); topicWalks[0] is by trend. */
  readonly topicWalks: readonly TopicWalk[];
  /** Topic score per paper and topic at [paper * TOPIC_COUNT + topic]; assigned topics count at least topicThreshold. */
  readonly topicScores: Float64Array;
  /** 1 at [paper * TOPIC_COUNT + topic] when the paper is assigned the topic or scores at least topicThreshold. */
  readonly eligible: Uint8Array;
  readonly keywords: KeywordIndex;
  /** Per paper index, its also-trending entry (the same for every reader, so built once; frozen). */
  readonly trendingEntries: readonly RankedPaper[];
  readonly scratch: RankScratch;
}

/**
 * Prepares an edition: keeps the papers featured or published within windowDays before `now`, computes
 * their trend, stem index, topic lists and reason texts. Pure apart from the returned context's scratch.
 */
export function prepareEdition(
  papers: readonly CandidatePaper[],
  now: Date,
  options: Partial<RankingOptions> = {},
): EditionContext {
  const resolved = resolveOptions(options);
  const nowMs = now.getTime();
  if (!Number.isFinite(nowMs)) throw new AppError("VALIDATION_FAILED", "ranking needs a valid `now`");
  const from = nowMs - resolved.windowDays * DAY_MS;
  const to = nowMs + FUTURE_SLACK_MS;

  const inWindow: { paper: CandidatePaper; reference: Date }[] = [];
  for (const paper of papers) {
    const reference = latestIn([paper.featuredAt, paper.publishedAt], from, to);
    if (reference) inWindow.push({ paper, reference });
  }
  inWindow.sort((a, b) => compareIds(a.paper.id, b.paper.id));
  for (let i = 1; i < inWindow.length; i++) {
    if (inWindow[i]!.paper.id === inWindow[i - 1]!.paper.id) {
      throw new AppError("VALIDATION_FAILED", `paper ${inWindow[i]!.paper.id} is listed twice`);
    }
  }

  const inputs = inWindow.map(({ paper, reference }) => ({
    stats: upvoteStats(paper.upvotes, paper.snapshots, reference, now),
    ageHours: ageHours(reference, now),
  }));
  const { raw, trend } = computeTrends(inputs);
  const n = inWindow.length;
  const prepared: PreparedPaper[] = inWindow.map(({ paper }, index) => {
    const stats = inputs[index]!.stats;
    const primaryCategory = paper.categories[0] || undefined;
    const upvoteText = upvotePhrase(stats);
    return Object.freeze({
      paper,
      index,
      stats,
      ageHours: inputs[index]!.ageHours,
      rawTrend: raw[index]!,
      trend: trend[index]!,
      primaryTopic: paper.assignedTopics.find((t) => TOPIC_INDEX.has(t)),
      primaryCategory,
      authorKeys: paper.authors.map(normalizeName),
      upvoteText,
      baseReason: baseReason(primaryCategory, upvoteText),
    });
  });

  const topicScores = new Float64Array(n * TOPIC_COUNT);
  const eligible = new Uint8Array(n * TOPIC_COUNT);
  for (const p of prepared) {
    const base = p.index * TOPIC_COUNT;
    for (const [slug, value] of Object.entries(p.paper.topicScores)) {
      const t = TOPIC_INDEX.get(slug);
      if (t !== undefined && typeof value === "number" && value > 0)
        topicScores[base + t] = Math.min(1, value);
    }
    for (const slug of p.paper.assignedTopics) {
      const t = TOPIC_INDEX.get(slug);
      if (t !== undefined) topicScores[base + t] = Math.max(topicScores[base + t]!, resolved.topicThreshold);
    }
    for (let t = 0; t < TOPIC_COUNT; t++) {
      if (topicScores[base + t]! >= resolved.topicThreshold && topicScores[base + t]! > 0)
        eligible[base + t] = 1;
    }
  }

  const byTrendOrder = (a: number, b: number) => trend[b]! - trend[a]! || raw[b]! - raw[a]! || a - b;
  const byTrend = Int32Array.from(prepared, (p) => p.index).sort(byTrendOrder);
  const topicLists = TOPIC_SLUGS.map((_, t) => byTrend.filter((i) => eligible[i * TOPIC_COUNT + t] === 1));
  const topicWalks = WALK_ANCHORS.map((anchor) => topicWalk(anchor, topicLists, topicScores, trend));

  return Object.freeze({
    now: new Date(nowMs),
    options: resolved,
    papers: Object.freeze(prepared),
    byId: new Map(prepared.map((p) => [p.paper.id, p.index])),
    trends: trend,
    byTrend,
    topicLists: Object.freeze(topicLists),
    topicWalks: Object.freeze(topicWalks),
    topicScores,
    eligible,
    keywords: new KeywordIndex(prepared.map((p) => p.paper)),
    trendingEntries: Object.freeze(prepared.map(trendingEntry)),
    scratch: {
      generation: 0,
      visited: new Uint32Array(n),
      keywordGen: new Uint32Array(n),
      keywordMiss: new Float64Array(n),
      nudge: new Float64Array(n),
      relevance: new Float64Array(n),
      sectionPapers: new Int32Array(MAX_SECTIONS * resolved.sectionSize),
      sectionScores: new Float64Array(MAX_SECTIONS * resolved.sectionSize),
      sectionCounts: new Int32Array(MAX_SECTIONS),
    },
  });
}

function topicWalk(
  anchor: number,
  topicLists: readonly Int32Array[],
  topicScores: Float64Array,
  trend: Float64Array,
): TopicWalk {
  const lists: Int32Array[] = [];
  const keys: Float64Array[] = [];
  topicLists.forEach((byTrend, t) => {
    const keyOf = (i: number) => anchor * topicScores[i * TOPIC_COUNT + t]! + (1 - anchor) * trend[i]!;
    const list = byTrend.slice().sort((x, y) => keyOf(y) - keyOf(x) || x - y);
    lists.push(anchor === 0 ? byTrend : list);
    keys.push(Float64Array.from(anchor === 0 ? byTrend : list, keyOf));
  });
  return Object.freeze({ anchor, lists: Object.freeze(lists), keys: Object.freeze(keys) });
}

function trendingEntry(p: PreparedPaper): RankedPaper {
  return Object.freeze({
    paper: p.paper,
    score: p.trend,
    relevance: 0,
    trend: p.trend,
    matchedTopic: undefined,
    matchedKeywords: NO_KEYWORDS,
    reason: trendingReason(p.primaryTopic, p.upvoteText),
  });
}

const NO_KEYWORDS: string[] = Object.freeze([]) as unknown as string[];

function resolveOptions(options: Partial<RankingOptions>): Readonly<Required<RankingOptions>> {
  const merged = { ...DEFAULT_RANKING_OPTIONS };
  for (const [key, value] of Object.entries(options)) {
    if (value !== undefined) (merged as Record<string, unknown>)[key] = value;
  }
  const counts = ["sectionSize", "editionSize", "alsoTrendingSize"] as const;
  const bad =
    !(merged.windowDays > 0 && Number.isFinite(merged.windowDays)) ||
    counts.some((k) => !(Number.isInteger(merged[k]) && merged[k] >= 0)) ||
    !(merged.topicThreshold > 0 && merged.topicThreshold <= 1);
  if (bad) {
    throw new AppError("VALIDATION_FAILED", "invalid ranking options", { details: { options: merged } });
  }
  return Object.freeze(merged);
}

/** The most recent of the dates that fall in [from, to]. */
function latestIn(dates: readonly (Date | undefined)[], from: number, to: number): Date | undefined {
  let best: Date | undefined;
  for (const date of dates) {
    const t = date?.getTime();
    if (t === undefined || !(t >= from && t <= to)) continue;
    if (!best || t > best.getTime()) best = date;
  }
  return best;
}

/** Code-unit order: stable across locales and runtimes. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
