import type { PrismaClient } from "../db/database.js";
import { isTopicSlug, type TopicSlug } from "../topics/taxonomy.js";
import type { CandidatePaper } from "./ranking-types.js";

/** What a digest card shows beyond what ranking needs. */
export interface PaperDetails {
  url: string | null;
  pdfUrl: string | null;
  arxivId: string | null;
  authorCount: number | null;
  summary: string | null;
  githubRepo: string | null;
  githubStars: number | null;
  projectPage: string | null;
}

export interface EditionPapers {
  candidates: CandidatePaper[];
  details: Map<string, PaperDetails>;
}

/**
 * Loads an edition's candidate papers (featured or published within the window
 * before `now`) with their topic scores and upvote history: one query each,
 * once per edition, never per reader.
 */
export class CandidateRepository {
  constructor(private readonly prisma: PrismaClient) {}

  async load(now: Date, windowDays: number): Promise<EditionPapers> {
    const since = new Date(now.getTime() - windowDays * 86_400_000);
    const papers = await this.prisma.paper.findMany({
      where: {
        OR: [
          { featuredAt: { gte: since, lte: now } },
          { featuredAt: null, publishedAt: { gte: since, lte: now } },
        ],
      },
      include: {
        topicScores: { select: { topic: true, score: true } },
        snapshots: { select: { upvotes: true, takenAt: true }, where: { takenAt: { gte: since } } },
      },
      orderBy: { id: "asc" },
    });
    const details = new Map<string, PaperDetails>();
    const candidates = papers.map((p) => {
      details.set(p.id, {
        url: p.url,
        pdfUrl: p.pdfUrl,
        arxivId: p.arxivId,
        authorCount: p.authorCount,
        summary: p.summary,
        githubRepo: p.githubRepo,
        githubStars: p.githubStars,
        projectPage: p.projectPage,
      });
      const topicScores: Partial<Record<TopicSlug, number>> = {};
      for (const { topic, score } of p.topicScores) if (isTopicSlug(topic)) topicScores[topic] = score;
      return {
        id: p.id,
        title: p.title,
        abstract: p.abstract,
        authors: p.authors,
        publishedAt: p.publishedAt ?? undefined,
        featuredAt: p.featuredAt ?? undefined,
        upvotes: p.upvotes ?? undefined,
        comments: p.comments ?? undefined,
        categories: p.categories,
        keywords: p.keywords,
        topicScores,
        assignedTopics: p.topics.filter(isTopicSlug),
        snapshots: p.snapshots,
      } satisfies CandidatePaper;
    });
    return { candidates, details };
  }

  /** Which of these papers the reader has already been sent (by deliveries other than `exceptDeliveryId`). */
  async sentTo(
    readerId: string,
    paperIds: readonly string[],
    exceptDeliveryId?: string,
  ): Promise<Set<string>> {
    if (paperIds.length === 0) return new Set();
    const rows = await this.prisma.sentPaper.findMany({
      where: {
        readerId,
        paperId: { in: [...paperIds] },
        ...(exceptDeliveryId ? { deliveryId: { not: exceptDeliveryId } } : {}),
      },
      select: { paperId: true },
    });
    return new Set(rows.map((r) => r.paperId));
  }
}
