import { AppError } from "../../lib/errors.js";
import type { HttpFetcher, HttpValidators } from "../http-fetcher.js";
import type { PaperSourceReader, SourceBatch } from "../source-batch.js";
import { mapDailyPaper } from "./hf-daily-paper-mapper.js";

/**
 * Hugging Face Daily Papers for one day: `${baseUrl}/api/daily_papers?date=YYYY-MM-DD&p=N&limit=L`,
 * pages numbered from 0, one batch per page, paging until a short page.
 */
export interface HfDailyPapersFetchOptions {
  /** The Daily Papers day, YYYY-MM-DD. */
  date: string;
  now: Date;
  /** Items per page (1-100). Default 50, the API's own default. */
  pageSize?: number;
  /** Stop after this many pages whatever happens. Default 20. */
  maxPages?: number;
  /** Validators stored from the last run: the first page is requested conditionally. */
  validators?: HttpValidators;
}

export interface HfDailyPapersSourceDeps {
  fetcher: HttpFetcher;
  /** Config sources.hfBaseUrl, e.g. https://huggingface.co */
  baseUrl: string;
}

export class HfDailyPapersSource implements PaperSourceReader<HfDailyPapersFetchOptions> {
  readonly source = "hf" as const;
  private readonly baseUrl: string;

  constructor(private readonly deps: HfDailyPapersSourceDeps) {
    this.baseUrl = deps.baseUrl.replace(/\/+$/, "");
  }

  /** The URL of one page. */
  pageUrl(date: string, page: number, pageSize: number): string {
    const query = new URLSearchParams({ date, p: String(page), limit: String(pageSize) });
    return `${this.baseUrl}/api/daily_papers?${query}`;
  }

  async *fetch(options: HfDailyPapersFetchOptions): AsyncGenerator<SourceBatch> {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(options.date) || Number.isNaN(Date.parse(options.date))) {
      throw new AppError("VALIDATION_FAILED", `Daily Papers date must be YYYY-MM-DD, got ${options.date}`);
    }
    const pageSize = options.pageSize ?? 50;
    const maxPages = options.maxPages ?? 20;
    if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 100) {
      throw new AppError("VALIDATION_FAILED", `Daily Papers page size must be 1-100, got ${pageSize}`);
    }
    let previousIds: string | undefined;
    for (let page = 0; page < maxPages; page++) {
      const url = this.pageUrl(options.date, page, pageSize);
      const response = await this.deps.fetcher.getJson(
        url,
        page === 0 ? { validators: options.validators } : {},
      );
      if (response.notModified) {
        yield { items: [], fetched: 0, origin: url, validators: response.validators, notModified: true };
        return;
      }
      if (!Array.isArray(response.body)) {
        throw new AppError(
          "SOURCE_INVALID",
          `GET ${url}: expected a JSON array of papers, got ${describe(response.body)}`,
          {
            details: { url },
          },
        );
      }
      const rows: unknown[] = response.body;
      // A server that ignores `p` would hand back page 0 forever: stop at the first repeat.
      const ids = rows.map((row) => idOf(row)).join(",");
      if (page > 0 && rows.length > 0 && ids === previousIds) return;
      previousIds = ids;
      const items = rows.map((row, index) => {
        const result = mapDailyPaper(row, options.now, this.baseUrl);
        return result.ok ? result : { ...result, item: result.item ?? `page ${page} item ${index}` };
      });
      const batch: SourceBatch = { items, fetched: rows.length, origin: url };
      if (page === 0) batch.validators = response.validators;
      if (rows.length > 0 || page === 0) yield batch;
      if (rows.length < pageSize) return;
    }
  }
}

function idOf(row: unknown): string {
  const paper = (row as { paper?: { id?: unknown } } | null)?.paper;
  return typeof paper?.id === "string" ? paper.id : "?";
}

function describe(body: unknown): string {
  if (body === null) return "null";
  if (typeof body === "object") {
    const error = (body as { error?: unknown }).error;
    return typeof error === "string" ? `an error object (${error.slice(0, 200)})` : "an object";
  }
  return typeof body;
}
