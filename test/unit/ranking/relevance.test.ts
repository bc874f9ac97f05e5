import { describe, expect, it } from "vitest";
import { prepareEdition } from "../../../src/ranking/edition-context.js";
import {
  KeywordIndex,
  MATCH_ABSTRACT,
  MATCH_AUTHOR,
  MATCH_TITLE,
  normalizeName,
} from "../../../src/ranking/keyword-index.js";
import { NOT_ELIGIBLE, ReaderRelevance, relevanceOf } from "../../../src/ranking/relevance.js";
import { NOW, paper, reader, topical } from "./ranking-fixtures.js";

function matchesOf(index: KeywordIndex, keyword: string, ids: string[]) {
  const m = index.match(keyword);
  return [...m.papers].map((p, i) => [ids[p], m.kinds[i]]);
}

describe("KeywordIndex", () => {
  const papers = [
    paper("a", { title: "Speculatively Decoded Transformers", abstract: "We study drafting." }),
    paper("b", { title: "Fast inference", abstract: "Speculative decodings with small drafts." }),
    paper("c", { title: "Decoding, speculative or not", abstract: "A survey." }),
    paper("d", { title: "Dialogue", abstract: "Nothing here.", authors: ["Ondřej Dušek", "Jane Roe"] }),
    paper("e", { title: "Tagged", abstract: "", keywords: ["speculative decoding"] }),
  ];
  const ids = papers.map((p) => p.id);
  const index = new KeywordIndex(papers);

  it("matches phrases on word stems, in the title before the abstract", () => {
    expect(matchesOf(index, "speculative decoding", ids)).toEqual([
      ["a", MATCH_TITLE],
      ["b", MATCH_ABSTRACT],
      ["e", MATCH_TITLE],
    ]);
    expect(matchesOf(index, "Speculative Decodings", ids)).toEqual(
      matchesOf(index, "speculative decoding", ids),
    );
  });

  it("needs the words adjacent and in order", () => {
    // Only "Decoding, speculative or not" has these stems in this order.
    expect(matchesOf(index, "decoding speculative", ids)).toEqual([["c", MATCH_TITLE]]);
    expect(matchesOf(index, "speculative survey", ids)).toEqual([]);
  });

  it("matches author names ignoring case, diacritics and punctuation", () => {
    expect(matchesOf(index, "ondrej dusek", ids)).toEqual([["d", MATCH_AUTHOR]]);
    expect(matchesOf(index, "Ondřej  Dušek", ids)).toEqual([["d", MATCH_AUTHOR]]);
    expect(matchesOf(index, "Dusek", ids)).toEqual([]);
    expect(normalizeName(" Ondřej  DUŠEK ")).toBe("ondrej dusek");
  });

  it("ignores keywords without words or made of stop words only", () => {
    expect(matchesOf(index, "  ", ids)).toEqual([]);
    expect(matchesOf(index, "of the", ids)).toEqual([]);
  });

  it("memoises a keyword for the edition", () => {
    expect(index.match("speculative decoding")).toBe(index.match("SPECULATIVE  decoding"));
  });
});

describe("ReaderRelevance", () => {
  const papers = [
    topical("llm-strong", "llm", 0.9),
    topical("llm-weak", "llm", 0.5),
    topical("rl-strong", "rl", 0.9),
    paper("kw-title", { title: "Speculative decoding at scale" }),
    paper("kw-abstract", { abstract: "We apply speculative decoding." }),
    paper("kw-fit", { title: "Speculative decoding for policies", topicScores: { rl: 0.3 } }),
    paper("unrelated", { topicScores: { video: 0.9 }, assignedTopics: ["video"] }),
  ];
  const context = prepareEdition(papers, NOW);
  const at = (id: string) => context.byId.get(id)!;

  it("scores followed topics, earlier topics slightly higher", () => {
    const r = reader({ topics: ["llm", "rl"] });
    expect(relevanceOf(context, r, "llm-strong")).toBeCloseTo(0.9, 9);
    expect(relevanceOf(context, r, "rl-strong")).toBeCloseTo(0.9 * 0.96, 9);
    expect(relevanceOf(context, r, "llm-weak")).toBeCloseTo(0.5, 9);
    expect(relevanceOf(context, r, "unrelated")).toBe(0);
  });

  it("rates title keyword matches above abstract ones and files them by fit", () => {
    const rel = new ReaderRelevance(
      context,
      reader({ topics: ["llm", "rl"], keywords: ["speculative decoding"] }),
    );
    const title = rel.evaluate(at("kw-title"));
    expect(rel.section).toBe(rel.keywordSection);
    const abstract = rel.evaluate(at("kw-abstract"));
    expect(title).toBeCloseTo(0.8, 9);
    expect(abstract).toBeCloseTo(0.5, 9);
    rel.evaluate(at("kw-fit"));
    expect(rel.topicOf(rel.section)).toBe("rl");
    rel.evaluate(at("unrelated"));
    expect(rel.section).toBe(NOT_ELIGIBLE);
    expect(rel.keywordHits(at("kw-title"))).toEqual([
      { keyword: "speculative decoding", key: "speculative decoding", kind: MATCH_TITLE },
    ]);
  });

  it("combines topic and keyword evidence", () => {
    const both = paper("both", {
      title: "Speculative decoding",
      topicScores: { llm: 0.6 },
      assignedTopics: ["llm"],
    });
    const ctx = prepareEdition([both], NOW);
    const r = reader({ topics: ["llm"], keywords: ["speculative decoding"] });
    expect(relevanceOf(ctx, r, "both")).toBeCloseTo(1 - 0.4 * 0.2, 9);
  });

  it("lets feedback nudge topic and keyword weights", () => {
    const base = reader({ topics: ["llm", "rl"], keywords: ["speculative decoding"] });
    const tuned = {
      ...base,
      feedback: { topics: { llm: -0.2, rl: 0.1 }, keywords: { "Speculative Decoding": 0.3 } },
    };
    expect(relevanceOf(context, tuned, "llm-strong")).toBeCloseTo(0.9 * 0.8, 9);
    expect(relevanceOf(context, tuned, "rl-strong")).toBeCloseTo(Math.min(1, 0.9 * 0.96 * 1.1), 9);
    expect(relevanceOf(context, tuned, "kw-abstract")).toBeCloseTo(0.5 * 1.3, 9);
    const extreme = { ...base, feedback: { topics: { llm: -50 } } };
    expect(relevanceOf(context, extreme, "llm-strong")).toBeCloseTo(0.45, 9);
  });

  it("applies feedback on keywords the reader does not follow as a nudge, never as eligibility", () => {
    const r = reader({ topics: ["llm"], feedback: { keywords: { untitled: 0.5 } } });
    expect(relevanceOf(context, r, "llm-strong")).toBeCloseTo(0.95, 9);
    expect(relevanceOf(context, r, "kw-title")).toBe(0);
  });

  it("ignores unknown and repeated topics and clamps the knob", () => {
    const rel = new ReaderRelevance(
      context,
      reader({ topics: ["llm", "nope" as "llm", "llm"], relevanceWeight: 3 }),
    );
    expect(rel.topics).toEqual(["llm"]);
    expect(rel.weight).toBe(1);
    expect(new ReaderRelevance(context, reader({ relevanceWeight: Number.NaN })).weight).toBe(0.7);
  });
});
