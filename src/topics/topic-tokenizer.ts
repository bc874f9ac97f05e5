import { stemmer } from "stemmer";

/**
 * Turns paper text (titles, abstracts, keywords, lexicon phrases) into stemmed tokens, the
 * same way for all of them, so lexicon phrases and paper text meet on one vocabulary.
 * - URLs and LaTeX commands are dropped, accents folded, everything lowercased;
 * - words split on anything but letters and digits ("text-to-image" -> text, to, image);
 * - a hyphen-or-space prefix is glued to its word ("pre-training", "pre training" and
 *   "pretraining" all give "pretrain"; "multi-modal" gives "multimod");
 * - in release boilerplate ("our code is available at ...") the words "code", "codes" and
 *   "implementation" are dropped, so they only count where a paper is about code.
 * Stems are cached: a corpus repeats the same few thousand words.
 */
export interface TopicToken {
  /** Porter stem of the lowercased word (prefix-glued). */
  stem: string;
  /** The lowercased word before stemming. */
  word: string;
}

const GLUED_PREFIXES = new Set([
  "pre",
  "post",
  "fine",
  "multi",
  "semi",
  "co",
  "non",
  "re",
  "mid",
  "sub",
  "inter",
  "intra",
  "hyper",
]);

const URL_HINT = /:\/\/|www\.|\.(?:com|org|net|io|ai|cn|co|ch)\b/i;
const URL_CHUNK = /:\/\/|^www\.|\.(?:com|org|net|io|ai|cn|co|ch)(?:[/)\]}.,;:]|$)/i;
const LATEX_COMMAND = /\\[a-zA-Z]+\*?/g;
const NON_ASCII = /[^\t\n\r -~]/;
const COMBINING_MARKS = /[\u0300-\u036f]/g;
const NON_WORD_ASCII = /[^a-z0-9]+/;
const NON_WORD = /[^\p{L}\p{N}]+/u;
const SENTENCE_END = /(?<=[.!?;])\s+/;
const RELEASE_CUE =
  /https?:|github|\bavailable\b|\breleas|open[- ]?sourc|\bpublicly\b|project page|hugging ?face|\bdemo/i;
const RELEASE_WORDS = new Set(["code", "codes", "implementation", "implementations", "codebase"]);
const MAX_STEM_CACHE = 200_000;

export class TopicTokenizer {
  private readonly stems = new Map<string, string>();

  /** Tokens of a short text (title, keyword, lexicon phrase). */
  tokenize(text: string): TopicToken[] {
    return this.tokensOf(clean(text), false);
  }

  /** Tokens of an abstract: like tokenize, plus release boilerplate handling per sentence. */
  tokenizeAbstract(text: string): TopicToken[] {
    if (!RELEASE_CUE.test(text)) return this.tokensOf(clean(text), false);
    const out: TopicToken[] = [];
    for (const sentence of text.split(SENTENCE_END)) {
      const release = RELEASE_CUE.test(sentence);
      for (const token of this.tokensOf(clean(sentence), release)) out.push(token);
    }
    return out;
  }

  stem(word: string): string {
    let stem = this.stems.get(word);
    if (stem === undefined) {
      stem = /^\p{L}+$/u.test(word) ? stemmer(word) : word;
      if (this.stems.size >= MAX_STEM_CACHE) this.stems.clear();
      this.stems.set(word, stem);
    }
    return stem;
  }

  private tokensOf(cleaned: string, dropReleaseWords: boolean): TopicToken[] {
    const words = cleaned.split(NON_ASCII.test(cleaned) ? NON_WORD : NON_WORD_ASCII);
    const out: TopicToken[] = [];
    for (let i = 0; i < words.length; i++) {
      let word = words[i]!;
      if (word === "") continue;
      const next = words[i + 1];
      if (GLUED_PREFIXES.has(word) && next !== undefined && /^\p{L}{2,}$/u.test(next)) {
        word += next;
        i++;
      }
      if (dropReleaseWords && RELEASE_WORDS.has(word)) continue;
      out.push({ stem: this.stem(word), word });
    }
    return out;
  }
}

/** Drops URLs and LaTeX commands, folds accents, lowercases; the costly steps only when needed. */
function clean(text: string): string {
  let out = text;
  if (URL_HINT.test(out))
    out = out
      .split(/\s+/)
      .filter((chunk) => !URL_CHUNK.test(chunk))
      .join(" ");
  if (out.includes("\\")) out = out.replace(LATEX_COMMAND, " ");
  if (NON_ASCII.test(out)) out = out.normalize("NFKD").replace(COMBINING_MARKS, "");
  return out.toLowerCase();
}
