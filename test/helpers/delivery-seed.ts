import { join } from "node:path";
import type { AppContext } from "../../src/app/app-context.js";
import { FileSource } from "../../src/ingestion/sources/file-source.js";
import { TOPIC_SLUGS } from "../../src/topics/taxonomy.js";
import { writeRecentPapersJsonl } from "./recent-papers.js";

/** Ingests the fixture papers as featured just before `now`, so every edition at `now` has candidates. */
export async function seedRecentPapers(ctx: AppContext, dataDir: string, now: Date): Promise<number> {
  const file = join(dataDir, `papers-${now.getTime()}.jsonl`);
  const papers = writeRecentPapersJsonl(file, now);
  await ctx.ingestion.run(new FileSource(), { path: file, now });
  return papers.length;
}

/** The topics the stored papers were assigned: readers following these always have something to read. */
export async function coveredTopics(ctx: AppContext): Promise<string[]> {
  const papers = await ctx.db.prisma.paper.findMany({ select: { topics: true } });
  return [...new Set(papers.flatMap((p) => p.topics))].sort();
}

/**
 * Creates confirmed, active readers in one statement, each following two or
 * three topics chosen deterministically (from `topics`, default all twenty).
 * Returns them in the order of `emails`.
 */
export async function seedReaders(
  ctx: AppContext,
  emails: readonly string[],
  now: Date,
  topicPool: readonly string[] = TOPIC_SLUGS,
): Promise<{ id: string; email: string }[]> {
  let seed = 12345;
  const next = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed;
  };
  await ctx.db.prisma.reader.createMany({
    data: emails.map((email) => {
      const topics = new Set<string>();
      const want = Math.min(2 + (next() % 2), topicPool.length);
      while (topics.size < want) topics.add(topicPool[next() % topicPool.length]!);
      return { email, status: "active" as const, confirmedAt: now, topics: [...topics] };
    }),
  });
  const readers = await ctx.db.prisma.reader.findMany({
    where: { email: { in: [...emails] } },
    select: { id: true, email: true },
  });
  const byEmail = new Map(readers.map((r) => [r.email, r]));
  return emails.map((email) => byEmail.get(email)!);
}

/** What a timeout says; a function is asked only when it fires (e.g. to show the latest logs). */
export type TimeoutMessage = string | (() => string);
const say = (what: TimeoutMessage) => (typeof what === "function" ? what() : what);

/** Polls `check` until it is true; throws `what` after timeoutMs. */
export async function until(
  check: () => boolean | Promise<boolean>,
  timeoutMs: number,
  what: TimeoutMessage,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${say(what)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Rejects with a readable message when `promise` takes longer than timeoutMs. */
export async function within<T>(promise: Promise<T>, timeoutMs: number, what: TimeoutMessage): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms: ${say(what)}`)), timeoutMs);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
