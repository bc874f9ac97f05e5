import type { LexiconTier } from "./topic-lexicon.js";
import type { TopicToken, TopicTokenizer } from "./topic-tokenizer.js";

/** One lexicon term's weights, sparse over topic indexes. */
export interface CompiledTerm {
  /** The term as compiled ("text to imag", "=optimizer", "^*bench"), for explanations. */
  label: string;
  /** A "^" term: counted in titles and keywords only, and names the topic (see classifier). */
  titleOnly: boolean;
  topics: Int8Array;
  weights: Float64Array;
}

/** Tokens after a "cue ~ target" cue within which the target must appear. */
const NEAR_WINDOW = 8;

type Kind = "phrase" | "exact" | "suffix" | "prefix" | "near";

interface TermSet {
  /** Stemmed phrase "text to imag" -> term. */
  phrases: Map<string, CompiledTerm>;
  /** Exact lowercased word -> term. */
  exact: Map<string, CompiledTerm>;
  suffixes: { suffix: string; term: CompiledTerm }[];
  prefixes: { prefix: string; term: CompiledTerm }[];
  /** Cue stem -> [target stem, term]. */
  near: Map<string, { target: string; term: CompiledTerm }[]>;
}

/**
 * Finds lexicon terms in token streams. Term syntax (see topic-lexicon.ts):
 *   "text-to-image"        stemmed phrase, matched on consecutive tokens
 *   "=optimizer"           that exact lowercased word, unstemmed
 *   "*bench"               any word ending so (and longer): "MIBench", "StreamingBench"
 *   "qwen*"                any word starting so (and longer): "Qwen2", "Qwen3"
 *   "introduce ~ benchmark" the second word within 8 tokens after the first
 *   "^..."                 any of the above, counted in titles and keywords only
 * Phrases match longest first and consume their words; a weight-0 phrase is a stop phrase
 * ("image manipulation" keeps "manipulation" from counting for robotics). Compiled once: phrases
 * go in a map keyed by the joined stems, with a set of their prefixes so n-gram extension stops
 * as soon as no phrase can continue.
 */
export class TopicMatcher {
  private readonly everywhere = emptySet();
  private readonly titleOnly = emptySet();
  private readonly prefixes = new Set<string>();
  private maxPhraseLength = 1;

  constructor(
    lexicon: Readonly<Record<string, readonly LexiconTier[]>>,
    slugs: readonly string[],
    private readonly tokenizer: TopicTokenizer,
  ) {
    this.compile(lexicon, slugs);
  }

  /**
   * How many times each term occurs in the tokens (title-only terms too when title is true).
   * Phrases match greedily, longest first, and consume their words: "multimodal large language
   * model" does not also count as "large language model". Title-only phrases are matched in a
   * pass of their own. Exact words, endings and "~" pairs are looked up on every word.
   */
  count(tokens: readonly TopicToken[], title: boolean): Map<CompiledTerm, number> {
    const counts = new Map<CompiledTerm, number>();
    const sets = title ? [this.everywhere, this.titleOnly] : [this.everywhere];
    const add = (term: CompiledTerm | undefined) => {
      if (term) counts.set(term, (counts.get(term) ?? 0) + 1);
    };
    for (let i = 0; i < tokens.length; i++) {
      const { stem, word } = tokens[i]!;
      for (const set of sets) {
        add(set.exact.get(word));
        for (const { suffix, term } of set.suffixes) {
          if (word.length > suffix.length && word.endsWith(suffix)) add(term);
        }
        for (const { prefix, term } of set.prefixes) {
          if (word.length > prefix.length && word.startsWith(prefix)) add(term);
        }
        for (const { target, term } of set.near.get(stem) ?? []) {
          const end = Math.min(tokens.length, i + 1 + NEAR_WINDOW);
          for (let j = i + 1; j < end; j++) {
            if (tokens[j]!.stem === target) {
              add(term);
              break;
            }
          }
        }
      }
    }
    for (const set of sets) this.countPhrases(tokens, set.phrases, add);
    return counts;
  }

  /** Greedy longest-first phrase matching; a match consumes its words. */
  private countPhrases(
    tokens: readonly TopicToken[],
    phrases: Map<string, CompiledTerm>,
    add: (term: CompiledTerm | undefined) => void,
  ): void {
    for (let i = 0; i < tokens.length; ) {
      let key = tokens[i]!.stem;
      let longest: CompiledTerm | undefined;
      let length = 1;
      for (let n = 1; ; n++) {
        const term = phrases.get(key);
        if (term) {
          longest = term;
          length = n;
        }
        if (n >= this.maxPhraseLength || i + n >= tokens.length || !this.prefixes.has(key)) break;
        key = `${key} ${tokens[i + n]!.stem}`;
      }
      add(longest);
      i += length;
    }
  }

  private compile(lexicon: Readonly<Record<string, readonly LexiconTier[]>>, slugs: readonly string[]) {
    // key -> topic index -> weight (a term listed twice for a topic keeps its strongest weight)
    const pending = new Map<string, Map<number, number>>();
    slugs.forEach((slug, topic) => {
      for (const [weight, phrases] of lexicon[slug] ?? []) {
        for (const phrase of phrases.split(",")) {
          const key = this.keyOf(phrase.trim());
          if (key === undefined) continue;
          const perTopic = pending.get(key) ?? new Map<number, number>();
          const previous = perTopic.get(topic);
          if (previous === undefined || Math.abs(weight) > Math.abs(previous)) perTopic.set(topic, weight);
          pending.set(key, perTopic);
        }
      }
    });
    for (const [key, perTopic] of pending) {
      const topics = [...perTopic.keys()].sort((a, b) => a - b);
      const [scope, kind, body] = key.split("\u0000") as [string, Kind, string];
      const term: CompiledTerm = {
        titleOnly: scope === "^",
        label: labelOf(scope, kind, body),
        topics: Int8Array.from(topics),
        weights: Float64Array.from(topics.map((t) => perTopic.get(t)!)),
      };
      const set = scope === "^" ? this.titleOnly : this.everywhere;
      if (kind === "exact") set.exact.set(body, term);
      else if (kind === "suffix") set.suffixes.push({ suffix: body, term });
      else if (kind === "prefix") set.prefixes.push({ prefix: body, term });
      else if (kind === "near") {
        const [cue, target] = body.split(" ") as [string, string];
        const list = set.near.get(cue) ?? [];
        list.push({ target, term });
        set.near.set(cue, list);
      } else {
        set.phrases.set(body, term);
        const parts = body.split(" ");
        this.maxPhraseLength = Math.max(this.maxPhraseLength, parts.length);
        for (let n = 1; n < parts.length; n++) this.prefixes.add(parts.slice(0, n).join(" "));
      }
    }
  }

  /** "scope\0kind\0body", or undefined for an empty term. */
  private keyOf(spec: string): string | undefined {
    let rest = spec;
    const scope = rest.startsWith("^") ? "^" : "";
    if (scope) rest = rest.slice(1).trim();
    let kind: Kind = "phrase";
    let body: string;
    if (rest.startsWith("=")) {
      kind = "exact";
      body = rest.slice(1).trim().toLowerCase();
    } else if (rest.startsWith("*")) {
      kind = "suffix";
      body = rest.slice(1).trim().toLowerCase();
    } else if (rest.endsWith("*")) {
      kind = "prefix";
      body = rest.slice(0, -1).trim().toLowerCase();
    } else if (rest.includes("~")) {
      kind = "near";
      const [cue, target] = rest.split("~").map((side) => this.stems(side));
      body = cue && target && !cue.includes(" ") && !target.includes(" ") ? `${cue} ${target}` : "";
    } else {
      body = this.stems(rest);
    }
    return body === "" ? undefined : `${scope}\u0000${kind}\u0000${body}`;
  }

  private stems(text: string): string {
    return this.tokenizer
      .tokenize(text)
      .map((t) => t.stem)
      .join(" ");
  }
}

function emptySet(): TermSet {
  return { phrases: new Map(), exact: new Map(), suffixes: [], prefixes: [], near: new Map() };
}

function labelOf(scope: string, kind: Kind, body: string): string {
  if (kind === "exact") return `${scope}=${body}`;
  if (kind === "suffix") return `${scope}*${body}`;
  if (kind === "prefix") return `${scope}${body}*`;
  if (kind === "near") return `${scope}${body.replace(" ", " ~ ")}`;
  return `${scope}${body}`;
}
