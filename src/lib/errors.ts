/**
 * Errors with a stable `code`. Services throw these; tests assert on `code`;
 * only the web layer maps codes to HTTP statuses and only the CLI prints them.
 */
export const ERROR_CODES = [
  "CONFIG_INVALID",
  "REDIS_UNREACHABLE",
  "DATABASE_UNREACHABLE",
  "MIGRATION_FAILED",
  "VALIDATION_FAILED",
  "NOT_FOUND",
  "CONFLICT",
  "TOKEN_INVALID",
  "TOKEN_EXPIRED",
  "TOKEN_WRONG_PURPOSE",
  "RATE_LIMITED",
  "CSRF_REJECTED",
  "SOURCE_UNAVAILABLE",
  "SOURCE_INVALID",
  "SMTP_TRANSIENT",
  "SMTP_PERMANENT",
  "SMTP_CONFIG",
  "READER_NOT_DELIVERABLE",
  "INTERNAL",
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface AppErrorOptions {
  cause?: unknown;
  /** Structured facts for logs and callers (never secrets, never whole emails). */
  details?: Record<string, unknown>;
  /** A hint for an operator: what to do about it. */
  hint?: string;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown>;
  readonly hint: string | undefined;

  constructor(code: ErrorCode, message: string, options: AppErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "AppError";
    this.code = code;
    this.details = options.details ?? {};
    this.hint = options.hint;
  }

  /** One readable line for operators: message, then the hint if there is one. */
  toLine(): string {
    return this.hint ? `${this.message} (${this.hint})` : this.message;
  }
}

export function isAppError(error: unknown, code?: ErrorCode): error is AppError {
  return error instanceof AppError && (code === undefined || error.code === code);
}

/** Wraps anything thrown into an AppError, keeping AppErrors as they are. */
export function toAppError(error: unknown, code: ErrorCode = "INTERNAL"): AppError {
  if (error instanceof AppError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new AppError(code, message, { cause: error });
}
