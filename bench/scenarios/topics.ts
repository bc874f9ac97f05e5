import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { TOPIC_SLUGS } from "../../src/topics/taxonomy.js";
import { TopicClassifier } from "../../src/topics/topic-classifier.js";
import { TOPIC_LEXICON } from "../../src/topics/topic-lexicon.js";
import { type BenchResult, peakRssMiB, time } from "../harness.js";

/**
 * Topic classifier throughput: 10,000 papers (the labeled fixtures replicated, each copy with a
 * varied title so no cache can cheat), against a naive baseline that builds one RegExp per
 * lexicon term per paper (run on fewer papers, reported per second too).
 */
const PAPERS = 10_000;
const BASELINE_PAPERS = 200;

interface Paper {
  title: string;
  abstract: string;
}

function loadPapers(count: number): Paper[] {
  const file = fileURLToPath(new URL("../../test/fixtures/topics/labeled.jsonl", import.meta.url));
  const fixtures: Paper[] = readFileSync(file, "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line));
  return Array.from({ length: count }, (_, i) => {
    const paper = fixtures[i % fixtures.length]!;
    return { title: `${paper.title} (${i})`, abstract: paper.abstract };
  });
}

/** What the brief warns against: per-paper regex compilation over the plain lexicon phrases. */
function naiveClassify(paper: Paper): string {
  const text = `${paper.title} ${paper.abstract}`.toLowerCase();
  const scores = TOPIC_SLUGS.map((slug) => {
    let score = 0;
    for (const [weight, terms] of TOPIC_LEXICON[slug]) {
      for (const raw of terms.split(",")) {
        const term = raw.trim().replace(/^[\^=*]+|\*$/g, "");
        if (term === "" || term.includes("~")) continue;
        const pattern = new RegExp(`\\b${term.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\b`, "g");
        score += weight * (text.match(pattern)?.length ?? 0);
      }
    }
    return score;
  });
  return TOPIC_SLUGS[scores.indexOf(Math.max(...scores))]!;
}

export default async (): Promise<BenchResult[]> => {
  const papers = loadPapers(PAPERS);
  let classifier!: TopicClassifier;
  const compileMs = await time(() => {
    classifier = new TopicClassifier();
  });
  classifier.classify(papers[0]!); // warm-up
  let assigned = 0;
  const cpuBefore = process.cpuUsage();
  const ms = await time(() => {
    for (const paper of papers) assigned += classifier.classify(paper).assigned.length;
  });
  const cpu = process.cpuUsage(cpuBefore);
  const baselineMs = await time(() => {
    for (const paper of papers.slice(0, BASELINE_PAPERS)) naiveClassify(paper);
  });
  const perSecond = Math.round((PAPERS / ms) * 1000);
  const baselinePerSecond = Math.round((BASELINE_PAPERS / baselineMs) * 1000);
  return [
    { name: "topics.compile", value: Math.round(compileMs * 10) / 10, unit: "ms" },
    {
      name: "topics.classify",
      value: perSecond,
      unit: "papers/s",
      papers: PAPERS,
      totalMs: Math.round(ms),
      // CPU time too: wall time suffers when other processes share the cores.
      cpuMs: Math.round((cpu.user + cpu.system) / 1000),
      avgAssigned: Math.round((assigned / PAPERS) * 100) / 100,
    },
    {
      name: "topics.classify.naive-regex-baseline",
      value: baselinePerSecond,
      unit: "papers/s",
      papers: BASELINE_PAPERS,
      speedup: Math.round((perSecond / baselinePerSecond) * 10) / 10,
    },
    { name: "topics.peak-rss", value: peakRssMiB(), unit: "MiB" },
  ];
};
