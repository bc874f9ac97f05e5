import type { TopicSlug } from "../topics/taxonomy.js";
import { type EditionContext, TOPIC_COUNT, topicIndex } from "./edition-context.js";
import { type KeywordMatches, MATCH_WEIGHTS } from "./keyword-index.js";
import { DEFAULT_RELEVANCE_WEIGHT, type ReaderProfile } from "./ranking-types.js";

/**
 * Relevance of a paper for one reader, in [0, 1]:
 *
 *   topicPart   = max over followed topics i of  score(paper, topic_i) * priority_i * feedback_i   (capped at 1)
 *   keywordPart = 1 - product over matching keywords k of (1 - min(0.95, strength_k * feedback_k))
 *   relevance   = 1 - (1 - topicPart) * (1 - keywordPart) + nudge        (clamped to [0, 1])
 *
 * - score(paper, topic): the classifier score; an assigned topic counts at least topicThreshold.
 * - priority_i = max(0.8, 1 - 0.04 * i): the reader's first topic weighs slightly more than later ones.
 * - strength_k: 0.8 for a match in the title or the paper's own keywords, 0.5 in the abstract, 0.9 for an author.
 * - feedback: a signed value v per topic slug or keyword ("more like this" +, "fewer" -) scales that topic or
 *   keyword by clamp(1 + v, 0.5, 1.5). A feedback keyword the reader does not follow adds a nudge of
 *   0.1 * clamp(v, -1, 1) to the papers it matches; nudges reorder, they never make a paper eligible.
 *
 * Eligibility: a paper is eligible when a followed topic is assigned to it or scores at least topicThreshold
 * (filed under the best such topic by weighted score, earlier topic on ties), or when a keyword matches it
 * (filed under the best followed topic scoring at least 0.2, else under "keywords").
 */
export const PRIORITY_STEP = 0.04;
export const PRIORITY_FLOOR = 0.8;
export const KEYWORD_TOPIC_FIT = 0.2;
export const MAX_KEYWORD_STRENGTH = 0.95;
export const NUDGE_SCALE = 0.1;
/** `section` value for a paper that is not eligible. */
export const NOT_ELIGIBLE = -1;
const NO_HITS: readonly KeywordHit[] = Object.freeze([]);
// Module-local copies: hot loops should not reach through imported bindings.
const STRIDE = TOPIC_COUNT;
const STRENGTH = Float64Array.from(MATCH_WEIGHTS);

export interface PlannedKeyword {
  /** As the reader wrote it (trimmed). */
  readonly text: string;
  /** Normalised (KeywordIndex.keyOf). */
  readonly key: string;
  readonly matches: KeywordMatches;
  readonly multiplier: number;
}

export interface KeywordHit {
  /** As the reader wrote it. */
  keyword: string;
  /** Normalised. */
  key: string;
  kind: number;
}

/**
 * One reader's relevance over a prepared edition. Constructing it matches the reader's keywords (memoised
 * per edition) and writes their strengths into the context's scratch, so it stays valid until the next
 * reader is planned on the same context.
 */
export class ReaderRelevance {
  readonly topics: readonly TopicSlug[];
  readonly weight: number;
  readonly keywords: readonly PlannedKeyword[];
  /** Distinct papers matched by the reader's own keywords. */
  readonly keywordPapers: readonly number[];
  /** Section number of "keywords": one past the followed topics. */
  readonly keywordSection: number;
  /** Section of the last evaluated paper: a position in `topics`, keywordSection, or NOT_ELIGIBLE. */
  section = NOT_ELIGIBLE;
  /** Largest topic weight (priority x feedback) among the followed topics; 1 without topics. */
  readonly maxTopicWeight: number;
  /** Sum of the positive feedback nudges: no paper's nudge exceeds it. */
  readonly maxNudge: number;
  /** TOPIC_SLUGS positions of `topics`. */
  readonly topicIdx: readonly number[];
  private readonly topicWeight: readonly number[];
  private readonly generation: number;

  constructor(
    private readonly context: EditionContext,
    reader: ReaderProfile,
  ) {
    const w = reader.relevanceWeight;
    this.weight = Number.isFinite(w) ? Math.min(1, Math.max(0, w)) : DEFAULT_RELEVANCE_WEIGHT;
    const topicFeedback = reader.feedback?.topics;
    const slugs: TopicSlug[] = [];
    const topicIdx: number[] = [];
    const topicWeight: number[] = [];
    for (const slug of reader.topics) {
      const t = topicIndex(slug);
      if (t < 0 || topicIdx.includes(t)) continue;
      const priority = Math.max(PRIORITY_FLOOR, 1 - PRIORITY_STEP * slugs.length);
      slugs.push(slug);
      topicIdx.push(t);
      topicWeight.push(priority * feedbackMultiplier(topicFeedback?.[slug]));
    }
    this.topics = slugs;
    this.topicIdx = topicIdx;
    this.topicWeight = topicWeight;
    this.keywordSection = slugs.length;
    this.maxTopicWeight = topicWeight.length > 0 ? Math.max(...topicWeight) : 1;

    const scratch = context.scratch;
    if (scratch.generation >= 0xfffffffe) {
      scratch.generation = 0;
      scratch.visited.fill(0);
      scratch.keywordGen.fill(0);
    }
    this.generation = ++scratch.generation;

    const index = context.keywords;
    const feedback: { key: string; value: number }[] = [];
    if (reader.feedback?.keywords) {
      for (const [term, value] of Object.entries(reader.feedback.keywords)) {
        const key = index.lookup(term).key;
        if (key && Number.isFinite(value)) feedback.push({ key, value });
      }
    }
    const planned: PlannedKeyword[] = [];
    const plannedKeys: string[] = [];
    const papers: number[] = [];
    for (const text of reader.keywords) {
      const { key, matches } = index.lookup(text);
      if (!key || plannedKeys.includes(key)) continue;
      plannedKeys.push(key);
      const multiplier = feedbackMultiplier(feedback.find((f) => f.key === key)?.value);
      planned.push({ text: text.trim(), key, matches, multiplier });
      const { papers: hits, kinds } = matches;
      for (let j = 0; j < hits.length; j++) {
        const p = hits[j]!;
        if (this.touch(p)) papers.push(p);
        const strength = Math.min(MAX_KEYWORD_STRENGTH, STRENGTH[kinds[j]!]! * multiplier);
        scratch.keywordMiss[p]! *= 1 - strength;
      }
    }
    let maxNudge = 0;
    for (const { key, value } of feedback) {
      const delta = NUDGE_SCALE * Math.min(1, Math.max(-1, value));
      if (delta === 0 || plannedKeys.includes(key)) continue;
      if (delta > 0) maxNudge += delta;
      for (const p of index.lookup(key).matches.papers) {
        this.touch(p);
        scratch.nudge[p]! += delta;
      }
    }
    this.maxNudge = maxNudge;
    this.keywords = planned;
    this.keywordPapers = papers;
  }

  /** Relevance of paper `index` in [0, 1]; sets `section` (NOT_ELIGIBLE when the paper is not for this reader). */
  evaluate(index: number): number {
    const { topicScores, eligible, scratch } = this.context;
    const base = index * STRIDE;
    let topicPart = 0;
    let best = NOT_ELIGIBLE;
    let bestValue = -1;
    let fit = NOT_ELIGIBLE;
    let fitValue = -1;
    for (let i = 0; i < this.topicIdx.length; i++) {
      const t = base + this.topicIdx[i]!;
      const score = topicScores[t]!;
      if (score === 0) continue;
      const value = score * this.topicWeight[i]!;
      if (value > topicPart) topicPart = value;
      if (eligible[t] === 1) {
        if (value > bestValue) {
          best = i;
          bestValue = value;
        }
      } else if (score >= KEYWORD_TOPIC_FIT && value > fitValue) {
        fit = i;
        fitValue = value;
      }
    }
    const touched = scratch.keywordGen[index] === this.generation;
    const keywordPart = touched ? 1 - scratch.keywordMiss[index]! : 0;
    if (best !== NOT_ELIGIBLE) this.section = best;
    else if (keywordPart > 0) this.section = fit !== NOT_ELIGIBLE ? fit : this.keywordSection;
    else {
      this.section = NOT_ELIGIBLE;
      return 0;
    }
    let relevance = 1 - (1 - Math.min(1, topicPart)) * (1 - keywordPart);
    if (touched) relevance += scratch.nudge[index]!;
    return Math.max(0, Math.min(1, relevance));
  }

  /** Whether the paper belongs in one of this reader's sections (a followed topic or a keyword). */
  isRelevant(index: number): boolean {
    const base = index * STRIDE;
    for (let i = 0; i < this.topicIdx.length; i++)
      if (this.context.eligible[base + this.topicIdx[i]!] === 1) return true;
    const scratch = this.context.scratch;
    return scratch.keywordGen[index] === this.generation && scratch.keywordMiss[index]! < 1;
  }

  /** The reader's keywords that match paper `index`, in the reader's order, with where they matched. */
  keywordHits(index: number): readonly KeywordHit[] {
    const scratch = this.context.scratch;
    if (scratch.keywordGen[index] !== this.generation || !(scratch.keywordMiss[index]! < 1)) return NO_HITS;
    const hits: KeywordHit[] = [];
    for (const keyword of this.keywords) {
      const at = binarySearch(keyword.matches.papers, index);
      if (at >= 0) hits.push({ keyword: keyword.text, key: keyword.key, kind: keyword.matches.kinds[at]! });
    }
    return hits;
  }

  /** Topic slug of a section number (undefined for keywords). */
  topicOf(section: number): TopicSlug | undefined {
    return section >= 0 && section < this.topics.length ? this.topics[section] : undefined;
  }

  /** Marks a paper's keyword data as this reader's; true the first time. */
  private touch(p: number): boolean {
    const scratch = this.context.scratch;
    if (scratch.keywordGen[p] === this.generation) return false;
    scratch.keywordGen[p] = this.generation;
    scratch.keywordMiss[p] = 1;
    scratch.nudge[p] = 0;
    return true;
  }
}

/** clamp(1 + v, 0.5, 1.5); 1 when there is no feedback. */
export function feedbackMultiplier(value: number | undefined): number {
  if (value === undefined || !Number.isFinite(value)) return 1;
  return Math.min(1.5, Math.max(0.5, 1 + value));
}

/** Relevance of one paper for one reader (convenience for callers and tests; the ranker uses ReaderRelevance). */
export function relevanceOf(context: EditionContext, reader: ReaderProfile, paperId: string): number {
  const index = context.byId.get(paperId);
  if (index === undefined) return 0;
  return new ReaderRelevance(context, reader).evaluate(index);
}

function binarySearch(sorted: Int32Array, value: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = sorted[mid]!;
    if (v === value) return mid;
    if (v < value) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}
