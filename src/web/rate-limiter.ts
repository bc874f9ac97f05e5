import { createHash } from "node:crypto";
import type { Redis } from "ioredis";
import { AppError } from "../lib/errors.js";

export interface RateLimit {
  /** Requests allowed per window. */
  limit: number;
  windowMs: number;
}

export interface RateDecision {
  allowed: boolean;
  /** Requests counted in the current window, this one included. */
  count: number;
  remaining: number;
  /** Until the window ends. */
  retryAfterMs: number;
}

/**
 * Fixed-window counters in Redis: one key per bucket, subject and window,
 * incremented and given its expiry in one MULTI, so every process behind a load
 * balancer shares the count and no key outlives its window. Subjects are hashed,
 * so addresses never sit in Redis in clear text.
 *
 * Keys: `${prefix}:rl:${bucket}:${sha256(subject)[0..32]}:${windowIndex}`
 */
export class RateLimiter {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly now: () => number = Date.now,
  ) {}

  async hit(bucket: string, subject: string, rule: RateLimit): Promise<RateDecision> {
    const now = this.now();
    const window = Math.floor(now / rule.windowMs);
    const key = this.key(bucket, subject, window);
    const results = await this.redis.multi().incr(key).pexpire(key, rule.windowMs).exec();
    const [incr] = results ?? [];
    if (!incr || incr[0]) throw incr?.[0] ?? new Error("rate limiter: MULTI was aborted");
    const count = Number(incr[1]);
    return {
      allowed: count <= rule.limit,
      count,
      remaining: Math.max(0, rule.limit - count),
      retryAfterMs: (window + 1) * rule.windowMs - now,
    };
  }

  /** Counts a request and throws RATE_LIMITED (with retryAfterSeconds in details) when over the limit. */
  async consume(bucket: string, subject: string, rule: RateLimit, message: string): Promise<RateDecision> {
    const decision = await this.hit(bucket, subject, rule);
    if (!decision.allowed) {
      throw new AppError("RATE_LIMITED", message, {
        details: { bucket, retryAfterSeconds: Math.max(1, Math.ceil(decision.retryAfterMs / 1000)) },
      });
    }
    return decision;
  }

  key(bucket: string, subject: string, window: number): string {
    const digest = createHash("sha256").update(subject).digest("hex").slice(0, 32);
    return `${this.prefix}:rl:${bucket}:${digest}:${window}`;
  }
}
