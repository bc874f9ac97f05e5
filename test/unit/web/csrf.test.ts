import { describe, expect, it } from "vitest";
import { isAppError } from "../../../src/lib/errors.js";
import { CsrfProtection, readCookie } from "../../../src/web/csrf.js";

const KEY = "csrf-test-key-0123456789abcdef012345";
const OLD = "csrf-old-key-0123456789abcdef0123456";

class FakeReply {
  readonly headers: [string, string][] = [];
  header(name: string, value: string) {
    this.headers.push([name, value]);
    return this;
  }
}

function browser(csrf: CsrfProtection) {
  const reply = new FakeReply();
  const request = { headers: {} as { cookie?: string } };
  const token = csrf.token(request, reply, "subscribe");
  const setCookie = reply.headers.find(([n]) => n === "Set-Cookie")?.[1] ?? "";
  return { token, cookie: setCookie.split(";")[0]!, setCookie };
}

function rejects(fn: () => void): string {
  try {
    fn();
    return "accepted";
  } catch (error) {
    return isAppError(error, "CSRF_REJECTED") ? "rejected" : String(error);
  }
}

describe("CsrfProtection", () => {
  const csrf = new CsrfProtection([KEY], { secureCookie: false });

  it("sets a random HttpOnly SameSite=Lax nonce cookie and accepts its own token", () => {
    const a = browser(csrf);
    expect(a.setCookie).toMatch(/^pb_csrf=[A-Za-z0-9_-]{24}; Path=\/; HttpOnly; SameSite=Lax$/);
    expect(
      rejects(() => csrf.verify({ headers: { cookie: `other=1; ${a.cookie}` } }, "subscribe", a.token)),
    ).toBe("accepted");
    expect(browser(csrf).cookie).not.toBe(a.cookie);
  });

  it("reuses an existing nonce instead of setting a new cookie", () => {
    const a = browser(csrf);
    const reply = new FakeReply();
    const token = csrf.token({ headers: { cookie: a.cookie } }, reply, "subscribe");
    expect(token).toBe(a.token);
    expect(reply.headers).toHaveLength(0);
  });

  it("rejects a missing cookie, a missing field, another browser's token and another scope's token", () => {
    const a = browser(csrf);
    const b = browser(csrf);
    const withA = { headers: { cookie: a.cookie } };
    expect(rejects(() => csrf.verify({ headers: {} }, "subscribe", a.token))).toBe("rejected");
    expect(rejects(() => csrf.verify(withA, "subscribe", undefined))).toBe("rejected");
    expect(rejects(() => csrf.verify(withA, "subscribe", ""))).toBe("rejected");
    expect(rejects(() => csrf.verify(withA, "subscribe", b.token))).toBe("rejected");
    expect(rejects(() => csrf.verify(withA, "preferences:r1", a.token))).toBe("rejected");
    expect(rejects(() => csrf.verify({ headers: { cookie: "pb_csrf=short" } }, "subscribe", a.token))).toBe(
      "rejected",
    );
    expect(rejects(() => csrf.verify(withA, "subscribe", `${a.token}x`))).toBe("rejected");
  });

  it("keeps working across a key rotation and uses a __Host- Secure cookie over HTTPS", () => {
    const before = new CsrfProtection([OLD], { secureCookie: false });
    const a = browser(before);
    const rotated = new CsrfProtection([KEY, OLD], { secureCookie: false });
    expect(rejects(() => rotated.verify({ headers: { cookie: a.cookie } }, "subscribe", a.token))).toBe(
      "accepted",
    );
    expect(rejects(() => csrf.verify({ headers: { cookie: a.cookie } }, "subscribe", a.token))).toBe(
      "rejected",
    );
    const secure = browser(new CsrfProtection([KEY], { secureCookie: true }));
    expect(secure.setCookie).toMatch(/^__Host-pb_csrf=[^;]+; Path=\/; HttpOnly; SameSite=Lax; Secure$/);
  });

  it("reads cookies from a Cookie header", () => {
    expect(readCookie("a=1; pb_csrf=xyz ; b=2", "pb_csrf")).toBe("xyz");
    expect(readCookie("a=1", "pb_csrf")).toBeUndefined();
    expect(readCookie(undefined, "pb_csrf")).toBeUndefined();
  });
});
