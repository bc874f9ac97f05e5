import { describe, expect, it } from "vitest";
import { type EditionContext, prepareEdition } from "../../../src/ranking/edition-context.js";
import { rankReader } from "../../../src/ranking/edition-ranker.js";
import type { ReaderProfile } from "../../../src/ranking/ranking-types.js";
import { NOT_ELIGIBLE, ReaderRelevance } from "../../../src/ranking/relevance.js";
import { TOPIC_SLUGS } from "../../../src/topics/taxonomy.js";
import { NOW, randomPapers, randomReader, seededRandom, shuffle } from "./ranking-fixtures.js";

/**
 * The ranker prunes each topic walk early and selects partially; this naive version scores every paper and
 * sorts everything, so any pruning mistake shows up as a different edition.
 */
function referenceRank(context: EditionContext, reader: ReaderProfile) {
  const { sectionSize: k, editionSize, alsoTrendingSize, sendEmptyAsTrending } = context.options;
  const relevance = new ReaderRelevance(context, reader);
  const w = relevance.weight;
  const bySection = new Map<number, { id: string; score: number }[]>();
  context.papers.forEach((p, index) => {
    const rel = relevance.evaluate(index);
    if (relevance.section === NOT_ELIGIBLE || reader.sentPaperIds?.has(p.paper.id)) return;
    const list = bySection.get(relevance.section) ?? [];
    list.push({ id: p.paper.id, score: w * rel + (1 - w) * p.trend });
    bySection.set(relevance.section, list);
  });
  const tops: { id: string; score: number }[][] = [];
  for (let s = 0; s <= relevance.keywordSection; s++) {
    const list = (bySection.get(s) ?? []).sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1));
    tops.push(list.slice(0, k));
  }
  const taken = tops.map(() => 0);
  let total = 0;
  for (let round = 0; round < k; round++) {
    tops.forEach((top, s) => {
      if (top.length > round && total < editionSize) {
        taken[s]!++;
        total++;
      }
    });
  }
  const sections = tops
    .map((top, s) => ({ topic: relevance.topicOf(s) ?? "keywords", papers: top.slice(0, taken[s]) }))
    .filter((s) => s.papers.length > 0);
  const unsent = [...context.byTrend].filter((i) => !reader.sentPaperIds?.has(context.papers[i]!.paper.id));
  let trending: string[] = [];
  if (total > 0 && reader.alsoTrending) {
    trending = unsent
      .filter((i) => !relevance.isRelevant(i))
      .slice(0, alsoTrendingSize)
      .map((i) => context.papers[i]!.paper.id);
  } else if (total === 0 && sendEmptyAsTrending && reader.alsoTrending) {
    trending = unsent.slice(0, k).map((i) => context.papers[i]!.paper.id);
  }
  return { sections, trending };
}

describe("rankReader matches a naive full sort", () => {
  for (const [seed, options] of [
    [1, {}],
    [2, { sectionSize: 3, editionSize: 7 }],
    [3, { sectionSize: 8, editionSize: 40, sendEmptyAsTrending: true }],
  ] as const) {
    it(`on random papers and readers (seed ${seed})`, () => {
      const random = seededRandom(seed);
      const papers = randomPapers(random, 300);
      const context = prepareEdition(papers, NOW, options);
      const ids = papers.map((p) => p.id);
      let nonEmpty = 0;
      for (let i = 0; i < 300; i++) {
        const reader = randomReader(random, i, ids);
        // Now and then a reader follows every topic (21 sections with "keywords").
        if (i % 25 === 0) reader.topics = shuffle(TOPIC_SLUGS, random);
        const edition = rankReader(context, reader);
        const expected = referenceRank(context, reader);
        const actual = {
          sections: edition.sections.map((s) => ({
            topic: s.topic,
            papers: s.papers.map((p) => ({ id: p.paper.id, score: p.score })),
          })),
          trending: edition.alsoTrending.map((p) => p.paper.id),
        };
        expect(actual).toEqual(expected);
        if (edition.sections.length > 0) nonEmpty++;
        expect(new Set(edition.paperIds).size).toBe(edition.paperIds.length);
        for (const id of edition.paperIds) expect(reader.sentPaperIds?.has(id)).toBe(false);
      }
      expect(nonEmpty).toBeGreaterThan(150);
    });
  }
});
