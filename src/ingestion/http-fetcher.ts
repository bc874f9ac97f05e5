import { AppError } from "../lib/errors.js";
import type { Logger } from "../lib/logger.js";
import {
  declaredLength,
  describeNetworkError,
  type HttpValidators,
  parseRetryAfter,
  readValidators,
} from "./http-response-helpers.js";

export type { HttpValidators };

/**
 * GET with the manners a feed reader needs: a timeout per request, retries with
 * exponential backoff and full jitter (network errors, 429, 5xx) honouring Retry-After,
 * a cap on body size, detection of truncated bodies, conditional requests, and a
 * minimum interval between requests (arXiv asks for one every 3 s).
 */
export interface HttpFetcherOptions {
  /** Per attempt, headers and body included. Default 20 s. */
  timeoutMs?: number;
  /** Retries after the first attempt. Default 4. */
  retries?: number;
  /** Backoff before retry n is random() * min(maxDelayMs, baseDelayMs * 2^n). Defaults 1 s and 30 s. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** Retry-After longer than this is cut to it. Default 120 s. */
  maxRetryAfterMs?: number;
  /** Bodies larger than this fail with SOURCE_INVALID. Default 20 MiB. */
  maxBytes?: number;
  /** Minimum time between the starts of two requests of this fetcher. Default 0. */
  minIntervalMs?: number;
  userAgent?: string;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  now?: () => number;
  logger?: Pick<Logger, "warn">;
}

export interface HttpRequest {
  validators?: HttpValidators;
  accept?: string;
  headers?: Record<string, string>;
}

export type HttpResponse<T> =
  | { notModified: true; url: string; status: 304; validators: HttpValidators }
  | { notModified: false; url: string; status: number; body: T; bytes: number; validators: HttpValidators };

type Attempt =
  | { kind: "done"; response: HttpResponse<string> }
  | { kind: "retry"; reason: string; status?: number; retryAfterMs?: number };

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class HttpFetcher {
  private readonly timeoutMs: number;
  private readonly retries: number;
  private readonly baseDelayMs: number;
  private readonly maxDelayMs: number;
  private readonly maxRetryAfterMs: number;
  private readonly maxBytes: number;
  private readonly minIntervalMs: number;
  private readonly userAgent: string;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly random: () => number;
  private readonly now: () => number;
  private readonly logger: Pick<Logger, "warn"> | undefined;
  private turn: Promise<void> = Promise.resolve();
  private nextStartAt = 0;

  constructor(options: HttpFetcherOptions = {}) {
    this.timeoutMs = options.timeoutMs ?? 20_000;
    this.retries = options.retries ?? 4;
    this.baseDelayMs = options.baseDelayMs ?? 1_000;
    this.maxDelayMs = options.maxDelayMs ?? 30_000;
    this.maxRetryAfterMs = options.maxRetryAfterMs ?? 120_000;
    this.maxBytes = options.maxBytes ?? 20 * 1024 * 1024;
    this.minIntervalMs = options.minIntervalMs ?? 0;
    this.userAgent = options.userAgent ?? "paperboy/0.1 (+https://github.com/paperboy)";
    this.sleep = options.sleep ?? realSleep;
    this.random = options.random ?? Math.random;
    this.now = options.now ?? Date.now;
    this.logger = options.logger;
  }

  /** GET a UTF-8 body (invalid bytes become U+FFFD), or `{ notModified: true }` on 304. */
  async getText(url: string, request: HttpRequest = {}): Promise<HttpResponse<string>> {
    for (let attempt = 0; ; attempt++) {
      await this.waitForTurn();
      const outcome = await this.attempt(url, request);
      if (outcome.kind === "done") return outcome.response;
      const attempts = attempt + 1;
      if (attempt >= this.retries) {
        throw new AppError(
          "SOURCE_UNAVAILABLE",
          `GET ${url} failed after ${attempts} attempts: ${outcome.reason}`,
          {
            details: { url, status: outcome.status, attempts },
            hint: "the source may be down or rate-limiting us; the next scheduled run will try again",
          },
        );
      }
      const delayMs =
        outcome.retryAfterMs !== undefined
          ? Math.min(outcome.retryAfterMs, this.maxRetryAfterMs)
          : Math.round(this.random() * Math.min(this.maxDelayMs, this.baseDelayMs * 2 ** attempt));
      this.logger?.warn(
        { url, status: outcome.status, attempt: attempts, delayMs },
        `retrying: ${outcome.reason}`,
      );
      await this.sleep(delayMs);
    }
  }

  /** GET and parse JSON; a body that does not parse (truncated, HTML error page) is SOURCE_INVALID. */
  async getJson(url: string, request: HttpRequest = {}): Promise<HttpResponse<unknown>> {
    const response = await this.getText(url, { accept: "application/json", ...request });
    if (response.notModified) return response;
    try {
      return { ...response, body: JSON.parse(response.body) as unknown };
    } catch (error) {
      const tail = JSON.stringify(response.body.slice(-40));
      throw new AppError(
        "SOURCE_INVALID",
        `GET ${url}: body is not valid JSON, perhaps truncated (${response.bytes} bytes, ending ${tail})`,
        { cause: error, details: { url, bytes: response.bytes } },
      );
    }
  }

  /** Serialises request starts so two are never closer than minIntervalMs. */
  private waitForTurn(): Promise<void> {
    if (this.minIntervalMs <= 0) return Promise.resolve();
    const mine = this.turn.then(async () => {
      const wait = this.nextStartAt - this.now();
      if (wait > 0) await this.sleep(wait);
      this.nextStartAt = this.now() + this.minIntervalMs;
    });
    this.turn = mine.catch(() => undefined);
    return mine;
  }

  private async attempt(url: string, request: HttpRequest): Promise<Attempt> {
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, this.timeoutMs);
    let phase: "connect" | "body" = "connect";
    let received = 0;
    try {
      const response = await fetch(url, { headers: this.headers(request), signal: controller.signal });
      const validators = readValidators(response.headers);
      if (response.status === 304) {
        await response.body?.cancel().catch(() => undefined);
        return {
          kind: "done",
          response: {
            notModified: true,
            url,
            status: 304,
            validators: { ...request.validators, ...validators },
          },
        };
      }
      const status = `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ""}`;
      if (response.status === 429 || response.status >= 500) {
        await response.body?.cancel().catch(() => undefined);
        const retryAfterMs = parseRetryAfter(response.headers.get("retry-after"), this.now());
        return { kind: "retry", reason: status, status: response.status, retryAfterMs };
      }
      if (!response.ok) {
        await response.body?.cancel().catch(() => undefined);
        throw new AppError("SOURCE_UNAVAILABLE", `GET ${url}: ${status}`, {
          details: { url, status: response.status },
        });
      }
      const declared = declaredLength(response.headers);
      if (declared !== undefined && declared > this.maxBytes) {
        controller.abort();
        throw this.tooLarge(url, `declares ${declared} bytes`);
      }
      phase = "body";
      const chunks: Uint8Array[] = [];
      if (response.body) {
        for await (const chunk of response.body) {
          received += chunk.byteLength;
          if (received > this.maxBytes) {
            controller.abort();
            throw this.tooLarge(url, `more than ${this.maxBytes} bytes received`);
          }
          chunks.push(chunk);
        }
      }
      if (declared !== undefined && received !== declared) {
        return { kind: "retry", reason: `body truncated: ${received} of ${declared} bytes` };
      }
      const body = new TextDecoder("utf-8").decode(Buffer.concat(chunks));
      return {
        kind: "done",
        response: { notModified: false, url, status: response.status, body, bytes: received, validators },
      };
    } catch (error) {
      if (error instanceof AppError) throw error;
      if (timedOut)
        return {
          kind: "retry",
          reason: `timed out after ${this.timeoutMs} ms (${phase === "body" ? `body, ${received} bytes read` : "waiting for response"})`,
        };
      const cause = describeNetworkError(error);
      if (phase === "body")
        return { kind: "retry", reason: `body interrupted after ${received} bytes (${cause})` };
      return { kind: "retry", reason: `network error (${cause})` };
    } finally {
      clearTimeout(timer);
    }
  }

  private headers(request: HttpRequest): Record<string, string> {
    const headers: Record<string, string> = {
      "user-agent": this.userAgent,
      accept: request.accept ?? "*/*",
      ...request.headers,
    };
    if (request.validators?.etag) headers["if-none-match"] = request.validators.etag;
    if (request.validators?.lastModified) headers["if-modified-since"] = request.validators.lastModified;
    return headers;
  }

  private tooLarge(url: string, what: string): AppError {
    return new AppError(
      "SOURCE_INVALID",
      `GET ${url}: response too large (${what}; limit ${this.maxBytes} bytes)`,
      {
        details: { url, maxBytes: this.maxBytes },
      },
    );
  }
}
