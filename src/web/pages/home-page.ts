import { DEFAULT_TOPICS, TAXONOMY } from "../../topics/taxonomy.js";
import { csrfField, honeypotField } from "./form-parts.js";
import { type Html, html } from "./html.js";
import { layout } from "./layout.js";
import { sampleDigest } from "./sample-digest.js";

export interface SubscribeFormValues {
  email: string;
  topics: readonly string[];
  keywords: string;
  frequency: "daily" | "weekly";
}

export const EMPTY_SUBSCRIBE_FORM: SubscribeFormValues = {
  email: "",
  topics: DEFAULT_TOPICS,
  keywords: "",
  frequency: "daily",
};

/** `/`: what paperboy sends, and the subscribe form (with an error and the reader's input after a bad post). */
export function homePage(
  csrfToken: string,
  values: SubscribeFormValues = EMPTY_SUBSCRIBE_FORM,
  error?: string,
): string {
  return layout(
    "Trending ML papers in your inbox",
    html`<section class="hero">
<div>
<p class="kicker">A daily or weekly email</p>
<h1>The machine-learning papers everyone is reading, sorted by what you follow.</h1>
<p class="lead">paperboy reads Hugging Face Daily Papers and arXiv, picks what is trending in the topics you choose, and sends one short email with a summary and a reason for every paper.</p>
<ul class="points">
<li><span><strong>Your topics, your order.</strong> Twenty topics from language models to AI for science; the first ones weigh most.</span></li>
<li><span><strong>Never the same paper twice,</strong> and nothing at all on days with nothing worth your time.</span></li>
<li><span><strong>No account.</strong> Every email has a link to your preferences and a one-click unsubscribe.</span></li>
</ul>
<p><a class="button secondary" href="#subscribe">Choose your topics</a></p>
</div>
${sampleDigest()}
</section>
${subscribeForm(csrfToken, values, error)}`,
    { wide: true, page: "home" },
  );
}

function subscribeForm(csrfToken: string, values: SubscribeFormValues, error: string | undefined): Html {
  const checked = new Set(values.topics);
  return html`<section class="card subscribe" id="subscribe">
<div class="section-head"><h2>Subscribe</h2><p class="muted small">We'll email a link to confirm. Nothing is sent until you click it.</p></div>
${error ? html`<div class="notice danger" role="alert"><p><strong>Please check the form.</strong> ${error}</p></div>` : ""}
<form method="post" action="/subscribe">
${csrfField(csrfToken)}<input type="hidden" name="form" value="subscribe"><input type="hidden" name="timeZone" value="UTC" data-browser-zone>
${honeypotField()}
<div class="top">
<div class="field"><label for="email">Email address</label>
<input id="email" type="email" name="email" required maxlength="254" autocomplete="email" inputmode="email" placeholder="you@example.org" value="${values.email}"></div>
<fieldset class="field"><legend>How often</legend>
<div class="segmented">
<label><input type="radio" name="frequency" value="daily"${values.frequency === "daily" ? html` checked` : ""}> Daily</label>
<label><input type="radio" name="frequency" value="weekly"${values.frequency === "weekly" ? html` checked` : ""}> Weekly</label>
</div></fieldset>
</div>
<fieldset><legend>Topics <span class="hint">Pick as many as you like; you can reorder them later.</span></legend>
<div class="topics">
${TAXONOMY.map(
  (t) =>
    html`<label class="topic"><input type="checkbox" name="topics" value="${t.slug}"${checked.has(t.slug) ? html` checked` : ""}><span>${t.name}<small>${t.scope}</small></span></label>`,
)}
</div></fieldset>
<div class="field"><label for="keywords">Keywords <span class="hint">Optional, comma-separated: papers matching them are picked even outside your topics, e.g. "speculative decoding, LoRA".</span></label>
<input id="keywords" type="text" name="keywords" maxlength="1000" value="${values.keywords}" autocomplete="off"></div>
<div class="submit-row"><button type="submit">Subscribe</button><p class="muted small">Free. One email at most per day. Unsubscribe with one click.</p></div>
</form>
</section>`;
}

/** The one answer to every accepted subscribe post, whoever the address belongs to. */
export function checkInboxPage(email: string, confirmTtlHours: number): string {
  const days = Math.max(1, Math.round(confirmTtlHours / 24));
  return layout(
    "Check your inbox",
    html`<section class="card message tone-success">
<h1>Check your inbox</h1>
<p class="lead">If <strong>${email}</strong> can receive paperboy, an email is on its way.</p>
<p>If the address is new, or not confirmed yet, it holds a link to confirm your subscription; the link works for ${days} ${days === 1 ? "day" : "days"}. If the address is already subscribed, it holds a link to your preferences.</p>
<p class="muted">Nothing after a few minutes? Look in your spam folder. You can ask for another email in an hour.</p>
<div class="actions"><a class="button secondary" href="/">Back to paperboy</a></div>
</section>`,
  );
}
