import { type CardBase, type CardData, toCardBase, withFeedback } from "./digest-model.js";
import type { PaperCard } from "./digest-view.js";

/**
 * The paper's part of a card is the same in every reader's digest that day, so it is
 * computed once per paper and shared; only the feedback links are per reader. The
 * reason differs between readers ("Agents", "matches your keyword ..."), so entries
 * are kept per paper and reason. An entry is reused only while every field it was
 * built from is unchanged.
 */
interface Entry {
  /** A copy of the fields the base was built from (the first authors only, and their count). */
  paper: PaperCard;
  authorTotal: number;
  base: CardBase;
}

function sameSource(entry: Entry, b: PaperCard): boolean {
  const a = entry.paper;
  if (
    a.title !== b.title ||
    a.url !== b.url ||
    a.abstract !== b.abstract ||
    a.summary !== b.summary ||
    a.reason !== b.reason ||
    a.authorCount !== b.authorCount ||
    a.upvotes !== b.upvotes ||
    a.comments !== b.comments ||
    a.pdfUrl !== b.pdfUrl ||
    a.githubRepo !== b.githubRepo ||
    a.githubStars !== b.githubStars ||
    a.projectPage !== b.projectPage ||
    entry.authorTotal !== b.authors.length
  ) {
    return false;
  }
  for (let i = 0; i < a.authors.length && i < 6; i++) if (a.authors[i] !== b.authors[i]) return false;
  return true;
}

export class CardCache {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly maxEntries = 10_000) {}

  card(paper: PaperCard): CardData {
    const key = `${paper.id}\u0000${paper.reason ?? ""}`;
    const hit = this.entries.get(key);
    if (hit && sameSource(hit, paper)) return withFeedback(hit.base, paper);
    const base = toCardBase(paper);
    // A day's papers are a few hundred at most; starting over beats tracking recency.
    if (this.entries.size >= this.maxEntries) this.entries.clear();
    this.entries.set(key, {
      paper: { ...paper, authors: paper.authors.slice(0, 6), feedback: undefined },
      authorTotal: paper.authors.length,
      base,
    });
    return withFeedback(base, paper);
  }

  get size(): number {
    return this.entries.size;
  }
}
