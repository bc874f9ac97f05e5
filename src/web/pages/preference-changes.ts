import type { PreferenceChange } from "../../subscriptions/subscription-service.js";
import { topicBySlug } from "../../topics/taxonomy.js";

const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

const topicName = (slug: unknown) => topicBySlug(String(slug))?.name ?? String(slug);
const list = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : []);
const hour = (value: unknown) => `${String(value).padStart(2, "0")}:00`;
const percent = (value: unknown) => `${Math.round(Number(value) * 100)}%`;
const quoted = (values: string[]) => values.map((v) => `"${v}"`).join(", ");

/** Plain sentences for what a save changed, in the order of the form (escaped by the page). */
export function describeChanges(changes: readonly PreferenceChange[]): string[] {
  const out: string[] = [];
  for (const { field, from, to } of changes) {
    switch (field) {
      case "topics": {
        const before = list(from);
        const after = list(to);
        const added = after.filter((t) => !before.includes(t));
        const removed = before.filter((t) => !after.includes(t));
        if (added.length) out.push(`Now following ${added.map(topicName).join(", ")}.`);
        if (removed.length) out.push(`No longer following ${removed.map(topicName).join(", ")}.`);
        if (!added.length && !removed.length)
          out.push(`New topic order: ${after.map(topicName).join(" › ")}.`);
        break;
      }
      case "keywords": {
        const before = list(from);
        const after = list(to);
        const added = after.filter((k) => !before.includes(k));
        const removed = before.filter((k) => !after.includes(k));
        if (added.length) out.push(`Added keywords ${quoted(added)}.`);
        if (removed.length) out.push(`Removed keywords ${quoted(removed)}.`);
        break;
      }
      case "frequency":
        out.push(`Frequency: ${from} → ${to}.`);
        break;
      case "weekday":
        out.push(`Weekly digest day: ${WEEKDAYS[Number(from)] ?? from} → ${WEEKDAYS[Number(to)] ?? to}.`);
        break;
      case "sendHour":
        out.push(`Send time: from ${hour(from)} → from ${hour(to)}.`);
        break;
      case "timeZone":
        out.push(`Time zone: ${from} → ${to}.`);
        break;
      case "relevanceWeight":
        out.push(`Relevance vs. trend: ${percent(from)} → ${percent(to)} relevance.`);
        break;
      case "alsoTrending":
        out.push(`"Also trending" section: ${from ? "on" : "off"} → ${to ? "on" : "off"}.`);
        break;
      default:
        out.push(`${field} changed.`);
    }
  }
  return out;
}
