import type { FeedbackKind, WeightChange } from "../../subscriptions/feedback-service.js";
import { topicBySlug } from "../../topics/taxonomy.js";
import { csrfField } from "./form-parts.js";
import { html } from "./html.js";
import { layout } from "./layout.js";

const topicNames = (slugs: readonly string[]) =>
  slugs
    .slice(0, 3)
    .map((s) => topicBySlug(s)?.name ?? s)
    .join(", ");

/** GET /feedback/<token>: what the click will do, and the one button that does it. */
export function feedbackConfirmPage(input: {
  paperTitle: string;
  paperTopics: readonly string[];
  kind: FeedbackKind;
  action: string;
  csrfToken: string;
  oppositeUrl: string;
}): string {
  const more = input.kind === "more";
  const topics = topicNames(input.paperTopics);
  return layout(
    more ? "More like this" : "Fewer like this",
    html`<section class="card message">
<h1>${more ? "More papers like this?" : "Fewer papers like this?"}</h1>
<p class="paper-quote">${input.paperTitle}</p>
<p>${
      topics
        ? more
          ? html`Your next digests will give <strong>${topics}</strong> a little more weight.`
          : html`Your next digests will give <strong>${topics}</strong> a little less weight.`
        : "Your next digests will take this into account."
    }</p>
<form method="post" action="${input.action}" class="actions">${csrfField(input.csrfToken)}<button type="submit"${more ? "" : html` class="secondary"`}>${more ? "Yes, more like this" : "Yes, fewer like this"}</button></form>
<p class="muted small">Clicked the wrong one? <a href="${input.oppositeUrl}">${more ? "Fewer like this" : "More like this"} instead</a>.</p>
</section>`,
  );
}

/** After the POST: what changed, and where to see or undo it. */
export function feedbackDonePage(input: {
  kind: FeedbackKind;
  changes: readonly WeightChange[];
  repeated: boolean;
  preferencesUrl: string;
  oppositeUrl: string;
}): string {
  const more = input.kind === "more";
  const shown = input.changes.slice(0, 4);
  return layout(
    "Thanks for the feedback",
    html`<section class="card message tone-success">
<h1>Thanks, noted</h1>
<p class="lead">${
      input.repeated
        ? "You had already told us this about this paper; nothing more to change."
        : more
          ? "You'll see more papers like this one."
          : "You'll see fewer papers like this one."
    }</p>
${
  shown.length
    ? html`<ul class="summary-list">${shown.map(
        (c) =>
          html`<li><strong>${topicBySlug(c.topic)?.name ?? c.topic}</strong>: ${c.to > c.from ? "more weight" : "less weight"} (${formatWeight(c.to)})</li>`,
      )}</ul>`
    : ""
}
<div class="actions"><a class="button" href="${input.preferencesUrl}">See your preferences</a><span class="muted small">Changed your mind? <a href="${input.oppositeUrl}">${more ? "Fewer" : "More"} like this instead</a></span></div>
</section>`,
  );
}

function formatWeight(value: number): string {
  const pct = Math.round(value * 100);
  return pct === 0 ? "neutral" : `${pct > 0 ? "+" : ""}${pct}%`;
}
