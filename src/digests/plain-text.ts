import { safeUrl } from "./html-escape.js";

/**
 * Building blocks for the text/plain parts: word wrapping that never breaks a word or
 * a URL, and link lines that only list addresses safe to follow.
 */
export const TEXT_WIDTH = 72;

/** Wraps at spaces to `width` columns, each line prefixed by `indent`; long words stay whole. */
export function wrapText(text: string, width = TEXT_WIDTH, indent = ""): string {
  const room = Math.max(1, width - indent.length);
  let rest = text.trim();
  let out = "";
  while (rest.length > room) {
    let cut = rest.lastIndexOf(" ", room);
    if (cut <= 0) cut = rest.indexOf(" ", room);
    if (cut === -1) break;
    out += `${indent}${rest.slice(0, cut).trimEnd()}\n`;
    rest = rest.slice(cut + 1).trimStart();
  }
  return rest ? `${out}${indent}${rest}` : out.slice(0, -1);
}

/** "Label: https://..." or null when the URL is missing or not http(s)/mailto. */
export function linkLine(label: string, url: string | null | undefined, indent = ""): string | null {
  const safe = url ? safeUrl(url) : null;
  return safe === null ? null : `${indent}${label}: ${safe}`;
}

/** Joins blocks with blank lines, dropping empty ones; one trailing newline. */
export function paragraphs(blocks: readonly (string | null | undefined | false)[]): string {
  return `${blocks.filter((block): block is string => !!block).join("\n\n")}\n`;
}

/** Lines of a block, dropping nulls. */
export function lines(items: readonly (string | null | undefined | false)[]): string {
  return items.filter((item): item is string => !!item).join("\n");
}
