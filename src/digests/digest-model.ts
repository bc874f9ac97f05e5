import type { DigestView, PaperCard } from "./digest-view.js";
import { safeUrl } from "./html-escape.js";
import {
  cleanText,
  compact,
  excerpt,
  formatAuthors,
  formatCount,
  formatEditionDate,
  isolate,
  joinNames,
  plural,
  truncateAtWord,
} from "./text-format.js";

/**
 * The digest as the template and the text part see it: every string cleaned and cut
 * to its budget, every optional part either present or explicitly null/empty.
 * Values are still raw text here; escaping happens when the template is filled.
 */
export const LIMITS = { title: 200, excerpt: 300, reason: 160, preheaderTitle: 90, topicName: 40 } as const;

export interface CardLink {
  label: string;
  url: string;
  first: boolean;
}

/** Everything a card shows that depends only on the paper, not on the reader. */
export interface CardBase {
  id: string;
  title: string;
  url: string;
  authors: string;
  /** "214 upvotes · 12 comments", or "" when unknown. */
  stats: string;
  /** Authors and stats on one line. */
  meta: string;
  excerpt: string;
  links: CardLink[];
  hasLinks: boolean;
  reason: string;
}

export interface CardData extends CardBase {
  /** The reader's signed feedback links, or null. */
  feedback: { more: string; less: string } | null;
  /** The reader-independent part, shared between readers when it comes from a CardCache. */
  base: CardBase;
}

export interface SectionData {
  topicSlug: string;
  topicName: string;
  countText: string;
  papers: CardData[];
}

export interface DigestData {
  title: string;
  preheader: string;
  /** "Saturday, November 22, 2025" */
  dateLong: string;
  /** "Nov 22" */
  dateShort: string;
  summary: string;
  totalPapers: number;
  sections: SectionData[];
  alsoTrending: CardData[];
  hasAlsoTrending: boolean;
  links: DigestView["links"];
  postalAddress: string;
  why: string;
  readerEmail: string;
}

/** "owner/name" or a GitHub URL to a URL; null when it is neither. */
export function githubUrl(repo: string | undefined): string | null {
  const value = cleanText(repo);
  if (/^https?:\/\//i.test(value)) return value;
  if (/^[\w.-]+\/[\w.-]+$/.test(value)) return `https://github.com/${value}`;
  return null;
}

function cardLinks(paper: PaperCard): CardLink[] {
  const links: { label: string; url: string | undefined | null }[] = [
    { label: "PDF", url: paper.pdfUrl },
    {
      label: paper.githubStars ? `Code ★ ${formatCount(paper.githubStars)}` : "Code",
      url: githubUrl(paper.githubRepo),
    },
    { label: "Project page", url: paper.projectPage },
  ];
  return links
    .filter((link): link is { label: string; url: string } => !!link.url && safeUrl(link.url) !== null)
    .map((link, index) => ({ label: link.label, url: compact(link.url.trim()), first: index === 0 }));
}

function cardStats(paper: PaperCard): string {
  const parts: string[] = [];
  if (paper.upvotes) parts.push(plural(paper.upvotes, "upvote", "upvotes"));
  if (paper.comments) parts.push(plural(paper.comments, "comment", "comments"));
  return parts.join(" · ");
}

/** The reader-independent part of a card: cleaned, cut, and stored as compact strings. */
export function toCardBase(paper: PaperCard): CardBase {
  // Sources only need to be read far enough to fill the excerpt.
  const summary = cleanText(paper.summary, LIMITS.excerpt * 4);
  const authors = formatAuthors(paper.authors, paper.authorCount);
  const stats = cardStats(paper);
  const links = cardLinks(paper);
  return {
    id: paper.id,
    title: compact(truncateAtWord(cleanText(paper.title, LIMITS.title * 4), LIMITS.title) || "(untitled)"),
    url: compact(paper.url.trim()),
    authors: compact(authors),
    stats,
    meta: compact([authors, stats].filter(Boolean).join(" · ")),
    excerpt: compact(excerpt(summary || cleanText(paper.abstract, LIMITS.excerpt * 4), LIMITS.excerpt)),
    links,
    hasLinks: links.length > 0,
    reason: compact(truncateAtWord(cleanText(paper.reason, LIMITS.reason * 4), LIMITS.reason)),
  };
}

/** A card for one reader: the paper's part (computed, or shared from a cache) and the reader's feedback links. */
export function withFeedback(base: CardBase, paper: PaperCard): CardData {
  const feedback = paper.feedback?.more && paper.feedback.less ? paper.feedback : null;
  // Spelled out rather than spread: one object shape, built for every card of every reader.
  return {
    id: base.id,
    title: base.title,
    url: base.url,
    authors: base.authors,
    stats: base.stats,
    meta: base.meta,
    excerpt: base.excerpt,
    links: base.links,
    hasLinks: base.hasLinks,
    reason: base.reason,
    feedback: feedback ? { more: feedback.more.trim(), less: feedback.less.trim() } : null,
    base,
  };
}

export function toCardData(paper: PaperCard): CardData {
  return withFeedback(toCardBase(paper), paper);
}

function summaryLine(view: DigestView, topicNames: string[]): string {
  const papers = plural(view.totalPapers, "trending paper", "trending papers");
  if (view.totalPapers === 0) return "No new trending papers in your topics today";
  if (topicNames.length === 0) return `${papers} today`;
  const isolated = topicNames.map(isolate);
  const names =
    isolated.length <= 3
      ? joinNames(isolated)
      : `${isolated.slice(0, 2).join(", ")} and ${isolated.length - 2} more topics`;
  return `${papers} in ${names}`;
}

/**
 * The digest's template data. `card` builds each card; pass a CardCache's `card` to
 * share the paper-level work between readers.
 */
export function toDigestData(
  view: DigestView,
  card: (paper: PaperCard) => CardData = toCardData,
): DigestData {
  const date = formatEditionDate(view.editionDate);
  const sections = view.sections
    .filter((section) => section.papers.length > 0)
    .map((section) => ({
      topicSlug: section.topicSlug,
      topicName: truncateAtWord(cleanText(section.topicName), LIMITS.topicName),
      countText: plural(section.papers.length, "paper", "papers"),
      papers: section.papers.map((paper) => card(paper)),
    }));
  const alsoTrending = view.alsoTrending.map((paper) => card(paper));
  const summary = summaryLine(
    view,
    sections.map((section) => section.topicName),
  );
  const top = sections[0]?.papers[0] ?? alsoTrending[0];
  const preheader = top
    ? `Top pick: ${truncateAtWord(top.title, LIMITS.preheaderTitle)}${view.totalPapers > 1 ? ` — plus ${view.totalPapers - 1} more.` : ""}`
    : summary;
  const readerEmail = cleanText(view.readerEmail);
  return {
    title: `paperboy · ${date.short}`,
    preheader,
    dateLong: date.long,
    dateShort: date.short,
    summary,
    totalPapers: view.totalPapers,
    sections,
    alsoTrending,
    hasAlsoTrending: alsoTrending.length > 0,
    links: view.links,
    postalAddress: cleanText(view.postalAddress),
    why:
      cleanText(view.whyReceiving) ||
      `You're receiving this because ${readerEmail} is subscribed to the paperboy daily digest.`,
    readerEmail,
  };
}
