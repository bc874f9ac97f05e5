import type { CandidatePaper, ReaderProfile } from "../../../src/ranking/ranking-types.js";
import { TOPIC_SLUGS, type TopicSlug } from "../../../src/topics/taxonomy.js";
import { seededRandom } from "../../helpers/seeded-random.js";

export const NOW = new Date("2025-06-10T12:00:00Z");

export function hoursAgo(hours: number): Date {
  return new Date(NOW.getTime() - hours * 3_600_000);
}

export function paper(id: string, overrides: Partial<CandidatePaper> = {}): CandidatePaper {
  return {
    id,
    title: `Untitled ${id}`,
    abstract: "",
    authors: [],
    publishedAt: hoursAgo(12),
    upvotes: 10,
    categories: [],
    keywords: [],
    topicScores: {},
    assignedTopics: [],
    snapshots: [],
    ...overrides,
  };
}

/** A paper assigned to one topic with the given score. */
export function topical(
  id: string,
  topic: TopicSlug,
  score: number,
  overrides: Partial<CandidatePaper> = {},
) {
  return paper(id, { topicScores: { [topic]: score }, assignedTopics: [topic], ...overrides });
}

export function reader(overrides: Partial<ReaderProfile> = {}): ReaderProfile {
  return {
    id: "reader-1",
    topics: [],
    keywords: [],
    relevanceWeight: 0.7,
    alsoTrending: true,
    sentPaperIds: undefined,
    ...overrides,
  };
}

const WORDS = [
  "sparse",
  "attention",
  "decoding",
  "speculative",
  "agent",
  "video",
  "diffusion",
  "robot",
  "reward",
];
export const RANDOM_KEYWORDS = [
  "speculative decoding",
  "sparse attention",
  "video diffusion",
  "reward",
  "Ada Lovelace",
];

export function shuffle<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** Random papers with topic scores, snapshots, unknown upvotes, ties and out-of-window dates. */
export function randomPapers(random: () => number, count: number): CandidatePaper[] {
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  return Array.from({ length: count }, (_, i) => {
    const assigned = shuffle(TOPIC_SLUGS, random).slice(0, 1 + Math.floor(random() * 3));
    const scores: Partial<Record<TopicSlug, number>> = {};
    for (const t of assigned) scores[t] = Math.round((0.3 + random() * 0.7) * 10) / 10;
    for (let j = 0; j < 3; j++) scores[pick(TOPIC_SLUGS)] ??= Math.round(random() * 10) / 10;
    const age = Math.floor(random() * 200);
    const upvotes = random() < 0.15 ? undefined : Math.floor(random() * 60);
    return paper(`p${String(i).padStart(4, "0")}`, {
      title: Array.from({ length: 4 }, () => pick(WORDS)).join(" "),
      abstract: Array.from({ length: 20 }, () => pick(WORDS)).join(" "),
      authors: random() < 0.1 ? ["Ada Lovelace"] : ["Someone Else"],
      publishedAt: hoursAgo(age),
      upvotes,
      topicScores: scores,
      assignedTopics: assigned.filter((t) => (scores[t] ?? 0) >= 0.5),
      snapshots: upvotes === undefined ? [] : [{ upvotes: Math.floor(upvotes / 2), takenAt: hoursAgo(30) }],
    });
  });
}

export function randomReader(random: () => number, id: number, paperIds: readonly string[]): ReaderProfile {
  const topics = shuffle(TOPIC_SLUGS, random).slice(0, Math.floor(random() * 6));
  return reader({
    id: `r${id}`,
    topics,
    keywords: shuffle(RANDOM_KEYWORDS, random).slice(0, Math.floor(random() * 3)),
    relevanceWeight: [0, 0.3, 0.7, 0.7, 1][Math.floor(random() * 5)]!,
    alsoTrending: random() < 0.8,
    sentPaperIds: new Set(paperIds.filter(() => random() < 0.1)),
    feedback:
      random() < 0.3 ? { topics: { [topics[0] ?? "llm"]: -0.3 }, keywords: { reward: 0.5 } } : undefined,
  });
}

export { seededRandom };
