/**
 * Text fields of a small multipart/form-data body. Only RFC 8058 one-click
 * unsubscribe needs this (some mail providers post `List-Unsubscribe=One-Click`
 * as multipart); file parts are ignored and nothing is kept beyond the fields.
 */
export function multipartFields(body: string, contentType: string): Record<string, string> {
  const boundary = /boundary="?([^";]+)"?/i.exec(contentType)?.[1];
  const out: Record<string, string> = {};
  if (!boundary) return out;
  for (const part of body.split(`--${boundary}`)) {
    const split = part.search(/\r?\n\r?\n/);
    if (split < 0) continue;
    const head = part.slice(0, split);
    const disposition = /content-disposition:\s*form-data;([^\r\n]*)/i.exec(head)?.[1] ?? "";
    const name = /\bname="([^"]*)"/i.exec(disposition)?.[1];
    if (!name || /\bfilename=/i.test(disposition) || name in out) continue;
    const value = part
      .slice(split)
      .replace(/^\r?\n\r?\n/, "")
      .replace(/\r?\n$/, "");
    out[name] = value;
  }
  return out;
}
