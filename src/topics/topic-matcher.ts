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

/** A trie over stems: a phrase ends where a node has a term. */
interface PhraseNode {
  term?: CompiledTerm;
  next: Map<string, PhraseNode>;
}

interface TermSet {
  phrases: PhraseNode;
  /** Exact lowercased word -> term. */
  exact: Map<string, CompiledTerm>;
  suffixes: { affix: string; term: CompiledTerm }[];
  prefixes: { affix: string; term: CompiledTerm }[];
  /** Cue stem -> [target stem, term]. */
  near: Map<string, { target: string; term: CompiledTerm }[]>;
}

/**
 * Finds lexicon terms in token streams. Term syntax (see topic-lexicon.ts):
 *   "text-to-image"         stemmed phrase, matched on consecutive tokens
 *   "=optimizer"            that exact lowercased word, unstemmed
 *   "*bench"                any word ending so (and longer): "MIBench", "StreamingBench"
 *   "qwen*"                 any word starting so (and longer): "Qwen2", "Qwen3"
 *   "introduce ~ benchmark" the second word within 8 tokens after the first
 *   "^..."                  any of the above, counted in titles and keywords only
 * Phrases match longest first and consume their words; a weight-0 phrase is a stop phrase
 * ("image manipulation" keeps "manipulation" from counting for robotics). Everything is compiled
 * once: phrases into a trie over stems, the rest into maps and short lists.
 */
export class TopicMatcher {
  private readonly everywhere = emptySet();
  private readonly titleOnly = emptySet();

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
   * pass of their own. Exact words, affixes and "~" pairs are looked up on every word.
   */
  count(tokens: readonly TopicToken[], title: boolean): Map<CompiledTerm, number> {
    const counts = new Map<CompiledTerm, number>();
    this.countSet(tokens, this.everywhere, counts);
    if (title) this.countSet(tokens, this.titleOnly, counts);
    return counts;
  }

  private countSet(tokens: readonly TopicToken[], set: TermSet, counts: Map<CompiledTerm, number>): void {
    for (let i = 0; i < tokens.length; i++) {
      const { stem, word } = tokens[i]!;
      add(counts, set.exact.get(word));
      for (const { affix, term } of set.suffixes) {
        if (word.length > affix.length && word.endsWith(affix)) add(counts, term);
      }
      for (const { affix, term } of set.prefixes) {
        if (word.length > affix.length && word.startsWith(affix)) add(counts, term);
      }
      const cues = set.near.get(stem);
      if (cues) {
        const end = Math.min(tokens.length, i + 1 + NEAR_WINDOW);
        for (const { target, term } of cues) {
          for (let j = i + 1; j < end; j++) {
            if (tokens[j]!.stem === target) {
              add(counts, term);
              break;
            }
          }
        }
      }
    }
    for (let i = 0; i < tokens.length; ) {
      let node = set.phrases.next.get(tokens[i]!.stem);
      let longest: CompiledTerm | undefined;
      let length = 1;
      for (let n = 1; node; n++) {
        if (node.term) {
          longest = node.term;
          length = n;
        }
        const token = tokens[i + n];
        node = token ? node.next.get(token.stem) : undefined;
      }
      add(counts, longest);
      i += length;
    }
  }

  private compile(lexicon: Readonly<Record<string, readonly LexiconTier[]>>, slugs: readonly string[]) {
    // key -> topic index -> weight (a term listed twice for a topic keeps its strongest weight)
    const pending = new Map<string, Map<number, number>>();
    slugs.forEach((slug, topic) => {
      for (const [weight, terms] of lexicon[slug] ?? []) {
        for (const spec of terms.split(",")) {
          const key = this.keyOf(spec.trim());
          if (key === undefined) continue;
          const perTopic = pending.get(key) ?? new Map<number, number>();
          const previous = perTopic.get(topic);
          if (previous === undefined || Math.abs(weight) > Math.abs(previous)) perTopic.set(topic, weight);
          pending.set(key, perTopic);
        }
      }
    });
    for (const [key, perTopic] of pending) {
      const [scope, kind, body] = key.split("\u0000") as [string, Kind, string];
      const topics = [...perTopic.keys()].sort((a, b) => a - b);
      const term: CompiledTerm = {
        label: labelOf(scope, kind, body),
        titleOnly: scope === "^",
        topics: Int8Array.from(topics),
        weights: Float64Array.from(topics.map((t) => perTopic.get(t)!)),
      };
      const set = scope === "^" ? this.titleOnly : this.everywhere;
      if (kind === "exact") set.exact.set(body, term);
      else if (kind === "suffix") set.suffixes.push({ affix: body, term });
      else if (kind === "prefix") set.prefixes.push({ affix: body, term });
      else if (kind === "near") {
        const [cue, target] = body.split(" ") as [string, string];
        const list = set.near.get(cue) ?? [];
        list.push({ target, term });
        set.near.set(cue, list);
      } else {
        let node = set.phrases;
        for (const stem of body.split(" ")) {
          let next = node.next.get(stem);
          if (!next) {
            next = { next: new Map() };
            node.next.set(stem, next);
          }
          node = next;
        }
        node.term = term;
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

function add(counts: Map<CompiledTerm, number>, term: CompiledTerm | undefined): void {
  if (term) counts.set(term, (counts.get(term) ?? 0) + 1);
}

function emptySet(): TermSet {
  return { phrases: { next: new Map() }, exact: new Map(), suffixes: [], prefixes: [], near: new Map() };
}

function labelOf(scope: string, kind: Kind, body: string): string {
  if (kind === "exact") return `${scope}=${body}`;
  if (kind === "suffix") return `${scope}*${body}`;
  if (kind === "prefix") return `${scope}${body}*`;
  if (kind === "near") return `${scope}${body.replace(" ", " ~ ")}`;
  return `${scope}${body}`;
}
