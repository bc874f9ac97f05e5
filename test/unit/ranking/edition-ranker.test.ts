import { describe, expect, it } from "vitest";
import { prepareEdition } from "../../../src/ranking/edition-context.js";
import { rankReader } from "../../../src/ranking/edition-ranker.js";
import type { CandidatePaper, RankedEdition, RankingOptions } from "../../../src/ranking/ranking-types.js";
import type { TopicSlug } from "../../../src/topics/taxonomy.js";
import { hoursAgo, NOW, paper, reader, seededRandom, shuffle, topical } from "./ranking-fixtures.js";

const rank = (papers: CandidatePaper[], r = reader(), options: Partial<RankingOptions> = {}) =>
  rankReader(prepareEdition(papers, NOW, options), r);

const layout = (edition: RankedEdition) =>
  Object.fromEntries([
    ...edition.sections.map((s) => [s.topic, s.papers.map((p) => p.paper.id)]),
    ["trending", edition.alsoTrending.map((p) => p.paper.id)],
  ]);

/** `count` papers in one topic, upvotes descending with the number (x1 is the most upvoted). */
function batch(prefix: string, topic: TopicSlug, count: number, score = 0.8): CandidatePaper[] {
  return Array.from({ length: count }, (_, i) =>
    topical(`${prefix}${i + 1}`, topic, score, { upvotes: 100 - i }),
  );
}

describe("rankReader: scoring", () => {
  const papers = [
    topical("relevant", "llm", 0.95, { upvotes: 2, publishedAt: hoursAgo(100) }),
    topical("popular", "llm", 0.55, { upvotes: 300, publishedAt: hoursAgo(5) }),
    topical("middling", "llm", 0.7, { upvotes: 40, publishedAt: hoursAgo(30) }),
  ];

  it("orders by relevance at knob 1 and by trend at knob 0", () => {
    const byRelevance = rank(papers, reader({ topics: ["llm"], relevanceWeight: 1 }));
    const byTrend = rank(papers, reader({ topics: ["llm"], relevanceWeight: 0 }));
    expect(byRelevance.sections[0]!.papers.map((p) => p.paper.id)).toEqual([
      "relevant",
      "middling",
      "popular",
    ]);
    expect(byTrend.sections[0]!.papers.map((p) => p.paper.id)).toEqual(["popular", "middling", "relevant"]);
  });

  it("blends the two: score = w * relevance + (1 - w) * trend", () => {
    const edition = rank(papers, reader({ topics: ["llm"], relevanceWeight: 0.7 }));
    for (const p of edition.sections[0]!.papers) {
      expect(p.score).toBeCloseTo(0.7 * p.relevance + 0.3 * p.trend, 12);
      expect(p.matchedTopic).toBe("llm");
    }
  });
});

describe("rankReader: grouping", () => {
  it("files each paper once, under its best followed topic (earlier topic on ties)", () => {
    const papers = [
      paper("mostly-rl", { topicScores: { llm: 0.6, rl: 0.9 }, assignedTopics: ["rl", "llm"] }),
      paper("tie", { topicScores: { llm: 0.8, rl: 0.8 }, assignedTopics: ["llm", "rl"] }),
    ];
    const edition = rank(papers, reader({ topics: ["llm", "rl"] }));
    expect(layout(edition)).toEqual({ llm: ["tie"], rl: ["mostly-rl"], trending: [] });
    expect(edition.paperIds).toEqual(["tie", "mostly-rl"]);
  });

  it("caps sections at sectionSize and follows the reader's order of topics", () => {
    const papers = [...batch("l", "llm", 8), ...batch("r", "rl", 2)];
    const edition = rank(papers, reader({ topics: ["rl", "llm"] }));
    expect(edition.sections.map((s) => s.topic)).toEqual(["rl", "llm"]);
    expect(layout(edition)).toMatchObject({ rl: ["r1", "r2"], llm: ["l1", "l2", "l3", "l4", "l5"] });
  });

  it("deals editionSize slots one per section per round, in the reader's order", () => {
    const papers = [...batch("a", "llm", 6), ...batch("b", "rl", 6), ...batch("c", "video", 1)];
    const edition = rank(papers, reader({ topics: ["llm", "rl", "video"] }), { editionSize: 6 });
    expect(layout(edition)).toMatchObject({ llm: ["a1", "a2", "a3"], rl: ["b1", "b2"], video: ["c1"] });
    expect(edition.paperIds).toHaveLength(6);
  });

  it("leaves out sections with nothing to send", () => {
    const edition = rank(batch("l", "llm", 2), reader({ topics: ["video", "llm"] }));
    expect(edition.sections.map((s) => s.topic)).toEqual(["llm"]);
  });

  it("files keyword-only papers under the best fitting topic, else under 'keywords'", () => {
    const papers = [
      topical("l1", "llm", 0.9),
      paper("fits-llm", { title: "Speculative decoding", topicScores: { llm: 0.3 } }),
      paper("fits-none", { title: "Speculative decoding again", topicScores: { video: 0.9 } }),
      paper("unrelated", { title: "Nothing" }),
    ];
    const edition = rank(
      papers,
      reader({ topics: ["llm"], keywords: ["speculative decoding"], alsoTrending: false }),
    );
    expect(layout(edition)).toEqual({ llm: ["l1", "fits-llm"], keywords: ["fits-none"], trending: [] });
    expect(edition.sections[1]!.papers[0]!.matchedTopic).toBeUndefined();
    expect(edition.sections[0]!.papers[1]!.matchedKeywords).toEqual(["speculative decoding"]);
  });

  it("adds also-trending papers from outside the reader's sections, unless turned off", () => {
    const papers = [
      ...batch("l", "llm", 7),
      topical("v1", "video", 0.9, { upvotes: 310 }),
      topical("v2", "video", 0.9, { upvotes: 200 }),
      topical("a1", "audio", 0.9, { upvotes: 150 }),
      topical("a2", "audio", 0.9, { upvotes: 1 }),
    ];
    const on = rank(papers, reader({ topics: ["llm"] }));
    expect(on.alsoTrending.map((p) => p.paper.id)).toEqual(["v1", "v2", "a1"]);
    expect(on.alsoTrending[0]!.reason).toBe("trending in Video · 310 upvotes, +310 today");
    expect(on.paperIds.slice(-3)).toEqual(["v1", "v2", "a1"]);
    const off = rank(papers, reader({ topics: ["llm"], alsoTrending: false }));
    expect(off.alsoTrending).toEqual([]);
    expect(off.paperIds).toEqual(["l1", "l2", "l3", "l4", "l5"]);
  });
});

describe("rankReader: empty editions and sent papers", () => {
  const papers = [topical("v1", "video", 0.9, { upvotes: 50 }), topical("v2", "video", 0.9, { upvotes: 80 })];

  it("is empty when nothing matches, even if other papers trend", () => {
    const edition = rank(papers, reader({ topics: ["llm"] }));
    expect(edition).toEqual({ sections: [], alsoTrending: [], isEmpty: true, paperIds: [] });
  });

  it("sends the top trending papers instead when sendEmptyAsTrending (and the reader takes trending)", () => {
    const edition = rank(papers, reader({ topics: ["llm"] }), { sendEmptyAsTrending: true, sectionSize: 1 });
    expect(edition.isEmpty).toBe(false);
    expect(edition.sections).toEqual([]);
    expect(edition.paperIds).toEqual(["v2"]);
    const declined = rank(papers, reader({ topics: ["llm"], alsoTrending: false }), {
      sendEmptyAsTrending: true,
    });
    expect(declined.isEmpty).toBe(true);
  });

  it("never includes sent papers, and the next best takes their place", () => {
    const all = [
      ...batch("l", "llm", 7),
      topical("v1", "video", 0.9, { upvotes: 999 }),
      topical("v2", "video", 0.9),
    ];
    const sent = new Set(["l1", "l3", "v1"]);
    const edition = rank(all, reader({ topics: ["llm"], sentPaperIds: sent }));
    expect(layout(edition)).toEqual({ llm: ["l2", "l4", "l5", "l6", "l7"], trending: ["v2"] });
    const allSent = rank(all, reader({ topics: ["llm"], sentPaperIds: new Set(all.map((p) => p.id)) }), {
      sendEmptyAsTrending: true,
    });
    expect(allSent.isEmpty).toBe(true);
  });

  it("gives a reader who switches topics the best recent papers of the new ones", () => {
    const all = [
      ...batch("l", "llm", 3),
      topical("video-old", "video", 0.9, { upvotes: 400, publishedAt: hoursAgo(5 * 24) }),
      topical("video-new", "video", 0.9, { upvotes: 30, publishedAt: hoursAgo(3) }),
      topical("video-stale", "video", 0.9, { upvotes: 900, publishedAt: hoursAgo(9 * 24) }),
    ];
    const before = rank(all, reader({ topics: ["llm"], alsoTrending: false }));
    const sent = new Set(before.paperIds);
    const after = rank(all, reader({ topics: ["video"], alsoTrending: false, sentPaperIds: sent }));
    expect(layout(after)).toEqual({ video: ["video-new", "video-old"], trending: [] });
  });
});

describe("rankReader: reasons", () => {
  it("names the category, matched keywords or authors, upvotes and today's gain", () => {
    const papers = [
      topical("sd", "efficiency", 0.9, {
        title: "Speculatively decoded LLMs",
        categories: ["cs.CL"],
        upvotes: 120,
        publishedAt: hoursAgo(50),
        snapshots: [{ upvotes: 80, takenAt: hoursAgo(25) }],
      }),
      topical("author", "efficiency", 0.9, { authors: ["Ondřej Dušek"], categories: ["cs.LG"], upvotes: 1 }),
      topical("plain", "efficiency", 0.9, { categories: [], upvotes: undefined }),
    ];
    const edition = rank(
      papers,
      reader({ topics: ["efficiency"], keywords: ["speculative decoding", "ondrej dusek"] }),
    );
    const reasons = Object.fromEntries(edition.sections[0]!.papers.map((p) => [p.paper.id, p.reason]));
    expect(reasons).toEqual({
      sd: "cs.CL · matches 'speculative decoding' · 120 upvotes, +40 today",
      author: "cs.LG · by Ondřej Dušek · 1 upvote, +1 today",
      plain: "in Efficient inference & compression",
    });
  });
});

describe("rankReader: determinism", () => {
  it("gives the same edition whatever the input order, ties broken by paper id", () => {
    const random = seededRandom(7);
    const papers = Array.from({ length: 40 }, (_, i) =>
      topical(`p${String(i).padStart(2, "0")}`, i % 2 ? "llm" : "rl", 0.8, {
        upvotes: i % 3 === 0 ? undefined : 10 * (i % 4),
        publishedAt: hoursAgo(i % 5),
        title: i % 7 === 0 ? "Speculative decoding" : "Other",
      }),
    );
    const r = reader({
      topics: ["llm", "rl"],
      keywords: ["speculative decoding"],
      sentPaperIds: new Set(["p03"]),
    });
    const first = rank(papers, r, { editionSize: 8 });
    for (let i = 0; i < 5; i++) {
      expect(rank(shuffle(papers, random), r, { editionSize: 8 })).toEqual(first);
    }
    // Equal scores come out in id order.
    const tied = [topical("b", "llm", 0.8), topical("c", "llm", 0.8), topical("a", "llm", 0.8)];
    expect(rank(tied, reader({ topics: ["llm"] })).paperIds).toEqual(["a", "b", "c"]);
  });
});
