import { type EditionContext, prepareEdition } from "../../src/ranking/edition-context.js";
import { rankReader } from "../../src/ranking/edition-ranker.js";
import type { CandidatePaper, ReaderProfile } from "../../src/ranking/ranking-types.js";
import { NOT_ELIGIBLE, ReaderRelevance } from "../../src/ranking/relevance.js";
import { TOPIC_SLUGS, type TopicSlug } from "../../src/topics/taxonomy.js";
import { seededRandom } from "../../test/helpers/seeded-random.js";
import { type BenchResult, peakRssMiB } from "../harness.js";

// Ranking throughput: 500 synthetic candidates (topic scores, snapshots, dates, ~150-word abstracts),
// prepared once, then 100,000 readers with seeded random topics, keywords, knobs, feedback and sent papers.
// Readers are generated in batches outside the timed section; value is wall-clock readers/s,
// cpuReadersPerSec the same from this process's CPU time (steadier on a busy machine). Baseline: a naive ranker that scores every
// paper and sorts everything per reader (run on the first BASELINE_READERS readers).
const PAPERS = 500;
const READERS = 100_000;
const BATCH = 10_000;
const BASELINE_READERS = 10_000;
const NOW = new Date("2025-06-10T07:00:00Z");
const HOUR = 3_600_000;

const PHRASES = [
  "speculative decoding",
  "mixture of experts",
  "chain of thought",
  "reward model",
  "diffusion transformer",
  "gaussian splatting",
  "vision language action",
  "kv cache",
  "low rank adaptation",
  "retrieval augmented generation",
  "test time compute",
  "direct preference optimization",
  "state space model",
  "long context",
  "text to speech",
  "video generation",
  "world model",
  "tool use",
  "code generation",
  "jailbreak",
  "quantization",
  "distillation",
  "benchmark",
  "synthetic data",
  "protein design",
  "medical imaging",
  "machine translation",
  "web agent",
];

function makeWorld(random: () => number) {
  const syllables = ["ka", "lo", "mi", "ne", "ru", "ta", "zo", "vi", "pe", "sha", "dor", "len", "qui", "bra"];
  const word = () =>
    Array.from(
      { length: 2 + Math.floor(random() * 3) },
      () => syllables[Math.floor(random() * syllables.length)],
    ).join("");
  const vocabulary = Array.from({ length: 3000 }, word);
  const first = [
    "Wei",
    "Anna",
    "José",
    "Ondřej",
    "Li",
    "Sara",
    "Yuki",
    "Omar",
    "Jürgen",
    "Priya",
    "Chen",
    "Marta",
  ];
  const names = Array.from({ length: 2000 }, () => `${first[Math.floor(random() * first.length)]} ${word()}`);
  return { vocabulary, names };
}

function makePapers(random: () => number, world: ReturnType<typeof makeWorld>): CandidatePaper[] {
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const words = (n: number) => Array.from({ length: n }, () => pick(world.vocabulary));
  return Array.from({ length: PAPERS }, (_, i) => {
    const assigned: TopicSlug[] = [];
    while (assigned.length < 1 + Math.floor(random() * 3)) {
      const t = pick(TOPIC_SLUGS);
      if (!assigned.includes(t)) assigned.push(t);
    }
    const topicScores: Partial<Record<TopicSlug, number>> = {};
    for (const t of assigned) topicScores[t] = 0.5 + random() * 0.5;
    for (let j = 0; j < 3; j++) topicScores[pick(TOPIC_SLUGS)] ??= random() * 0.5;
    const ageHours = random() * 9 * 24;
    const published = new Date(NOW.getTime() - ageHours * HOUR);
    const upvotes = random() < 0.1 ? undefined : Math.floor(Math.exp(random() * 6));
    const snapshots = [];
    if (upvotes !== undefined) {
      for (let h = Math.min(ageHours, 72); h > 0; h -= 6 + random() * 12) {
        snapshots.push({
          upvotes: Math.floor(upvotes * (1 - h / 80)),
          takenAt: new Date(NOW.getTime() - h * HOUR),
        });
      }
    }
    const abstract = words(150);
    for (let j = 0; j < 2; j++) abstract.splice(Math.floor(random() * 150), 0, pick(PHRASES));
    return {
      id: `paper-${String(i).padStart(5, "0")}`,
      title: [...words(4), random() < 0.3 ? pick(PHRASES) : pick(world.vocabulary), ...words(3)].join(" "),
      abstract: abstract.join(" "),
      authors: Array.from({ length: 3 + Math.floor(random() * 6) }, () => pick(world.names)),
      publishedAt: published,
      featuredAt: random() < 0.6 ? new Date(published.getTime() + random() * 24 * HOUR) : undefined,
      upvotes,
      comments: Math.floor(random() * 10),
      categories: [pick(["cs.CL", "cs.CV", "cs.LG", "cs.AI", "cs.RO", "eess.AS"])],
      keywords: random() < 0.5 ? [pick(PHRASES)] : [],
      topicScores,
      assignedTopics: assigned,
      snapshots,
    };
  });
}

function makeReaders(
  random: () => number,
  from: number,
  count: number,
  world: ReturnType<typeof makeWorld>,
  ids: string[],
) {
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const keywordPool = [...PHRASES, ...world.vocabulary.slice(0, 150), ...world.names.slice(0, 100)];
  return Array.from({ length: count }, (_, i): ReaderProfile => {
    const topics: TopicSlug[] = [];
    const wanted = 1 + Math.floor(random() * 5);
    while (topics.length < wanted) {
      // Skewed popularity: the first topics of the taxonomy are followed more.
      const t = TOPIC_SLUGS[Math.floor(random() * random() * TOPIC_SLUGS.length)]!;
      if (!topics.includes(t)) topics.push(t);
    }
    const sent = new Set<string>();
    const sentCount = Math.floor(random() * 60);
    for (let j = 0; j < sentCount; j++) sent.add(pick(ids));
    return {
      id: `reader-${from + i}`,
      topics,
      keywords: Array.from({ length: Math.floor(random() * 4) }, () => pick(keywordPool)),
      relevanceWeight: random() < 0.7 ? 0.7 : Math.round(random() * 100) / 100,
      alsoTrending: random() < 0.85,
      sentPaperIds: sent,
      feedback:
        random() < 0.2 ? { topics: { [topics[0]!]: 0.2 }, keywords: { [pick(PHRASES)]: 0.3 } } : undefined,
    };
  });
}

/** Naive baseline: evaluate every paper, sort each section fully, count the top ones (no output objects). */
function naiveRank(context: EditionContext, reader: ReaderProfile): number {
  const { sectionSize: k, editionSize } = context.options;
  const relevance = new ReaderRelevance(context, reader);
  const w = relevance.weight;
  const sections: { index: number; score: number }[][] = Array.from(
    { length: relevance.keywordSection + 1 },
    () => [],
  );
  context.papers.forEach((p, index) => {
    const rel = relevance.evaluate(index);
    if (relevance.section === NOT_ELIGIBLE || reader.sentPaperIds?.has(p.paper.id)) return;
    sections[relevance.section]!.push({ index, score: w * rel + (1 - w) * p.trend });
  });
  let total = 0;
  for (const list of sections) {
    list.sort((a, b) => b.score - a.score || a.index - b.index);
    total += Math.min(k, list.length);
  }
  return Math.min(total, editionSize);
}

export default async function rank(): Promise<BenchResult[]> {
  const random = seededRandom(42);
  const world = makeWorld(random);
  const papers = makePapers(random, world);
  const ids = papers.map((p) => p.id);

  const prepareStart = process.hrtime.bigint();
  const prepareCpuStart = process.cpuUsage();
  const context = prepareEdition(papers, NOW);
  const prepareMs = Number(process.hrtime.bigint() - prepareStart) / 1e6;
  const prepareCpu = process.cpuUsage(prepareCpuStart);
  const prepareCpuMs = (prepareCpu.user + prepareCpu.system) / 1000;

  // Warm-up (not timed), with its own readers.
  for (const r of makeReaders(seededRandom(7), 0, 2000, world, ids)) rankReader(context, r);

  let rankNs = 0n;
  let rankCpuUs = 0;
  let chosen = 0;
  let empty = 0;
  for (let from = 0; from < READERS; from += BATCH) {
    const readers = makeReaders(random, from, BATCH, world, ids);
    const start = process.hrtime.bigint();
    const cpuStart = process.cpuUsage();
    for (const r of readers) {
      const edition = rankReader(context, r);
      chosen += edition.paperIds.length;
      if (edition.isEmpty) empty++;
    }
    rankNs += process.hrtime.bigint() - start;
    const cpu = process.cpuUsage(cpuStart);
    rankCpuUs += cpu.user + cpu.system;
  }
  const readersPerSecond = READERS / (Number(rankNs) / 1e9);

  const baselineReaders = makeReaders(seededRandom(42), 0, BASELINE_READERS, world, ids);
  const baseStart = process.hrtime.bigint();
  const baseCpuStart = process.cpuUsage();
  let baselineChosen = 0;
  for (const r of baselineReaders) baselineChosen += naiveRank(context, r);
  const baselinePerSecond = BASELINE_READERS / (Number(process.hrtime.bigint() - baseStart) / 1e9);
  const baseCpu = process.cpuUsage(baseCpuStart);
  const baselineCpuPerSecond = BASELINE_READERS / ((baseCpu.user + baseCpu.system) / 1e6);
  const cpuReadersPerSecond = READERS / (rankCpuUs / 1e6);

  return [
    {
      name: "rank",
      value: Math.round(readersPerSecond),
      unit: "readers/s",
      peakRssMiB: peakRssMiB(),
      // On a shared machine wall time depends on the neighbours; CPU time of this process much less so.
      cpuReadersPerSec: Math.round(cpuReadersPerSecond),
      readers: READERS,
      papers: PAPERS,
      inWindow: context.papers.length,
      prepareMs: Math.round(prepareMs * 10) / 10,
      avgPapersPerEdition: Math.round((chosen / READERS) * 10) / 10,
      emptyEditions: empty,
      baselineReadersPerSec: Math.round(baselinePerSecond),
      baselineCpuReadersPerSec: Math.round(baselineCpuPerSecond),
      baselineAvgSectionPapers: Math.round((baselineChosen / BASELINE_READERS) * 10) / 10,
      // ours / naive, from CPU time (the naive baseline does not even build the output objects).
      ratio: Math.round((cpuReadersPerSecond / baselineCpuPerSecond) * 100) / 100,
    },
    {
      name: "rank-prepare",
      value: Math.round(prepareMs * 10) / 10,
      unit: "ms",
      cpuMs: Math.round(prepareCpuMs * 10) / 10,
      papers: PAPERS,
    },
  ];
}
