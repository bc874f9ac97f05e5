import { Redis, type RedisOptions } from "ioredis";
import { AppError } from "../lib/errors.js";

/**
 * Opens an ioredis connection for BullMQ (maxRetriesPerRequest: null, as BullMQ
 * workers require) and checks it answers, so a missing Redis fails at start with
 * one readable line instead of endless reconnect noise.
 */
export async function connectRedis(url: string, options: RedisOptions = {}): Promise<Redis> {
  const redis = new Redis(url, {
    maxRetriesPerRequest: null,
    enableReadyCheck: true,
    lazyConnect: true,
    connectTimeout: 5_000,
    retryStrategy: (times) => Math.min(times * 200, 2_000),
    ...options,
  });
  redis.on("error", () => {
    // ioredis reconnects by itself; commands report their own failures.
  });
  try {
    await redis.connect();
    await redis.ping();
  } catch (cause) {
    redis.disconnect();
    throw redisUnreachable(url, cause);
  }
  return redis;
}

export function redisUnreachable(url: string, cause: unknown): AppError {
  const reason =
    cause instanceof Error ? ((cause as NodeJS.ErrnoException).code ?? cause.message) : String(cause);
  let where = url;
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    where = parsed.toString();
  } catch {}
  return new AppError("REDIS_UNREACHABLE", `cannot reach Redis at ${where} (${reason})`, {
    cause,
    hint: "start it with `docker compose up -d redis` or your distribution's package (apt-get install redis-server)",
  });
}
