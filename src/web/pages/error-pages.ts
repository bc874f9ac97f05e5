import type { ErrorCode } from "../../lib/errors.js";
import { freshLinkForm } from "./form-parts.js";
import { html } from "./html.js";
import { messagePage } from "./layout.js";

const HOME = html`<div class="actions"><a class="button secondary" href="/">paperboy home</a></div>`;

/**
 * The page a reader sees for an error (the status comes from http-errors.ts).
 * Broken or expired links always offer a way to get a fresh one by email.
 * `publicMessage` is already safe to show (see publicMessageFor).
 */
export function errorPage(code: ErrorCode | undefined, publicMessage: string, csrfToken: string): string {
  switch (code) {
    case "TOKEN_EXPIRED":
      return messagePage(
        "This link has expired",
        "Links in paperboy emails stop working after a while, so an old email cannot change your subscription.",
        html`<p>Enter your address and we'll email you a fresh link: a new confirmation link if you haven't confirmed yet, or a link to your preferences if you're subscribed.</p>${freshLinkForm(csrfToken)}`,
        "warning",
      );
    case "TOKEN_INVALID":
    case "TOKEN_WRONG_PURPOSE":
      return messagePage(
        "This link doesn't work",
        "It may have been cut short or altered, for example by an email program breaking a long line. Try copying the whole link from the email.",
        html`<p>Or enter your address and we'll email you a fresh link.</p>${freshLinkForm(csrfToken)}`,
        "warning",
      );
    case "CSRF_REJECTED":
      return messagePage(
        "This form has expired",
        "For your safety, paperboy only accepts forms sent from its own pages, checked with a small cookie.",
        html`<p>Go back, reload the page and try again. If this keeps happening, allow cookies for this site.</p>${HOME}`,
        "warning",
      );
    case "RATE_LIMITED":
      return messagePage("Slow down a little", publicMessage, HOME, "warning");
    case "NOT_FOUND":
      return messagePage(
        "Not found",
        "We could not find what this link points to. The subscription may have been removed.",
        HOME,
      );
    case "VALIDATION_FAILED":
      return messagePage("Please check your input", publicMessage, HOME, "warning");
    case undefined:
      return messagePage("Sorry", publicMessage, HOME, "warning");
    default:
      return messagePage("Sorry", publicMessage, HOME, "danger");
  }
}

export function notFoundPage(): string {
  return messagePage("Not found", "There is nothing here.", HOME);
}
