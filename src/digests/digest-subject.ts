import type { DigestData } from "./digest-model.js";
import { plural, truncateAtWord } from "./text-format.js";

/** Subjects stay under 80 characters so no client cuts what matters. */
export const SUBJECT_MAX = 79;

/**
 * Says what is inside: "Agents, LLMs +2 · 12 trending papers · Nov 22". Topic names give
 * way first (two, then one, then one shortened), the count and date always stay.
 */
export function digestSubject(data: DigestData): string {
  const tail =
    data.totalPapers > 0
      ? `${plural(data.totalPapers, "trending paper", "trending papers")} · ${data.dateShort}`
      : `Your paperboy digest · ${data.dateShort}`;
  const names = data.sections.map((section) => section.topicName);
  if (names.length === 0) return tail;
  const withTopics = (shown: number): string => {
    const rest = names.length - shown;
    return `${names.slice(0, shown).join(", ")}${rest > 0 ? ` +${rest}` : ""} · ${tail}`;
  };
  for (const shown of [Math.min(2, names.length), 1]) {
    const subject = withTopics(shown);
    if (subject.length <= SUBJECT_MAX) return subject;
  }
  const rest = names.length > 1 ? ` +${names.length - 1}` : "";
  const room = SUBJECT_MAX - rest.length - tail.length - 3;
  if (room < 8) return tail;
  return `${truncateAtWord(names[0]!, room)}${rest} · ${tail}`;
}
