import { randomUUID } from "node:crypto";
import { bulkInsert, bulkUpdate, type Column } from "../db/bulk-sql.js";
import type { PrismaClient } from "../db/database.js";
import type { Paper } from "../generated/prisma/client.js";
import type { TopicResult } from "../topics/topic-classifier.js";
import type { NormalisedPaper } from "./normalised-paper.js";

export interface ScoredPaper {
  key: string;
  paper: NormalisedPaper;
  topics: TopicResult;
}

export interface UpsertCounts {
  created: number;
  updated: number;
  unchanged: number;
}

type PaperRow = Omit<Paper, "createdAt" | "updatedAt">;

/**
 * Stores papers by merge key, one transaction per batch: a crash never leaves a
 * half-written batch. A paper seen again is merged: counts are updated, nothing
 * known is erased by a source that lacks it. Every paper with a known upvote
 * count gets a snapshot per run, so trend can use velocity.
 */
export class PaperRepository {
  constructor(private readonly prisma: PrismaClient) {}

  async upsertBatch(batch: readonly ScoredPaper[], source: string, now: Date): Promise<UpsertCounts> {
    const merged = mergeWithinBatch(batch);
    if (merged.length === 0) return { created: 0, updated: 0, unchanged: 0 };
    return this.prisma.$transaction(
      async (tx) => {
        const existing = await tx.paper.findMany({ where: { key: { in: merged.map((m) => m.key) } } });
        const byKey = new Map(existing.map((p) => [p.key, p]));
        const creates: PaperRow[] = [];
        const updates: { row: PaperRow; rescore: boolean }[] = [];
        let unchanged = 0;
        const scores: { paperId: string; topic: string; score: number }[] = [];
        const snapshots: {
          paperId: string;
          upvotes: number;
          comments: number | null;
          source: string;
          takenAt: Date;
        }[] = [];
        const rescored: string[] = [];

        for (const item of merged) {
          const before = byKey.get(item.key);
          const row = mergePaper(before, item, source);
          const rescore = !before || textChanged(before, row);
          if (before && !rescore) row.topics = before.topics;
          if (!before) creates.push(row);
          else if (changed(before, row)) {
            updates.push({ row, rescore });
            if (rescore) rescored.push(row.id);
          } else unchanged += 1;
          if (rescore) {
            for (const s of item.topics.scores)
              scores.push({ paperId: row.id, topic: s.slug, score: s.score });
          }
          if (row.upvotes !== null) {
            snapshots.push({
              paperId: row.id,
              upvotes: row.upvotes,
              comments: row.comments,
              source,
              takenAt: now,
            });
          }
        }
        const stamp = now.toISOString();
        await bulkInsert(
          tx,
          "papers",
          PAPER_COLUMNS,
          creates.map((row) => toColumns(row, stamp)),
        );
        await bulkUpdate(
          tx,
          "papers",
          "id",
          PAPER_COLUMNS,
          updates.map(({ row }) => toColumns(row, stamp)),
        );
        if (rescored.length > 0) await tx.paperTopic.deleteMany({ where: { paperId: { in: rescored } } });
        await bulkInsert(
          tx,
          "paper_topics",
          TOPIC_COLUMNS,
          scores.map((s) => ({ paper_id: s.paperId, topic: s.topic, score: s.score })),
        );
        await bulkInsert(
          tx,
          "upvote_snapshots",
          SNAPSHOT_COLUMNS,
          snapshots.map((s) => ({
            paper_id: s.paperId,
            upvotes: s.upvotes,
            comments: s.comments,
            source: s.source,
            taken_at: stamp,
          })),
        );
        return { created: creates.length, updated: updates.length, unchanged };
      },
      { timeout: 60_000, maxWait: 30_000 },
    );
  }
}

const PAPER_COLUMNS: readonly Column[] = [
  ["id", "text"],
  ["key", "text"],
  ["arxiv_id", "text"],
  ["title", "text"],
  ["abstract", "text"],
  ["authors", "text[]"],
  ["author_count", "int"],
  ["published_at", "timestamp(3)"],
  ["featured_at", "timestamp(3)"],
  ["url", "text"],
  ["pdf_url", "text"],
  ["upvotes", "int"],
  ["comments", "int"],
  ["github_repo", "text"],
  ["github_stars", "int"],
  ["project_page", "text"],
  ["thumbnail", "text"],
  ["summary", "text"],
  ["keywords", "text[]"],
  ["categories", "text[]"],
  ["organization", "text"],
  ["submitter", "text"],
  ["sources", "text[]"],
  ["topics", "text[]"],
  ["updated_at", "timestamp(3)"],
];
const TOPIC_COLUMNS: readonly Column[] = [
  ["paper_id", "text"],
  ["topic", "text"],
  ["score", "float8"],
];
const SNAPSHOT_COLUMNS: readonly Column[] = [
  ["paper_id", "text"],
  ["upvotes", "int"],
  ["comments", "int"],
  ["source", "text"],
  ["taken_at", "timestamp(3)"],
];

/** A merged row as the papers table's columns (timestamps as UTC ISO strings, as Prisma stores them). */
function toColumns(row: PaperRow, stamp: string): Record<string, unknown> {
  return {
    id: row.id,
    key: row.key,
    arxiv_id: row.arxivId,
    title: row.title,
    abstract: row.abstract,
    authors: row.authors,
    author_count: row.authorCount,
    published_at: row.publishedAt?.toISOString() ?? null,
    featured_at: row.featuredAt?.toISOString() ?? null,
    url: row.url,
    pdf_url: row.pdfUrl,
    upvotes: row.upvotes,
    comments: row.comments,
    github_repo: row.githubRepo,
    github_stars: row.githubStars,
    project_page: row.projectPage,
    thumbnail: row.thumbnail,
    summary: row.summary,
    keywords: row.keywords,
    categories: row.categories,
    organization: row.organization,
    submitter: row.submitter,
    sources: row.sources,
    topics: row.topics,
    updated_at: stamp,
  };
}

/** The same paper twice in one batch is merged first, in order. */
function mergeWithinBatch(batch: readonly ScoredPaper[]): ScoredPaper[] {
  const byKey = new Map<string, ScoredPaper>();
  for (const item of batch) {
    const prior = byKey.get(item.key);
    byKey.set(item.key, prior ? { ...item, paper: { ...prior.paper, ...defined(item.paper) } } : item);
  }
  return [...byKey.values()];
}

function mergePaper(before: Paper | undefined, item: ScoredPaper, source: string): PaperRow {
  const p = item.paper;
  const max = (a: number | null | undefined, b: number | undefined) =>
    b === undefined ? (a ?? null) : a === null || a === undefined ? b : Math.max(a, b);
  const union = (a: string[] | undefined, b: string[] | undefined) => [
    ...new Set([...(a ?? []), ...(b ?? [])]),
  ];
  return {
    id: before?.id ?? randomUUID(),
    key: item.key,
    arxivId: before?.arxivId ?? (item.key.startsWith("title:") ? null : item.key),
    title: p.title,
    abstract: p.abstract.length >= (before?.abstract.length ?? 0) ? p.abstract : before!.abstract,
    authors: p.authors?.length ? p.authors : (before?.authors ?? []),
    authorCount: p.authors?.length ? p.authors.length : (p.authorCount ?? before?.authorCount ?? null),
    publishedAt: before?.publishedAt ?? p.publishedAt ?? null,
    featuredAt: p.featuredAt ?? before?.featuredAt ?? null,
    url: p.url ?? before?.url ?? null,
    pdfUrl: p.pdfUrl ?? before?.pdfUrl ?? null,
    upvotes: max(before?.upvotes, p.upvotes),
    comments: max(before?.comments, p.comments),
    githubRepo: p.githubRepo ?? before?.githubRepo ?? null,
    githubStars: max(before?.githubStars, p.githubStars),
    projectPage: p.projectPage ?? before?.projectPage ?? null,
    thumbnail: p.thumbnail ?? before?.thumbnail ?? null,
    summary: p.summary ?? before?.summary ?? null,
    keywords: union(before?.keywords, p.keywords),
    categories: union(before?.categories, p.categories),
    organization: p.organization ?? before?.organization ?? null,
    submitter: p.submitter ?? before?.submitter ?? null,
    sources: union(before?.sources, [source]),
    topics: item.topics.assigned,
  };
}

const COMPARED: (keyof PaperRow)[] = [
  "title",
  "abstract",
  "authors",
  "authorCount",
  "publishedAt",
  "featuredAt",
  "url",
  "pdfUrl",
  "upvotes",
  "comments",
  "githubRepo",
  "githubStars",
  "projectPage",
  "thumbnail",
  "summary",
  "keywords",
  "categories",
  "organization",
  "submitter",
  "sources",
];

function changed(before: Paper, after: PaperRow): boolean {
  return COMPARED.some((field) => !same(before[field], after[field]));
}

function textChanged(before: Paper, after: PaperRow): boolean {
  return (["title", "abstract", "keywords", "categories"] as const).some((f) => !same(before[f], after[f]));
}

function same(a: unknown, b: unknown): boolean {
  if (a instanceof Date || b instanceof Date) {
    return (a as Date | null)?.getTime?.() === (b as Date | null)?.getTime?.();
  }
  return JSON.stringify(a) === JSON.stringify(b);
}

function defined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
