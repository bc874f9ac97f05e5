import { describe, expect, it } from "vitest";
import { isAppError } from "../../../src/lib/errors.js";
import { feedbackMultiplier } from "../../../src/ranking/relevance.js";
import {
  computeFeedbackWeights,
  type FeedbackVote,
  HALF_LIFE_DAYS,
  KEYWORD_LIMIT,
  MAX_STORED_KEYWORDS,
  parseFeedbackLink,
  readFeedbackWeights,
  TOPIC_LIMIT,
  topicWeightChanges,
} from "../../../src/subscriptions/feedback-service.js";

const NOW = new Date("2026-03-01T12:00:00Z");
const DAY = 86_400_000;
const vote = (
  kind: "more" | "less",
  topics: string[],
  keywords: string[] = [],
  daysAgo = 0,
): FeedbackVote => ({
  kind,
  topics,
  keywords,
  at: new Date(NOW.getTime() - daysAgo * DAY),
});

describe("computeFeedbackWeights", () => {
  it("is empty without votes", () => {
    expect(computeFeedbackWeights([], NOW)).toEqual({ topics: {}, keywords: {} });
  });

  it("gives the paper's first topic the full step and later ones less", () => {
    const w = computeFeedbackWeights(
      [vote("more", ["agents", "code", "llm", "rl"], ["Tool Use", "  tool   use "])],
      NOW,
    );
    expect(w.topics).toEqual({ agents: 0.1, code: 0.05, llm: 0.025 });
    expect(w.keywords).toEqual({ "tool use": 0.25 });
  });

  it("lets 'fewer' pull the other way and sums votes on different papers", () => {
    const w = computeFeedbackWeights(
      [
        vote("more", ["agents"]),
        vote("more", ["agents", "code"]),
        vote("less", ["code"]),
        vote("less", ["vision"]),
      ],
      NOW,
    );
    expect(w.topics).toEqual({ agents: 0.2, code: -0.05, vision: -0.1 });
  });

  it("clamps to the range the ranker uses, so weights stay within its 0.5..1.5 multiplier", () => {
    const many = Array.from({ length: 12 }, () => vote("more", ["agents"], ["agent"]));
    const w = computeFeedbackWeights(many, NOW);
    expect(w.topics.agents).toBe(TOPIC_LIMIT);
    expect(w.keywords.agent).toBe(KEYWORD_LIMIT);
    expect(feedbackMultiplier(w.topics.agents)).toBe(1.5);
    const fewer = computeFeedbackWeights(
      Array.from({ length: 12 }, () => vote("less", ["vision"])),
      NOW,
    );
    expect(fewer.topics.vision).toBe(-TOPIC_LIMIT);
    expect(feedbackMultiplier(fewer.topics.vision)).toBe(0.5);
  });

  it("fades old votes by half per half-life and forgets those past the horizon", () => {
    const w = computeFeedbackWeights(
      [vote("more", ["agents"], [], HALF_LIFE_DAYS), vote("more", ["code"], [], 400)],
      NOW,
    );
    expect(w.topics).toEqual({ agents: 0.05 });
  });

  it("drops votes that cancel out and keeps only the strongest keywords", () => {
    expect(computeFeedbackWeights([vote("more", ["agents"]), vote("less", ["agents"])], NOW).topics).toEqual(
      {},
    );
    const votes = Array.from({ length: 60 }, (_, i) =>
      vote("more", ["llm"], [`keyword ${i}`, i < 10 ? "common" : "x"]),
    );
    const w = computeFeedbackWeights(votes, NOW);
    expect(Object.keys(w.keywords)).toHaveLength(MAX_STORED_KEYWORDS);
    expect(w.keywords.common).toBe(KEYWORD_LIMIT);
  });

  it("ignores junk keywords", () => {
    const w = computeFeedbackWeights([vote("more", [], ["x", "a\u0000b", "y".repeat(61), "ok term"])], NOW);
    expect(w.keywords).toEqual({ "a b": 0.25, "ok term": 0.25 });
  });
});

describe("helpers", () => {
  it("parses feedback links strictly: the reader from the token, the paper and vote from the query", () => {
    expect(parseFeedbackLink("r1", { paper: "p1", vote: "less" })).toEqual({
      readerId: "r1",
      paperId: "p1",
      kind: "less",
    });
    const bad: { paper?: unknown; vote?: unknown }[] = [
      {},
      { paper: "p1" },
      { paper: "p1", vote: "maybe" },
      { paper: "", vote: "more" },
      { paper: ["p1", "p2"], vote: "more" },
      { paper: "p".repeat(201), vote: "more" },
    ];
    for (const query of bad) {
      try {
        parseFeedbackLink("r1", query);
        expect.unreachable(JSON.stringify(query));
      } catch (error) {
        expect(isAppError(error, "TOKEN_INVALID")).toBe(true);
      }
    }
  });

  it("still reads feedback subjects of the older form, strictly", () => {
    expect(parseFeedbackLink("r1|p1|more")).toEqual({ readerId: "r1", paperId: "p1", kind: "more" });
    for (const bad of ["r1|p1|maybe", "r1|p1", "r1||more", "r1|p1|less|x", ""]) {
      try {
        parseFeedbackLink(bad);
        expect.unreachable(bad);
      } catch (error) {
        expect(isAppError(error, "TOKEN_INVALID")).toBe(true);
      }
    }
  });

  it("reads stored weights defensively", () => {
    expect(readFeedbackWeights({})).toEqual({ topics: {}, keywords: {} });
    expect(readFeedbackWeights(null)).toEqual({ topics: {}, keywords: {} });
    expect(readFeedbackWeights({ topics: { a: 0.1, b: "x", c: null }, keywords: [1] })).toEqual({
      topics: { a: 0.1 },
      keywords: {},
    });
  });

  it("lists changed topic weights, largest change first", () => {
    const before = { topics: { agents: 0.1, code: 0.2 }, keywords: {} };
    const after = { topics: { agents: 0.3, code: 0.2, vision: -0.05 }, keywords: {} };
    expect(topicWeightChanges(before, after)).toEqual([
      { topic: "agents", from: 0.1, to: 0.3 },
      { topic: "vision", from: 0, to: -0.05 },
    ]);
  });
});
