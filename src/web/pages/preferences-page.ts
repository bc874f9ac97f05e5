import type { Reader } from "../../generated/prisma/client.js";
import type { FeedbackWeights } from "../../subscriptions/feedback-service.js";
import { TAXONOMY, topicBySlug } from "../../topics/taxonomy.js";
import type { DigestPreview, PreviewPaper } from "../digest-preview.js";
import { csrfField, freshLinkForm } from "./form-parts.js";
import { type Html, html } from "./html.js";
import { layout } from "./layout.js";
import { scheduleText } from "./link-pages.js";

export interface PreferencesPageModel {
  reader: Reader;
  /** The page's own URL path (/preferences/<token>); the forms post to it and its sub-paths. */
  action: string;
  csrfToken: string;
  /** For the "subscribe again" form shown to unsubscribed readers. */
  subscribeCsrfToken: string;
  timeZones: readonly string[];
  preview: DigestPreview | undefined;
  feedback: FeedbackWeights;
  unsubscribeUrl: string;
  /** After a save: what changed (empty: nothing did). */
  saved?: readonly string[];
  /** A note after pause, resume or a feedback reset. */
  note?: string;
  error?: string;
}

const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const STATUS_LABEL: Record<string, string> = {
  active: "Active",
  paused: "Paused",
  pending: "Not confirmed yet",
  unsubscribed: "Unsubscribed",
  bounced: "Not deliverable",
};

export function preferencesPage(m: PreferencesPageModel): string {
  const { reader } = m;
  return layout(
    "Your preferences",
    html`<div class="prefs-head"><h1>Your digest</h1><span class="pill ${reader.status}">${STATUS_LABEL[reader.status] ?? reader.status}</span>
<p class="muted">For <strong>${reader.email}</strong> · ${scheduleText(reader)}</p></div>
${notices(m)}
<div class="prefs">
<div>${preferencesForm(m)}</div>
<aside>
${previewCard(m.preview, reader)}
${statusCard(m)}
${feedbackCard(m)}
<section class="card"><h2>Leave</h2><p class="muted">No hard feelings: one click and the emails stop.</p><p><a href="${m.unsubscribeUrl}">Unsubscribe from paperboy</a></p></section>
</aside>
</div>`,
    { wide: true, page: "preferences" },
  );
}

function notices(m: PreferencesPageModel): Html {
  const parts: Html[] = [];
  if (m.error) {
    parts.push(html`<div class="notice danger" role="alert"><h2>Not saved</h2><p>${m.error}</p></div>`);
  }
  if (m.saved) {
    parts.push(
      m.saved.length
        ? html`<div class="notice success" role="status"><h2>Saved</h2><ul>${m.saved.map((line) => html`<li>${line}</li>`)}</ul><p class="small muted">This applies from your next edition.</p></div>`
        : html`<div class="notice" role="status"><p>Nothing changed: your preferences were already like this.</p></div>`,
    );
  }
  if (m.note) parts.push(html`<div class="notice success" role="status"><p>${m.note}</p></div>`);
  if (m.reader.status === "paused" && !m.note) {
    parts.push(
      html`<div class="notice warning"><p><strong>Your digest is paused.</strong> Nothing is sent until you resume it (see the right-hand column, or below on a phone).</p></div>`,
    );
  }
  if (m.reader.status === "unsubscribed" || m.reader.status === "bounced") {
    parts.push(html`<div class="notice danger"><p><strong>No digests are sent to this address.</strong> You can still change your preferences; to receive digests again, subscribe again and confirm the link we email you.</p>
${freshLinkForm(m.subscribeCsrfToken, { email: m.reader.email, button: "Subscribe again" })}</div>`);
  }
  return html`${parts}`;
}

function preferencesForm(m: PreferencesPageModel): Html {
  const { reader } = m;
  const followed = reader.topics.map((slug) => topicBySlug(slug)).filter((t) => t !== undefined);
  const others = TAXONOMY.filter((t) => !reader.topics.includes(t.slug));
  return html`<form method="post" action="${m.action}" class="prefs-form">
${csrfField(m.csrfToken)}
<button type="submit" name="action" value="save" class="visually-hidden" tabindex="-1" aria-hidden="true">Save</button>
<section class="card">
<div class="section-head"><h2>Topics</h2><p class="muted small">In order of priority: the first ones weigh most.</p></div>
${
  followed.length
    ? html`<ol class="ranked">${followed.map(
        (t, i) => html`<li><span class="rank" aria-hidden="true">${i + 1}</span>
<label class="name"><input type="checkbox" name="topics" value="${t.slug}" checked><span>${t.name}</span></label>
<span class="moves"><button type="submit" name="move" value="${t.slug}:up" title="Move up" aria-label="Move ${t.name} up"${i === 0 ? html` disabled` : ""}>↑</button><button type="submit" name="move" value="${t.slug}:down" title="Move down" aria-label="Move ${t.name} down"${i === followed.length - 1 ? html` disabled` : ""}>↓</button></span></li>`,
      )}</ol>
<p class="muted small">Untick a topic to stop following it.</p>`
    : html`<p class="muted">You follow no topics yet.</p>`
}
${
  others.length
    ? html`<details class="more-topics"${followed.length === 0 ? html` open` : ""}><summary>Follow more topics <span class="muted small">(${others.length} more)</span></summary>
<p class="muted small">Ticked topics are added after your current ones.</p>
<div class="topics">${others.map(
        (t) =>
          html`<label class="topic"><input type="checkbox" name="topics" value="${t.slug}"><span>${t.name}<small>${t.scope}</small></span></label>`,
      )}</div></details>`
    : ""
}
</section>
<section class="card">
<div class="section-head"><h2>Keywords</h2><p class="muted small">Papers matching a keyword are picked even outside your topics.</p></div>
${
  reader.keywords.length
    ? html`<ul class="chips">${reader.keywords.map(
        (k) =>
          html`<li><label class="chip"><input type="checkbox" name="keywords" value="${k}" checked aria-label="Keep ${k}">${k}</label></li>`,
      )}</ul><p class="muted small">Untick a keyword to remove it.</p>`
    : ""
}
<div class="field"><label for="addKeywords">Add keywords <span class="hint">Comma-separated, e.g. "speculative decoding, LoRA".</span></label>
<input id="addKeywords" type="text" name="addKeywords" maxlength="1000" autocomplete="off"></div>
</section>
<section class="card">
<h2>Delivery</h2>
<fieldset class="field"><legend>How often</legend><div class="segmented">
<label><input type="radio" name="frequency" value="daily"${reader.frequency === "daily" ? html` checked` : ""}> Daily</label>
<label><input type="radio" name="frequency" value="weekly"${reader.frequency === "weekly" ? html` checked` : ""}> Weekly</label>
</div></fieldset>
<div class="row">
<div class="field"><label for="weekday">Day <span class="hint">For a weekly digest.</span></label>
<select id="weekday" name="weekday">${WEEKDAYS.map((d, i) => html`<option value="${i}"${reader.weekday === i ? html` selected` : ""}>${d}</option>`)}</select></div>
<div class="field"><label for="sendHour">From <span class="hint">Local time, sent soon after.</span></label>
<select id="sendHour" name="sendHour">${Array.from({ length: 24 }, (_, h) => html`<option value="${h}"${reader.sendHour === h ? html` selected` : ""}>${String(h).padStart(2, "0")}:00</option>`)}</select></div>
</div>
<div class="field"><label for="timeZone">Time zone</label>
${timeZoneSelect(m.timeZones, reader.timeZone)}
<p class="small" data-zone-hint hidden>Your browser is in <strong data-zone-name></strong>. <button type="button" class="link">Use it</button></p></div>
</section>
<section class="card">
<h2>What makes the cut</h2>
<div class="field"><label for="relevanceWeight">Relevance vs. trend</label>
<input id="relevanceWeight" type="range" name="relevanceWeight" min="0" max="1" step="0.05" value="${reader.relevanceWeight}" data-output="relevance-value" aria-describedby="relevance-value">
<div class="slider-labels"><span>What's trending</span><span>What's closest to my topics</span></div>
<p class="small muted">Now: <output id="relevance-value" class="slider-value" for="relevanceWeight">${Math.round(reader.relevanceWeight * 100)}% relevance, ${100 - Math.round(reader.relevanceWeight * 100)}% trend</output></p></div>
<label class="choice"><input type="checkbox" name="alsoTrending" value="on"${reader.alsoTrending ? html` checked` : ""}><span>"Also trending": add the day's top papers from outside my topics<span class="hint">A short section at the end of each digest.</span></span></label>
</section>
<div class="savebar"><p class="muted small">Changes apply from your next edition.</p><button type="submit" name="action" value="save">Save preferences</button></div>
</form>`;
}

function timeZoneSelect(zones: readonly string[], current: string): Html {
  const all = zones.includes(current) ? zones : [current, ...zones];
  const groups = new Map<string, string[]>();
  for (const zone of all) {
    const region = zone.includes("/") ? zone.slice(0, zone.indexOf("/")) : "Other";
    groups.set(region, [...(groups.get(region) ?? []), zone]);
  }
  return html`<select id="timeZone" name="timeZone" data-zone-select>${[...groups].map(
    ([region, list]) =>
      html`<optgroup label="${region}">${list.map(
        (z) =>
          html`<option value="${z}"${z === current ? html` selected` : ""}>${z.replace(/_/g, " ")}</option>`,
      )}</optgroup>`,
  )}</select>`;
}

function previewCard(preview: DigestPreview | undefined, reader: Reader): Html {
  const paper = (p: PreviewPaper) =>
    html`<div class="paper"><p class="title">${p.url ? html`<a href="${p.url}" rel="noopener noreferrer">${p.title}</a>` : p.title}</p>${p.reason ? html`<span class="reason">${p.reason}</span>` : ""}</div>`;
  let body: Html;
  if (!preview) {
    body = html`<p class="empty muted">The preview is not available right now. Your preferences still work.</p>`;
  } else if (preview.isEmpty) {
    body = html`<p class="empty muted">Nothing in the last few days matches these topics and keywords. Try adding a topic, or turn on "Also trending".</p>`;
  } else {
    body = html`${preview.sections.map((s) => html`<h3>${s.name}</h3>${s.papers.map(paper)}`)}
${preview.alsoTrending.length ? html`<h3>Also trending</h3>${preview.alsoTrending.map(paper)}` : ""}`;
  }
  return html`<section class="card preview" aria-labelledby="preview-title">
<h2 id="preview-title">Tomorrow's digest, roughly</h2>
<p class="muted small">${reader.status === "active" ? "With your saved preferences and today's papers." : "If your digest were running: with your saved preferences and today's papers."}</p>
${body}
</section>`;
}

function statusCard(m: PreferencesPageModel): Html {
  const { reader } = m;
  if (reader.status === "active") {
    return html`<section class="card"><h2>Take a break</h2><p class="muted">Pause the digest and come back when you like; nothing is lost.</p>
<form method="post" action="${m.action}/pause">${csrfField(m.csrfToken)}<button type="submit" class="secondary wide">Pause my digest</button></form></section>`;
  }
  if (reader.status === "paused") {
    return html`<section class="card"><h2>Paused</h2><p class="muted">Resume and the next edition comes at your usual time.</p>
<form method="post" action="${m.action}/resume">${csrfField(m.csrfToken)}<button type="submit" class="wide">Resume my digest</button></form></section>`;
  }
  return html``;
}

function feedbackCard(m: PreferencesPageModel): Html {
  const topics = Object.entries(m.feedback.topics).sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]));
  const keywords = Object.entries(m.feedback.keywords)
    .sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]))
    .slice(0, 6);
  if (topics.length === 0 && keywords.length === 0) {
    return html`<section class="card"><h2>Your feedback</h2><p class="muted">Use "More like this" and "Fewer like this" under any paper in a digest; paperboy learns from it.</p></section>`;
  }
  const row = (name: string, value: number, scale: number) => {
    const pct = Math.round(value * scale);
    return html`<li><span>${name}</span><span class="${value > 0 ? "up" : "down"}">${value > 0 ? `more (+${pct}%)` : `fewer (${pct}%)`}</span></li>`;
  };
  return html`<section class="card"><h2>Learned from your feedback</h2>
${topics.length ? html`<ul class="weights">${topics.map(([slug, v]) => row(topicBySlug(slug)?.name ?? slug, v, 100))}</ul>` : ""}
${keywords.length ? html`<p class="label small">Keywords</p><ul class="weights">${keywords.map(([k, v]) => row(k, v, 10))}</ul>` : ""}
<form method="post" action="${m.action}/feedback-reset">${csrfField(m.csrfToken)}<button type="submit" class="secondary wide">Forget my feedback</button></form></section>`;
}
