import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { makeListings } from "../../../bench/fixtures/make-listings.js";
import type { NormalisationResult, NormalisedPaper } from "../../../src/ingestion/normalised-paper.js";
import type { SourceBatch } from "../../../src/ingestion/source-batch.js";
import { detectFileFormat, FileSource } from "../../../src/ingestion/sources/file-source.js";
import { isAppError } from "../../../src/lib/errors.js";

const now = new Date("2026-01-15T00:00:00Z");
const fixtures = fileURLToPath(new URL("../../fixtures/", import.meta.url));
const listingDir = join(fixtures, "listings");
const dir = mkdtempSync(join(tmpdir(), "paperboy-file-source-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

async function read(path: string, batchSize?: number): Promise<SourceBatch[]> {
  const batches: SourceBatch[] = [];
  for await (const batch of new FileSource().fetch({ path, now, batchSize })) batches.push(batch);
  return batches;
}

const items = (batches: SourceBatch[]): NormalisationResult[] => batches.flatMap((b) => b.items);
const papers = (batches: SourceBatch[]): NormalisedPaper[] =>
  items(batches).flatMap((r) => (r.ok ? [r.paper] : []));

describe("FileSource: listing pages", () => {
  const files = readdirSync(listingDir).filter((f) => f.endsWith(".txt"));

  it("parses every entry of every listing file: 325 entries, 291 distinct keys", async () => {
    expect(files).toHaveLength(4);
    const perFile: Record<string, number> = {};
    const keys = new Set<string>();
    let total = 0;
    for (const file of files) {
      const batches = await read(join(listingDir, file));
      const results = items(batches);
      expect(results.filter((r) => !r.ok)).toEqual([]);
      perFile[file] = results.length;
      total += batches.reduce((sum, b) => sum + b.fetched, 0);
      for (const r of results) if (r.ok) keys.add(r.key);
    }
    expect(perFile).toEqual({
      "000_33de92ed22dba662.txt": 54,
      "001_3fce2db799d86c9c.txt": 108,
      "002_06db3012bfea4519.txt": 114,
      "003_a65c63831e6109aa.txt": 49,
    });
    expect(total).toBe(325);
    expect(keys.size).toBe(291);
    expect([...keys].every((key) => key.startsWith("title:"))).toBe(true);
  });

  it("reads author counts, organisations, upvotes and dates where the page shows them", async () => {
    const all: NormalisedPaper[] = [];
    for (const file of files) all.push(...papers(await read(join(listingDir, file))));
    expect(all.filter((p) => p.authorCount !== undefined)).toHaveLength(200);
    expect(all.filter((p) => p.organization !== undefined)).toHaveLength(10);
    expect(all.filter((p) => p.publishedAt !== undefined)).toHaveLength(210);
    const voted = all.filter((p) => p.upvotes !== undefined);
    expect(voted).toHaveLength(60);
    expect(voted.reduce((sum, p) => sum + p.upvotes!, 0)).toBe(208);

    const find = (start: string) => all.find((p) => p.title.startsWith(start))!;
    const brief = (p: NormalisedPaper) => ({
      authorCount: p.authorCount,
      organization: p.organization,
      publishedAt: p.publishedAt?.toISOString().slice(0, 10),
      upvotes: p.upvotes,
    });
    expect(brief(find("4M-21: An Any-to-Any Vision Model"))).toEqual({
      authorCount: 9,
      organization: undefined,
      publishedAt: "2024-06-13",
      upvotes: 2,
    });
    expect(brief(find("SAIL-Embedding Technical Report"))).toEqual({
      authorCount: undefined,
      organization: "ByteDance",
      publishedAt: "2025-10-14",
      upvotes: 2,
    });
    expect(brief(find("MoCha: Towards Movie-Grade"))).toEqual({
      authorCount: 13,
      organization: undefined,
      publishedAt: "2025-03-30",
      upvotes: 19,
    });
    expect(brief(find("Sharing is Caring"))).toMatchObject({ organization: "Gensyn", upvotes: 53 });
    expect(brief(find("LLaVA-Mini"))).toEqual({
      authorCount: 4,
      organization: undefined,
      publishedAt: "2025-01-07",
      upvotes: 4,
    });
    expect(brief(find("Every FLOP Counts"))).toMatchObject({ authorCount: 74, publishedAt: "2025-03-06" });
    expect(brief(find("Quamba2"))).toEqual({
      authorCount: undefined,
      organization: undefined,
      publishedAt: undefined,
      upvotes: undefined,
    });
    const sailVl = find("Scalable Vision Language Model Training via High Quality Data Curation");
    expect(sailVl.abstract).toMatch(/^In this paper, we introduce SAIL-VL \(ScAlable Vision Language Model/);
    expect(sailVl.source).toBe("file");
  });
});

describe("FileSource: JSON and JSON lines", () => {
  it("detects the format from the first character", async () => {
    expect(await detectFileFormat(write("a.json", '\uFEFF\n  [{"title": "x"}]'))).toBe("json-array");
    expect(await detectFileFormat(write("a.jsonl", '{"title": "x"}\n'))).toBe("jsonl");
    expect(await detectFileFormat(join(listingDir, "000_33de92ed22dba662.txt"))).toBe("listing-text");
    await expect(detectFileFormat(write("empty.txt", " \n\n"))).rejects.toMatchObject({
      code: "SOURCE_INVALID",
    });
    await expect(detectFileFormat(join(dir, "missing.json"))).rejects.toMatchObject({
      code: "SOURCE_UNAVAILABLE",
    });
  });

  it("reads JSONL of the normalised shape; a bad line is a rejection with its line number", async () => {
    const path = write(
      "mixed.jsonl",
      [
        '{"title":"Good One","abstract":"First.","arxivId":"2411.01234v2","upvotes":5,"publishedAt":"2024-11-02"}',
        "",
        '{"title":"Broken", "abstract": ',
        '{"title":"No abstract"}',
        "[1, 2]",
        '{"title":"Good Two","abstract":"Second.","authors":["Ada Lovelace"],"keywords":["LLM"],"categories":["cs.CL"]}',
        '{"title":"Negative","abstract":"x","comments":-2}',
        "",
      ].join("\r\n"),
    );
    const batches = await read(path, 2);
    expect(batches.map((b) => [b.fetched, b.origin])).toEqual([
      [2, `${path} lines 1-3`],
      [2, `${path} lines 4-5`],
      [2, `${path} lines 6-7`],
    ]);
    const results = items(batches);
    expect(results.map((r) => (r.ok ? `ok ${r.key}` : `${r.item}: ${r.reason}`))).toEqual([
      "ok 2411.01234",
      expect.stringMatching(/^line 3: invalid JSON \(.+\)$/),
      "line 4 (No abstract): abstract: missing",
      "line 5: not a paper object (an array)",
      expect.stringMatching(/^ok title:[0-9a-f]{40}$/),
      "line 7 (Negative): comments: not a non-negative integer (-2)",
    ]);
    expect(papers(batches)[1]).toMatchObject({
      authors: ["Ada Lovelace"],
      keywords: ["LLM"],
      source: "file",
    });
  });

  it("reads a JSON array mixing Daily Papers items and normalised papers, with line numbers", async () => {
    const hf = JSON.parse(readFileSync(join(fixtures, "hf/daily-papers-2025-01-10-p0.json"), "utf8"));
    const text = `[\n${JSON.stringify(hf[0])},\n{"title": "Plain", "abstract": "Normalised shape."},\n{"title": oops},\n"text"\n]\n`;
    const batches = await read(write("mixed.json", text));
    const results = items(batches);
    expect(results.map((r) => (r.ok ? `ok ${r.key} ${r.paper.source}` : `${r.item}: ${r.reason}`))).toEqual([
      "ok 2501.05952 file",
      expect.stringMatching(/^ok title:/),
      expect.stringMatching(/^line 4: item 2 is invalid JSON/),
      "line 5: not a paper object (string)",
    ]);
    const sail = papers(batches)[0]!;
    expect(sail).toMatchObject({ upvotes: 32, githubStars: 341, organization: "ByteDance" });
  });

  it("reports a truncated JSON array as one rejection after the items it could read", async () => {
    const path = write("cut.json", '[{"title":"A","abstract":"B"},\n{"title":"C","abs');
    const results = items(await read(path));
    expect(results).toHaveLength(2);
    expect(results[0]!.ok).toBe(true);
    expect(results[1]).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/JSON array is broken: input ends inside/),
    });
  });

  it("streams 10,000 generated papers in batches, all accepted, all distinct", async () => {
    const jsonl = makeListings(10_000);
    expect(makeListings(50)).toBe(makeListings(50));
    const path = write("bench.jsonl", jsonl);
    const keys = new Set<string>();
    let batches = 0;
    let rejected = 0;
    for await (const batch of new FileSource().fetch({ path, now, batchSize: 500 })) {
      batches++;
      expect(batch.items.length).toBeLessThanOrEqual(500);
      for (const r of batch.items) {
        if (r.ok) keys.add(r.key);
        else rejected++;
      }
    }
    expect(batches).toBe(20);
    expect(rejected).toBe(0);
    expect(keys.size).toBe(10_000);
    // And some of the same papers as one JSON array.
    const some = jsonl.trim().split("\n").slice(0, 2_000);
    const arrayPath = write("bench.json", `[${some.join(",\n")}]`);
    expect(items(await read(arrayPath, 5_000)).filter((r) => r.ok)).toHaveLength(2_000);
  });

  it("surfaces an unreadable path as SOURCE_UNAVAILABLE", async () => {
    try {
      await read(join(dir, "nope.jsonl"));
      expect.unreachable();
    } catch (error) {
      expect(isAppError(error, "SOURCE_UNAVAILABLE")).toBe(true);
    }
  });
});
