import type { TopicSlug } from "../topics/taxonomy.js";

export type { EditionContext } from "./edition-context.js";

/** One upvote count observed at one instant (UpvoteSnapshot rows). */
export interface UpvoteSample {
  upvotes: number;
  takenAt: Date;
}

/** A paper as the ranker sees it; the lead loads these from Paper, PaperTopic and UpvoteSnapshot. */
export interface CandidatePaper {
  id: string;
  title: string;
  abstract: string;
  authors: string[];
  publishedAt?: Date;
  featuredAt?: Date;
  /** Current upvotes; undefined means unknown (not zero). */
  upvotes?: number;
  comments?: number;
  /** arXiv categories, primary first. */
  categories: string[];
  keywords: string[];
  /** Classifier scores in 0..1. */
  topicScores: Partial<Record<TopicSlug, number>>;
  /** Assigned topics, most fitting first. */
  assignedTopics: TopicSlug[];
  /** Upvote history, any order. */
  snapshots: UpvoteSample[];
}

/** Feedback nudges from "more / fewer like this": a signed value per topic slug or keyword term. */
export interface ReaderFeedback {
  topics?: Record<string, number>;
  keywords?: Record<string, number>;
}

export interface ReaderProfile {
  id: string;
  /** Followed topics, in the reader's order of priority (unknown slugs are ignored). */
  topics: TopicSlug[];
  keywords: string[];
  /** 0 = pure trending .. 1 = pure relevance; see DEFAULT_RELEVANCE_WEIGHT. */
  relevanceWeight: number;
  alsoTrending: boolean;
  /** Papers this reader has already been sent; never sent again. */
  sentPaperIds: ReadonlySet<string> | undefined;
  feedback?: ReaderFeedback;
}

export interface RankingOptions {
  /** A paper is a candidate when featured or published within this many days before `now`. */
  windowDays: number;
  /** Most papers in one section. */
  sectionSize: number;
  /** Most papers in all sections together (also-trending not counted). */
  editionSize: number;
  /** Size of the "Also trending" section. */
  alsoTrendingSize: number;
  /** When nothing matches a reader, send the top trending papers instead of an empty edition. */
  sendEmptyAsTrending: boolean;
  /** A topic score at or above this makes a paper eligible for the topic (assigned topics always are). Default 0.5. */
  topicThreshold?: number;
}

export const DEFAULT_RANKING_OPTIONS: Readonly<Required<RankingOptions>> = Object.freeze({
  windowDays: 7,
  sectionSize: 5,
  editionSize: 20,
  alsoTrendingSize: 3,
  sendEmptyAsTrending: false,
  topicThreshold: 0.5,
});

/**
 * Default knob: score = 0.7 * relevance + 0.3 * trend. Readers subscribe for their topics, so
 * relevance dominates: a paper squarely in a followed topic (relevance ~0.9) beats a loosely related
 * one (~0.5) unless the latter is far more popular. Yet within a topic most papers are similarly
 * relevant, and the 0.3 trend share then decides the order, so the week's standout papers come first.
 * At 0.7 a 0.1 relevance gap is worth about 23 percentile points of trend.
 */
export const DEFAULT_RELEVANCE_WEIGHT = 0.7;

/** Slug of the section for papers that matched only a keyword and fit none of the followed topics. */
export const KEYWORDS_SECTION = "keywords" as const;

export interface RankedPaper {
  paper: CandidatePaper;
  /** relevanceWeight * relevance + (1 - relevanceWeight) * trend. */
  score: number;
  /** 0..1 for this reader. */
  relevance: number;
  /** 0..1 within the edition (percentile). */
  trend: number;
  /** The followed topic the paper is filed under (undefined in "keywords" and also-trending). */
  matchedTopic?: TopicSlug;
  /** The reader's keywords (as the reader wrote them) that matched. */
  matchedKeywords: string[];
  /** Short and concrete, e.g. "cs.CL · matches 'speculative decoding' · 120 upvotes, +40 today". */
  reason: string;
}

export interface EditionSection {
  topic: TopicSlug | typeof KEYWORDS_SECTION;
  papers: RankedPaper[];
}

export interface RankedEdition {
  /** Followed topics in the reader's order, then "keywords"; sections without papers are left out. */
  sections: EditionSection[];
  /** Top trending papers outside the reader's sections; or, for an empty edition sent as trending, the top trending papers. */
  alsoTrending: RankedPaper[];
  /** True when there is nothing to send (the delivery should be skipped). */
  isEmpty: boolean;
  /** Every paper in the edition, sections first, in order. */
  paperIds: string[];
}
