import { AppError } from "../lib/errors.js";

/**
 * Pure helpers that turn untrusted source text into what a card shows: one line,
 * no control characters, cut with intent at sentence or word boundaries.
 */

// biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffe\uffff]/g;

// Anything cleanText would change besides the ends: control characters, whitespace other than a single space.
const NEEDS_CLEANING =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: see above
  /[\u0000-\u001f\u007f-\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff\ufffe\uffff]| {2}/;

/** Control characters removed, all whitespace runs (newlines included) collapsed to one space. */
export function cleanText(value: string | undefined | null, maxInput = 20_000): string {
  if (!value) return "";
  const text = value.length > maxInput ? value.slice(0, maxInput) : value;
  if (!NEEDS_CLEANING.test(text)) return text.trim();
  return text.replace(CONTROL, "").replace(/\s+/g, " ").trim();
}

const WIDE = /[\u0100-\uffff]/;

/**
 * The same text, stored one byte per character when it fits. A Latin-1 slice of a
 * string that once held a wider character stays two-byte in V8, and one two-byte
 * part makes the whole 80 KB email two-byte (and several times slower to join).
 */
export function compact(text: string): string {
  return text.length === 0 || WIDE.test(text) ? text : Buffer.from(text, "latin1").toString("latin1");
}

/** Cut index that never splits a surrogate pair. */
function safeCut(text: string, index: number): number {
  const code = text.charCodeAt(index - 1);
  return code >= 0xd800 && code <= 0xdbff ? index - 1 : index;
}

/** At most `max` characters: cut at the last space in the final 40% when there is one, then "…". */
export function truncateAtWord(value: string, max: number): string {
  if (value.length <= max) return value;
  const hard = safeCut(value, max - 1);
  const space = value.lastIndexOf(" ", hard);
  const cut = space >= max * 0.6 ? space : hard;
  return `${value.slice(0, cut).replace(/[\s,;:.\-–—]+$/, "")}…`;
}

const NOT_SENTENCE_END = /(?:\b(?:e\.g|i\.e|et al|etc|vs|cf|Fig|Eq|Sec|approx|resp)|\b[A-Z])\.$/;

/**
 * An excerpt of about `max` characters: whole sentences when they fill at least half
 * of it, else a word-boundary cut with "…".
 */
export function excerpt(value: string, max = 300): string {
  if (value.length <= max) return value;
  const sentenceEnd = /[.!?]["'”’)\]]?(?= )/g;
  let best = -1;
  for (const match of value.slice(0, max).matchAll(sentenceEnd)) {
    const end = match.index + match[0].length;
    if (NOT_SENTENCE_END.test(value.slice(Math.max(0, end - 8), end))) continue;
    best = end;
  }
  if (best >= max * 0.5) return value.slice(0, best);
  return truncateAtWord(value, max);
}

const RTL = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]/;

/**
 * Wraps right-to-left text in Unicode isolates (FSI ... PDI) so that, inside a
 * left-to-right list like "A, B, C", it cannot reorder its neighbours.
 */
export function isolate(text: string): string {
  return RTL.test(text) ? `\u2068${text}\u2069` : text;
}

/** "A, B, C et al." — the first three names, and "et al." when there are more. */
export function formatAuthors(authors: readonly string[], authorCount?: number): string {
  // Only the first few names are shown; long author lists are common and cost nothing this way.
  const names = authors
    .slice(0, 6)
    .map((name) => isolate(truncateAtWord(cleanText(name, 200), 60)))
    .filter(Boolean);
  const total = Math.max(authorCount ?? 0, authors.length > 6 ? authors.length : names.length);
  if (names.length === 0) return "";
  const shown = names.slice(0, 3).join(", ");
  return total > 3 ? `${shown} et al.` : shown;
}

/** 950 → "950", 1234 → "1.2k", 15300 → "15k". */
export function formatCount(value: number): string {
  if (value < 1000) return String(Math.max(0, Math.round(value)));
  const thousands = value / 1000;
  return thousands < 10 ? `${Math.floor(thousands * 10) / 10}k` : `${Math.floor(thousands)}k`;
}

export function plural(count: number, one: string, many: string): string {
  return `${formatCount(count)} ${count === 1 ? one : many}`;
}

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];
const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

export interface EditionDate {
  /** "Saturday, November 22, 2025" */
  long: string;
  /** "Nov 22" */
  short: string;
}

/** Formats a YYYY-MM-DD calendar date (no time zone involved: it is already the reader's date). */
export function formatEditionDate(date: string): EditionDate {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const [year, month, day] = match ? [Number(match[1]), Number(match[2]), Number(match[3])] : [0, 0, 0];
  const utc = new Date(Date.UTC(year, month - 1, day));
  if (!match || utc.getUTCMonth() !== month - 1 || utc.getUTCDate() !== day) {
    throw new AppError("VALIDATION_FAILED", `Edition date must be YYYY-MM-DD, got "${date}"`, {
      details: { date },
    });
  }
  const monthName = MONTHS[month - 1]!;
  return {
    long: `${WEEKDAYS[utc.getUTCDay()]}, ${monthName} ${day}, ${year}`,
    short: `${monthName.slice(0, 3)} ${day}`,
  };
}

/** "A", "A and B", "A, B and C". */
export function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? "";
  return `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}
