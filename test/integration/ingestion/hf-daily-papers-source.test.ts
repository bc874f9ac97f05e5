import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { HttpFetcher } from "../../../src/ingestion/http-fetcher.js";
import type { SourceBatch } from "../../../src/ingestion/source-batch.js";
import { HfDailyPapersSource } from "../../../src/ingestion/sources/hf-daily-papers-source.js";
import { type LocalServer, recordingSleep, startLocalServer } from "./local-http-server.js";

const now = new Date("2025-01-14T00:00:00Z");
const fixture = (name: string) => readFileSync(new URL(`../../fixtures/hf/${name}`, import.meta.url), "utf8");

let server: LocalServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

function source(baseUrl: string) {
  const { sleep } = recordingSleep();
  return new HfDailyPapersSource({ fetcher: new HttpFetcher({ sleep, retries: 1 }), baseUrl: `${baseUrl}/` });
}

async function collect(iterable: AsyncIterable<SourceBatch>): Promise<SourceBatch[]> {
  const out: SourceBatch[] = [];
  for await (const batch of iterable) out.push(batch);
  return out;
}

/** Serves the fixture pages of 2025-01-10 by `p`; page 0 has an ETag and answers If-None-Match. */
function dailyPapersServer(pages: Record<string, string>) {
  return startLocalServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://x");
    if (url.pathname !== "/api/daily_papers") {
      res.statusCode = 404;
      res.end();
      return;
    }
    const page = url.searchParams.get("p") ?? "0";
    const etag = `"page-${page}"`;
    if (page === "0" && req.headers["if-none-match"] === etag) {
      res.writeHead(304, { etag });
      res.end();
      return;
    }
    res.writeHead(200, { "content-type": "application/json", etag });
    res.end(pages[page] ?? "[]");
  });
}

describe("HfDailyPapersSource", () => {
  it("pages until a short page, one batch per page, validators from the first page", async () => {
    server = await dailyPapersServer({
      "0": fixture("daily-papers-2025-01-10-p0.json"),
      "1": fixture("daily-papers-2025-01-10-p1.json"),
    });
    const batches = await collect(source(server.url).fetch({ date: "2025-01-10", now, pageSize: 3 }));
    expect(server.requests.map((r) => r.path)).toEqual([
      "/api/daily_papers?date=2025-01-10&p=0&limit=3",
      "/api/daily_papers?date=2025-01-10&p=1&limit=3",
    ]);
    expect(batches.map((b) => [b.fetched, b.items.length, b.validators])).toEqual([
      [3, 3, { etag: '"page-0"' }],
      [2, 2, undefined],
    ]);
    expect(batches[0]!.origin).toBe(`${server.url}/api/daily_papers?date=2025-01-10&p=0&limit=3`);
    const keys = batches.flatMap((b) => b.items.map((r) => (r.ok ? r.key : r.reason)));
    expect(keys).toEqual(["2501.05952", "2501.04001", "2501.03895", "2501.04519", "hep-ex/0307015"]);
    const first = batches[0]!.items[0]!;
    expect(first.ok && first.paper.url).toBe(`${server.url}/papers/2501.05952`);
  });

  it("asks for page 0 only once when it is not modified", async () => {
    server = await dailyPapersServer({ "0": fixture("daily-papers-2025-01-10-p0.json") });
    const batches = await collect(
      source(server.url).fetch({ date: "2025-01-10", now, pageSize: 3, validators: { etag: '"page-0"' } }),
    );
    expect(batches).toEqual([
      {
        items: [],
        fetched: 0,
        origin: `${server.url}/api/daily_papers?date=2025-01-10&p=0&limit=3`,
        validators: { etag: '"page-0"' },
        notModified: true,
      },
    ]);
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]!.headers["if-none-match"]).toBe('"page-0"');
  });

  it("reads a paper again with its new upvotes on a later run", async () => {
    let later = false;
    server = await startLocalServer((_req, res) => {
      res.setHeader("content-type", "application/json");
      res.end(fixture(later ? "daily-papers-2025-01-10-p0-later.json" : "daily-papers-2025-01-10-p0.json"));
    });
    const hf = source(server.url);
    const upvotes = async () => {
      const [batch] = await collect(hf.fetch({ date: "2025-01-10", now, pageSize: 50 }));
      return batch!.items.map((r) => (r.ok ? [r.key, r.paper.upvotes] : [r.reason]));
    };
    expect(await upvotes()).toEqual([
      ["2501.05952", 32],
      ["2501.04001", 47],
      ["2501.03895", 51],
    ]);
    later = true;
    expect(await upvotes()).toEqual([
      ["2501.05952", 58],
      ["2501.04001", 63],
      ["2501.03895", 70],
    ]);
  });

  it("accepts the good items of a malformed page and rejects the rest with reasons", async () => {
    server = await dailyPapersServer({ "0": fixture("daily-papers-malformed.json") });
    const [batch] = await collect(source(server.url).fetch({ date: "2025-01-10", now, pageSize: 50 }));
    expect(batch!.fetched).toBe(12);
    const rejected = batch!.items.filter((r) => !r.ok);
    expect(rejected.map((r) => !r.ok && r.item)).toEqual([
      "2501.09999",
      "2501.09998",
      "2501.09997",
      "2501.09996",
      "page 0 item 5",
      "2501.09992",
      "2501.09990",
    ]);
    expect(batch!.items.filter((r) => r.ok)).toHaveLength(5);
  });

  it("stops when the server ignores the page number", async () => {
    server = await startLocalServer((_req, res) => res.end(fixture("daily-papers-2025-01-10-p0.json")));
    const batches = await collect(
      source(server.url).fetch({ date: "2025-01-10", now, pageSize: 3, maxPages: 10 }),
    );
    expect(batches).toHaveLength(1);
    expect(server.requests).toHaveLength(2);
  });

  it("fails clearly on a body that is not a list, and on a bad date", async () => {
    server = await startLocalServer((_req, res) => res.end('{"error":"Invalid date"}'));
    const hf = source(server.url);
    await expect(collect(hf.fetch({ date: "2025-01-10", now }))).rejects.toMatchObject({
      code: "SOURCE_INVALID",
      message: expect.stringContaining("expected a JSON array of papers, got an error object (Invalid date)"),
    });
    await expect(collect(hf.fetch({ date: "10/01/2025", now }))).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
    });
  });
});
