import { afterEach, describe, expect, it } from "vitest";
import { HttpFetcher, type HttpFetcherOptions } from "../../../src/ingestion/http-fetcher.js";
import { type AppError, isAppError } from "../../../src/lib/errors.js";
import { type LocalServer, recordingSleep, startLocalServer } from "./local-http-server.js";

let server: LocalServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function failure(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (isAppError(error)) return error;
    throw error;
  }
  throw new Error("expected an AppError");
}

function fetcher(options: HttpFetcherOptions = {}) {
  const recorder = recordingSleep();
  return {
    http: new HttpFetcher({ sleep: recorder.sleep, random: () => 0.5, ...options }),
    waits: recorder.waits,
  };
}

describe("HttpFetcher", () => {
  it("returns the body and the validators", async () => {
    server = await startLocalServer((_req, res) => {
      res.writeHead(200, {
        "content-type": "application/json",
        etag: '"v1"',
        "last-modified": "Tue, 14 Jan 2025 00:00:00 GMT",
      });
      res.end(JSON.stringify([{ a: "é" }]));
    });
    const { http } = fetcher();
    const response = await http.getJson(`${server.url}/x`);
    expect(response).toEqual({
      notModified: false,
      url: `${server.url}/x`,
      status: 200,
      body: [{ a: "é" }],
      bytes: 12,
      validators: { etag: '"v1"', lastModified: "Tue, 14 Jan 2025 00:00:00 GMT" },
    });
    expect(server.requests[0]!.headers["user-agent"]).toMatch(/^paperboy\//);
    expect(server.requests[0]!.headers.accept).toBe("application/json");
  });

  it("sends validators and returns notModified on 304", async () => {
    server = await startLocalServer((req, res) => {
      if (
        req.headers["if-none-match"] === '"v1"' &&
        req.headers["if-modified-since"] === "Tue, 14 Jan 2025 00:00:00 GMT"
      ) {
        res.writeHead(304, { etag: '"v1"' });
        res.end();
        return;
      }
      res.writeHead(200, { etag: '"v2"' });
      res.end("[]");
    });
    const { http } = fetcher();
    const validators = { etag: '"v1"', lastModified: "Tue, 14 Jan 2025 00:00:00 GMT" };
    expect(await http.getJson(`${server.url}/feed`, { validators })).toEqual({
      notModified: true,
      url: `${server.url}/feed`,
      status: 304,
      validators,
    });
    const changed = await http.getJson(`${server.url}/feed`, { validators: { etag: '"v0"' } });
    expect(changed.notModified).toBe(false);
    expect(changed.validators).toEqual({ etag: '"v2"' });
  });

  it("times out a slow response (a real slow server) and names the URL", async () => {
    server = await startLocalServer((_req, res) => {
      const timer = setTimeout(() => res.end("too late"), 5_000);
      res.on("close", () => clearTimeout(timer));
    });
    const { http, waits } = fetcher({ timeoutMs: 150, retries: 1 });
    const error = await failure(http.getText(`${server.url}/slow`));
    expect(error.code).toBe("SOURCE_UNAVAILABLE");
    expect(error.message).toBe(
      `GET ${server.url}/slow failed after 2 attempts: timed out after 150 ms (waiting for response)`,
    );
    expect(server.requests).toHaveLength(2);
    expect(waits).toEqual([500]);
  });

  it("times out a body that stalls after the headers", async () => {
    server = await startLocalServer((_req, res) => {
      res.writeHead(200, { "content-type": "text/plain" });
      res.write("partial");
    });
    const { http } = fetcher({ timeoutMs: 150, retries: 0 });
    const error = await failure(http.getText(`${server.url}/stall`));
    expect(error.message).toMatch(/timed out after 150 ms \(body, 7 bytes read\)$/);
  });

  it("waits as Retry-After says on 429 (seconds or HTTP date), capped", async () => {
    const now = Date.parse("2025-01-14T00:00:00Z");
    const answers = [
      { "retry-after": "7" },
      { "retry-after": new Date(now + 30_000).toUTCString() },
      { "retry-after": "3600" },
    ];
    server = await startLocalServer((_req, res, index) => {
      const headers = answers[index];
      if (headers) {
        res.writeHead(429, headers);
        res.end("slow down");
      } else res.end("ok");
    });
    const { http, waits } = fetcher({ now: () => now, maxRetryAfterMs: 60_000 });
    const response = await http.getText(`${server.url}/limited`);
    expect(response.notModified === false && response.body).toBe("ok");
    expect(waits).toEqual([7_000, 30_000, 60_000]);
    expect(server.requests).toHaveLength(4);
  });

  it("retries a 500 with jittered exponential backoff, then succeeds", async () => {
    server = await startLocalServer((_req, res, index) => {
      res.statusCode = index < 2 ? 500 : 200;
      res.end(index < 2 ? "boom" : '{"ok":true}');
    });
    const { http, waits } = fetcher({ baseDelayMs: 1_000, random: () => 0.25 });
    const response = await http.getJson(`${server.url}/flaky`);
    expect(response.notModified === false && response.body).toEqual({ ok: true });
    // Full jitter: random() * base * 2^attempt.
    expect(waits).toEqual([250, 500]);
  });

  it("gives up after the retries with a message naming the URL and status", async () => {
    server = await startLocalServer((_req, res) => {
      res.statusCode = 503;
      res.end();
    });
    const { http } = fetcher({ retries: 2 });
    const error = await failure(http.getText(`${server.url}/down`));
    expect(error.code).toBe("SOURCE_UNAVAILABLE");
    expect(error.message).toBe(
      `GET ${server.url}/down failed after 3 attempts: HTTP 503 Service Unavailable`,
    );
    expect(error.details).toMatchObject({ status: 503, attempts: 3 });
  });

  it("does not retry other 4xx answers", async () => {
    server = await startLocalServer((_req, res) => {
      res.statusCode = 404;
      res.end("no");
    });
    const { http } = fetcher();
    const error = await failure(http.getText(`${server.url}/missing`));
    expect(error.message).toBe(`GET ${server.url}/missing: HTTP 404 Not Found`);
    expect(server.requests).toHaveLength(1);
  });

  it("detects a body cut short of its Content-Length, retrying then failing clearly", async () => {
    server = await startLocalServer((_req, res) => {
      res.writeHead(200, { "content-length": "1000", "content-type": "application/json" });
      res.write('[{"title": "cut');
      setTimeout(() => res.socket?.destroy(), 20);
    });
    const { http } = fetcher({ retries: 1 });
    const error = await failure(http.getJson(`${server.url}/cut`));
    expect(error.code).toBe("SOURCE_UNAVAILABLE");
    expect(error.message).toMatch(
      new RegExp(`^GET ${server.url}/cut failed after 2 attempts: body (interrupted|truncated)`),
    );
    expect(server.requests).toHaveLength(2);
  });

  it("reports a body that is not complete JSON as SOURCE_INVALID", async () => {
    server = await startLocalServer((_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end('[{"title": "half"');
    });
    const { http } = fetcher();
    const error = await failure(http.getJson(`${server.url}/half`));
    expect(error.code).toBe("SOURCE_INVALID");
    expect(error.message).toBe(
      `GET ${server.url}/half: body is not valid JSON, perhaps truncated (17 bytes, ending "[{\\"title\\": \\"half\\"")`,
    );
  });

  it("aborts a streamed body past the size cap, and refuses a declared oversize without reading it", async () => {
    server = await startLocalServer((req, res) => {
      if (req.url === "/declared") {
        res.writeHead(200, { "content-length": String(10 * 1024 * 1024) });
        res.end();
        return;
      }
      res.writeHead(200, { "content-type": "text/plain" });
      const chunk = "x".repeat(64 * 1024);
      let sent = 0;
      const pump = () => {
        while (sent < 100 && res.write(chunk)) sent++;
        if (sent < 100) res.once("drain", pump);
        else res.end();
      };
      pump();
    });
    const { http } = fetcher({ maxBytes: 256 * 1024 });
    const streamed = await failure(http.getText(`${server.url}/huge`));
    expect(streamed.code).toBe("SOURCE_INVALID");
    expect(streamed.message).toBe(
      `GET ${server.url}/huge: response too large (more than 262144 bytes received; limit 262144 bytes)`,
    );
    const declared = await failure(http.getText(`${server.url}/declared`));
    expect(declared.message).toBe(
      `GET ${server.url}/declared: response too large (declares 10485760 bytes; limit 262144 bytes)`,
    );
    expect(server.requests).toHaveLength(2);
  });

  it("keeps a minimum interval between requests", async () => {
    server = await startLocalServer((_req, res) => res.end("ok"));
    const { http, waits } = fetcher({ minIntervalMs: 3_000 });
    await http.getText(`${server.url}/1`);
    await http.getText(`${server.url}/2`);
    await Promise.all([http.getText(`${server.url}/3`), http.getText(`${server.url}/4`)]);
    expect(waits).toHaveLength(3);
    for (const wait of waits) {
      expect(wait).toBeGreaterThan(2_500);
      expect(wait).toBeLessThanOrEqual(3_000);
    }
  });

  it("reports a refused connection after retrying", async () => {
    const closed = await startLocalServer((_req, res) => res.end());
    const url = `${closed.url}/gone`;
    await closed.close();
    const { http, waits } = fetcher({ retries: 1 });
    const error = await failure(http.getText(url));
    expect(error.message).toMatch(
      new RegExp(`^GET ${url} failed after 2 attempts: network error \\(ECONNREFUSED`),
    );
    expect(waits).toHaveLength(1);
  });
});
