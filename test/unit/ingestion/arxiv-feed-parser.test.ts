import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { mapArxivEntry, parseArxivFeed } from "../../../src/ingestion/sources/arxiv-feed-parser.js";
import { mapDailyPaper } from "../../../src/ingestion/sources/hf-daily-paper-mapper.js";
import { isAppError } from "../../../src/lib/errors.js";

const now = new Date("2025-01-14T00:00:00Z");
const read = (path: string) => readFileSync(new URL(`../../fixtures/${path}`, import.meta.url), "utf8");

function invalidMessage(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (isAppError(error, "SOURCE_INVALID")) return error.message;
    throw error;
  }
  throw new Error("expected SOURCE_INVALID");
}

describe("parseArxivFeed", () => {
  it("reads entries: id without version, collapsed whitespace, authors, dates, categories, links, comment", () => {
    const feed = parseArxivFeed(read("arxiv/query-cs-page0.xml"));
    expect(feed.totalResults).toBe(5);
    expect(feed.entries).toHaveLength(3);
    const [prm, sail] = feed.entries;
    expect(prm).toMatchObject({
      rawId: "http://arxiv.org/abs/2501.07301v1",
      arxivId: "2501.07301",
      title: "The Lessons of Developing Process Reward Models in Mathematical Reasoning",
      authors: ["Zhenru Zhang", "Chujie Zheng", "Yangzhen Wu"],
      published: "2025-01-13T13:01:21Z",
      primaryCategory: "cs.CL",
      categories: ["cs.CL", "cs.AI", "cs.LG"],
      absUrl: "https://arxiv.org/abs/2501.07301v1",
      pdfUrl: "https://arxiv.org/pdf/2501.07301v1",
    });
    expect(prm!.summary).toMatch(
      /^Process Reward Models \(PRMs\) emerge as a promising approach for process supervision/,
    );
    expect(prm!.summary).toContain("Monte Carlo estimation & LLM-as-a-judge labelling.");
    expect(prm!.summary).not.toMatch(/\n|\s{2}/);
    expect(sail).toMatchObject({
      arxivId: "2501.05952",
      primaryCategory: "cs.CV",
      categories: ["cs.CV", "cs.CL"],
      comment: "12 pages; code: https://github.com/BytedanceDouyinContent/SAIL-VL.",
    });
  });

  it("maps entries to normalised papers, taking a GitHub link from the comment or abstract", () => {
    const feed = parseArxivFeed(read("arxiv/query-cs-page0.xml"));
    const [prm, sail, sa2va] = feed.entries.map((entry) => mapArxivEntry(entry, now));
    if (!prm?.ok || !sail?.ok || !sa2va?.ok) throw new Error("expected all accepted");
    expect(sail.paper).toMatchObject({
      arxivId: "2501.05952",
      source: "arxiv",
      publishedAt: new Date("2025-01-10T12:48:01Z"),
      url: "https://arxiv.org/abs/2501.05952v2",
      pdfUrl: "https://arxiv.org/pdf/2501.05952v2",
      githubRepo: "https://github.com/BytedanceDouyinContent/SAIL-VL",
      categories: ["cs.CV", "cs.CL"],
    });
    expect(prm.paper.githubRepo).toBe("https://github.com/QwenLM/ProcessBench");
    expect(sa2va.paper.githubRepo).toBeUndefined();
    expect(sa2va.paper.upvotes).toBeUndefined();
  });

  it("gives the same key as Daily Papers for the same paper, old-style ids included", () => {
    const arxiv = [
      ...parseArxivFeed(read("arxiv/query-cs-page0.xml")).entries,
      ...parseArxivFeed(read("arxiv/query-cs-page1.xml")).entries,
    ].map((entry) => mapArxivEntry(entry, now));
    const hf = [
      ...JSON.parse(read("hf/daily-papers-2025-01-10-p0.json")),
      ...JSON.parse(read("hf/daily-papers-2025-01-10-p1.json")),
    ].map((item: unknown) => mapDailyPaper(item, now));
    const arxivKeys = new Set(arxiv.map((r) => (r.ok ? r.key : r.reason)));
    const hfKeys = hf.map((r) => (r.ok ? r.key : r.reason));
    const shared = hfKeys.filter((key) => arxivKeys.has(key)).sort();
    expect(shared).toEqual(["2501.03895", "2501.04001", "2501.05952", "hep-ex/0307015"]);
  });

  it("refuses an arXiv error feed with its message", () => {
    expect(invalidMessage(() => parseArxivFeed(read("arxiv/query-error.xml"), "GET q"))).toBe(
      "GET q is an arXiv error: incorrect id format for 1234.12345",
    );
  });

  it("refuses truncated XML, non-Atom XML and a DOCTYPE", () => {
    const full = read("arxiv/query-cs-page0.xml");
    expect(invalidMessage(() => parseArxivFeed(full.slice(0, full.length / 2)))).toMatch(
      /is not well-formed XML .*perhaps truncated/,
    );
    expect(invalidMessage(() => parseArxivFeed("<rss><channel/></rss>"))).toMatch(/is not an Atom feed/);
    const bomb = '<?xml version="1.0"?><!DOCTYPE feed [<!ENTITY a "aaaa">]><feed><title>&a;</title></feed>';
    expect(invalidMessage(() => parseArxivFeed(bomb))).toMatch(/has a DOCTYPE/);
  });

  it("returns no entries for an empty feed and rejects an entry without a usable id", () => {
    expect(parseArxivFeed('<feed xmlns="http://www.w3.org/2005/Atom"></feed>').entries).toEqual([]);
    const feed = parseArxivFeed(
      '<feed xmlns="http://www.w3.org/2005/Atom"><entry><id>urn:x</id><title>T</title><summary>S</summary></entry></feed>',
    );
    expect(mapArxivEntry(feed.entries[0]!, now)).toEqual({
      ok: false,
      reason: "id is not an arXiv id (urn:x)",
    });
  });
});
