import { describe, expect, it } from "vitest";
import { type ListingEntry, ListingTextParser } from "../../../src/ingestion/sources/listing-text-parser.js";

function parse(text: string, now = "2026-01-15T00:00:00Z"): ListingEntry[] {
  const parser = new ListingTextParser(new Date(now));
  const out: ListingEntry[] = [];
  text.split("\n").forEach((line, i) => {
    out.push(...parser.push(line, i + 1));
  });
  out.push(...parser.end());
  return out;
}

const header =
  "new\n\nGet trending papers in your email inbox!\n\nSubscribe\n\nDaily Papers\n\nbyAK and the research community\n\n";

describe("ListingTextParser", () => {
  it("reads title, abstract, author count, upvotes and dates in the page's year", () => {
    const entries = parse(
      `${header}Dec 9\n\nFirst Paper\n\nAbstract one.\n\n  • 6 authors\n·\nJan 10\n\n` +
        "Second Paper\n\nAbstract two.\n\n  • 9 authors\n·\nJun 13, 2024 2\n\n" +
        "Third Paper\n\nAbstract three.\n\nByteDance ByteDance\n·\nOct 14 2\n\n" +
        "Fourth Paper\n\nAbstract four, no meta.\n\nFifth Paper\n\nAbstract five.\n\n  • 1 authors\nDec 31, 2022\n",
    );
    expect(entries.map((e) => ({ line: e.line, ...e.raw }))).toEqual([
      {
        line: 13,
        title: "First Paper",
        abstract: "Abstract one.",
        authorCount: 6,
        publishedAt: "2025-01-10",
      },
      {
        line: 21,
        title: "Second Paper",
        abstract: "Abstract two.",
        authorCount: 9,
        publishedAt: "2024-06-13",
        upvotes: 2,
      },
      {
        line: 29,
        title: "Third Paper",
        abstract: "Abstract three.",
        organization: "ByteDance",
        publishedAt: "2025-10-14",
        upvotes: 2,
      },
      { line: 37, title: "Fourth Paper", abstract: "Abstract four, no meta." },
      {
        line: 41,
        title: "Fifth Paper",
        abstract: "Abstract five.",
        authorCount: 1,
        publishedAt: "2022-12-31",
      },
    ]);
  });

  it("puts a page date later than now in the year before, and entry dates after the page date a year back", () => {
    // Page "Dec 25" read on 2026-01-15 is Dec 25, 2025; "Dec 28" on that page must be 2024.
    const entries = parse(`${header}Dec 25\n\nA\n\nB.\n\nDec 28 3\n\nC\n\nD.\n\nJan 7 4\n`);
    expect(entries.map((e) => [e.raw.publishedAt, e.raw.upvotes])).toEqual([
      ["2024-12-28", 3],
      ["2025-01-07", 4],
    ]);
    // The same page read in the same year it was captured.
    const sameYear = parse(`${header}Mar 19\n\nA\n\nB.\n\nJan 7\n`, "2025-03-20T00:00:00Z");
    expect(sameYear[0]!.raw.publishedAt).toBe("2025-01-07");
  });

  it("works without header lines or a page date", () => {
    const entries = parse("Only Paper\n\nIts abstract.\n\n  • 3 authors\nNov 2\n", "2026-01-15T00:00:00Z");
    expect(entries).toEqual([
      {
        line: 1,
        raw: { title: "Only Paper", abstract: "Its abstract.", authorCount: 3, publishedAt: "2025-11-02" },
      },
    ]);
  });

  it("reports stray author/date lines and a title with no abstract, and hands over impossible dates as text", () => {
    const entries = parse(
      `${header}Dec 9\n\n  • 4 authors\n·\nJan 3\n\nNo Abstract Here\n\n  • 2 authors\n·\nJan 4\n\nBad Date\n\nAbstract.\n\nFeb 30, 2024\n\nLast Title`,
    );
    expect(entries).toEqual([
      { line: 13, raw: {}, problem: "author/date lines without a paper: • 4 authors · Jan 3" },
      { line: 17, raw: { title: "No Abstract Here", authorCount: 2, publishedAt: "2025-01-04" } },
      { line: 23, raw: { title: "Bad Date", abstract: "Abstract.", publishedAt: "Feb 30, 2024" } },
      { line: 29, raw: { title: "Last Title" } },
    ]);
  });
});
