import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { TAXONOMY, type TopicSlug } from "../../../src/topics/taxonomy.js";
import { TopicClassifier } from "../../../src/topics/topic-classifier.js";
import { evaluateTopics, type TopicEvaluation } from "../../../src/topics/topic-evaluation.js";
import { TopicTokenizer } from "../../../src/topics/topic-tokenizer.js";

interface LabeledPaper {
  title: string;
  abstract: string;
  topics: TopicSlug[];
}

const FIXTURE = fileURLToPath(new URL("../../fixtures/topics/labeled.jsonl", import.meta.url));
const papers: LabeledPaper[] = readFileSync(FIXTURE, "utf8")
  .split("\n")
  .filter((line) => line.trim() !== "")
  .map((line) => JSON.parse(line));

/** The split recorded in test/fixtures/topics/LABELING.md: FNV-1a of the normalised title. */
function isHeldOut(title: string): boolean {
  const normalised = title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
  let hash = 0x811c9dc5;
  for (const byte of Buffer.from(normalised, "utf8")) hash = Math.imul(hash ^ byte, 0x01000193) >>> 0;
  return hash % 10 < 3;
}

const heldOut = papers.filter((p) => isHeldOut(p.title));
const dev = papers.filter((p) => !isHeldOut(p.title));
const classifier = new TopicClassifier();

function evaluate(set: LabeledPaper[], assign: (p: LabeledPaper) => string[]): TopicEvaluation {
  return evaluateTopics(set.map((p) => ({ topics: p.topics, assigned: assign(p) })));
}

function report(name: string, m: TopicEvaluation): string {
  const f = (x: number) => x.toFixed(3);
  return `${name.padEnd(26)} n=${m.count} top1=${f(m.top1Accuracy)} P=${f(m.precision)} R=${f(m.recall)} microF1=${f(m.microF1)}`;
}

/** Baseline: cosine of TF-IDF vectors (stems) between the paper and each topic's name + scope. */
function tfidfBaseline(): (p: LabeledPaper) => string[] {
  const tokenizer = new TopicTokenizer();
  const docs = TAXONOMY.map((t) => tokenizer.tokenize(`${t.name} ${t.scope}`).map((x) => x.stem));
  const df = new Map<string, number>();
  for (const doc of docs) for (const stem of new Set(doc)) df.set(stem, (df.get(stem) ?? 0) + 1);
  const idf = (stem: string) => Math.log((docs.length + 1) / ((df.get(stem) ?? 0) + 1)) + 1;
  const vector = (stems: string[]) => {
    const v = new Map<string, number>();
    for (const s of stems) if (df.has(s)) v.set(s, (v.get(s) ?? 0) + 1);
    for (const [s, tf] of v) v.set(s, tf * idf(s));
    return v;
  };
  const norm = (v: Map<string, number>) => Math.sqrt([...v.values()].reduce((a, x) => a + x * x, 0)) || 1;
  const topicVectors = docs.map(vector);
  return (p) => {
    const v = vector(tokenizer.tokenize(`${p.title} ${p.abstract}`).map((x) => x.stem));
    const sims = topicVectors.map((t, i) => {
      let dot = 0;
      for (const [s, w] of v) dot += w * (t.get(s) ?? 0);
      return { slug: TAXONOMY[i]!.slug, sim: dot / (norm(v) * norm(t)) };
    });
    sims.sort((a, b) => b.sim - a.sim);
    const best = sims[0]!.sim;
    return sims.filter((s, i) => i === 0 || (i < 3 && s.sim >= best * 0.8 && s.sim > 0)).map((s) => s.slug);
  };
}

describe("topic classifier quality on the labeled listings (test/fixtures/topics)", () => {
  it("has a held-out part of about 30% and covers every labeled paper", () => {
    expect(papers.length).toBe(291);
    expect(heldOut.length).toBeGreaterThan(70);
    expect(heldOut.length).toBeLessThan(110);
    expect(dev.length + heldOut.length).toBe(papers.length);
  });

  it("reaches top-1 >= 0.92 and micro-F1 >= 0.80 on the held-out part", () => {
    const assign = (p: LabeledPaper) => classifier.classify(p).assigned;
    const held = evaluate(heldOut, assign);
    const baseline = tfidfBaseline();
    console.log(
      [
        report("classifier, held-out", held),
        report("classifier, dev", evaluate(dev, assign)),
        report("tf-idf on scope, held-out", evaluate(heldOut, baseline)),
        report("tf-idf on scope, dev", evaluate(dev, baseline)),
      ].join("\n"),
    );
    expect(held.top1Accuracy).toBeGreaterThanOrEqual(0.92);
    expect(held.microF1).toBeGreaterThanOrEqual(0.8);
  });
});
