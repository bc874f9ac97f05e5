/**
 * Throwaway: turns the plain-text Daily Papers listing pages into JSONL of {title, abstract}, one
 * line per distinct paper (deduplicated by normalised title), in first-seen order.
 * Usage: npx tsx scripts/extract-listings.ts ../shared/listings/*.txt > papers.jsonl
 */
import { readFileSync } from "node:fs";

const MONTH = "(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)";
const DATE_LINE = new RegExp(`^${MONTH} \\d{1,2}(?:, \\d{4})?(?: \\d+)?$`);
const HEADER_LINES = new Set([
  "new",
  "Get trending papers in your email inbox!",
  "Subscribe",
  "Daily Papers",
  "byAK and the research community",
]);

function isMetaLine(line: string): boolean {
  const t = line.trim();
  return t === "·" || t.startsWith("•") || DATE_LINE.test(t) || HEADER_LINES.has(t);
}

function paragraphs(text: string): string[][] {
  const out: string[][] = [];
  let current: string[] = [];
  for (const line of text.replace(/\r\n?/g, "\n").split("\n")) {
    if (line.trim() === "") {
      if (current.length > 0) out.push(current);
      current = [];
    } else current.push(line);
  }
  if (current.length > 0) out.push(current);
  return out;
}

/** A paragraph is metadata when any of its lines is an author count, a "·", a date or a header line
 * (an organisation name only ever shares its paragraph with such lines). */
function isMeta(par: string[]): boolean {
  return par.some(isMetaLine);
}

export function extractEntries(text: string): { title: string; abstract: string }[] {
  const pars = paragraphs(text);
  const entries: { title: string; abstract: string }[] = [];
  for (let i = 0; i < pars.length; i++) {
    const par = pars[i]!;
    if (isMeta(par)) continue;
    const next = pars[i + 1];
    if (par.length !== 1 || !next || isMeta(next)) {
      throw new Error(`unexpected paragraph: ${par.join(" | ").slice(0, 120)}`);
    }
    entries.push({ title: par[0]!.trim(), abstract: next.join(" ").trim() });
    i++;
  }
  return entries;
}

export function normaliseTitle(title: string): string {
  return title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

const seen = new Set<string>();
let total = 0;
for (const file of process.argv.slice(2)) {
  for (const entry of extractEntries(readFileSync(file, "utf8"))) {
    total++;
    const key = normaliseTitle(entry.title);
    if (seen.has(key)) continue;
    seen.add(key);
    process.stdout.write(`${JSON.stringify(entry)}\n`);
  }
}
process.stderr.write(`${total} entries, ${seen.size} distinct papers\n`);
