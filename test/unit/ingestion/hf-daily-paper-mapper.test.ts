import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { NormalisationResult, NormalisedPaper } from "../../../src/ingestion/normalised-paper.js";
import { isDailyPaperItem, mapDailyPaper } from "../../../src/ingestion/sources/hf-daily-paper-mapper.js";

const now = new Date("2025-01-14T00:00:00Z");
const fixture = (name: string): unknown[] =>
  JSON.parse(readFileSync(new URL(`../../fixtures/hf/${name}`, import.meta.url), "utf8"));

function accepted(results: NormalisationResult[]): NormalisedPaper[] {
  return results.flatMap((r) => (r.ok ? [r.paper] : []));
}

describe("mapDailyPaper", () => {
  it("maps every field of the API shape, reading ai_* and github* inside `paper`", () => {
    const [first] = fixture("daily-papers-2025-01-10-p0.json");
    const result = mapDailyPaper(first, now, "http://hf.local:8080/");
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.key).toBe("2501.05952");
    expect(result.paper).toEqual({
      title: "Scalable Vision Language Model Training via High Quality Data Curation",
      abstract: expect.stringMatching(/^In this paper, we introduce SAIL-VL .*\nFirst, we construct/s),
      arxivId: "2501.05952",
      authors: ["Hongyuan Dong", "Zijian Kang", "Weijie Yin", "Xiao Liang", "Chao Feng", "Jiao Ran"],
      publishedAt: new Date("2025-01-10T12:48:01.000Z"),
      featuredAt: new Date("2025-01-13T00:44:46.279Z"),
      upvotes: 32,
      comments: 3,
      url: "http://hf.local:8080/papers/2501.05952",
      pdfUrl: "https://arxiv.org/pdf/2501.05952",
      githubRepo: "https://github.com/BytedanceDouyinContent/SAIL-VL",
      githubStars: 341,
      projectPage: "https://huggingface.co/BytedanceDouyinContent",
      thumbnail: "https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/2501.05952.png",
      summary:
        "SAIL-VL is a 2B-parameter open vision language model trained on curated, scaled data with curriculum SFT.",
      keywords: ["vision language model", "data curation", "recaption", "curriculum learning", "SFT"],
      organization: "ByteDance",
      submitter: "akhaliq",
      source: "hf",
    });
  });

  it("leaves absent counts and fields absent, never zero", () => {
    const third = fixture("daily-papers-2025-01-10-p0.json")[2];
    const result = mapDailyPaper(third, now);
    if (!result.ok) throw new Error(result.reason);
    expect(result.paper.upvotes).toBe(51);
    expect(result.paper.comments).toBeUndefined();
    expect(result.paper.githubStars).toBeUndefined();
    expect(result.paper.summary).toBeUndefined();
    expect(result.paper.thumbnail).toBeUndefined();
    expect(result.paper.organization).toBeUndefined();
  });

  it("maps old-style ids", () => {
    const old = fixture("daily-papers-2025-01-10-p1.json")[1];
    const result = mapDailyPaper(old, now);
    if (!result.ok) throw new Error(result.reason);
    expect(result.key).toBe("hep-ex/0307015");
    expect(result.paper.url).toBe("https://huggingface.co/papers/hep-ex/0307015");
    expect(result.paper.comments).toBe(0);
  });

  it("gives the same key with new counts when a paper is seen again later", () => {
    const before = fixture("daily-papers-2025-01-10-p0.json").map((item) => mapDailyPaper(item, now));
    const after = fixture("daily-papers-2025-01-10-p0-later.json").map((item) => mapDailyPaper(item, now));
    expect(after.map((r) => r.ok && r.key)).toEqual(before.map((r) => r.ok && r.key));
    expect(accepted(before).map((p) => [p.upvotes, p.comments])).toEqual([
      [32, 3],
      [47, 2],
      [51, undefined],
    ]);
    expect(accepted(after).map((p) => [p.upvotes, p.comments])).toEqual([
      [58, 5],
      [63, 2],
      [70, 1],
    ]);
  });

  it("rejects malformed items with reasons and accepts the rest", () => {
    const results = fixture("daily-papers-malformed.json").map((item) => mapDailyPaper(item, now));
    const summary = results.map((r) => (r.ok ? `ok ${r.key}` : `rejected ${r.item ?? "?"}: ${r.reason}`));
    expect(summary).toEqual([
      "ok 2501.04001",
      "rejected 2501.09999: title: missing",
      "rejected 2501.09998: upvotes: not a non-negative integer (-3)",
      "rejected 2501.09997: publishedAt: in the future (2031-05-01T00:00:00.000Z)",
      "rejected 2501.09996: withdrawn (2025-01-11T10:00:00.000Z)",
      "rejected ?: not a Daily Papers item (no `paper` object)",
      "ok 2501.09995",
      "ok 2501.09994",
      "ok 2501.09993",
      'rejected 2501.09992: comments: not a number ("seven")',
      "ok 2501.09991",
      "rejected 2501.09990: title: mostly undecodable characters",
    ]);
    const byKey = new Map(accepted(results).map((p) => [p.arxivId, p]));
    const textVotes = byKey.get("2501.09995")!;
    expect(textVotes.upvotes).toBe(12);
    expect(textVotes.projectPage).toBeUndefined();
    const warned = results[6]!;
    expect(warned.ok && warned.warnings).toEqual(["projectPage: javascript: links are not allowed, dropped"]);
    expect(byKey.get("2501.09994")!.title).toBe("<b>Bold</b> claims &amp; HTML");
    expect(byKey.get("2501.09994")!.abstract).toBe(
      "Abstract with <script>alert('x')</script> kept as plain text.",
    );
    const absent = byKey.get("2501.09993")!;
    expect(absent.upvotes).toBeUndefined();
    expect(absent.comments).toBeUndefined();
    expect(byKey.get("2501.09991")!.title).toBe("Ring the bell twice and a lone \uFFFD surrogate");
  });

  it("recognises the API shape by its `paper` object", () => {
    expect(isDailyPaperItem({ paper: { id: "1" } })).toBe(true);
    expect(isDailyPaperItem({ title: "x", abstract: "y" })).toBe(false);
    expect(isDailyPaperItem({ paper: "2501.00001" })).toBe(false);
    expect(isDailyPaperItem(null)).toBe(false);
  });
});
