import { CSRF_FIELD } from "../csrf.js";
import { type Html, html } from "./html.js";

/** The hidden CSRF field every form (but one-click unsubscribe) carries. */
export function csrfField(token: string): Html {
  return html`<input type="hidden" name="${CSRF_FIELD}" value="${token}">`;
}

/** Name of the honeypot field: invisible to people, tempting to bots. Filled means "pretend, do nothing". */
export const HONEYPOT_FIELD = "website";

export function honeypotField(): Html {
  return html`<div class="hp" aria-hidden="true"><label for="pb-website">Website (leave empty)</label><input id="pb-website" type="text" name="${HONEYPOT_FIELD}" value="" tabindex="-1" autocomplete="off"></div>`;
}

/**
 * "Send me a fresh link": re-posts an address to /subscribe. Pending and
 * unsubscribed addresses get a new confirmation link, subscribed ones a link to
 * their preferences; the answer is the same either way.
 */
export function freshLinkForm(csrfToken: string, options: { email?: string; button?: string } = {}): Html {
  return html`<form method="post" action="/subscribe" class="fresh-link">
${csrfField(csrfToken)}<input type="hidden" name="form" value="fresh-link">${honeypotField()}
<div class="field"><label for="fresh-email">Your email address</label>
<input id="fresh-email" type="email" name="email" required maxlength="254" autocomplete="email" value="${options.email ?? ""}"></div>
<button type="submit">${options.button ?? "Send me a fresh link"}</button>
</form>`;
}
