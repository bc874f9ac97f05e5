import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export interface FixturePaper {
  arxivId: string;
  title: string;
  abstract: string;
  authors: string[];
  upvotes?: number;
  comments?: number;
  keywords?: string[];
  githubRepo?: string;
  githubStars?: number;
  projectPage?: string;
  hoursAgo: number;
}

const FIXTURE = fileURLToPath(new URL("../fixtures/papers/recent-papers.json", import.meta.url));

export function fixturePapers(): FixturePaper[] {
  return JSON.parse(readFileSync(FIXTURE, "utf8")) as FixturePaper[];
}

/**
 * Writes the fixture papers as normalised-shape JSONL featured `hoursAgo` before
 * `now`, so they are candidates of an edition at `now`.
 */
export function writeRecentPapersJsonl(path: string, now: Date, papers = fixturePapers()): FixturePaper[] {
  const lines = papers.map(({ hoursAgo, ...paper }) => {
    const featuredAt = new Date(now.getTime() - hoursAgo * 3_600_000);
    return JSON.stringify({
      ...paper,
      featuredAt: featuredAt.toISOString(),
      publishedAt: featuredAt.toISOString(),
    });
  });
  writeFileSync(path, `${lines.join("\n")}\n`);
  return papers;
}
