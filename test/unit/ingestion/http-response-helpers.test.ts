import { describe, expect, it } from "vitest";
import {
  declaredLength,
  parseRetryAfter,
  readValidators,
} from "../../../src/ingestion/http-response-helpers.js";

const now = Date.parse("2025-01-14T00:00:00Z");

describe("parseRetryAfter", () => {
  it("reads delay-seconds and HTTP dates, never negative", () => {
    expect(parseRetryAfter("120", now)).toBe(120_000);
    expect(parseRetryAfter(" 0 ", now)).toBe(0);
    expect(parseRetryAfter("Tue, 14 Jan 2025 00:01:30 GMT", now)).toBe(90_000);
    expect(parseRetryAfter("Mon, 13 Jan 2025 23:00:00 GMT", now)).toBe(0);
  });

  it("returns undefined when absent or unreadable, so the normal backoff applies", () => {
    expect(parseRetryAfter(null, now)).toBeUndefined();
    expect(parseRetryAfter("soon", now)).toBeUndefined();
    expect(parseRetryAfter("-5", now)).toBeUndefined();
  });
});

describe("declaredLength", () => {
  it("trusts Content-Length only for bodies without a content encoding", () => {
    expect(declaredLength(new Headers({ "content-length": "42" }))).toBe(42);
    expect(declaredLength(new Headers({ "content-length": "42", "content-encoding": "identity" }))).toBe(42);
    expect(
      declaredLength(new Headers({ "content-length": "42", "content-encoding": "gzip" })),
    ).toBeUndefined();
    expect(declaredLength(new Headers({ "content-length": "4x" }))).toBeUndefined();
    expect(declaredLength(new Headers())).toBeUndefined();
  });
});

describe("readValidators", () => {
  it("keeps only the validators that are present", () => {
    expect(readValidators(new Headers({ etag: 'W/"abc"' }))).toEqual({ etag: 'W/"abc"' });
    expect(readValidators(new Headers({ "last-modified": "Tue, 14 Jan 2025 00:00:00 GMT" }))).toEqual({
      lastModified: "Tue, 14 Jan 2025 00:00:00 GMT",
    });
    expect(readValidators(new Headers())).toEqual({});
  });
});
