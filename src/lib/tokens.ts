import { createHmac, timingSafeEqual } from "node:crypto";
import { AppError } from "./errors.js";

/**
 * Signed links: HMAC-SHA256 over (purpose, subject, expiry), compared in
 * constant time. The first key signs; every key verifies, so SECRET_KEY can be
 * rotated by keeping the old one in SECRET_KEY_PREVIOUS for a while.
 *
 * Format: base64url(JSON [purpose, subject, expiresAtSeconds | 0]) "." base64url(mac)
 */
export type TokenPurpose = "confirm" | "preferences" | "unsubscribe" | "digest" | "feedback";

export interface TokenClaims {
  purpose: TokenPurpose;
  /** What the token acts for: a reader id, a delivery id, or a composite like "readerId:paperId:+". */
  subject: string;
  /** Expiry; undefined means it never expires (unsubscribe links must work forever). */
  expiresAt?: Date;
}

export interface TokenSignerOptions {
  keys: readonly string[];
  now?: () => Date;
}

export class TokenSigner {
  private readonly keys: readonly string[];
  private readonly now: () => Date;

  constructor(options: TokenSignerOptions) {
    if (options.keys.length === 0 || options.keys.some((k) => k.length < 16)) {
      throw new AppError("CONFIG_INVALID", "token signing needs at least one key of 16 or more characters");
    }
    this.keys = options.keys;
    this.now = options.now ?? (() => new Date());
  }

  sign(claims: TokenClaims): string {
    const expiry = claims.expiresAt ? Math.floor(claims.expiresAt.getTime() / 1000) : 0;
    const body = Buffer.from(JSON.stringify([claims.purpose, claims.subject, expiry])).toString("base64url");
    return `${body}.${mac(this.keys[0]!, body)}`;
  }

  /** Verifies a token for one purpose and returns its subject, or throws TOKEN_* errors. */
  verify(token: string, purpose: TokenPurpose): string {
    const dot = token.indexOf(".");
    if (dot <= 0 || token.length > 2048) throw invalid();
    const body = token.slice(0, dot);
    const signature = Buffer.from(token.slice(dot + 1), "base64url");
    const matches = this.keys.some((key) => {
      const expected = Buffer.from(mac(key, body), "base64url");
      return expected.length === signature.length && timingSafeEqual(expected, signature);
    });
    if (!matches) throw invalid();
    let parsed: unknown;
    try {
      parsed = JSON.parse(Buffer.from(body, "base64url").toString("utf8"));
    } catch (cause) {
      throw invalid(cause);
    }
    if (
      !Array.isArray(parsed) ||
      parsed.length !== 3 ||
      typeof parsed[0] !== "string" ||
      typeof parsed[1] !== "string" ||
      typeof parsed[2] !== "number"
    ) {
      throw invalid();
    }
    const [tokenPurpose, subject, expiry] = parsed as [string, string, number];
    if (tokenPurpose !== purpose) {
      throw new AppError("TOKEN_WRONG_PURPOSE", `this link is for ${tokenPurpose}, not ${purpose}`);
    }
    if (expiry !== 0 && expiry * 1000 < this.now().getTime()) {
      throw new AppError("TOKEN_EXPIRED", "this link has expired", { details: { purpose } });
    }
    return subject;
  }
}

function mac(key: string, body: string): string {
  return createHmac("sha256", key).update(body).digest("base64url");
}

function invalid(cause?: unknown): AppError {
  return new AppError("TOKEN_INVALID", "this link is not valid (it may have been altered or cut short)", {
    cause,
  });
}
