import { describe, expect, it } from "vitest";
import { isAppError } from "../../../src/lib/errors.js";
import { prepareEdition, TOPIC_COUNT, topicIndex } from "../../../src/ranking/edition-context.js";
import { hoursAgo, NOW, paper, topical } from "./ranking-fixtures.js";

const ids = (context: ReturnType<typeof prepareEdition>) => context.papers.map((p) => p.paper.id);

describe("prepareEdition", () => {
  it("keeps papers featured or published within windowDays before now", () => {
    const context = prepareEdition(
      [
        paper("six-days", { publishedAt: hoursAgo(6 * 24) }),
        paper("eight-days", { publishedAt: hoursAgo(8 * 24) }),
        paper("featured-today", { publishedAt: hoursAgo(40 * 24), featuredAt: hoursAgo(3) }),
        paper("no-dates", { publishedAt: undefined }),
        paper("two-days-ahead", { publishedAt: hoursAgo(-48) }),
        paper("date-only-today", { publishedAt: hoursAgo(-10) }),
      ],
      NOW,
    );
    expect(ids(context)).toEqual(["date-only-today", "featured-today", "six-days"]);
    const featured = context.papers[context.byId.get("featured-today")!]!;
    expect(featured.ageHours).toBeCloseTo(3, 9);
    expect(context.papers[context.byId.get("date-only-today")!]!.ageHours).toBe(0);
  });

  it("honours a custom window", () => {
    const papers = [paper("a", { publishedAt: hoursAgo(30) }), paper("b", { publishedAt: hoursAgo(10) })];
    expect(ids(prepareEdition(papers, NOW, { windowDays: 1 }))).toEqual(["b"]);
    expect(ids(prepareEdition(papers, NOW, { windowDays: 2 }))).toEqual(["a", "b"]);
  });

  it("orders papers by id whatever the input order", () => {
    const papers = ["c", "a", "b"].map((id) => paper(id));
    expect(ids(prepareEdition(papers, NOW))).toEqual(["a", "b", "c"]);
  });

  it("rejects duplicate ids and invalid options", () => {
    const codeOf = (fn: () => unknown) => {
      try {
        fn();
      } catch (error) {
        return isAppError(error) ? error.code : "other";
      }
      return "none";
    };
    expect(codeOf(() => prepareEdition([paper("a"), paper("a")], NOW))).toBe("VALIDATION_FAILED");
    expect(codeOf(() => prepareEdition([], NOW, { windowDays: 0 }))).toBe("VALIDATION_FAILED");
    expect(codeOf(() => prepareEdition([], NOW, { sectionSize: 2.5 }))).toBe("VALIDATION_FAILED");
    expect(codeOf(() => prepareEdition([], new Date(Number.NaN)))).toBe("VALIDATION_FAILED");
  });

  it("lists each topic's eligible papers by trend: assigned, or scoring at least the threshold", () => {
    const context = prepareEdition(
      [
        topical("assigned-low", "video", 0.2, { upvotes: 90 }),
        paper("scored", { topicScores: { video: 0.6 }, upvotes: 50 }),
        paper("below", { topicScores: { video: 0.49 }, upvotes: 500 }),
        topical("assigned-no-score", "video", 0, { topicScores: {}, upvotes: 5 }),
      ],
      NOW,
    );
    const video = [...context.topicLists[topicIndex("video")]!].map((i) => context.papers[i]!.paper.id);
    expect(video).toEqual(["assigned-low", "scored", "assigned-no-score"]);
    const at = (id: string) => context.byId.get(id)! * TOPIC_COUNT + topicIndex("video");
    expect(context.topicScores[at("assigned-low")]).toBe(0.5);
    expect(context.topicScores[at("scored")]).toBe(0.6);
    expect(context.eligible[at("below")]).toBe(0);
  });

  it("builds reason texts once per paper", () => {
    const context = prepareEdition(
      [
        paper("a", {
          categories: ["cs.CL", "cs.LG"],
          upvotes: 120,
          publishedAt: hoursAgo(50),
          snapshots: [{ upvotes: 80, takenAt: hoursAgo(26) }],
        }),
        paper("b", { upvotes: 1, publishedAt: hoursAgo(30) }),
        paper("c", { upvotes: undefined }),
      ],
      NOW,
    );
    expect(context.papers.map((p) => p.baseReason)).toEqual([
      "cs.CL · 120 upvotes, +40 today",
      "1 upvote",
      "",
    ]);
  });
});
