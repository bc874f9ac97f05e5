import type { PrismaClient, SqlClient } from "../db/database.js";
import { MicroBatcher } from "../lib/micro-batcher.js";
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
interface SentLookup {
  readerId: string;
  paperIds: readonly string[];
  exceptDeliveryId: string | undefined;
}

export class CandidateRepository {
  private readonly sentLookups: MicroBatcher<SentLookup, Set<string>>;

  private readonly prisma: PrismaClient;

  constructor(private readonly db: SqlClient & { readonly prisma: PrismaClient }) {
    this.prisma = db.prisma;
    this.sentLookups = new MicroBatcher((lookups) => this.sentBatch(lookups), {
      maxBatch: 100,
      maxConcurrent: 2,
    });
  }

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

  /**
   * Which of these papers the reader has already been sent (by deliveries other than
   * `exceptDeliveryId`). Calls made at the same moment (a worker sending many digests)
   * share one query.
   */
  sentTo(readerId: string, paperIds: readonly string[], exceptDeliveryId?: string): Promise<Set<string>> {
    if (paperIds.length === 0) return Promise.resolve(new Set());
    return this.sentLookups.submit({ readerId, paperIds, exceptDeliveryId });
  }

  private async sentBatch(lookups: SentLookup[]): Promise<Set<string>[]> {
    const readers = [...new Set(lookups.map((l) => l.readerId))];
    // The lookups of one edition share their paper list: one set per distinct list.
    const wantedSets = new Map<readonly string[], Set<string>>();
    for (const lookup of lookups) {
      if (!wantedSets.has(lookup.paperIds)) wantedSets.set(lookup.paperIds, new Set(lookup.paperIds));
    }
    const papers =
      wantedSets.size === 1 ? lookups[0]!.paperIds : [...new Set(lookups.flatMap((l) => l.paperIds))];
    const rows = await this.db.query<{ readerId: string; paperId: string; deliveryId: string }>(
      `SELECT reader_id AS "readerId", paper_id AS "paperId", delivery_id AS "deliveryId"
         FROM sent_papers
        WHERE reader_id = ANY($1::text[]) AND paper_id = ANY($2::text[])`,
      [readers, papers],
    );
    const byReader = new Map<string, { paperId: string; deliveryId: string }[]>();
    for (const row of rows) {
      const list = byReader.get(row.readerId);
      if (list) list.push(row);
      else byReader.set(row.readerId, [row]);
    }
    return lookups.map((lookup) => {
      const sent = new Set<string>();
      const wanted = wantedSets.get(lookup.paperIds)!;
      for (const row of byReader.get(lookup.readerId) ?? []) {
        if (wanted.has(row.paperId) && row.deliveryId !== lookup.exceptDeliveryId) sent.add(row.paperId);
      }
      return sent;
    });
  }
}
