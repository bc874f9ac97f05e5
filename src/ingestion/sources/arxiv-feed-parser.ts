import { XMLParser, XMLValidator } from "fast-xml-parser";
import { AppError } from "../../lib/errors.js";
import { canonicalArxivId } from "../arxiv-id.js";
import { type NormalisationResult, normalisePaper } from "../normalised-paper.js";
import { cleanLine } from "../text-cleaning.js";

/**
 * Parses arXiv API responses (Atom 1.0 with arxiv: and opensearch: extensions).
 * Values are read as plain strings (an id like 2411.01234 never becomes a number);
 * a DOCTYPE is refused outright (Atom from arXiv never has one).
 */
export interface ArxivEntry {
  /** The id as given, e.g. http://arxiv.org/abs/2411.01234v2 */
  rawId: string;
  /** Canonical id without version, when rawId is an arXiv id. */
  arxivId?: string;
  title?: string;
  summary?: string;
  authors: string[];
  published?: string;
  updated?: string;
  primaryCategory?: string;
  /** Primary category first, no duplicates. */
  categories: string[];
  absUrl?: string;
  pdfUrl?: string;
  comment?: string;
}

export interface ArxivFeed {
  totalResults?: number;
  entries: ArxivEntry[];
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  isArray: (tagName) =>
    tagName === "entry" || tagName === "author" || tagName === "link" || tagName === "category",
});

type Node = Record<string, unknown>;

/** Throws SOURCE_INVALID for malformed XML, a non-Atom document or an arXiv error feed. */
export function parseArxivFeed(xml: string, origin = "arXiv response"): ArxivFeed {
  if (/<!DOCTYPE/i.test(xml)) throw invalid(origin, "has a DOCTYPE, which Atom feeds never need");
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    throw invalid(
      origin,
      `is not well-formed XML (line ${valid.err.line}: ${valid.err.msg}); perhaps truncated`,
    );
  }
  const document = parser.parse(xml) as Node;
  if (!("feed" in document)) throw invalid(origin, "is not an Atom feed (no <feed>)");
  // An empty <feed/> parses to a string: a feed with no entries.
  const feed = (typeof document.feed === "object" && document.feed !== null ? document.feed : {}) as Node;
  const entries = (Array.isArray(feed.entry) ? feed.entry : []) as Node[];
  const parsed = entries.map(readEntry);
  const error = parsed.find((entry) => entry.rawId.includes("/api/errors"));
  if (error) throw invalid(origin, `is an arXiv error: ${error.summary ?? error.title ?? error.rawId}`);
  const total = Number(text(feed.totalResults));
  return {
    totalResults: Number.isFinite(total) && text(feed.totalResults) ? total : undefined,
    entries: parsed,
  };
}

function readEntry(node: Node): ArxivEntry {
  const rawId = text(node.id) ?? "";
  const links = list(node.link);
  const categories = list(node.category)
    .map((c) => attr(c, "term"))
    .filter((term): term is string => Boolean(term));
  const primaryCategory = attr(node.primary_category, "term");
  const ordered = [...new Set([...(primaryCategory ? [primaryCategory] : []), ...categories])];
  return {
    rawId,
    arxivId: canonicalArxivId(rawId),
    title: oneLine(text(node.title)),
    summary: oneLine(text(node.summary)),
    authors: list(node.author)
      .map((author) => oneLine(text(author.name)))
      .filter((name): name is string => Boolean(name)),
    published: text(node.published),
    updated: text(node.updated),
    primaryCategory,
    categories: ordered,
    absUrl: httpsArxiv(
      attr(
        links.find((l) => attr(l, "rel") === "alternate"),
        "href",
      ),
    ),
    pdfUrl: httpsArxiv(
      attr(
        links.find((l) => attr(l, "title") === "pdf"),
        "href",
      ),
    ),
    comment: oneLine(text(node.comment)),
  };
}

/** A normalised paper from an entry; a GitHub link in the comment (else the abstract) becomes githubRepo. */
export function mapArxivEntry(entry: ArxivEntry, now: Date): NormalisationResult {
  if (!entry.arxivId) return { ok: false, reason: `id is not an arXiv id (${entry.rawId.slice(0, 80)})` };
  return normalisePaper(
    {
      title: entry.title,
      abstract: entry.summary,
      arxivId: entry.arxivId,
      authors: entry.authors,
      publishedAt: entry.published,
      url: entry.absUrl ?? `https://arxiv.org/abs/${entry.arxivId}`,
      pdfUrl: entry.pdfUrl ?? `https://arxiv.org/pdf/${entry.arxivId}`,
      githubRepo: githubLink(entry.comment) ?? githubLink(entry.summary),
      categories: entry.categories,
    },
    "arxiv",
    now,
  );
}

const GITHUB_LINK = /https?:\/\/(?:www\.)?github\.com\/[A-Za-z0-9-]+\/[A-Za-z0-9._-]+/;

function githubLink(value: string | undefined): string | undefined {
  const match = value ? GITHUB_LINK.exec(value) : null;
  return match ? match[0].replace(/[.]+$/, "").replace(/\.git$/, "") : undefined;
}

function httpsArxiv(href: string | undefined): string | undefined {
  return href?.replace(/^http:\/\/arxiv\.org\//, "https://arxiv.org/");
}

function text(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  if (typeof value === "number") return String(value);
  if (value && typeof value === "object" && "#text" in value) return text((value as Node)["#text"]);
  return undefined;
}

function attr(node: unknown, name: string): string | undefined {
  if (!node || typeof node !== "object") return undefined;
  const value = (node as Node)[`@_${name}`];
  return typeof value === "string" ? value : undefined;
}

function list(value: unknown): Node[] {
  if (Array.isArray(value)) return value.filter((v): v is Node => Boolean(v) && typeof v === "object");
  return [];
}

function oneLine(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const line = cleanLine(value);
  return line === "" ? undefined : line;
}

function invalid(origin: string, what: string): AppError {
  return new AppError("SOURCE_INVALID", `${origin} ${what}`, { details: { origin } });
}
