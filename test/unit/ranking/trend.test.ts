import { describe, expect, it } from "vitest";
import { prepareEdition } from "../../../src/ranking/edition-context.js";
import {
  computeTrends,
  gravityScore,
  neutralPoints,
  percentileRanks,
  TREND_GRAVITY,
  upvoteStats,
} from "../../../src/ranking/trend.js";
import { hoursAgo, NOW, paper } from "./ranking-fixtures.js";

function trendOf(papers: ReturnType<typeof paper>[], id: string): number {
  const context = prepareEdition(papers, NOW);
  return context.papers[context.byId.get(id)!]!.trend;
}

describe("trend", () => {
  it("uses HN gravity points / (ageHours + 2)^1.2", () => {
    expect(TREND_GRAVITY).toBe(1.2);
    expect(gravityScore(11, 8)).toBeCloseTo(11 / 10 ** 1.2, 12);
    expect(gravityScore(11, -5)).toBeCloseTo(11 / 2 ** 1.2, 12);
  });

  it("decays with age: a fresh paper beats an older one with similar upvotes", () => {
    const papers = [
      paper("old", { publishedAt: hoursAgo(72), upvotes: 60 }),
      paper("fresh", { publishedAt: hoursAgo(6), upvotes: 50 }),
      paper("middle", { publishedAt: hoursAgo(30), upvotes: 55 }),
    ];
    const context = prepareEdition(papers, NOW);
    const order = [...context.byTrend].map((i) => context.papers[i]!.paper.id);
    expect(order).toEqual(["fresh", "middle", "old"]);
    expect(trendOf(papers, "fresh")).toBe(1);
    expect(trendOf(papers, "old")).toBe(0);
  });

  it("an old paper with far more upvotes can still lead", () => {
    const papers = [
      paper("fresh", { publishedAt: hoursAgo(6), upvotes: 5 }),
      paper("classic", { publishedAt: hoursAgo(72), upvotes: 500 }),
    ];
    expect(trendOf(papers, "classic")).toBe(1);
  });

  it("counts velocity: upvotes gained in the last 24h lift a paper over a stalled one", () => {
    const papers = [
      paper("stalled", {
        publishedAt: hoursAgo(72),
        upvotes: 80,
        snapshots: [
          { upvotes: 80, takenAt: hoursAgo(30) },
          { upvotes: 80, takenAt: hoursAgo(2) },
        ],
      }),
      paper("rising", {
        publishedAt: hoursAgo(72),
        upvotes: 80,
        snapshots: [
          { upvotes: 80, takenAt: hoursAgo(2) },
          { upvotes: 40, takenAt: hoursAgo(30) },
        ],
      }),
    ];
    expect(trendOf(papers, "rising")).toBe(1);
    expect(trendOf(papers, "stalled")).toBe(0);
  });

  it("treats unknown upvotes as unknown: median prior, not zero", () => {
    const papers = [
      paper("zero", { publishedAt: hoursAgo(10), upvotes: 0 }),
      paper("few", { publishedAt: hoursAgo(10), upvotes: 4 }),
      paper("unknown", { publishedAt: hoursAgo(10), upvotes: undefined }),
      paper("many", { publishedAt: hoursAgo(10), upvotes: 40 }),
      paper("lots", { publishedAt: hoursAgo(10), upvotes: 90 }),
    ];
    const unknown = trendOf(papers, "unknown");
    expect(unknown).toBeGreaterThan(trendOf(papers, "zero"));
    expect(unknown).toBeGreaterThan(0);
    expect(unknown).toBeLessThan(trendOf(papers, "lots"));
  });

  it("falls back to recency when no upvotes are known at all", () => {
    const papers = [
      paper("older", { publishedAt: hoursAgo(40), upvotes: undefined }),
      paper("newer", { publishedAt: hoursAgo(4), upvotes: undefined }),
    ];
    expect(trendOf(papers, "newer")).toBe(1);
    expect(neutralPoints([undefined, undefined])).toBe(1);
    expect(neutralPoints([3, undefined, 9, 5, 1])).toBe(4);
  });
});

describe("upvoteStats", () => {
  it("takes the gain since the latest snapshot at or before now - 24h, in any order", () => {
    const stats = upvoteStats(
      120,
      [
        { upvotes: 90, takenAt: hoursAgo(12) },
        { upvotes: 50, takenAt: hoursAgo(48) },
        { upvotes: 80, takenAt: hoursAgo(25) },
      ],
      hoursAgo(72),
      NOW,
    );
    expect(stats).toEqual({ upvotes: 120, gain24h: 40 });
  });

  it("uses the latest snapshot when the count is unknown and ignores snapshots after now", () => {
    const stats = upvoteStats(
      undefined,
      [
        { upvotes: 70, takenAt: hoursAgo(1) },
        { upvotes: 999, takenAt: hoursAgo(-5) },
        { upvotes: 30, takenAt: hoursAgo(26) },
      ],
      hoursAgo(72),
      NOW,
    );
    expect(stats).toEqual({ upvotes: 70, gain24h: 40 });
  });

  it("counts everything as today's gain for a paper that appeared within 24h", () => {
    expect(upvoteStats(25, [], hoursAgo(5), NOW)).toEqual({ upvotes: 25, gain24h: 25 });
  });

  it("cannot tell the gain of an older paper without history, and knows nothing without counts", () => {
    expect(upvoteStats(25, [], hoursAgo(50), NOW)).toEqual({ upvotes: 25, gain24h: undefined });
    expect(upvoteStats(undefined, [], hoursAgo(5), NOW)).toEqual({ upvotes: undefined, gain24h: undefined });
  });

  it("uses the earliest recent snapshot as a lower bound when history is shorter than a day", () => {
    const stats = upvoteStats(60, [{ upvotes: 45, takenAt: hoursAgo(10) }], hoursAgo(50), NOW);
    expect(stats).toEqual({ upvotes: 60, gain24h: 15 });
  });
});

describe("percentileRanks", () => {
  it("maps to [0, 1] and gives equal values the same rank", () => {
    expect([...percentileRanks([5, 1, 5, 9])]).toEqual([0.5, 0, 0.5, 1]);
    expect([...percentileRanks([3])]).toEqual([1]);
    expect([...percentileRanks([])]).toEqual([]);
  });

  it("computeTrends gives unknown papers the median points", () => {
    const { raw } = computeTrends([
      { stats: { upvotes: 1, gain24h: 0 }, ageHours: 0 },
      { stats: { upvotes: 9, gain24h: 0 }, ageHours: 0 },
      { stats: { upvotes: undefined, gain24h: undefined }, ageHours: 0 },
    ]);
    // points 2 and 10: the median is 6.
    expect(raw[2]).toBeCloseTo(gravityScore(6, 0), 12);
  });
});
