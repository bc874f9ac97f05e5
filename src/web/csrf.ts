import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { AppError } from "../lib/errors.js";

/** The parts of a fastify request and reply CSRF needs (kept small so it is easy to test). */
export interface CookieRequest {
  headers: { cookie?: string | undefined };
}
export interface CookieReply {
  header(name: string, value: string): unknown;
}

export const CSRF_FIELD = "csrf";
const NONCE_BYTES = 18;

/**
 * Stateless CSRF protection, double-submit style. Each browser gets a random
 * nonce in an HttpOnly, SameSite=Lax cookie; every form carries
 * HMAC(key, "csrf" | nonce | scope) in a hidden field. A POST is accepted only
 * when the field matches the cookie's nonce for that form's scope (e.g.
 * "subscribe" or "preferences:<readerId>"). Another site can make a browser send
 * the cookie, but cannot read it or the page, so it cannot compute the field;
 * and a field copied from one form is useless for another scope.
 *
 * The key is derived from the signing secrets (first one signs, all verify), so
 * rotating SECRET_KEY keeps open pages working.
 */
export class CsrfProtection {
  private readonly keys: Buffer[];
  readonly cookieName: string;
  private readonly secure: boolean;

  constructor(secrets: readonly string[], options: { secureCookie: boolean }) {
    if (secrets.length === 0) throw new AppError("CONFIG_INVALID", "CSRF protection needs a secret");
    this.keys = secrets.map((secret) => createHmac("sha256", secret).update("paperboy csrf key v1").digest());
    this.secure = options.secureCookie;
    // The __Host- prefix pins the cookie to this host and path "/" (browsers only accept it over HTTPS).
    this.cookieName = this.secure ? "__Host-pb_csrf" : "pb_csrf";
  }

  /** The browser's nonce; a new one is created (and its cookie set) when it has none or a malformed one. */
  nonce(request: CookieRequest, reply: CookieReply): string {
    const existing = this.readNonce(request);
    if (existing) return existing;
    const fresh = randomBytes(NONCE_BYTES).toString("base64url");
    const attributes = ["Path=/", "HttpOnly", "SameSite=Lax", ...(this.secure ? ["Secure"] : [])];
    reply.header("Set-Cookie", `${this.cookieName}=${fresh}; ${attributes.join("; ")}`);
    // Remember it for this request, so several forms on one page share the nonce.
    request.headers.cookie = `${request.headers.cookie ? `${request.headers.cookie}; ` : ""}${this.cookieName}=${fresh}`;
    return fresh;
  }

  /** The hidden field's value for a form of this scope. */
  token(request: CookieRequest, reply: CookieReply, scope: string): string {
    return mac(this.keys[0]!, this.nonce(request, reply), scope);
  }

  /** Throws CSRF_REJECTED unless `submitted` is this browser's token for `scope`. */
  verify(request: CookieRequest, scope: string, submitted: unknown): void {
    const nonce = this.readNonce(request);
    if (!nonce) throw rejected("no CSRF cookie");
    if (typeof submitted !== "string" || submitted.length === 0 || submitted.length > 100) {
      throw rejected("missing CSRF field");
    }
    const given = Buffer.from(submitted, "base64url");
    const ok = this.keys.some((key) => {
      const expected = Buffer.from(mac(key, nonce, scope), "base64url");
      return expected.length === given.length && timingSafeEqual(expected, given);
    });
    if (!ok) throw rejected("CSRF field does not match");
  }

  private readNonce(request: CookieRequest): string | undefined {
    const value = readCookie(request.headers.cookie, this.cookieName);
    return value && /^[A-Za-z0-9_-]{24}$/.test(value) ? value : undefined;
  }
}

function mac(key: Buffer, nonce: string, scope: string): string {
  return createHmac("sha256", key).update(`csrf|${nonce}|${scope}`).digest("base64url");
}

function rejected(reason: string): AppError {
  return new AppError("CSRF_REJECTED", "This form has expired or was not sent from this site.", {
    details: { reason },
  });
}

/** The value of one cookie in a Cookie header (last one wins), or undefined. */
export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  let found: string | undefined;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) found = part.slice(eq + 1).trim();
  }
  return found;
}
