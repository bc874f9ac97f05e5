import { AppError } from "../../lib/errors.js";
import type { HttpFetcher, HttpValidators } from "../http-fetcher.js";
import type { PaperSourceReader, SourceBatch } from "../source-batch.js";
import { mapArxivEntry, parseArxivFeed } from "./arxiv-feed-parser.js";

/**
 * Newest submissions in a set of categories from the arXiv API, one batch per page:
 * `${baseUrl}/api/query?search_query=cat:cs.CL+OR+cat:cs.CV&sortBy=submittedDate&sortOrder=descending&start=N&max_results=M`.
 * Paging stops at the first entry older than `since`, at `maxResults`, or at a short page.
 * arXiv asks for one request every 3 s: give this source an HttpFetcher with minIntervalMs 3000.
 */
export interface ArxivFetchOptions {
  /** e.g. ["cs.CL", "cs.CV"] (config sources.arxivCategories). */
  categories: readonly string[];
  now: Date;
  /** Entries submitted before this (usually the last successful run, minus a margin) end the run. */
  since?: Date;
  /** At most this many entries in all. Default 1,000. */
  maxResults?: number;
  /** Entries per request (1-2,000). Default 100. */
  pageSize?: number;
  /** Validators stored from the last run: the first page is requested conditionally. */
  validators?: HttpValidators;
}

export interface ArxivSourceDeps {
  fetcher: HttpFetcher;
  /** Config sources.arxivBaseUrl, e.g. http://export.arxiv.org */
  baseUrl: string;
}

const CATEGORY = /^[A-Za-z-]+(?:\.[A-Za-z-]+)?$/;

export class ArxivSource implements PaperSourceReader<ArxivFetchOptions> {
  readonly source = "arxiv" as const;
  private readonly baseUrl: string;

  constructor(private readonly deps: ArxivSourceDeps) {
    this.baseUrl = deps.baseUrl.replace(/\/+$/, "");
  }

  pageUrl(categories: readonly string[], start: number, pageSize: number): string {
    const query = categories.map((category) => `cat:${category}`).join("+OR+");
    return `${this.baseUrl}/api/query?search_query=${query}&sortBy=submittedDate&sortOrder=descending&start=${start}&max_results=${pageSize}`;
  }

  async *fetch(options: ArxivFetchOptions): AsyncGenerator<SourceBatch> {
    const bad = options.categories.find((category) => !CATEGORY.test(category));
    if (options.categories.length === 0 || bad !== undefined) {
      throw new AppError(
        "VALIDATION_FAILED",
        `arXiv categories must look like cs.CL, got ${JSON.stringify(bad ?? [])}`,
      );
    }
    const maxResults = options.maxResults ?? 1_000;
    const pageSize = options.pageSize ?? 100;
    if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 2_000) {
      throw new AppError("VALIDATION_FAILED", `arXiv page size must be 1-2000, got ${pageSize}`);
    }
    let seen = 0;
    for (let start = 0; seen < maxResults; start += pageSize) {
      const url = this.pageUrl(options.categories, start, pageSize);
      const response = await this.deps.fetcher.getText(url, {
        accept: "application/atom+xml",
        ...(start === 0 ? { validators: options.validators } : {}),
      });
      if (response.notModified) {
        yield { items: [], fetched: 0, origin: url, validators: response.validators, notModified: true };
        return;
      }
      const feed = parseArxivFeed(response.body, `GET ${url}`);
      let reachedSince = false;
      const wanted = feed.entries.filter((entry) => {
        const published = entry.published ? Date.parse(entry.published) : Number.NaN;
        const old = options.since !== undefined && published < options.since.getTime();
        if (old) reachedSince = true;
        return !old;
      });
      const kept = wanted.slice(0, maxResults - seen);
      seen += kept.length;
      const items = kept.map((entry) => {
        const result = mapArxivEntry(entry, options.now);
        return result.ok ? result : { ...result, item: result.item ?? entry.rawId };
      });
      const batch: SourceBatch = { items, fetched: kept.length, origin: url };
      if (start === 0) batch.validators = response.validators;
      if (kept.length > 0 || start === 0) yield batch;
      const end = feed.totalResults !== undefined && start + feed.entries.length >= feed.totalResults;
      if (reachedSince || end || feed.entries.length < pageSize) return;
    }
  }
}
