import { topicBySlug } from "../topics/taxonomy.js";
import type { EditionContext, PreparedPaper, TopicWalk } from "./edition-context.js";
import { MATCH_AUTHOR } from "./keyword-index.js";
import { type KeywordReasonPart, sectionReason } from "./paper-reason.js";
import {
  type EditionSection,
  KEYWORDS_SECTION,
  type RankedEdition,
  type RankedPaper,
  type ReaderProfile,
} from "./ranking-types.js";
import { ReaderRelevance } from "./relevance.js";
import { scoreBound, type WalkBound } from "./walk-bound.js";

/**
 * Ranks one reader's edition from a prepared context. Pure and deterministic: ties break on paper id.
 *
 * - score = w * relevance + (1 - w) * trend, w = reader.relevanceWeight (see relevance.ts, trend.ts).
 * - Each eligible, unsent paper is filed once, under its best followed topic (or "keywords").
 * - Each section keeps its best sectionSize papers; the edition's editionSize slots are then dealt out one
 *   per section per round, in the reader's order (topics, then "keywords"), so every followed topic with
 *   something worth sending gets its best paper before any topic gets its sixth. Empty sections are left out.
 * - Also trending: the top alsoTrendingSize unsent papers by trend that belong to none of the reader's
 *   sections (no followed topic, no keyword); skipped when reader.alsoTrending is false.
 * - Nothing for the reader: isEmpty, unless options.sendEmptyAsTrending and the reader accepts trending
 *   papers (alsoTrending), in which case alsoTrending holds the top sectionSize unsent papers by trend.
 *
 * Speed: keyword matches are scored first; then, per followed topic, the ranker walks the topic's papers
 * pre-sorted for the anchor nearest the reader's knob and stops once the section is full and the bound of
 * walk-bound.ts says nothing further down can beat its worst entry. A paper filed under another topic is
 * reached through that topic's own list, so the cut-off is exact (a test checks it against a full sort).
 */
export function rankReader(context: EditionContext, reader: ReaderProfile): RankedEdition {
  const relevance = new ReaderRelevance(context, reader);
  const { options, papers, scratch, trends } = context;
  const k = options.sectionSize;
  const w = relevance.weight;
  const sent = reader.sentPaperIds;
  const generation = scratch.generation;
  const { visited, sectionPapers, sectionScores, sectionCounts } = scratch;
  const sectionCount = relevance.keywordSection + 1;
  sectionCounts.fill(0, 0, sectionCount);

  const consider = (p: number): void => {
    visited[p] = generation;
    const rel = relevance.evaluate(p);
    const s = relevance.section;
    if (s < 0) return; // NOT_ELIGIBLE
    const score = w * rel + (1 - w) * trends[p]!;
    const count = sectionCounts[s]!;
    const base = s * k;
    if (count === k) {
      const last = sectionScores[base + k - 1]!;
      if (score < last || (score === last && p > sectionPapers[base + k - 1]!)) return;
    }
    if (sent?.has(papers[p]!.paper.id)) return;
    scratch.relevance[p] = rel;
    let j = count === k ? k - 1 : count;
    while (j > 0) {
      const prevScore = sectionScores[base + j - 1]!;
      if (prevScore > score || (prevScore === score && sectionPapers[base + j - 1]! < p)) break;
      sectionScores[base + j] = prevScore;
      sectionPapers[base + j] = sectionPapers[base + j - 1]!;
      j--;
    }
    sectionScores[base + j] = score;
    sectionPapers[base + j] = p;
    if (count < k) sectionCounts[s] = count + 1;
  };

  if (k > 0) {
    // Keyword matches first: the walks below rely on every keyword-matched paper having been scored.
    for (const p of relevance.keywordPapers) if (visited[p] !== generation) consider(p);
    const walk = nearestWalk(context, w);
    const bound: WalkBound = {
      weight: w,
      anchor: walk.anchor,
      topicWeight: relevance.maxTopicWeight,
      nudge: relevance.maxNudge,
    };
    for (let s = 0; s < relevance.topicIdx.length; s++) {
      const t = relevance.topicIdx[s]!;
      const list = walk.lists[t]!;
      const keys = walk.keys[t]!;
      const last = s * k + k - 1;
      for (let j = 0; j < list.length; j++) {
        if (sectionCounts[s] === k && scoreBound(keys[j]!, bound) < sectionScores[last]!) break;
        const p = list[j]!;
        if (visited[p] !== generation) consider(p);
      }
    }
  }

  // Deal the edition's slots: one per section per round, in the reader's order.
  const taken: number[] = new Array(sectionCount).fill(0);
  let total = 0;
  for (let round = 0; round < k && total < options.editionSize; round++) {
    for (let s = 0; s < sectionCount && total < options.editionSize; s++) {
      if (sectionCounts[s]! > round) {
        taken[s]!++;
        total++;
      }
    }
  }

  const sections: EditionSection[] = [];
  const paperIds: string[] = [];
  for (let s = 0; s < sectionCount; s++) {
    if (taken[s] === 0) continue;
    const topic = relevance.topicOf(s);
    const ranked: RankedPaper[] = [];
    for (let j = 0; j < taken[s]!; j++) {
      const p = sectionPapers[s * k + j]!;
      ranked.push(sectionEntry(context, relevance, p, sectionScores[s * k + j]!, topic));
      paperIds.push(papers[p]!.paper.id);
    }
    sections.push({ topic: topic ?? KEYWORDS_SECTION, papers: ranked });
  }

  let alsoTrending: RankedPaper[] = [];
  if (total > 0 && reader.alsoTrending) {
    alsoTrending = topTrending(context, options.alsoTrendingSize, sent, (p) => relevance.isRelevant(p));
  } else if (total === 0 && options.sendEmptyAsTrending && reader.alsoTrending) {
    alsoTrending = topTrending(context, k, sent, () => false);
  }
  for (const entry of alsoTrending) paperIds.push(entry.paper.id);
  return { sections, alsoTrending, isEmpty: paperIds.length === 0, paperIds };
}

function sectionEntry(
  context: EditionContext,
  relevance: ReaderRelevance,
  p: number,
  score: number,
  topic: RankedPaper["matchedTopic"],
): RankedPaper {
  const prepared = context.papers[p]!;
  const hits = relevance.keywordHits(p);
  let reason = prepared.baseReason;
  if (hits.length > 0 || reason.length === 0) {
    const parts: KeywordReasonPart[] = hits.map((hit) =>
      hit.kind === MATCH_AUTHOR
        ? { keyword: hit.keyword, author: authorNamed(prepared, hit.key, hit.keyword) }
        : { keyword: hit.keyword },
    );
    reason = sectionReason(
      prepared.primaryCategory,
      parts,
      prepared.upvoteText,
      topic && topicBySlug(topic)?.name,
    );
  }
  // Always the same properties in the same order, so every entry has one shape (matchedTopic may be undefined).
  return {
    paper: prepared.paper,
    score,
    relevance: context.scratch.relevance[p]!,
    trend: prepared.trend,
    matchedTopic: topic,
    matchedKeywords: hits.length === 0 ? [] : hits.map((hit) => hit.keyword),
    reason,
  };
}

/** The pre-sorted topic lists whose anchor is nearest the reader's knob. */
function nearestWalk(context: EditionContext, w: number): TopicWalk {
  let best = context.topicWalks[0]!;
  for (const walk of context.topicWalks) {
    if (Math.abs(walk.anchor - w) < Math.abs(best.anchor - w)) best = walk;
  }
  return best;
}

/** Top `count` unsent papers by trend, skipping those `skip` rejects. */
function topTrending(
  context: EditionContext,
  count: number,
  sent: ReadonlySet<string> | undefined,
  skip: (p: number) => boolean,
): RankedPaper[] {
  const out: RankedPaper[] = [];
  const { byTrend, papers, trendingEntries } = context;
  for (let j = 0; j < byTrend.length && out.length < count; j++) {
    const p = byTrend[j]!;
    if (skip(p) || sent?.has(papers[p]!.paper.id)) continue;
    out.push(trendingEntries[p]!);
  }
  return out;
}

/** The author's name as the paper spells it. */
function authorNamed(prepared: PreparedPaper, key: string, keyword: string): string {
  const at = prepared.authorKeys.indexOf(key);
  return at >= 0 ? prepared.paper.authors[at]! : keyword;
}
