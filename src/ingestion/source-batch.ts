import type { HttpValidators } from "./http-fetcher.js";
import type { NormalisationResult, PaperSource } from "./normalised-paper.js";

/**
 * What a source yields: one page or chunk, small enough to write in one transaction.
 * `items` holds accepted papers and rejections (with reasons) in source order.
 */
export interface SourceBatch {
  items: NormalisationResult[];
  /** Raw items read for this batch (accepted + rejected). */
  fetched: number;
  /** Where the batch came from: a URL, or "path lines 1-500". */
  origin: string;
  /**
   * HTTP validators of the first response of a run (only that request is conditional);
   * store them in SourceState and pass them back next run.
   */
  validators?: HttpValidators;
  /** The first request answered 304: nothing changed since the validators were stored; no more batches. */
  notModified?: boolean;
}

/** A place papers come from; the ingestion service drives it and stores each batch. */
export interface PaperSourceReader<Options> {
  readonly source: PaperSource;
  fetch(options: Options): AsyncIterable<SourceBatch>;
}
