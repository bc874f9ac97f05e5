/**
 * Escaping for the three places a template value can land in HTML.
 * Values are plain text: nothing a reader's data contains is ever interpreted as markup.
 */
export type ValueContext = "text" | "attr" | "url";

// Characters above U+00FF become numeric references (&#9733;): the same text to any
// HTML parser, and the email stays a one-byte string, which V8 joins several times
// faster than a two-byte one (a single emoji would otherwise widen all 80 KB).
const WIDE = /[\u0100-\uffff]/;
const TEXT_ALL = /[&<>]|[\ud800-\udbff][\udc00-\udfff]|[\u0100-\uffff]/g;
const ATTR_ALL = /[&<>"']|[\ud800-\udbff][\udc00-\udfff]|[\u0100-\uffff]/g;
const ENTITIES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};
const replaceEntity = (ch: string): string => ENTITIES[ch] ?? `&#${ch.codePointAt(0)};`;

/**
 * Escapes text holding characters above U+00FF. `replace` keeps a two-byte result even
 * when every such character became ASCII, so the result is copied into a one-byte
 * string; results are remembered, as the same titles go to many readers.
 */
const WIDE_MEMO_LIMIT = 5_000;
const wideMemo = { text: new Map<string, string>(), attr: new Map<string, string>() };

function escapeWide(value: string, kind: "text" | "attr"): string {
  const memo = wideMemo[kind];
  const known = memo.get(value);
  if (known !== undefined) return known;
  const escaped = value.replace(kind === "text" ? TEXT_ALL : ATTR_ALL, replaceEntity);
  const narrow = Buffer.from(escaped, "latin1").toString("latin1");
  if (memo.size >= WIDE_MEMO_LIMIT) memo.clear();
  memo.set(value, narrow);
  return narrow;
}

// indexOf is a vectorised scan; an unanchored character-class regex steps one position at a time.
const hasTextSpecial = (value: string): boolean =>
  value.indexOf("&") !== -1 || value.indexOf("<") !== -1 || value.indexOf(">") !== -1;
const hasMarkupOrQuote = (value: string): boolean =>
  value.indexOf("<") !== -1 ||
  value.indexOf(">") !== -1 ||
  value.indexOf('"') !== -1 ||
  value.indexOf("'") !== -1;

/** For element content: & < > escaped, characters above U+00FF as numeric references. */
export function escapeText(value: string): string {
  // (On a one-byte string V8 answers the WIDE test without scanning.)
  if (WIDE.test(value)) return escapeWide(value, "text");
  return hasTextSpecial(value) ? value.replace(TEXT_ALL, replaceEntity) : value;
}

/** For a quoted attribute value: & < > " ' escaped, characters above U+00FF as numeric references. */
export function escapeAttr(value: string): string {
  if (WIDE.test(value)) return escapeWide(value, "attr");
  const ampersand = value.indexOf("&") !== -1;
  // URLs with query strings only need & escaped: the common case, done natively.
  if (!hasMarkupOrQuote(value)) return ampersand ? value.replaceAll("&", "&amp;") : value;
  return value.replace(ATTR_ALL, replaceEntity);
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what we reject
const SAFE_URL = /^(?:https?:\/\/|mailto:)[^\u0000-\u001f\u007f]*$/i;

/**
 * The URL itself when it is absolute http(s) or mailto and free of control characters
 * (spaces percent-encoded), else null.
 */
export function safeUrl(value: string): string | null {
  const url = value.trim();
  if (!SAFE_URL.test(url)) return null;
  return url.includes(" ") ? url.replaceAll(" ", "%20") : url;
}

/** For href/src: a safe URL, attribute-escaped, or "#" for anything else (javascript:, data:, relative...). */
export function escapeUrl(value: string): string {
  const url = safeUrl(value);
  return url === null ? "#" : escapeAttr(url);
}

export function escapeFor(context: ValueContext, value: string): string {
  if (context === "text") return escapeText(value);
  if (context === "attr") return escapeAttr(value);
  return escapeUrl(value);
}

/** Template values are strings or numbers; null/undefined render empty. */
export function valueToString(value: unknown): string {
  if (typeof value === "string") return value;
  if (value === null || value === undefined) return "";
  return String(value);
}
