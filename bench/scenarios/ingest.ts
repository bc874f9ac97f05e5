import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { IngestionService } from "../../src/ingestion/ingestion-service.js";
import { paperKey } from "../../src/ingestion/normalised-paper.js";
import { PaperRepository } from "../../src/ingestion/paper-repository.js";
import { FileSource } from "../../src/ingestion/sources/file-source.js";
import { systemClock } from "../../src/lib/clock.js";
import { silentLogger } from "../../src/lib/logger.js";
import { TopicClassifier } from "../../src/topics/topic-classifier.js";
import { withBenchDatabase } from "../bench-database.js";
import { makeListings } from "../fixtures/make-listings.js";
import { type BenchResult, peakRssMiB, time } from "../harness.js";

/**
 * 10,000 listings from a file through parse, normalise, topic scoring and upsert
 * into PostgreSQL (one transaction per batch), against the naive peer: the same
 * papers upserted one by one, on 1,000 of them.
 */
export default async function ingest(): Promise<BenchResult[]> {
  const n = Number(process.env.BENCH_INGEST_PAPERS ?? 10_000);
  const naiveN = Math.min(n, 1_000);
  const dir = mkdtempSync(join(tmpdir(), "pb-bench-ingest-"));
  const file = join(dir, "listings.jsonl");
  writeFileSync(file, makeListings(n));
  const classifier = new TopicClassifier();
  try {
    const ours = await withBenchDatabase(async (db) => {
      const service = new IngestionService({
        prisma: db.prisma,
        papers: new PaperRepository(db.prisma),
        classifier,
        clock: systemClock,
        logger: silentLogger(),
      });
      let report: Awaited<ReturnType<IngestionService["run"]>> | undefined;
      const ms = await time(async () => {
        report = await service.run(new FileSource(), { path: file, now: new Date() });
      });
      return { ms, stored: report!.created + report!.updated + report!.unchanged };
    });
    const rssAfterOurs = peakRssMiB();

    const naive = await withBenchDatabase(async (db) => {
      const items: { key: string; title: string; abstract: string }[] = [];
      for await (const batch of new FileSource().fetch({ path: file, now: new Date() })) {
        for (const item of batch.items)
          if (item.ok && items.length < naiveN) items.push({ key: item.key, ...item.paper });
        if (items.length >= naiveN) break;
      }
      const ms = await time(async () => {
        for (const item of items) {
          const topics = classifier.classify({ title: item.title, abstract: item.abstract });
          const paper = await db.prisma.paper.upsert({
            where: { key: paperKey(item) },
            create: { key: item.key, title: item.title, abstract: item.abstract, topics: topics.assigned },
            update: { title: item.title, abstract: item.abstract, topics: topics.assigned },
          });
          await db.prisma.paperTopic.createMany({
            data: topics.scores.map((s) => ({ paperId: paper.id, topic: s.slug, score: s.score })),
            skipDuplicates: true,
          });
        }
      });
      return { ms, stored: items.length };
    });

    const oursRate = ours.stored / (ours.ms / 1000);
    const naiveRate = naive.stored / (naive.ms / 1000);
    return [
      {
        name: "ingest",
        value: Math.round(oursRate),
        unit: "papers/s",
        papers: ours.stored,
        seconds: ours.ms / 1000,
        peakRssMiB: rssAfterOurs,
      },
      { name: "ingest.naive-upsert", value: Math.round(naiveRate), unit: "papers/s", papers: naive.stored },
      { name: "ingest.ratio", value: Math.round((oursRate / naiveRate) * 10) / 10, unit: "x" },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
