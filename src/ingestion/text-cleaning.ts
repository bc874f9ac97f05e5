/**
 * Cleaning of untrusted text from feeds. Text stays plain text: tags, entities and
 * URLs are kept as written (never decoded or interpreted); only characters that
 * cannot be displayed safely are removed.
 */

/** C0 controls except tab (09) and newline (0A); CR is handled first. Also DEL and the C1 block. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;
/** Bidi embeddings, overrides and isolates (they can reorder what a reader sees), and the BOM. */
const FORMAT_CHARS = /[\u202A-\u202E\u2066-\u2069\uFEFF]/g;
/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const REPLACEMENT_CHAR = /\uFFFD/g;

/** Text with more U+FFFD than this share of its characters (and at least 3 of them) is rejected as mis-decoded. */
export const MAX_REPLACEMENT_SHARE = 0.01;

/** Lone surrogates become U+FFFD (so the text is valid UTF-16 and encodes to valid UTF-8). */
export function toWellFormed(value: string): string {
  return value.replace(LONE_SURROGATE, "\uFFFD");
}

/** Removes control and bidi-override characters; CRLF and CR become LF; NFC. */
export function stripUnsafeChars(value: string): string {
  return toWellFormed(value)
    .replace(/\r\n?/g, "\n")
    .replace(CONTROL_CHARS, "")
    .replace(FORMAT_CHARS, "")
    .normalize("NFC");
}

/** One line: every run of whitespace (newlines included) becomes one space; trimmed. */
export function cleanLine(value: string): string {
  return stripUnsafeChars(value).replace(/\s+/g, " ").trim();
}

/**
 * A paragraph-preserving clean: runs of horizontal whitespace become one space,
 * trailing spaces on lines go, three or more newlines become two; trimmed.
 */
export function cleanMultiline(value: string): string {
  return stripUnsafeChars(value)
    .replace(/[^\S\n]+/g, " ")
    .replace(/ ?\n ?/g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/** True when the text is mostly mis-decoded bytes (U+FFFD replacement characters). */
export function isMojibakeHeavy(value: string): boolean {
  const count = value.match(REPLACEMENT_CHAR)?.length ?? 0;
  return count >= 3 && count > value.length * MAX_REPLACEMENT_SHARE;
}

/** True when the text has at least one letter or digit. */
export function hasWordCharacter(value: string): boolean {
  return /[\p{L}\p{N}]/u.test(value);
}

/** The first `max` characters with an ellipsis, for log lines and rejection reasons. */
export function preview(value: string, max = 80): string {
  const line = cleanLine(value);
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}
