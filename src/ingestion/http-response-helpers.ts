/** Small readers of HTTP responses for HttpFetcher. */

/** Validators for conditional GETs; stored in SourceState between runs. */
export interface HttpValidators {
  etag?: string;
  lastModified?: string;
}

export function readValidators(headers: Headers): HttpValidators {
  const validators: HttpValidators = {};
  const etag = headers.get("etag");
  const lastModified = headers.get("last-modified");
  if (etag) validators.etag = etag;
  if (lastModified) validators.lastModified = lastModified;
  return validators;
}

/** Content-Length when it describes the bytes we read (no content encoding), else undefined. */
export function declaredLength(headers: Headers): number | undefined {
  const encoding = headers.get("content-encoding");
  if (encoding && encoding.toLowerCase() !== "identity") return undefined;
  const value = headers.get("content-length");
  if (value === null || !/^\d+$/.test(value.trim())) return undefined;
  return Number(value);
}

/** Retry-After as delay-seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null, nowMs: number): number | undefined {
  if (value === null) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  // An HTTP date names a month and a time of day; Date.parse alone would accept "-5" or "1 2".
  if (!/[A-Za-z]{3}/.test(text) || !/\d{2}:\d{2}:\d{2}/.test(text)) return undefined;
  const at = Date.parse(text);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - nowMs);
}

/** The most useful line of a fetch failure: the socket error code when there is one. */
export function describeNetworkError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause as { code?: string; message?: string } | undefined;
  if (cause?.code) return `${cause.code}${cause.message ? `: ${cause.message}` : ""}`;
  if (cause?.message) return `${error.message}: ${cause.message}`;
  return error.message;
}
