import { cleanLine, cleanMultiline, isMojibakeHeavy, preview } from "./text-cleaning.js";

/**
 * Readers for the fields of an untrusted paper. Each returns the cleaned value, or
 * undefined when the field is absent (undefined, null or empty), and throws
 * PaperFieldError naming the field when the value is unusable.
 */
export class PaperFieldError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PaperFieldError";
  }
}

function absent(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === "string" && value.trim() === "");
}

export interface TextOptions {
  max: number;
  required?: boolean;
  /** Keep line breaks (abstracts, summaries); otherwise all whitespace collapses to single spaces. */
  multiline?: boolean;
}

export function readText(value: unknown, field: string, options: TextOptions): string | undefined {
  if (absent(value)) {
    if (options.required) throw new PaperFieldError(`${field}: missing`);
    return undefined;
  }
  if (typeof value !== "string") throw new PaperFieldError(`${field}: not a string`);
  const text = options.multiline ? cleanMultiline(value) : cleanLine(value);
  if (text === "") {
    if (options.required) throw new PaperFieldError(`${field}: empty`);
    return undefined;
  }
  if (text.length > options.max) {
    throw new PaperFieldError(`${field}: longer than ${options.max} characters (${text.length})`);
  }
  if (isMojibakeHeavy(text)) throw new PaperFieldError(`${field}: mostly undecodable characters`);
  return text;
}

/** A non-negative integer, given as a number or a string of digits. */
export function readCount(value: unknown, field: string, max: number): number | undefined {
  if (absent(value)) return undefined;
  let n: number;
  if (typeof value === "number") n = value;
  else if (typeof value === "string" && /^\s*\d+\s*$/.test(value)) n = Number(value);
  else throw new PaperFieldError(`${field}: not a number (${JSON.stringify(preview(String(value), 20))})`);
  if (!Number.isInteger(n) || n < 0) throw new PaperFieldError(`${field}: not a non-negative integer (${n})`);
  if (n > max) throw new PaperFieldError(`${field}: larger than ${max} (${n})`);
  return n;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

export interface DateLimits {
  now: Date;
  earliest: Date;
  toleranceMs: number;
}

/** A Date or an ISO 8601 string (a date alone is midnight UTC), within [earliest, now + tolerance]. */
export function readDate(value: unknown, field: string, limits: DateLimits): Date | undefined {
  if (absent(value)) return undefined;
  let date: Date;
  if (value instanceof Date) date = new Date(value.getTime());
  else if (typeof value === "string" && ISO_DATE.test(value.trim())) {
    const text = value.trim();
    const [y, m, d] = text.slice(0, 10).split("-").map(Number) as [number, number, number];
    const calendar = new Date(Date.UTC(y, m - 1, d));
    if (calendar.getUTCMonth() !== m - 1 || calendar.getUTCDate() !== d) {
      throw new PaperFieldError(`${field}: invalid date (${text})`);
    }
    date = new Date(text.length === 10 ? `${text}T00:00:00Z` : text.replace(" ", "T"));
  } else
    throw new PaperFieldError(`${field}: not an ISO date (${JSON.stringify(preview(String(value), 40))})`);
  if (Number.isNaN(date.getTime())) throw new PaperFieldError(`${field}: invalid date (${String(value)})`);
  if (date < limits.earliest) {
    throw new PaperFieldError(
      `${field}: before ${limits.earliest.toISOString().slice(0, 10)} (${date.toISOString()})`,
    );
  }
  if (date.getTime() > limits.now.getTime() + limits.toleranceMs) {
    throw new PaperFieldError(`${field}: in the future (${date.toISOString()})`);
  }
  return date;
}

export interface ListOptions {
  maxItems: number;
  maxChars: number;
  /** Drop case-insensitive duplicates, keeping the first spelling. */
  dedupe?: boolean;
}

/** A list of short strings; null and empty entries are skipped, anything else non-string rejects. */
export function readList(value: unknown, field: string, options: ListOptions): string[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) throw new PaperFieldError(`${field}: not a list`);
  if (value.length > options.maxItems) {
    throw new PaperFieldError(`${field}: more than ${options.maxItems} entries (${value.length})`);
  }
  const seen = new Set<string>();
  const out: string[] = [];
  for (const entry of value) {
    if (entry === null || entry === undefined) continue;
    if (typeof entry !== "string") throw new PaperFieldError(`${field}: an entry is not a string`);
    const text = cleanLine(entry);
    if (text === "") continue;
    if (text.length > options.maxChars) {
      throw new PaperFieldError(`${field}: an entry is longer than ${options.maxChars} characters`);
    }
    if (isMojibakeHeavy(text))
      throw new PaperFieldError(`${field}: an entry is mostly undecodable characters`);
    const folded = text.toLowerCase();
    if (options.dedupe && seen.has(folded)) continue;
    seen.add(folded);
    out.push(text);
  }
  return out;
}

const GITHUB_SHORTHAND = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})\/[A-Za-z0-9._-]{1,100}$/;

/**
 * An absolute http(s) URL, at most 2,048 characters. An unusable link (another scheme,
 * unparsable, too long) is dropped with a warning: a bad link never costs us the paper.
 */
export function readUrl(
  value: unknown,
  field: string,
  warnings: string[],
  options: { githubShorthand?: boolean } = {},
): string | undefined {
  if (absent(value)) return undefined;
  if (typeof value !== "string") {
    warnings.push(`${field}: not a string, dropped`);
    return undefined;
  }
  let text = cleanLine(value);
  if (options.githubShorthand && GITHUB_SHORTHAND.test(text)) text = `https://github.com/${text}`;
  if (text.length > 2_048) {
    warnings.push(`${field}: longer than 2048 characters, dropped`);
    return undefined;
  }
  let parsed: URL;
  try {
    parsed = new URL(text);
  } catch {
    warnings.push(`${field}: not a URL (${JSON.stringify(preview(text, 60))}), dropped`);
    return undefined;
  }
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:") {
    warnings.push(`${field}: ${parsed.protocol} links are not allowed, dropped`);
    return undefined;
  }
  if (parsed.username || parsed.password) {
    warnings.push(`${field}: links with credentials are not allowed, dropped`);
    return undefined;
  }
  return parsed.href;
}
