import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { HttpFetcher } from "../../../src/ingestion/http-fetcher.js";
import type { SourceBatch } from "../../../src/ingestion/source-batch.js";
import { ArxivSource } from "../../../src/ingestion/sources/arxiv-source.js";
import { type LocalServer, recordingSleep, startLocalServer } from "./local-http-server.js";

const now = new Date("2025-01-14T00:00:00Z");
const fixture = (name: string) =>
  readFileSync(new URL(`../../fixtures/arxiv/${name}`, import.meta.url), "utf8");

let server: LocalServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function collect(iterable: AsyncIterable<SourceBatch>): Promise<SourceBatch[]> {
  const out: SourceBatch[] = [];
  for await (const batch of iterable) out.push(batch);
  return out;
}

/** Serves page 0 for start=0 and page 1 for start=3, like the arXiv API with max_results=3. */
function arxivServer() {
  return startLocalServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://x");
    const start = url.searchParams.get("start");
    res.writeHead(200, { "content-type": "application/atom+xml; charset=utf-8", etag: `"start-${start}"` });
    res.end(
      start === "0"
        ? fixture("query-cs-page0.xml")
        : start === "3"
          ? fixture("query-cs-page1.xml")
          : "<feed/>",
    );
  });
}

function source(baseUrl: string, minIntervalMs = 3_000) {
  // A clock that moves only when the fetcher sleeps, so the spacing it asks for is exact however loaded the machine is.
  const recorder = recordingSleep();
  let clock = 1_000_000;
  const sleep = async (ms: number) => {
    clock += ms;
    await recorder.sleep(ms);
  };
  const fetcher = new HttpFetcher({ sleep, now: () => clock, minIntervalMs, retries: 0 });
  return { arxiv: new ArxivSource({ fetcher, baseUrl }), waits: recorder.waits };
}

const keys = (batches: SourceBatch[]) =>
  batches.flatMap((b) => b.items.map((r) => (r.ok ? r.key : r.reason)));

describe("ArxivSource", () => {
  it("pages newest first, one request per 3 s, until an entry older than `since`", async () => {
    server = await arxivServer();
    const { arxiv, waits } = source(server.url);
    const batches = await collect(
      arxiv.fetch({
        categories: ["cs.CL", "cs.CV"],
        now,
        since: new Date("2025-01-05T00:00:00Z"),
        pageSize: 3,
      }),
    );
    expect(server.requests.map((r) => r.path)).toEqual([
      "/api/query?search_query=cat:cs.CL+OR+cat:cs.CV&sortBy=submittedDate&sortOrder=descending&start=0&max_results=3",
      "/api/query?search_query=cat:cs.CL+OR+cat:cs.CV&sortBy=submittedDate&sortOrder=descending&start=3&max_results=3",
    ]);
    expect(keys(batches)).toEqual(["2501.07301", "2501.05952", "2501.04001", "2501.03895"]);
    expect(batches.map((b) => b.fetched)).toEqual([3, 1]);
    expect(batches[0]!.validators).toEqual({ etag: '"start-0"' });
    expect(waits).toHaveLength(1);
    expect(waits[0]).toBe(3_000);
    const sail = batches[0]!.items[1]!;
    expect(sail.ok && sail.paper).toMatchObject({ source: "arxiv", categories: ["cs.CV", "cs.CL"] });
  });

  it("reads everything to the end of the results without `since`, old-style ids included", async () => {
    server = await arxivServer();
    const { arxiv } = source(server.url, 0);
    const batches = await collect(arxiv.fetch({ categories: ["cs.CL"], now, pageSize: 3 }));
    expect(keys(batches)).toEqual(["2501.07301", "2501.05952", "2501.04001", "2501.03895", "hep-ex/0307015"]);
    expect(server.requests).toHaveLength(2);
  });

  it("stops at maxResults and at a recent `since` without asking for more", async () => {
    server = await arxivServer();
    const { arxiv } = source(server.url, 0);
    expect(
      keys(await collect(arxiv.fetch({ categories: ["cs.CL"], now, pageSize: 3, maxResults: 2 }))),
    ).toEqual(["2501.07301", "2501.05952"]);
    expect(server.requests).toHaveLength(1);
    const recent = await collect(
      arxiv.fetch({ categories: ["cs.CL"], now, pageSize: 3, since: new Date("2025-01-09T00:00:00Z") }),
    );
    expect(keys(recent)).toEqual(["2501.07301", "2501.05952"]);
    expect(server.requests).toHaveLength(2);
  });

  it("yields a single notModified batch on 304", async () => {
    server = await startLocalServer((_req, res) => {
      res.writeHead(304, { etag: '"start-0"' });
      res.end();
    });
    const { arxiv } = source(server.url, 0);
    const batches = await collect(
      arxiv.fetch({ categories: ["cs.CL"], now, validators: { etag: '"start-0"' } }),
    );
    expect(batches).toHaveLength(1);
    expect(batches[0]).toMatchObject({ notModified: true, items: [], fetched: 0 });
  });

  it("fails with SOURCE_INVALID on an error feed or a truncated feed, and refuses odd categories", async () => {
    server = await startLocalServer((req, res) => {
      const xml = fixture(req.url?.includes("cat:cs.CL") ? "query-error.xml" : "query-cs-page0.xml");
      res.end(req.url?.includes("cat:cs.CL") ? xml : xml.slice(0, 900));
    });
    const { arxiv } = source(server.url, 0);
    await expect(collect(arxiv.fetch({ categories: ["cs.CL"], now }))).rejects.toMatchObject({
      code: "SOURCE_INVALID",
      message: expect.stringContaining("is an arXiv error: incorrect id format for 1234.12345"),
    });
    await expect(collect(arxiv.fetch({ categories: ["cs.CV"], now }))).rejects.toMatchObject({
      code: "SOURCE_INVALID",
      message: expect.stringContaining("is not well-formed XML"),
    });
    await expect(collect(arxiv.fetch({ categories: ["cs.CL&x=1"], now }))).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
    });
  });
});
