import type { CardBase, CardData, DigestData } from "./digest-model.js";
import { lines, linkLine, paragraphs, TEXT_WIDTH, wrapText } from "./plain-text.js";

/**
 * The digest's text/plain part: the same content as the HTML, readable on its own,
 * with every link written out on its own line.
 */
const INDENT = "    ";

/**
 * A card's text without its number and the reader's feedback links: it only depends on
 * the paper, so it is built once per shared card base and reused for every reader.
 */
const bodies = new WeakMap<CardBase, { full?: string; compact?: string }>();

function cardBody(card: CardBase, compact: boolean): string {
  const memo = bodies.get(card) ?? {};
  const known = compact ? memo.compact : memo.full;
  if (known !== undefined) return known;
  const parts = [
    wrapText(card.title, TEXT_WIDTH, INDENT),
    card.meta ? wrapText(card.meta, TEXT_WIDTH, INDENT) : null,
    !compact && card.excerpt ? `\n${wrapText(card.excerpt, TEXT_WIDTH, INDENT)}` : null,
    !compact && card.reason ? `\n${wrapText(`Why: ${card.reason}`, TEXT_WIDTH, INDENT)}` : null,
    compact ? null : "",
    linkLine("Read", card.url, INDENT),
    ...card.links.map((link) => linkLine(link.label, link.url, INDENT)),
  ];
  const body = parts.filter((part) => part !== null).join("\n");
  if (compact) memo.compact = body;
  else memo.full = body;
  bodies.set(card, memo);
  return body;
}

function cardText(card: CardData, number: number, compact: boolean): string {
  const body = `${`${number}.`.padEnd(INDENT.length)}${cardBody(card.base, compact).slice(INDENT.length)}`;
  if (compact || !card.feedback) return body;
  return lines([
    body,
    linkLine("More like this", card.feedback.more, INDENT),
    linkLine("Fewer like this", card.feedback.less, INDENT),
  ]);
}

function heading(text: string): string {
  const upper = text.toUpperCase();
  return `${upper}\n${"-".repeat(Math.min(TEXT_WIDTH, upper.length))}`;
}

export function digestText(data: DigestData): string {
  let number = 0;
  const sections = data.sections.map((section) =>
    [
      heading(`${section.topicName} · ${section.countText}`),
      ...section.papers.map((card) => cardText(card, ++number, false)),
    ].join("\n\n"),
  );
  const alsoTrending = data.hasAlsoTrending
    ? [heading("Also trending"), ...data.alsoTrending.map((card) => cardText(card, ++number, true))].join(
        "\n\n",
      )
    : null;
  return paragraphs([
    lines([`paperboy · ${data.dateLong}`, wrapText(data.summary)]),
    linkLine("View in browser", data.links.viewInBrowser),
    ...sections,
    alsoTrending,
    "=".repeat(TEXT_WIDTH),
    lines([
      linkLine("Manage topics", data.links.preferences),
      linkLine("Unsubscribe", data.links.unsubscribe),
      linkLine("paperboy", data.links.home),
    ]),
    lines([wrapText(data.why), wrapText(data.postalAddress)]),
  ]);
}
