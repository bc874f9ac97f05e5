import { stemmer } from "stemmer";

/** Where a keyword matched a paper; the strength feeds relevance. */
export const MATCH_ABSTRACT = 1;
export const MATCH_TITLE = 2;
export const MATCH_AUTHOR = 3;
/** Strength of a match by kind: abstract 0.5, title (or the paper's own keywords) 0.8, author 0.9. */
export const MATCH_WEIGHTS: readonly number[] = Object.freeze([0, 0.5, 0.8, 0.9]);

/** The papers one keyword matches, by paper index ascending. */
export interface KeywordMatches {
  readonly papers: Int32Array;
  /** MATCH_TITLE, MATCH_ABSTRACT or MATCH_AUTHOR, per paper. */
  readonly kinds: Uint8Array;
}

export interface KeywordLookup {
  /** Normalised keyword ("" when it has no words). */
  readonly key: string;
  readonly matches: KeywordMatches;
}

const NO_MATCHES: KeywordMatches = Object.freeze({ papers: new Int32Array(0), kinds: new Uint8Array(0) });

/** Words too common to pick candidates by (phrases may still contain them). */
const STOP_WORDS = new Set([
  "a",
  "an",
  "the",
  "of",
  "for",
  "and",
  "or",
  "in",
  "on",
  "to",
  "with",
  "by",
  "via",
]);
const MEMO_LIMIT = 100_000;
const MARKS = /\p{M}+/gu;
const SEPARATORS = /[^\p{L}\p{N}]+/u;

/** Lower-cased, diacritic-free word tokens: "Ondřej Dušek" -> ["ondrej", "dusek"]. */
export function wordTokens(text: string): string[] {
  return text
    .normalize("NFD")
    .replace(MARKS, "")
    .toLowerCase()
    .split(SEPARATORS)
    .filter((t) => t.length > 0);
}

/** A name or keyword reduced for equality: case, diacritics and punctuation ignored. */
export function normalizeName(text: string): string {
  return wordTokens(text).join(" ");
}

export interface IndexedPaper {
  title: string;
  abstract: string;
  keywords: readonly string[];
  authors: readonly string[];
}

/**
 * Word-stem index of one edition's papers, built once per edition: per paper the stemmed title (with the
 * paper's own keywords) and abstract as " stem stem ... " strings for phrase checks, a stem -> papers
 * posting list to pick candidates, and normalised author names. Keyword lookups are memoised, so a keyword
 * shared by many readers is stemmed and matched once per edition.
 */
export class KeywordIndex {
  private readonly stems = new Map<string, string>();
  private readonly titleText: string[] = [];
  private readonly abstractText: string[] = [];
  private readonly postings = new Map<string, number[]>();
  private readonly authors = new Map<string, number[]>();
  private readonly byKey = new Map<string, KeywordMatches>();
  private readonly byText = new Map<string, KeywordLookup>();

  constructor(papers: readonly IndexedPaper[]) {
    papers.forEach((paper, index) => {
      const title = this.stemAll(wordTokens(paper.title));
      const tags = paper.keywords.map((k) => this.stemAll(wordTokens(k)));
      const abstract = this.stemAll(wordTokens(paper.abstract));
      this.titleText.push(` ${[title.join(" "), ...tags.map((t) => t.join(" "))].join(" | ")} `);
      this.abstractText.push(` ${abstract.join(" ")} `);
      const unique = new Set<string>([...title, ...tags.flat(), ...abstract]);
      for (const stem of unique) push(this.postings, stem, index);
      for (const author of new Set(paper.authors.map(normalizeName))) {
        if (author.length > 0) push(this.authors, author, index);
      }
    });
  }

  /** Normalised form of a keyword: the memo key; "" when the keyword has no words. */
  static keyOf(keyword: string): string {
    return normalizeName(keyword);
  }

  /**
   * Papers matching a keyword: as a phrase of word stems in the title/tags (MATCH_TITLE) or abstract
   * (MATCH_ABSTRACT), so "speculative decoding" matches "Speculatively Decoded"; or, when the keyword equals
   * an author's name ignoring case, diacritics and punctuation, that author's papers (MATCH_AUTHOR).
   */
  match(keyword: string): KeywordMatches {
    return this.lookup(keyword).matches;
  }

  /** The keyword's normalised key and its matches, memoised by the text as written and by the key. */
  lookup(keyword: string): KeywordLookup {
    const known = this.byText.get(keyword);
    if (known) return known;
    const key = KeywordIndex.keyOf(keyword);
    let matches = key.length === 0 ? NO_MATCHES : this.byKey.get(key);
    if (!matches) {
      matches = this.compute(key);
      if (this.byKey.size < MEMO_LIMIT) this.byKey.set(key, matches);
    }
    const found = Object.freeze({ key, matches });
    if (this.byText.size < MEMO_LIMIT) this.byText.set(keyword, found);
    return found;
  }

  private compute(key: string): KeywordMatches {
    const tokens = key.split(" ");
    const stems = this.stemAll(tokens);
    const kinds = new Map<number, number>();
    const candidates = this.candidates(tokens, stems);
    if (candidates) {
      const phrase = ` ${stems.join(" ")} `;
      for (const index of candidates) {
        if (this.titleText[index]!.includes(phrase)) kinds.set(index, MATCH_TITLE);
        else if (this.abstractText[index]!.includes(phrase)) kinds.set(index, MATCH_ABSTRACT);
      }
    }
    for (const index of this.authors.get(key) ?? []) kinds.set(index, MATCH_AUTHOR);
    if (kinds.size === 0) return NO_MATCHES;
    const papers = Int32Array.from(kinds.keys()).sort();
    const kindArray = Uint8Array.from(papers, (index) => kinds.get(index)!);
    return Object.freeze({ papers, kinds: kindArray });
  }

  /** The shortest posting list among the phrase's content stems; undefined when some stem occurs nowhere. */
  private candidates(tokens: readonly string[], stems: readonly string[]): readonly number[] | undefined {
    let best: number[] | undefined;
    let contentWords = 0;
    for (let i = 0; i < stems.length; i++) {
      const list = this.postings.get(stems[i]!);
      if (!list) return undefined;
      if (STOP_WORDS.has(tokens[i]!)) continue;
      contentWords++;
      if (!best || list.length < best.length) best = list;
    }
    return contentWords === 0 ? undefined : best;
  }

  private stemAll(tokens: readonly string[]): string[] {
    return tokens.map((token) => {
      let stem = this.stems.get(token);
      if (stem === undefined) {
        stem = stemmer(token);
        this.stems.set(token, stem);
      }
      return stem;
    });
  }
}

function push(map: Map<string, number[]>, key: string, value: number): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
