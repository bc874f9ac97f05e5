import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { canonicalArxivId } from "../../../src/ingestion/arxiv-id.js";
import {
  type NormalisationResult,
  normalisePaper,
  normaliseTitleForKey,
  PAPER_LIMITS,
  paperKey,
  type RawPaper,
} from "../../../src/ingestion/normalised-paper.js";

const now = new Date("2025-01-15T12:00:00Z");
const base: RawPaper = { title: "A Paper", abstract: "It does things." };

function accept(raw: RawPaper) {
  const result = normalisePaper(raw, "file", now);
  if (!result.ok) throw new Error(`expected acceptance, got: ${result.reason}`);
  return result;
}

function reason(raw: RawPaper): string {
  const result: NormalisationResult = normalisePaper(raw, "file", now);
  if (result.ok) throw new Error("expected a rejection");
  return result.reason;
}

describe("canonicalArxivId", () => {
  it.each([
    ["2411.01234", "2411.01234"],
    ["2411.01234v2", "2411.01234"],
    ["arXiv:2411.01234v12", "2411.01234"],
    ["http://arxiv.org/abs/2411.01234v2", "2411.01234"],
    ["https://arxiv.org/pdf/2411.01234v1.pdf", "2411.01234"],
    ["oai:arXiv.org:2508.13426v1", "2508.13426"],
    ["0704.0001", "0704.0001"],
    ["hep-ex/0307015", "hep-ex/0307015"],
    ["hep-ex/0307015v3", "hep-ex/0307015"],
    ["http://arxiv.org/abs/cond-mat/9901001v1", "cond-mat/9901001"],
    ["math.GT/0309136", "math/0309136"],
  ])("%s -> %s", (raw, id) => {
    expect(canonicalArxivId(raw)).toBe(id);
  });

  it.each(["", "2411.1234567", "2413.01234", "hello", "1234", "hep-ex/030701", "../../etc/passwd"])(
    "rejects %j",
    (raw) => {
      expect(canonicalArxivId(raw)).toBeUndefined();
    },
  );
});

describe("paperKey", () => {
  it("is the arXiv id without version when there is one", () => {
    expect(paperKey({ title: "x", arxivId: "2411.01234v3" })).toBe("2411.01234");
    expect(paperKey({ title: "x", arxivId: "hep-ex/0307015v1" })).toBe("hep-ex/0307015");
  });

  it("is title:sha1(normalised title) without an id, equal across case, punctuation, width and spacing", () => {
    const key = paperKey({ title: "Attention Is All You Need" });
    const expected = createHash("sha1").update("attention is all you need").digest("hex");
    expect(key).toBe(`title:${expected}`);
    expect(paperKey({ title: "  attention: is ALL -- you need!! " })).toBe(key);
    expect(paperKey({ title: "Ａｔｔｅｎｔｉｏｎ Is All You\nNeed" })).toBe(key);
    expect(paperKey({ title: "Attention Is All You Need 2" })).not.toBe(key);
  });

  it("normalises titles with NFKC and keeps non-Latin letters", () => {
    expect(normaliseTitleForKey("Ｅ^2-LLM:  Ｆast")).toBe("e 2 llm fast");
    expect(normaliseTitleForKey("Nyström-Initiated")).toBe("nyström initiated");
    expect(normaliseTitleForKey("语言 模型")).toBe("语言 模型");
  });
});

describe("normalisePaper", () => {
  it("trims, collapses whitespace in titles and keeps paragraphs in abstracts", () => {
    const { paper, key, warnings } = accept({
      title: "  Some Title Across\n   Two Lines ",
      abstract: "  First   line\r\nsecond line.\n\n\n\nNew paragraph.  ",
      authors: ["  Ada  Lovelace ", "", null, "Alan Turing"],
      arxivId: "2411.01234v2",
    });
    expect(paper.title).toBe("Some Title Across Two Lines");
    expect(paper.abstract).toBe("First line\nsecond line.\n\nNew paragraph.");
    expect(paper.authors).toEqual(["Ada Lovelace", "Alan Turing"]);
    expect(paper.arxivId).toBe("2411.01234");
    expect(paper.source).toBe("file");
    expect(key).toBe("2411.01234");
    expect(warnings).toEqual([]);
  });

  it("keeps HTML-looking text exactly as text", () => {
    const { paper } = accept({
      title: "<b>Bold</b> &amp; <script>alert(1)</script>",
      abstract: "We use <i>tags</i> &lt;3 and $\\alpha$.",
    });
    expect(paper.title).toBe("<b>Bold</b> &amp; <script>alert(1)</script>");
    expect(paper.abstract).toBe("We use <i>tags</i> &lt;3 and $\\alpha$.");
  });

  it("rejects a missing or empty title or abstract", () => {
    expect(reason({ abstract: "x" })).toBe("title: missing");
    expect(reason({ title: "   \n ", abstract: "x" })).toBe("title: missing");
    expect(reason({ title: "A", abstract: "" })).toBe("abstract: missing");
    expect(reason({ title: "A", abstract: "\u0000\u0001" })).toBe("abstract: empty");
    expect(reason({ title: 42, abstract: "x" })).toBe("title: not a string");
    expect(reason({ title: "?!...", abstract: "x" })).toBe("title: has no letters or digits");
  });

  it("strips control and bidi-override characters, keeps tab and newline in abstracts", () => {
    const { paper } = accept({
      title: "Bell\u0007 and\u0000 null \u202Eevil\u202C",
      abstract: "Line one\tcol\nLine two\u001B[31m",
    });
    expect(paper.title).toBe("Bell and null evil");
    expect(paper.abstract).toBe("Line one col\nLine two[31m");
  });

  it("turns a lone surrogate into U+FFFD and rejects text that is mostly U+FFFD", () => {
    const { paper } = accept({ title: "A lone \uD800 surrogate", abstract: "Fine \uDC00 too" });
    expect(paper.title).toBe("A lone \uFFFD surrogate");
    expect(paper.abstract).toBe("Fine \uFFFD too");
    expect(reason({ title: "\uFFFD\uFFFD\uFFFD\uFFFD model", abstract: "x" })).toBe(
      "title: mostly undecodable characters",
    );
    // A few in a long abstract are tolerated.
    accept({ title: "T", abstract: `${"word ".repeat(200)}\uFFFD\uFFFD\uFFFD` });
  });

  it("rejects oversized fields at the documented limits", () => {
    accept({ ...base, title: "t".repeat(PAPER_LIMITS.titleChars) });
    expect(reason({ ...base, title: "t".repeat(PAPER_LIMITS.titleChars + 1) })).toBe(
      "title: longer than 1000 characters (1001)",
    );
    expect(reason({ ...base, abstract: "a".repeat(20_001) })).toMatch(/^abstract: longer than 20000/);
    expect(reason({ ...base, authors: Array.from({ length: 2_001 }, (_, i) => `A${i}`) })).toMatch(
      /^authors: more than 2000 entries/,
    );
    expect(reason({ ...base, authors: ["x".repeat(301)] })).toMatch(/^authors: an entry is longer than 300/);
    expect(reason({ ...base, summary: "s".repeat(5_001) })).toMatch(/^summary: longer than 5000/);
    expect(reason({ ...base, keywords: Array.from({ length: 101 }, (_, i) => `k${i}`) })).toMatch(
      /^keywords/,
    );
  });

  it("reads counts: absent stays absent, digits in strings are accepted, others reject", () => {
    const { paper } = accept({ ...base, upvotes: 0, comments: "12", githubStars: null });
    expect(paper.upvotes).toBe(0);
    expect(paper.comments).toBe(12);
    expect("githubStars" in paper).toBe(false);
    expect("authorCount" in paper).toBe(false);
    expect(reason({ ...base, upvotes: -1 })).toBe("upvotes: not a non-negative integer (-1)");
    expect(reason({ ...base, upvotes: 2.5 })).toBe("upvotes: not a non-negative integer (2.5)");
    expect(reason({ ...base, comments: "seven" })).toBe('comments: not a number ("seven")');
    expect(reason({ ...base, githubStars: Number.NaN })).toMatch(/^githubStars: not a non-negative integer/);
    expect(reason({ ...base, upvotes: 1e12 })).toMatch(/^upvotes: larger than/);
    expect(reason({ ...base, authorCount: true })).toMatch(/^authorCount: not a number/);
  });

  it("reads ISO dates and rejects absurd ones", () => {
    const { paper } = accept({ ...base, publishedAt: "2024-11-02T17:59:59Z", featuredAt: "2025-01-16" });
    expect(paper.publishedAt?.toISOString()).toBe("2024-11-02T17:59:59.000Z");
    expect(paper.featuredAt?.toISOString()).toBe("2025-01-16T00:00:00.000Z");
    accept({ ...base, publishedAt: new Date("1991-08-14T00:00:00Z") });
    expect(reason({ ...base, publishedAt: "1990-12-31" })).toBe(
      "publishedAt: before 1991-01-01 (1990-12-31T00:00:00.000Z)",
    );
    expect(reason({ ...base, featuredAt: "2025-01-17T12:00:01Z" })).toBe(
      "featuredAt: in the future (2025-01-17T12:00:01.000Z)",
    );
    accept({ ...base, featuredAt: "2025-01-17T12:00:00Z" });
    expect(reason({ ...base, publishedAt: "yesterday" })).toMatch(/^publishedAt: not an ISO date/);
    expect(reason({ ...base, publishedAt: "2025-02-30" })).toMatch(/^publishedAt: invalid date/);
    expect(reason({ ...base, publishedAt: 1736900000000 })).toMatch(/^publishedAt: not an ISO date/);
  });

  it("rejects an arXiv id that is not one, since it would merge unrelated papers", () => {
    expect(reason({ ...base, arxivId: "not-an-id" })).toBe('arxivId: not an arXiv id ("not-an-id")');
  });

  it("drops unusable links with a warning instead of rejecting the paper", () => {
    const { paper, warnings } = accept({
      ...base,
      url: "https://huggingface.co/papers/2411.01234",
      projectPage: "javascript:alert(1)",
      thumbnail: "not a url",
      pdfUrl: "https://user:pw@example.org/x.pdf",
      githubRepo: "owner/repo",
    });
    expect(paper.url).toBe("https://huggingface.co/papers/2411.01234");
    expect(paper.githubRepo).toBe("https://github.com/owner/repo");
    expect(paper.projectPage).toBeUndefined();
    expect(paper.thumbnail).toBeUndefined();
    expect(paper.pdfUrl).toBeUndefined();
    expect(warnings).toEqual([
      "pdfUrl: links with credentials are not allowed, dropped",
      "projectPage: javascript: links are not allowed, dropped",
      'thumbnail: not a URL ("not a url"), dropped',
    ]);
  });

  it("dedupes keywords and categories case-insensitively and rejects non-list values", () => {
    const { paper } = accept({ ...base, keywords: ["LLM", "llm", " RLHF "], categories: ["cs.CL", "cs.CL"] });
    expect(paper.keywords).toEqual(["LLM", "RLHF"]);
    expect(paper.categories).toEqual(["cs.CL"]);
    expect(reason({ ...base, authors: "Ada Lovelace" })).toBe("authors: not a list");
    expect(reason({ ...base, authors: [{ name: "Ada" }] })).toBe("authors: an entry is not a string");
  });

  it("names the item in a rejection", () => {
    const result = normalisePaper({ arxivId: "2411.01234", abstract: "x" }, "hf", now);
    expect(result).toEqual({ ok: false, reason: "title: missing", item: "2411.01234" });
  });
});
