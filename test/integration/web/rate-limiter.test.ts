import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isAppError } from "../../../src/lib/errors.js";
import { RateLimiter } from "../../../src/web/rate-limiter.js";
import { dropQueuePrefix, testQueuePrefix } from "../../helpers/test-database.js";

// Fixed-window counters on the real local Redis, with a clock the test moves.
let redis: Redis;
const prefix = testQueuePrefix();

beforeAll(async () => {
  redis = new Redis("redis://127.0.0.1:6379");
});
afterAll(async () => {
  await dropQueuePrefix(prefix);
  await redis.quit();
});

describe("RateLimiter", () => {
  it("allows `limit` hits per window, then refuses until the next window", async () => {
    let now = 1_200_000_000_000 + 20_000; // 20 s into a 60 s window
    const limiter = new RateLimiter(redis, prefix, () => now);
    const rule = { limit: 3, windowMs: 60_000 };
    const counts = [];
    for (let i = 0; i < 4; i++) counts.push(await limiter.hit("t", "subject-a", rule));
    expect(counts.map((d) => d.allowed)).toEqual([true, true, true, false]);
    expect(counts.map((d) => d.remaining)).toEqual([2, 1, 0, 0]);
    expect(counts[3]!.retryAfterMs).toBe(40_000);
    expect((await limiter.hit("t", "subject-b", rule)).allowed).toBe(true);
    expect((await limiter.hit("other", "subject-a", rule)).allowed).toBe(true);

    now += 40_000; // the next window
    expect(await limiter.hit("t", "subject-a", rule)).toMatchObject({ allowed: true, count: 1 });
  });

  it("stores hashed subjects under the prefix with an expiry", async () => {
    const now = 2_000_000_000_000;
    const limiter = new RateLimiter(redis, prefix, () => now);
    await limiter.hit("subscribe-address", "someone@example.org", { limit: 5, windowMs: 3_600_000 });
    const key = limiter.key("subscribe-address", "someone@example.org", Math.floor(now / 3_600_000));
    expect(key).toMatch(new RegExp(`^${prefix}:rl:subscribe-address:[0-9a-f]{32}:\\d+$`));
    expect(await redis.get(key)).toBe("1");
    const ttl = await redis.pttl(key);
    expect(ttl).toBeGreaterThan(3_500_000);
    expect(ttl).toBeLessThanOrEqual(3_600_000);
  });

  it("counts concurrent hits exactly once each", async () => {
    const limiter = new RateLimiter(redis, prefix, () => 3_000_000_000_000);
    const rule = { limit: 10, windowMs: 60_000 };
    const results = await Promise.all(Array.from({ length: 25 }, () => limiter.hit("burst", "one", rule)));
    expect(results.filter((r) => r.allowed)).toHaveLength(10);
    expect(new Set(results.map((r) => r.count)).size).toBe(25);
  });

  it("consume throws RATE_LIMITED with a retry time", async () => {
    const limiter = new RateLimiter(redis, prefix, () => 1_260_000_000_000 + 10_000);
    const rule = { limit: 1, windowMs: 60_000 };
    await limiter.consume("c", "x", rule, "slow down");
    try {
      await limiter.consume("c", "x", rule, "slow down");
      expect.unreachable();
    } catch (error) {
      expect(isAppError(error, "RATE_LIMITED")).toBe(true);
      expect((error as { details: Record<string, unknown> }).details.retryAfterSeconds).toBe(50);
    }
  });
});
