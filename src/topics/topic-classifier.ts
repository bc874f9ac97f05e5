import { TOPIC_SLUGS, type TopicSlug } from "./taxonomy.js";
import { CATEGORY_PRIORS, type LexiconTier, TOPIC_LEXICON } from "./topic-lexicon.js";
import { type CompiledTerm, TopicMatcher } from "./topic-matcher.js";
import { type TopicToken, TopicTokenizer } from "./topic-tokenizer.js";

export interface TopicInput {
  title: string;
  abstract: string;
  /** Hugging Face Daily Papers keywords (ai_keywords), e.g. ["diffusion model", "text-to-image"]. */
  keywords?: readonly string[];
  /** arXiv categories, primary first, e.g. ["cs.CV", "cs.RO"]. */
  categories?: readonly string[];
}

export interface TopicScore {
  slug: TopicSlug;
  /** In [0, 1]: how strongly the paper is about the topic. */
  score: number;
}

export interface TopicResult {
  /** All 20 topics, best first (ties in taxonomy order). */
  scores: TopicScore[];
  /** The paper's topics, 1 to 3, most fitting first. */
  assigned: TopicSlug[];
}

/** Tuning knobs; the defaults are the tuned ones (see test/fixtures/topics/LABELING.md). */
export interface TopicClassifierOptions {
  lexicon?: Readonly<Record<TopicSlug, readonly LexiconTier[]>>;
  categoryPriors?: Readonly<Record<string, Partial<Record<TopicSlug, number>>>>;
  /** A second topic is assigned when its raw score reaches this share of the best one (0.55)... */
  secondaryRatio?: number;
  /** ...and every further topic needs at least this raw score (10). */
  secondaryMinimum?: number;
  /** A topic the title names (its "^" terms add at least titleMinimum, 6) needs only this share (0.25). */
  titledRatio?: number;
  titleMinimum?: number;
  /** At most this many assigned topics (3). */
  maxTopics?: number;
}

/** How much one match weighs per field: titles say what a paper is about. */
const TITLE_WEIGHT = 3;
const KEYWORD_WEIGHT = 1.5;
const ABSTRACT_WEIGHT = 1;
/** Raw score at which the [0,1] score reaches 1 - 1/e. */
const SCORE_SCALE = 30;
const TOPIC_COUNT = TOPIC_SLUGS.length;
/** A third topic must be closer to the best than a second one. */
const THIRD_RATIO = 0.7;
/**
 * "LLM" in a title makes llm a further topic only after these method topics: an LLM quantization or
 * LLM training paper is also an LLM paper; an LLM agent, LLM for medicine or RL for LLM reasoning
 * paper is about its application (see LABELING.md).
 */
const LLM_NAMED_AFTER: ReadonlySet<TopicSlug> = new Set([
  "training",
  "efficiency",
  "alignment",
  "data",
  "nlp",
]);

/**
 * Scores a paper against the 20 topics with a weighted, stemmed lexicon (topic-lexicon.ts):
 * every lexicon term found in the title, abstract or keywords adds its weight to its topics,
 * title matches 3x, keywords 1.5x, repeated abstract matches sublinearly; arXiv categories add
 * priors. Assignment: the best topic always; a second one when its score is at least 55% of the
 * best, a third at 70%; a topic the title names (benchmark, video, medical, LLM...) already at
 * 25% (llm so only after a method topic, see LLM_NAMED_AFTER). With no evidence at all every score is 0 and the first topic in taxonomy order is
 * assigned. The lexicon is compiled once in the constructor; classify is pure and deterministic.
 */
export class TopicClassifier {
  private readonly tokenizer = new TopicTokenizer();
  private readonly matcher: TopicMatcher;
  private readonly priors: Readonly<Record<string, Partial<Record<TopicSlug, number>>>>;
  private readonly secondaryRatio: number;
  private readonly secondaryMinimum: number;
  private readonly maxTopics: number;
  private readonly titledRatio: number;
  private readonly titleMinimum: number;

  constructor(options: TopicClassifierOptions = {}) {
    this.priors = options.categoryPriors ?? CATEGORY_PRIORS;
    this.secondaryRatio = options.secondaryRatio ?? 0.55;
    this.secondaryMinimum = options.secondaryMinimum ?? 10;
    this.titledRatio = options.titledRatio ?? 0.25;
    this.titleMinimum = options.titleMinimum ?? 6;
    this.maxTopics = Math.min(3, Math.max(1, Math.floor(options.maxTopics ?? 3)));
    this.matcher = new TopicMatcher(options.lexicon ?? TOPIC_LEXICON, TOPIC_SLUGS, this.tokenizer);
  }

  classify(input: TopicInput): TopicResult {
    const titled = new Float64Array(TOPIC_COUNT);
    const raw = this.rawScores(input, titled);
    const order = TOPIC_SLUGS.map((_, i) => i).sort((a, b) => raw[b]! - raw[a]! || a - b);
    const scores = order.map((i) => ({
      slug: TOPIC_SLUGS[i]!,
      score: round(1 - Math.exp(-raw[i]! / SCORE_SCALE)),
    }));
    const best = raw[order[0]!]!;
    const assigned: TopicSlug[] = [TOPIC_SLUGS[order[0]!]!];
    for (const i of order.slice(1)) {
      if (assigned.length >= this.maxTopics || raw[i]! < this.secondaryMinimum) break;
      const close = raw[i]! >= best * (assigned.length === 1 ? this.secondaryRatio : THIRD_RATIO);
      const named =
        titled[i]! >= this.titleMinimum &&
        raw[i]! >= best * this.titledRatio &&
        (TOPIC_SLUGS[i] !== "llm" || LLM_NAMED_AFTER.has(TOPIC_SLUGS[order[0]!]!));
      if (close || named) assigned.push(TOPIC_SLUGS[i]!);
    }
    return { scores, assigned };
  }

  /**
   * Unbounded score per topic, in taxonomy order (for tuning and explanations). When titled is
   * given, it receives what the title's naming terms ("^" terms) add to each topic.
   */
  rawScores(input: TopicInput, titled?: Float64Array): Float64Array {
    const raw = new Float64Array(TOPIC_COUNT);
    this.forEachField(input, (field, tokens, weight, title, repeat) => {
      for (const [term, count] of this.matcher.count(tokens, title)) {
        const factor = weight * (repeat ? repeatFactor(count) : 1);
        addTerm(raw, term, factor);
        if (titled && field === "title" && term.titleOnly) addTerm(titled, term, factor);
      }
    });
    this.addPriors(raw, Array.isArray(input.categories) ? input.categories : []);
    for (let i = 0; i < TOPIC_COUNT; i++) raw[i] = Math.max(0, raw[i]!);
    return raw;
  }

  /** The terms behind a topic's raw score, largest first: "title: text to imag +15". */
  explain(input: TopicInput, slug: TopicSlug): string[] {
    const topic = TOPIC_SLUGS.indexOf(slug);
    const lines: [number, string][] = [];
    this.forEachField(input, (field, tokens, weight, title, repeat) => {
      for (const [term, count] of this.matcher.count(tokens, title)) {
        const k = term.topics.indexOf(topic);
        if (k < 0) continue;
        const value = term.weights[k]! * weight * (repeat ? repeatFactor(count) : 1);
        lines.push([value, `${field}: ${term.label} ${value >= 0 ? "+" : ""}${round(value)}`]);
      }
    });
    return lines.sort((a, b) => b[0] - a[0]).map(([, line]) => line);
  }

  private forEachField(
    input: TopicInput,
    visit: (field: string, tokens: TopicToken[], weight: number, title: boolean, repeat: boolean) => void,
  ): void {
    visit("title", this.tokenizer.tokenize(text(input.title)), TITLE_WEIGHT, true, false);
    visit("abstract", this.tokenizer.tokenizeAbstract(text(input.abstract)), ABSTRACT_WEIGHT, false, true);
    const keywords = Array.isArray(input.keywords) ? input.keywords : [];
    if (keywords.length > 0) {
      const tokens: TopicToken[] = [];
      // A separator token keeps phrases from running across two keywords.
      for (const keyword of keywords) tokens.push(...this.tokenizer.tokenize(text(keyword)), SEPARATOR);
      visit("keywords", tokens, KEYWORD_WEIGHT, true, false);
    }
  }

  private addPriors(raw: Float64Array, categories: readonly unknown[]): void {
    const seen = new Set<string>();
    categories.forEach((category, index) => {
      const name = text(category).trim();
      const prior = this.priors[name] ?? this.priors[name.split(".")[0]!];
      if (!prior || seen.has(name)) return;
      seen.add(name);
      const share = index === 0 ? 1 : 0.5;
      for (const [slug, value] of Object.entries(prior)) {
        const topic = TOPIC_SLUGS.indexOf(slug as TopicSlug);
        if (topic >= 0) raw[topic]! += value * share;
      }
    });
  }
}

const SEPARATOR: TopicToken = { stem: "|", word: "|" };

function addTerm(raw: Float64Array, term: CompiledTerm, factor: number): void {
  for (let k = 0; k < term.topics.length; k++) raw[term.topics[k]!]! += term.weights[k]! * factor;
}

function text(value: unknown): string {
  return typeof value === "string" ? value : value == null ? "" : String(value);
}

function round(value: number): number {
  return Math.round(value * 1e4) / 1e4;
}

/** A term said n times in the abstract counts 1 + ln(n) times: sublinear. */
function repeatFactor(count: number): number {
  return 1 + Math.log(count);
}
