import type { Reader } from "../generated/prisma/client.js";
import { AppError } from "../lib/errors.js";
import { isTopicSlug } from "../topics/taxonomy.js";
import { type FormBody, field, fields, splitKeywords } from "./form-body.js";

export interface PreferencesSubmission {
  /** Passed to SubscriptionService.updatePreferences, which validates every value. */
  patch: Record<string, unknown>;
}

/**
 * Reads the preferences form into a patch. The form always posts every field,
 * so a missing checkbox means "off". Topic priority is the order the followed
 * topics' checkboxes appear in (browsers send fields in document order), with
 * an up/down button (`move=<slug>:up|down`) applied on top; the page lists
 * followed topics first, in their current order.
 */
export function readPreferencesForm(body: FormBody, reader: Pick<Reader, "topics">): PreferencesSubmission {
  const topics = unique(fields(body, "topics").filter(isTopicSlug));
  const move = /^([a-z0-9-]+):(up|down)$/.exec(field(body, "move") ?? "");
  if (move) moveTopic(topics, move[1]!, move[2] === "up" ? -1 : 1);

  const kept = fields(body, "keywords");
  const added = splitKeywords(field(body, "addKeywords"));
  const keywords = uniqueIgnoringCase([...kept, ...added].map((k) => k.trim()).filter(Boolean));
  if (topics.length === 0 && keywords.length === 0) {
    throw new AppError(
      "VALIDATION_FAILED",
      "Follow at least one topic or keyword. To stop the emails for a while, pause instead.",
      { details: { field: "topics" } },
    );
  }

  const patch: Record<string, unknown> = {
    topics,
    keywords,
    alsoTrending: field(body, "alsoTrending") === "on",
  };
  const frequency = field(body, "frequency");
  if (frequency !== undefined) patch.frequency = frequency;
  const timeZone = field(body, "timeZone");
  if (timeZone !== undefined) patch.timeZone = timeZone;
  for (const name of ["weekday", "sendHour"] as const) {
    const value = field(body, name);
    if (value !== undefined && value !== "") patch[name] = numberOrRaw(value);
  }
  const weight = field(body, "relevanceWeight");
  if (weight !== undefined && weight !== "") {
    const n = numberOrRaw(weight);
    patch.relevanceWeight = typeof n === "number" ? Math.round(n * 100) / 100 : n;
  }
  // The order only changes when the reader moved something or changed the set; keep the stored order otherwise.
  if (!move && sameSet(topics, reader.topics)) patch.topics = reader.topics.filter((t) => topics.includes(t));
  return { patch };
}

function moveTopic(topics: string[], slug: string, step: -1 | 1): void {
  const from = topics.indexOf(slug);
  const to = from + step;
  if (from < 0 || to < 0 || to >= topics.length) return;
  [topics[from], topics[to]] = [topics[to]!, topics[from]!];
}

/** A number when the text is one; otherwise the text itself, for the validator to reject by name. */
function numberOrRaw(value: string): number | string {
  const n = Number(value.trim());
  return value.trim() !== "" && Number.isFinite(n) ? n : value;
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

function uniqueIgnoringCase(values: string[]): string[] {
  const seen = new Set<string>();
  return values.filter((v) => {
    const key = v.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}
