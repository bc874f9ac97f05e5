import { isAppError } from "../lib/errors.js";

/**
 * What an SMTP failure means for a delivery:
 * - transient: network errors, timeouts and 4xx replies; retried with backoff.
 * - permanent: 5xx for the recipient (550-554, bad mailbox); final: the reader is
 *   marked bounced and suppressed.
 * - config: authentication or configuration (535, 530, refused connection); sending
 *   pauses instead of failing every reader.
 */
export type SmtpFailureKind = "transient" | "permanent" | "config";

export interface SmtpFailure {
  kind: SmtpFailureKind;
  code: number | undefined;
  message: string;
}

interface NodemailerError extends Error {
  code?: string;
  responseCode?: number;
  response?: string;
  command?: string;
}

const CONFIG_CODES = new Set([530, 534, 535, 538]);
const NETWORK_CONFIG = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "EAUTH", "ETLS", "ECONFIG"]);

export function classifySmtpFailure(error: unknown): SmtpFailure {
  // Refused before any server saw it (a message that cannot be written for this recipient or sender).
  if (isAppError(error, "SMTP_PERMANENT"))
    return { kind: "permanent", code: undefined, message: error.message };
  if (isAppError(error, "SMTP_CONFIG")) return { kind: "config", code: undefined, message: error.message };
  const e = (error ?? {}) as NodemailerError;
  const code = typeof e.responseCode === "number" ? e.responseCode : undefined;
  const message = oneLine(e.response ?? e.message ?? String(error));
  if (code !== undefined) {
    if (CONFIG_CODES.has(code)) return { kind: "config", code, message };
    if (code >= 500 && code < 600) {
      // 5xx on RCPT/DATA for this recipient is final; 5xx to MAIL FROM or auth is ours to fix.
      if (e.command === "MAIL FROM" || e.command === "AUTH PLAIN" || e.command === "AUTH LOGIN") {
        return { kind: "config", code, message };
      }
      return { kind: "permanent", code, message };
    }
    return { kind: "transient", code, message };
  }
  const errno = e.code ?? (e.cause as NodeJS.ErrnoException | undefined)?.code;
  if (errno && NETWORK_CONFIG.has(errno)) return { kind: "config", code: undefined, message };
  return { kind: "transient", code: undefined, message };
}

function oneLine(text: string): string {
  return text.replace(/[\r\n]+/g, " ").slice(0, 500);
}
