import { fileURLToPath } from "node:url";
import type { PaperSourceReader, SourceBatch } from "../ingestion/source-batch.js";
import { FileSource, type FileSourceOptions } from "../ingestion/sources/file-source.js";

/** 120 real Daily Papers listings shipped with paperboy, for the demo and benchmarks. */
export const SAMPLE_FILE = fileURLToPath(new URL("../../samples/daily-papers.jsonl", import.meta.url));

/**
 * The sample is a snapshot; this source presents it as the last three days'
 * Daily Papers (featured one to sixty hours before `now`), so an edition built
 * from it has fresh, trending papers.
 */
export class RecentSampleSource implements PaperSourceReader<FileSourceOptions> {
  readonly source = "file" as const;

  constructor(private readonly inner = new FileSource()) {}

  async *fetch(options: FileSourceOptions): AsyncGenerator<SourceBatch> {
    let index = 0;
    for await (const batch of this.inner.fetch(options)) {
      for (const item of batch.items) {
        if (!item.ok) continue;
        const featuredAt = new Date(options.now.getTime() - (1 + (index++ % 60)) * 3_600_000);
        item.paper = { ...item.paper, featuredAt, publishedAt: new Date(featuredAt.getTime() - 86_400_000) };
      }
      yield batch;
    }
  }
}
