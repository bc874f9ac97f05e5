import type { ValueContext } from "./html-escape.js";

/**
 * Where a placeholder landed in compiled HTML: element text, a quoted attribute
 * (href/src-like attributes are URLs), or a place values must never go.
 */
export type PlaceContext = ValueContext | { invalid: string };

const URL_ATTRIBUTES = new Set([
  "href",
  "src",
  "action",
  "formaction",
  "background",
  "poster",
  "cite",
  "xlink:href",
]);

function insideRawText(html: string, index: number, tag: "style" | "script"): boolean {
  return html.lastIndexOf(`<${tag}`, index) > html.lastIndexOf(`</${tag}`, index);
}

/** Scans an open tag up to the placeholder; returns the attribute whose quoted value we are in. */
function attributeAt(tagText: string): { name: string } | { invalid: string } {
  let i = 1;
  while (i < tagText.length && !/[\s/]/.test(tagText[i]!)) i++; // tag name
  let name = "";
  while (i < tagText.length) {
    const ch = tagText[i]!;
    if (/\s|\//.test(ch)) {
      i++;
      continue;
    }
    const nameStart = i;
    while (i < tagText.length && !/[\s=/>]/.test(tagText[i]!)) i++;
    name = tagText.slice(nameStart, i).toLowerCase();
    while (i < tagText.length && /\s/.test(tagText[i]!)) i++;
    if (tagText[i] !== "=") continue;
    i++;
    while (i < tagText.length && /\s/.test(tagText[i]!)) i++;
    const quote = tagText[i];
    if (quote !== '"' && quote !== "'") return { invalid: `unquoted value of attribute ${name}` };
    const close = tagText.indexOf(quote, i + 1);
    if (close === -1) return { name };
    i = close + 1;
  }
  return { invalid: name ? `attribute name near ${name}` : "tag name" };
}

export function contextAt(html: string, index: number): PlaceContext {
  if (insideRawText(html, index, "style")) return { invalid: "inside <style>" };
  if (insideRawText(html, index, "script")) return { invalid: "inside <script>" };
  const lt = html.lastIndexOf("<", index);
  const gt = html.lastIndexOf(">", index);
  if (lt <= gt) return "text";
  const tagText = html.slice(lt, index);
  if (tagText.startsWith("<!--")) return "text";
  const attribute = attributeAt(tagText);
  if ("invalid" in attribute) return attribute;
  if (attribute.name === "style") return { invalid: "inside a style attribute" };
  return URL_ATTRIBUTES.has(attribute.name) ? "url" : "attr";
}

/** True when index is inside an open tag, where a block boundary could cut an attribute. */
export function insideTag(html: string, index: number): boolean {
  return html.lastIndexOf("<", index - 1) > html.lastIndexOf(">", index - 1);
}
