/**
 * List headers for every digest and lifecycle email (RFC 2369, RFC 8058).
 * Values derived from data never carry CR/LF, so no header can be injected.
 */
export interface ListHeaderOptions {
  unsubscribeUrl: string;
  unsubscribeMailto?: string | undefined;
  listId: string;
  /** Extra headers, e.g. X-Paperboy-Delivery. */
  extra?: Record<string, string>;
}

export function buildListHeaders(options: ListHeaderOptions): Record<string, string> {
  const targets = [`<${headerValue(options.unsubscribeUrl)}>`];
  if (options.unsubscribeMailto) {
    targets.push(`<mailto:${headerValue(options.unsubscribeMailto)}?subject=unsubscribe>`);
  }
  const headers: Record<string, string> = {
    "List-Unsubscribe": targets.join(", "),
    "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    "List-Id": headerValue(options.listId),
  };
  for (const [name, value] of Object.entries(options.extra ?? {})) {
    headers[headerValue(name).replace(/[^A-Za-z0-9-]/g, "")] = headerValue(value);
  }
  return headers;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]+/g;

/** Removes CR, LF and other control characters, and caps the length. */
export function headerValue(value: string, max = 998): string {
  return value.replace(CONTROL_CHARACTERS, " ").trim().slice(0, max);
}

/** The domain used in Message-IDs: the sender's domain. */
export function messageIdDomain(mailFrom: string): string {
  const match = /@([A-Za-z0-9.-]+)/.exec(mailFrom);
  return match?.[1] ?? "paperboy.localhost";
}

export function deliveryMessageId(deliveryId: string, domain: string): string {
  return `delivery-${deliveryId}@${domain}`;
}
