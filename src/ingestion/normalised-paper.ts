import { createHash } from "node:crypto";
import { z } from "zod";
import { canonicalArxivId } from "./arxiv-id.js";
import { PaperFieldError, readCount, readDate, readList, readText, readUrl } from "./paper-field-readers.js";
import { hasWordCharacter, preview } from "./text-cleaning.js";

/**
 * The one shape every source produces. Titles and abstracts are plain text, never
 * HTML: nothing is decoded or stripped beyond unsafe characters (see text-cleaning.ts).
 * An absent count means "unknown", never zero.
 */
export const PAPER_SOURCES = ["hf", "arxiv", "file"] as const;
export type PaperSource = (typeof PAPER_SOURCES)[number];

/** Limits on a single paper; anything longer or larger rejects the paper. */
export const PAPER_LIMITS = {
  titleChars: 1_000,
  abstractChars: 20_000,
  summaryChars: 5_000,
  authors: 2_000,
  authorNameChars: 300,
  /** Organisation and submitter names. */
  nameChars: 300,
  keywords: 100,
  keywordChars: 100,
  categories: 50,
  categoryChars: 50,
  urlChars: 2_048,
  /** Upvotes, comments, stars, author counts. */
  maxCount: 1_000_000_000,
  /** No paper predates arXiv (August 1991); papers dated later than now + 2 days are rejected. */
  earliestDate: new Date("1991-01-01T00:00:00Z"),
  futureToleranceMs: 2 * 24 * 60 * 60 * 1000,
} as const;

const count = z.number().int().min(0).max(PAPER_LIMITS.maxCount);
const url = z.string().max(PAPER_LIMITS.urlChars);

export const NormalisedPaperSchema = z.object({
  title: z.string().min(1).max(PAPER_LIMITS.titleChars),
  abstract: z.string().min(1).max(PAPER_LIMITS.abstractChars),
  arxivId: z.string().optional(),
  authors: z.array(z.string().min(1).max(PAPER_LIMITS.authorNameChars)).max(PAPER_LIMITS.authors).optional(),
  authorCount: count.optional(),
  publishedAt: z.date().optional(),
  featuredAt: z.date().optional(),
  upvotes: count.optional(),
  comments: count.optional(),
  url: url.optional(),
  pdfUrl: url.optional(),
  githubRepo: url.optional(),
  githubStars: count.optional(),
  projectPage: url.optional(),
  thumbnail: url.optional(),
  summary: z.string().max(PAPER_LIMITS.summaryChars).optional(),
  keywords: z.array(z.string().max(PAPER_LIMITS.keywordChars)).max(PAPER_LIMITS.keywords).optional(),
  categories: z.array(z.string().max(PAPER_LIMITS.categoryChars)).max(PAPER_LIMITS.categories).optional(),
  organization: z.string().max(PAPER_LIMITS.nameChars).optional(),
  submitter: z.string().max(PAPER_LIMITS.nameChars).optional(),
  source: z.enum(PAPER_SOURCES),
});

export type NormalisedPaper = z.infer<typeof NormalisedPaperSchema>;

/** What a source hands over before cleaning: any field may be missing or of the wrong type. */
export type RawPaper = { [K in Exclude<keyof NormalisedPaper, "source">]?: unknown };

export type NormalisationResult =
  | { ok: true; paper: NormalisedPaper; key: string; warnings: string[] }
  | { ok: false; reason: string; item?: string };

/** Lower-cased NFKC title with every run of whitespace and punctuation collapsed to one space. */
export function normaliseTitleForKey(title: string): string {
  return title
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, " ")
    .trim();
}

/** The merge key: the arXiv id without version, or "title:" + sha1 of the normalised title. */
export function paperKey(paper: Pick<NormalisedPaper, "title" | "arxivId">): string {
  const id = paper.arxivId ? canonicalArxivId(paper.arxivId) : undefined;
  if (id) return id;
  return `title:${createHash("sha1").update(normaliseTitleForKey(paper.title)).digest("hex")}`;
}

/**
 * Validates and cleans one paper. Rejects (with a reason) a missing or empty title or
 * abstract, an invalid arXiv id, dates before 1991 or more than 2 days after `now`,
 * counts that are not non-negative integers, oversized fields and mis-decoded text.
 * Unusable links (not http/https) are dropped with a warning instead of rejecting.
 */
export function normalisePaper(raw: RawPaper, source: PaperSource, now: Date): NormalisationResult {
  const warnings: string[] = [];
  const item = describe(raw);
  try {
    const title = readText(raw.title, "title", { max: PAPER_LIMITS.titleChars, required: true });
    if (!hasWordCharacter(title!)) throw new PaperFieldError("title: has no letters or digits");
    const abstract = readText(raw.abstract, "abstract", {
      max: PAPER_LIMITS.abstractChars,
      required: true,
      multiline: true,
    });
    if (!hasWordCharacter(abstract!)) throw new PaperFieldError("abstract: has no letters or digits");
    const arxivId = readArxivId(raw.arxivId);
    const dateLimits = {
      now,
      earliest: PAPER_LIMITS.earliestDate,
      toleranceMs: PAPER_LIMITS.futureToleranceMs,
    };
    const paper: NormalisedPaper = {
      title: title!,
      abstract: abstract!,
      arxivId,
      authors: readList(raw.authors, "authors", {
        maxItems: PAPER_LIMITS.authors,
        maxChars: PAPER_LIMITS.authorNameChars,
      }),
      authorCount: readCount(raw.authorCount, "authorCount", PAPER_LIMITS.maxCount),
      publishedAt: readDate(raw.publishedAt, "publishedAt", dateLimits),
      featuredAt: readDate(raw.featuredAt, "featuredAt", dateLimits),
      upvotes: readCount(raw.upvotes, "upvotes", PAPER_LIMITS.maxCount),
      comments: readCount(raw.comments, "comments", PAPER_LIMITS.maxCount),
      url: readUrl(raw.url, "url", warnings),
      pdfUrl: readUrl(raw.pdfUrl, "pdfUrl", warnings),
      githubRepo: readUrl(raw.githubRepo, "githubRepo", warnings, { githubShorthand: true }),
      githubStars: readCount(raw.githubStars, "githubStars", PAPER_LIMITS.maxCount),
      projectPage: readUrl(raw.projectPage, "projectPage", warnings),
      thumbnail: readUrl(raw.thumbnail, "thumbnail", warnings),
      summary: readText(raw.summary, "summary", { max: PAPER_LIMITS.summaryChars, multiline: true }),
      keywords: readList(raw.keywords, "keywords", {
        maxItems: PAPER_LIMITS.keywords,
        maxChars: PAPER_LIMITS.keywordChars,
        dedupe: true,
      }),
      categories: readList(raw.categories, "categories", {
        maxItems: PAPER_LIMITS.categories,
        maxChars: PAPER_LIMITS.categoryChars,
        dedupe: true,
      }),
      organization: readText(raw.organization, "organization", { max: PAPER_LIMITS.nameChars }),
      submitter: readText(raw.submitter, "submitter", { max: PAPER_LIMITS.nameChars }),
      source,
    };
    const checked = NormalisedPaperSchema.safeParse(dropUndefined(paper));
    if (!checked.success) {
      const issue = checked.error.issues[0]!;
      return { ok: false, reason: `${issue.path.join(".")}: ${issue.message}`, item };
    }
    return { ok: true, paper: checked.data, key: paperKey(checked.data), warnings };
  } catch (error) {
    if (error instanceof PaperFieldError) return { ok: false, reason: error.message, item };
    throw error;
  }
}

function readArxivId(value: unknown): string | undefined {
  if (value === undefined || value === null || value === "") return undefined;
  if (typeof value !== "string") throw new PaperFieldError("arxivId: not a string");
  const id = canonicalArxivId(value);
  if (!id) throw new PaperFieldError(`arxivId: not an arXiv id (${JSON.stringify(preview(value, 40))})`);
  return id;
}

/** A short label for a rejected item: its arXiv id or the start of its title. */
function describe(raw: RawPaper): string | undefined {
  if (typeof raw.arxivId === "string" && raw.arxivId.trim()) return preview(raw.arxivId, 40);
  if (typeof raw.title === "string" && raw.title.trim()) return preview(raw.title, 80);
  return undefined;
}

function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
