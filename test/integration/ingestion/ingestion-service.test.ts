import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { runIngest } from "../../../src/app/ingest-runner.js";
import { HttpFetcher } from "../../../src/ingestion/http-fetcher.js";
import { ArxivSource } from "../../../src/ingestion/sources/arxiv-source.js";
import { HfDailyPapersSource } from "../../../src/ingestion/sources/hf-daily-papers-source.js";
import { isAppError } from "../../../src/lib/errors.js";
import { runCli } from "../../helpers/run-cli.js";
import { startTestApp, type TestApp } from "../../helpers/test-app.js";
import { type LocalServer, recordingSleep, startLocalServer } from "./local-http-server.js";

const fixture = (path: string) => readFileSync(new URL(`../../fixtures/${path}`, import.meta.url), "utf8");
const ETAG = '"p0-v1"';
const LISTINGS = fileURLToPath(new URL("../../fixtures/listings/", import.meta.url));

// Ingestion into the real PostgreSQL: merging, upvote history, run reports, rejects.
describe("ingestion into PostgreSQL", { timeout: 120_000 }, () => {
  let app: TestApp;
  let server: LocalServer;
  let hfPage0 = "daily-papers-2025-01-10-p0.json";
  let hfDown = false;

  beforeAll(async () => {
    server = await startLocalServer((req, res) => {
      const url = new URL(req.url ?? "/", "http://x");
      if (url.pathname === "/api/daily_papers") {
        if (hfDown) {
          res.statusCode = 503;
          return res.end("down for maintenance");
        }
        const page = url.searchParams.get("p") ?? "0";
        if (page === "0" && hfPage0 === "daily-papers-2025-01-10-p0.json") {
          if (req.headers["if-none-match"] === ETAG) {
            res.statusCode = 304;
            return res.end();
          }
          res.setHeader("etag", ETAG);
        }
        res.setHeader("content-type", "application/json");
        return res.end(page === "0" ? fixture(`hf/${hfPage0}`) : "[]");
      }
      if (url.pathname === "/api/query") {
        res.setHeader("content-type", "application/atom+xml");
        const start = url.searchParams.get("start");
        return res.end(fixture(start === "0" ? "arxiv/query-cs-page0.xml" : "arxiv/query-cs-page1.xml"));
      }
      res.statusCode = 404;
      res.end();
    });
    app = await startTestApp({ env: { HF_BASE_URL: server.url, ARXIV_BASE_URL: server.url } });
  });
  afterAll(async () => {
    await app?.close();
    await server?.close();
  });
  beforeEach(async () => {
    const prisma = app.ctx.db.prisma;
    await prisma.paper.deleteMany();
    await prisma.ingestRun.deleteMany();
    await prisma.sourceState.deleteMany();
    hfPage0 = "daily-papers-2025-01-10-p0.json";
    hfDown = false;
  });

  const quickHf = () =>
    new HfDailyPapersSource({
      fetcher: new HttpFetcher({ retries: 0, sleep: recordingSleep().sleep }),
      baseUrl: server.url,
    });

  it("stores every listing page entry: 325 entries, 291 distinct papers, nothing rejected", async () => {
    let fetched = 0;
    let rejected = 0;
    for (const file of readdirSync(LISTINGS).filter((f) => f.endsWith(".txt"))) {
      const report = await runIngest(app.ctx, { source: "file", file: `${LISTINGS}${file}` });
      fetched += report.fetched;
      rejected += report.rejected;
    }
    expect(fetched).toBe(325);
    expect(rejected).toBe(0);
    const prisma = app.ctx.db.prisma;
    expect(await prisma.paper.count()).toBe(291);
    const mocha = await prisma.paper.findFirstOrThrow({ where: { title: { startsWith: "MoCha" } } });
    expect(mocha).toMatchObject({ upvotes: 19, authorCount: 13 });
    const runs = await prisma.ingestRun.findMany();
    expect(runs).toHaveLength(4);
    expect(runs.every((r) => r.status === "finished")).toBe(true);
  });

  it("merges a paper seen again with new upvotes and keeps its upvote history", async () => {
    const first = await runIngest(app.ctx, { source: "hf", date: "2025-01-10" });
    expect(first).toMatchObject({ fetched: 3, created: 3, updated: 0, rejected: 0 });
    hfPage0 = "daily-papers-2025-01-10-p0-later.json";
    await app.ctx.db.prisma.sourceState.deleteMany(); // the page changed: no 304
    const second = await runIngest(app.ctx, { source: "hf", date: "2025-01-10" });
    expect(second).toMatchObject({ fetched: 3, created: 0, updated: 3 });
    const paper = await app.ctx.db.prisma.paper.findUniqueOrThrow({
      where: { key: "2501.05952" },
      include: { snapshots: { orderBy: { takenAt: "asc" } } },
    });
    expect(paper.upvotes).toBe(58);
    expect(paper.snapshots.map((s) => s.upvotes)).toEqual([32, 58]);
    expect(paper.featuredAt).not.toBeNull();
  });

  it("asks conditionally the next time and stores nothing when the page has not changed", async () => {
    await runIngest(app.ctx, { source: "hf", date: "2025-01-10" });
    const state = await app.ctx.db.prisma.sourceState.findUniqueOrThrow({ where: { key: "hf:2025-01-10" } });
    expect(state.etag).toBe(ETAG);
    const snapshots = await app.ctx.db.prisma.upvoteSnapshot.count();
    const again = await runIngest(app.ctx, { source: "hf", date: "2025-01-10" });
    expect(again).toMatchObject({ notModified: true, fetched: 0, created: 0, updated: 0 });
    expect(server.requests.at(-1)?.headers["if-none-match"]).toBe(ETAG);
    expect(await app.ctx.db.prisma.upvoteSnapshot.count()).toBe(snapshots);
  });

  it("merges the same paper from Daily Papers and arXiv into one, erasing nothing", async () => {
    await runIngest(app.ctx, { source: "hf", date: "2025-01-10" });
    const arxiv = new ArxivSource({ fetcher: new HttpFetcher({ retries: 0 }), baseUrl: server.url });
    const report = await app.ctx.ingestion.run(arxiv, {
      categories: ["cs.CL"],
      now: new Date(),
      pageSize: 3,
      maxResults: 6,
    });
    expect(report.rejected).toBe(0);
    const paper = await app.ctx.db.prisma.paper.findUniqueOrThrow({ where: { key: "2501.05952" } });
    expect([...paper.sources].sort()).toEqual(["arxiv", "hf"]);
    expect(paper.upvotes).toBe(32); // arXiv has no upvotes; the known count stays
    expect(paper.categories.length).toBeGreaterThan(0);
    expect(await app.ctx.db.prisma.paper.count({ where: { key: "2501.05952" } })).toBe(1);
  });

  it("rejects malformed items with reasons and stores the rest", async () => {
    hfPage0 = "daily-papers-malformed.json";
    const report = await app.ctx.ingestion.run(quickHf(), { date: "2025-01-10", now: new Date() });
    expect(report.fetched).toBe(12);
    expect(report.rejected).toBeGreaterThan(0);
    expect(report.created + report.rejected).toBe(12);
    expect(report.errors.length).toBe(report.rejected);
    expect(report.errors.every((e) => e.reason.length > 0)).toBe(true);
    expect(await app.ctx.db.prisma.paper.count()).toBe(report.created);
    const run = await app.ctx.db.prisma.ingestRun.findUniqueOrThrow({ where: { id: report.runId } });
    expect(run).toMatchObject({ status: "finished", rejected: report.rejected, created: report.created });
  });

  it("reports a source that cannot be read at all as SOURCE_UNAVAILABLE and records the failed run", async () => {
    hfDown = true;
    const error = await app.ctx.ingestion
      .run(quickHf(), { date: "2025-01-10", now: new Date() })
      .catch((e) => e);
    expect(isAppError(error, "SOURCE_UNAVAILABLE")).toBe(true);
    expect(error.message).toContain(server.url);
    const run = await app.ctx.db.prisma.ingestRun.findFirstOrThrow({ where: { source: "hf" } });
    expect(run.status).toBe("failed");
  });

  it("never runs two ingests of one source at once", async () => {
    const [a, b] = await Promise.allSettled([
      runIngest(app.ctx, { source: "hf", date: "2025-01-10" }),
      runIngest(app.ctx, { source: "hf", date: "2025-01-10" }),
    ]);
    const outcomes = [a, b]
      .map((r) => (r.status === "fulfilled" ? "ran" : (r.reason as { code: string }).code))
      .sort();
    expect(outcomes).toEqual(["CONFLICT", "ran"]);
  });

  it("prints the run report as JSON from the CLI", async () => {
    const { code, stdout, stderr } = await runCli(
      ["ingest", "--source", "file", "--file", `${LISTINGS}003_a65c63831e6109aa.txt`, "--json"],
      { ...app.env, LOG_LEVEL: "" },
    );
    expect(code).toBe(0);
    expect(stderr).not.toMatch(/\bat .*\(.*:\d+:\d+\)/); // progress lines only, no stack trace
    const report = JSON.parse(stdout);
    expect(Object.keys(report).sort()).toEqual(
      ["created", "errors", "fetched", "rejected", "source", "unchanged", "updated"].sort(),
    );
    expect(report).toMatchObject({ source: "file", rejected: 0 });
    expect(report.fetched).toBeGreaterThan(0);
  });

  it("exits non-zero with one line when the file cannot be read", async () => {
    const { code, stderr } = await runCli(
      ["ingest", "--source", "file", "--file", "/nonexistent/papers.jsonl"],
      {
        ...app.env,
        LOG_LEVEL: "",
      },
    );
    expect(code).not.toBe(0);
    expect(stderr.trim().split("\n")).toHaveLength(1);
    expect(stderr).toMatch(/^paperboy: .*\/nonexistent\/papers\.jsonl/);
  });
});
