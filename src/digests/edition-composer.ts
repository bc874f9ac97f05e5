import type { ComposedDigest, DigestComposer } from "../delivery/delivery-service.js";
import type { Reader } from "../generated/prisma/client.js";
import type { Links } from "../lib/links.js";
import type { CandidateRepository, PaperDetails } from "../ranking/candidate-repository.js";
import { prepareEdition } from "../ranking/edition-context.js";
import { rankReader } from "../ranking/edition-ranker.js";
import type {
  EditionContext,
  RankedEdition,
  RankedPaper,
  RankingOptions,
  ReaderProfile,
} from "../ranking/ranking-types.js";
import { isTopicSlug, topicBySlug } from "../topics/taxonomy.js";
import type { DigestRenderer } from "./digest-renderer.js";
import type { DigestView, PaperCard } from "./digest-view.js";

interface PreparedEdition {
  context: EditionContext;
  details: Map<string, PaperDetails>;
  paperIds: string[];
  preparedAt: number;
}

export interface ComposerSettings {
  ranking: RankingOptions;
  postalAddress: string;
  /** How long a prepared edition (candidates, trend, stems) is reused in this process. */
  cacheTtlMs?: number;
}

/**
 * Builds one reader's digest: the edition's candidates are loaded and prepared
 * once per edition date and process (cached), then each reader is ranked,
 * mapped to the digest view and filled into the compiled templates.
 */
export class EditionComposer implements DigestComposer {
  private readonly cache = new Map<string, Promise<PreparedEdition>>();
  private readonly ttl: number;

  constructor(
    private readonly deps: {
      candidates: CandidateRepository;
      renderer: DigestRenderer;
      links: Links;
      settings: ComposerSettings;
    },
  ) {
    this.ttl = deps.settings.cacheTtlMs ?? 10 * 60_000;
  }

  /** With `asSentBy`, the digest that delivery sent (its own papers count as unsent). */
  async compose(input: {
    deliveryId: string;
    reader: Reader;
    editionDate: string;
    now: Date;
    asSentBy?: string;
  }): Promise<ComposedDigest | null> {
    const { ranked, prepared } = await this.rank(input.reader, input.editionDate, input.now, {
      ...(input.asSentBy ? { asSentBy: input.asSentBy } : {}),
    });
    if (ranked.isEmpty) return null;
    const view = this.toView(
      input.reader,
      input.editionDate,
      ranked,
      prepared.details,
      this.deps.links.viewInBrowser(input.deliveryId),
    );
    const email = this.deps.renderer.renderDigest(view);
    return { ...email, paperIds: ranked.paperIds, unsubscribeUrl: view.links.unsubscribe };
  }

  /**
   * Ranks a reader's edition. With `asSentBy`, papers that delivery itself sent still
   * count as unsent, so a sent digest can be shown again. Previews (the CLI's and the
   * preference page's) prepare their own editions, so a preview never decides what a
   * real edition of that date holds.
   */
  async rank(
    reader: Reader,
    editionDate: string,
    now: Date,
    options: { asSentBy?: string; preview?: boolean } = {},
  ): Promise<{ ranked: RankedEdition; prepared: PreparedEdition }> {
    const prepared = await this.prepare(options.preview ? `preview:${editionDate}` : editionDate, now);
    const sent = await this.deps.candidates.sentTo(reader.id, prepared.paperIds, options.asSentBy);
    return { ranked: rankReader(prepared.context, toProfile(reader, sent)), prepared };
  }

  /** The digest a delivery sent, rendered again for "View in browser". */
  async renderSent(delivery: {
    id: string;
    plannedAt: Date;
    editionDate: string;
    reader: Reader;
  }): Promise<string | null> {
    const digest = await this.compose({
      deliveryId: delivery.id,
      reader: delivery.reader,
      editionDate: delivery.editionDate,
      now: delivery.plannedAt,
      asSentBy: delivery.id,
    });
    return digest?.html ?? null;
  }

  toView(
    reader: Reader,
    editionDate: string,
    ranked: RankedEdition,
    details: Map<string, PaperDetails>,
    viewInBrowser: string,
  ): DigestView {
    const feedback = this.deps.links.feedbackLinks(reader.id);
    const card = (r: RankedPaper): PaperCard => this.card(r, details.get(r.paper.id), feedback);
    const sections = ranked.sections.map((s) => ({
      topicSlug: s.topic,
      topicName: s.topic === "keywords" ? "Your keywords" : (topicBySlug(s.topic)?.name ?? s.topic),
      papers: s.papers.map(card),
    }));
    const alsoTrending = ranked.alsoTrending.map(card);
    const topicNames = reader.topics.map((t) => topicBySlug(t)?.name).filter(Boolean);
    return {
      lang: "en",
      editionDate,
      readerEmail: reader.email,
      sections,
      alsoTrending,
      totalPapers: sections.reduce((n, s) => n + s.papers.length, 0) + alsoTrending.length,
      links: {
        preferences: this.deps.links.preferences(reader.id),
        unsubscribe: this.deps.links.unsubscribe(reader.id),
        viewInBrowser,
        home: this.deps.links.home(),
      },
      postalAddress: this.deps.settings.postalAddress,
      whyReceiving: `You get this because ${reader.email} subscribed to a ${reader.frequency} paperboy digest${
        topicNames.length ? ` of ${topicNames.join(", ")}` : ""
      }.`,
    };
  }

  private card(
    ranked: RankedPaper,
    details: PaperDetails | undefined,
    feedback: (paperId: string, kind: "more" | "less") => string,
  ): PaperCard {
    const p = ranked.paper;
    const arxivUrl = details?.arxivId ? `https://arxiv.org/abs/${details.arxivId}` : undefined;
    return {
      id: p.id,
      title: p.title,
      url: details?.url ?? arxivUrl ?? this.deps.links.home(),
      authors: p.authors,
      authorCount: details?.authorCount ?? undefined,
      summary: details?.summary ?? undefined,
      abstract: p.abstract,
      upvotes: p.upvotes,
      comments: p.comments,
      pdfUrl: details?.pdfUrl ?? undefined,
      githubRepo: details?.githubRepo ?? undefined,
      githubStars: details?.githubStars ?? undefined,
      projectPage: details?.projectPage ?? undefined,
      reason: ranked.reason,
      feedback: {
        more: feedback(p.id, "more"),
        less: feedback(p.id, "less"),
      },
    };
  }

  /**
   * Starts loading and preparing an edition now (the planner calls this), so the
   * first digests need not wait for it. A failure is left for compose to report.
   */
  warm(editionDate: string, now: Date): void {
    this.prepare(editionDate, now).catch(() => {});
  }

  private prepare(cacheKey: string, now: Date): Promise<PreparedEdition> {
    const cached = this.cache.get(cacheKey);
    if (cached) return cached;
    const pending = (async () => {
      const { candidates, details } = await this.deps.candidates.load(
        now,
        this.deps.settings.ranking.windowDays,
      );
      return {
        context: prepareEdition(candidates, now, this.deps.settings.ranking),
        details,
        paperIds: [...details.keys()],
        preparedAt: Date.now(),
      };
    })();
    this.cache.set(cacheKey, pending);
    pending.then(
      () => setTimeout(() => this.cache.delete(cacheKey), this.ttl).unref(),
      () => this.cache.delete(cacheKey),
    );
    return pending;
  }
}

export function toProfile(reader: Reader, sentPaperIds: ReadonlySet<string>): ReaderProfile {
  const feedback = (reader.feedbackWeights ?? {}) as ReaderProfile["feedback"];
  return {
    id: reader.id,
    topics: reader.topics.filter(isTopicSlug),
    keywords: reader.keywords,
    relevanceWeight: reader.relevanceWeight,
    alsoTrending: reader.alsoTrending,
    sentPaperIds,
    feedback,
  };
}
