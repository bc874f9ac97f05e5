import { canonicalArxivId } from "../arxiv-id.js";
import {
  type NormalisationResult,
  normalisePaper,
  type PaperSource,
  type RawPaper,
} from "../normalised-paper.js";

/**
 * Maps one item of the Hugging Face Daily Papers API (`/api/daily_papers`) to a
 * normalised paper. ai_* and github* fields sit inside `paper`; any field may be
 * missing and a missing count stays missing (never zero). Withdrawn papers are rejected.
 */
export const DEFAULT_HF_BASE_URL = "https://huggingface.co";

type Obj = Record<string, unknown>;

function isObject(value: unknown): value is Obj {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** True when the value looks like a Daily Papers item (it has a `paper` object). */
export function isDailyPaperItem(value: unknown): value is Obj & { paper: Obj } {
  return isObject(value) && isObject(value.paper);
}

export function mapDailyPaper(
  item: unknown,
  now: Date,
  baseUrl = DEFAULT_HF_BASE_URL,
  source: PaperSource = "hf",
): NormalisationResult {
  if (!isDailyPaperItem(item)) return { ok: false, reason: "not a Daily Papers item (no `paper` object)" };
  const paper = item.paper;
  const rawId = typeof paper.id === "string" ? paper.id : undefined;
  const arxivId = rawId ? canonicalArxivId(rawId) : undefined;
  if (paper.withdrawnAt !== undefined && paper.withdrawnAt !== null) {
    return {
      ok: false,
      reason: `withdrawn (${String(paper.withdrawnAt)})`,
      item: rawId ?? describeTitle(paper),
    };
  }
  const raw: RawPaper = {
    title: paper.title ?? item.title,
    abstract: paper.summary ?? item.summary,
    arxivId,
    authors: authorNames(paper.authors),
    publishedAt: paper.publishedAt ?? item.publishedAt,
    featuredAt: paper.submittedOnDailyAt,
    upvotes: paper.upvotes,
    comments: item.numComments,
    url: arxivId ? `${baseUrl.replace(/\/+$/, "")}/papers/${arxivId}` : undefined,
    pdfUrl: arxivId ? `https://arxiv.org/pdf/${arxivId}` : undefined,
    githubRepo: paper.githubRepo,
    githubStars: paper.githubStars,
    projectPage: paper.projectPage,
    thumbnail: item.thumbnail,
    summary: paper.ai_summary,
    keywords: paper.ai_keywords,
    organization: nameOf(item.organization) ?? nameOf(paper.organization),
    submitter: nameOf(item.submittedBy) ?? nameOf(paper.submittedOnDailyBy),
  };
  const result = normalisePaper(raw, source, now);
  if (result.ok && rawId && !arxivId)
    result.warnings.push(`paper.id ${JSON.stringify(rawId)} is not an arXiv id`);
  return result;
}

/** Author names in order; hidden authors keep their names (the site shows them too). */
function authorNames(value: unknown): unknown {
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) return value;
  return value.map((author) => (isObject(author) ? author.name : author));
}

function nameOf(value: unknown): unknown {
  return isObject(value) ? value.name : undefined;
}

function describeTitle(paper: Obj): string | undefined {
  return typeof paper.title === "string" ? paper.title.slice(0, 80) : undefined;
}
