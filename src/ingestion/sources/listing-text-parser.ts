import type { RawPaper } from "../normalised-paper.js";

/**
 * Parses Daily Papers listing pages captured as plain text, one line at a time.
 * A page: header lines ("new", "Subscribe", ..., a page date such as "Dec 9"), then
 * entries separated by blank lines: a title, an abstract, then optionally a block of
 *   "  • 6 authors" (or an organisation line such as "naver-ai NAVER AI Lab"),
 *   "·", and a date: "Jan 10", "Dec 24, 2023" or "Jul 27, 2023 4" (4 upvotes).
 * Dates without a year are in the page's year: the latest year that puts the page date
 * no later than `now` (+2 days); an entry date after the page date belongs to the year before.
 * The entry date is the paper's (arXiv) publication date.
 */
export interface ListingEntry {
  /** Line number (from 1) of the entry's title. */
  line: number;
  raw: RawPaper;
  /** Set when the lines could not be read as a paper; the entry is to be rejected with this reason. */
  problem?: string;
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const DATE_LINE = /^(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\d{1,2})(?:, (\d{4}))?(?: (\d+))?$/;
const AUTHORS_LINE = /^•\s*(\d+)\s+authors?$/;
const DOT_LINE = /^[·•]$/;
const HEADER_LINES = new Set([
  "new",
  "get trending papers in your email inbox!",
  "subscribe",
  "daily papers",
  "byak and the research community",
]);
const DAY_MS = 24 * 60 * 60 * 1000;

interface PageDate {
  month: number;
  day: number;
  year: number;
}

interface Block {
  line: number;
  lines: string[];
}

export class ListingTextParser {
  private state: "header" | "title" | "abstract" | "meta" = "header";
  private block: Block | undefined;
  private pending: ListingEntry | undefined;
  private pageDate: PageDate | undefined;

  constructor(private readonly now: Date) {}

  /** Feeds one line (without its newline); returns entries completed by it. */
  push(line: string, lineNumber: number): ListingEntry[] {
    const text = line.trim();
    if (text === "") return this.flush();
    if (this.block) this.block.lines.push(text);
    else this.block = { line: lineNumber, lines: [text] };
    return [];
  }

  /** Call at the end of the file: returns the last entry, if any. */
  end(): ListingEntry[] {
    const out = this.flush();
    if (this.pending) out.push(this.pending);
    this.pending = undefined;
    return out;
  }

  private flush(): ListingEntry[] {
    const block = this.block;
    this.block = undefined;
    return block ? this.handle(block) : [];
  }

  private handle(block: Block): ListingEntry[] {
    const { lines } = block;
    if (this.state === "header") {
      const only = lines.length === 1 ? lines[0]! : undefined;
      if (only !== undefined && HEADER_LINES.has(only.toLowerCase())) return [];
      const date = only !== undefined ? DATE_LINE.exec(only) : null;
      if (date && date[3] === undefined && date[4] === undefined) {
        this.pageDate = this.resolvePageDate(MONTHS.indexOf(date[1]!) + 1, Number(date[2]));
        this.state = "title";
        return [];
      }
      this.state = "title";
    }
    if (this.state === "meta") {
      const entry = this.pending!;
      this.pending = undefined;
      this.state = "title";
      if (isMeta(lines)) {
        this.applyMeta(entry, lines);
        return [entry];
      }
      return [entry, ...this.handle(block)];
    }
    if (this.state === "title") {
      if (isMeta(lines)) {
        return [
          { line: block.line, raw: {}, problem: `author/date lines without a paper: ${lines.join(" ")}` },
        ];
      }
      this.pending = { line: block.line, raw: { title: lines.join(" ") } };
      this.state = "abstract";
      return [];
    }
    // state "abstract"
    const entry = this.pending!;
    if (isMeta(lines)) {
      // A title directly followed by its author/date lines: the abstract is missing.
      this.applyMeta(entry, lines);
      this.pending = undefined;
      this.state = "title";
      return [entry];
    }
    entry.raw.abstract = lines.join("\n");
    this.state = "meta";
    return [];
  }

  private applyMeta(entry: ListingEntry, lines: string[]): void {
    for (const line of lines) {
      const authors = AUTHORS_LINE.exec(line);
      const date = DATE_LINE.exec(line);
      if (authors) entry.raw.authorCount = Number(authors[1]);
      else if (date) {
        entry.raw.publishedAt = this.resolveEntryDate(date);
        if (date[4] !== undefined) entry.raw.upvotes = Number(date[4]);
      } else if (!DOT_LINE.test(line)) entry.raw.organization = line.split(/\s+/)[0];
    }
  }

  /** The latest year in which month/day is no later than now + 2 days. */
  private resolvePageDate(month: number, day: number): PageDate {
    const limit = this.now.getTime() + 2 * DAY_MS;
    let year = this.now.getUTCFullYear();
    if (Date.UTC(year, month - 1, day) > limit) year -= 1;
    return { month, day, year };
  }

  private resolveEntryDate(match: RegExpExecArray): string {
    const month = MONTHS.indexOf(match[1]!) + 1;
    const day = Number(match[2]);
    let year: number;
    if (match[3] !== undefined) year = Number(match[3]);
    else {
      const page = this.pageDate ?? this.resolvePageDate(month, day);
      year = page.year;
      if (month > page.month || (month === page.month && day > page.day)) year -= 1;
    }
    const date = new Date(Date.UTC(year, month - 1, day));
    // "Feb 30" and the like: hand over the text, so the paper is rejected with a reason.
    if (date.getUTCMonth() !== month - 1) return match[0];
    return date.toISOString().slice(0, 10);
  }
}

/** An author/organisation/date block: ends in a date line, or holds an author-count line. */
function isMeta(lines: string[]): boolean {
  if (lines.length > 4) return false;
  const last = lines[lines.length - 1]!;
  const hasAnchor = DATE_LINE.test(last) || lines.some((line) => AUTHORS_LINE.test(line));
  if (!hasAnchor) return false;
  return lines.every(
    (line, index) =>
      AUTHORS_LINE.test(line) ||
      DOT_LINE.test(line) ||
      DATE_LINE.test(line) ||
      (index === 0 && line.length <= 100 && lines.length > 1),
  );
}
