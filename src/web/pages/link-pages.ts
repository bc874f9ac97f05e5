import type { Reader } from "../../generated/prisma/client.js";
import { topicBySlug } from "../../topics/taxonomy.js";
import { csrfField } from "./form-parts.js";
import { type Html, html } from "./html.js";
import { layout, messagePage } from "./layout.js";

const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

/** "every day from 7:00 (Europe/Paris)" */
export function scheduleText(
  reader: Pick<Reader, "frequency" | "weekday" | "sendHour" | "timeZone">,
): string {
  const when = reader.frequency === "weekly" ? `every ${WEEKDAYS[reader.weekday] ?? "Monday"}` : "every day";
  return `${when} from ${reader.sendHour}:00 (${reader.timeZone})`;
}

function topicList(topics: readonly string[]): Html {
  if (topics.length === 0) return html`<p class="muted">No topics yet.</p>`;
  return html`<ul class="chips">${topics.map((t) => html`<li class="chip">${topicBySlug(t)?.name ?? t}</li>`)}</ul>`;
}

export function confirmPage(reader: Reader, action: string, csrfToken: string): string {
  return layout(
    "Confirm your subscription",
    html`<section class="card message">
<h1>Confirm your subscription</h1>
<p class="lead">One click and <strong>${reader.email}</strong> starts receiving the paperboy digest, ${scheduleText(reader)}.</p>
<p class="label">Your topics</p>
${topicList(reader.topics)}
${reader.keywords.length ? html`<p><span class="label">Keywords</span>${reader.keywords.join(", ")}</p>` : ""}
<form method="post" action="${action}" class="actions">${csrfField(csrfToken)}<button type="submit">Confirm subscription</button></form>
<p class="muted small">Didn't ask for this? Ignore this page and nothing will be sent.</p>
</section>`,
  );
}

export function confirmedPage(reader: Reader, preferencesUrl: string, alreadyActive: boolean): string {
  return layout(
    "You're subscribed",
    html`<section class="card message tone-success">
<h1>${alreadyActive ? "You're already subscribed" : "You're subscribed"}</h1>
<p class="lead">The paperboy digest goes to <strong>${reader.email}</strong> ${scheduleText(reader)}.</p>
${alreadyActive ? "" : html`<p>A welcome email with a link to your preferences is on its way; every digest carries that link too.</p>`}
<div class="actions"><a class="button" href="${preferencesUrl}">Fine-tune topics and timing</a></div>
</section>`,
  );
}

export function unsubscribePage(
  reader: Reader,
  action: string,
  csrfToken: string,
  preferencesUrl: string,
): string {
  return layout(
    "Unsubscribe",
    html`<section class="card message tone-danger">
<h1>Unsubscribe?</h1>
<p class="lead">Stop sending the paperboy digest to <strong>${reader.email}</strong>.</p>
<form method="post" action="${action}" class="actions">${csrfField(csrfToken)}<button type="submit" class="danger">Unsubscribe</button>
<a class="button secondary" href="${preferencesUrl}">Keep my subscription</a></form>
<p class="muted small">Too many emails? You can <a href="${preferencesUrl}">switch to weekly, pause for a while, or follow fewer topics</a> instead.</p>
</section>`,
  );
}

/** After unsubscribing (or when already unsubscribed): the way back is a fresh double opt-in. */
export function unsubscribedPage(email: string, csrfToken: string, oneClick: boolean): string {
  return messagePage(
    "You're unsubscribed",
    html`<strong>${email}</strong> will not receive any more digests from paperboy.`,
    html`${oneClick ? "" : html`<p>A short goodbye email confirms it; nothing else will follow.</p>`}
<h2>Changed your mind?</h2>
<p>Subscribe again: we'll send a new confirmation link to this address, and your topics are kept.</p>
${resubscribeForm(email, csrfToken)}`,
    "success",
  );
}

function resubscribeForm(email: string, csrfToken: string): Html {
  return html`<form method="post" action="/subscribe" class="actions">${csrfField(csrfToken)}<input type="hidden" name="form" value="fresh-link"><input type="hidden" name="email" value="${email}"><button type="submit" class="secondary">Subscribe again</button><a href="/">paperboy home</a></form>`;
}
