import type { ErrorCode } from "../lib/errors.js";

/** The only place error codes become HTTP statuses. */
const STATUS: Partial<Record<ErrorCode, number>> = {
  VALIDATION_FAILED: 400,
  TOKEN_INVALID: 400,
  TOKEN_WRONG_PURPOSE: 400,
  TOKEN_EXPIRED: 410,
  CSRF_REJECTED: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  REDIS_UNREACHABLE: 503,
  DATABASE_UNREACHABLE: 503,
};

export function httpStatusFor(code: ErrorCode): number {
  return STATUS[code] ?? 500;
}

/** What a reader is told; internal errors say nothing about internals. */
export function publicMessageFor(code: ErrorCode, message: string): string {
  switch (code) {
    case "TOKEN_INVALID":
    case "TOKEN_WRONG_PURPOSE":
      return "This link is not valid. It may have been cut short or altered.";
    case "TOKEN_EXPIRED":
      return "This link has expired.";
    case "CSRF_REJECTED":
      return "This form has expired or was not sent from this site.";
    case "NOT_FOUND":
      return "We could not find what this link points to.";
    case "VALIDATION_FAILED":
    case "RATE_LIMITED":
      return message;
    case "REDIS_UNREACHABLE":
    case "DATABASE_UNREACHABLE":
      return "paperboy is briefly unavailable. Please try again in a minute.";
    default:
      return "Something went wrong on our side. Please try again in a minute.";
  }
}
