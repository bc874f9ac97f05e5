import { type Html, html } from "./html.js";

export interface LayoutOptions {
  /** A wider page (home, preferences); message pages stay narrow. */
  wide?: boolean;
  /** A class on <main>, for page-specific layout. */
  page?: string;
}

const LOGO = html`<svg class="logo" viewBox="0 0 32 32" width="28" height="28" aria-hidden="true" focusable="false"><rect x="3" y="6" width="26" height="20" rx="3" fill="currentColor" opacity=".14"/><rect x="3" y="6" width="26" height="20" rx="3" fill="none" stroke="currentColor" stroke-width="2"/><path d="M8 12h10M8 16h16M8 20h12" stroke="currentColor" stroke-width="2" stroke-linecap="round"/><circle cx="24" cy="12" r="2.2" fill="currentColor"/></svg>`;

/**
 * The shared page shell: small hand-written CSS and one deferred script from
 * /assets (the CSP allows nothing inline), works without JavaScript.
 */
export function layout(title: string, body: Html, options: LayoutOptions = {}): string {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<meta name="referrer" content="no-referrer">
<title>${title} · paperboy</title>
<link rel="icon" href="/assets/icon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/assets/site.css">
<script src="/assets/site.js" defer></script>
</head>
<body>
<header class="site"><div class="wrap${options.wide ? " wide" : ""}"><a class="brand" href="/">${LOGO}<span>paperboy</span></a></div></header>
<main class="wrap${options.wide ? " wide" : ""}${options.page ? ` ${options.page}` : ""}">${body}</main>
<footer class="site"><div class="wrap${options.wide ? " wide" : ""}"><p>paperboy · trending ML papers, grouped by the topics you follow. No account, no tracking, one click to leave.</p></div></footer>
</body>
</html>`.value;
}

export type Tone = "info" | "success" | "warning" | "danger";

/** A one-card page: a title, a message and optional extra content (links, a form). */
export function messagePage(
  title: string,
  message: string | Html,
  extra?: Html,
  tone: Tone = "info",
): string {
  return layout(
    title,
    html`<section class="card message tone-${tone}"><h1>${title}</h1><p class="lead">${message}</p>${extra ?? ""}</section>`,
  );
}
