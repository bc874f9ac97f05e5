import { randomUUID } from "node:crypto";
import type { Redis } from "ioredis";

const RELEASE = `if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("del", KEYS[1]) else return 0 end`;
const EXTEND = `if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("pexpire", KEYS[1], ARGV[2]) else return 0 end`;

/**
 * A lease in Redis so that two runs of the same job (e.g. ingesting one source)
 * never overlap, across processes and machines. The lease is renewed while the
 * work runs and expires by itself if the holder dies.
 */
export class RedisRunLock {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly leaseMs = 60_000,
  ) {}

  /** Runs fn while holding the lock; returns undefined without running when someone else holds it. */
  async withLock<T>(name: string, fn: () => Promise<T>): Promise<T | undefined> {
    const key = `${this.prefix}:lock:${name}`;
    const token = randomUUID();
    const acquired = await this.redis.set(key, token, "PX", this.leaseMs, "NX");
    if (acquired !== "OK") return undefined;
    const renew = setInterval(
      () => {
        this.redis.eval(EXTEND, 1, key, token, String(this.leaseMs)).catch(() => {});
      },
      Math.floor(this.leaseMs / 3),
    );
    renew.unref();
    try {
      return await fn();
    } finally {
      clearInterval(renew);
      await this.redis.eval(RELEASE, 1, key, token).catch(() => {});
    }
  }
}
