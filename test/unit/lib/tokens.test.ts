import { createHmac } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../../src/config/config.js";
import { type ErrorCode, isAppError } from "../../../src/lib/errors.js";
import { type TokenPurpose, TokenSigner } from "../../../src/lib/tokens.js";

const KEY_OLD = "old-key-0123456789abcdef0123456789abcdef";
const KEY_NEW = "new-key-fedcba9876543210fedcba9876543210";
const NOW = new Date("2026-03-01T12:00:00Z");

const signer = (keys: string[], now: Date = NOW) => new TokenSigner({ keys, now: () => now });

function codeOf(fn: () => unknown): ErrorCode | "no error" {
  try {
    fn();
    return "no error";
  } catch (error) {
    if (isAppError(error)) return error.code;
    throw error;
  }
}

/** A token whose body is anything, with a correct MAC (as if someone had the key). */
function forge(key: string, body: string): string {
  const encoded = Buffer.from(body).toString("base64url");
  return `${encoded}.${createHmac("sha256", key).update(encoded).digest("base64url")}`;
}

describe("TokenSigner", () => {
  it("round-trips the subject for the purpose it was signed for", () => {
    const s = signer([KEY_NEW]);
    const token = s.sign({
      purpose: "preferences",
      subject: "reader-1",
      expiresAt: new Date(NOW.getTime() + 60_000),
    });
    expect(s.verify(token, "preferences")).toBe("reader-1");
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/);
    const composite = s.sign({ purpose: "feedback", subject: "r|p|more" });
    expect(s.verify(composite, "feedback")).toBe("r|p|more");
  });

  describe("tampering", () => {
    const s = signer([KEY_NEW]);
    const token = s.sign({ purpose: "unsubscribe", subject: "reader-1" });
    const [body, mac] = token.split(".") as [string, string];

    it("rejects another subject, purpose or expiry under the original MAC", () => {
      for (const claims of [
        ["unsubscribe", "reader-2", 0],
        ["preferences", "reader-1", 0],
        ["unsubscribe", "reader-1", 1],
      ]) {
        const altered = `${Buffer.from(JSON.stringify(claims)).toString("base64url")}.${mac}`;
        expect(codeOf(() => s.verify(altered, "unsubscribe"))).toBe("TOKEN_INVALID");
      }
    });

    it("rejects a changed, truncated, extended or missing MAC", () => {
      const flipped = `${body}.${mac[0] === "A" ? "B" : "A"}${mac.slice(1)}`;
      for (const bad of [
        flipped,
        `${body}.${mac.slice(0, -1)}`,
        `${body}.${mac}A`,
        `${body}.`,
        body,
        `.${mac}`,
        "",
      ]) {
        expect(
          codeOf(() => s.verify(bad, "unsubscribe")),
          bad,
        ).toBe("TOKEN_INVALID");
      }
    });

    it("rejects oversized tokens and well-signed bodies of the wrong shape", () => {
      expect(codeOf(() => s.verify(`${"a".repeat(2100)}.${mac}`, "unsubscribe"))).toBe("TOKEN_INVALID");
      for (const shape of [
        "not json",
        "{}",
        '["unsubscribe","r"]',
        '["unsubscribe",1,0]',
        '["unsubscribe","r","0"]',
      ]) {
        expect(
          codeOf(() => s.verify(forge(KEY_NEW, shape), "unsubscribe")),
          shape,
        ).toBe("TOKEN_INVALID");
      }
    });
  });

  describe("expiry", () => {
    const expiresAt = new Date(NOW.getTime() + 3_600_000);
    const token = signer([KEY_NEW]).sign({ purpose: "confirm", subject: "reader-1", expiresAt });

    it("works until the expiry second and not after", () => {
      expect(signer([KEY_NEW], new Date(expiresAt.getTime() - 1)).verify(token, "confirm")).toBe("reader-1");
      expect(signer([KEY_NEW], expiresAt).verify(token, "confirm")).toBe("reader-1");
      expect(
        codeOf(() => signer([KEY_NEW], new Date(expiresAt.getTime() + 1_000)).verify(token, "confirm")),
      ).toBe("TOKEN_EXPIRED");
    });

    it("checks the signature before the expiry, so a forged expiry is invalid rather than expired", () => {
      const later = signer([KEY_NEW], new Date(expiresAt.getTime() + 86_400_000));
      const mac = token.split(".")[1];
      const extended = `${Buffer.from(JSON.stringify(["confirm", "reader-1", 4_000_000_000])).toString("base64url")}.${mac}`;
      expect(codeOf(() => later.verify(extended, "confirm"))).toBe("TOKEN_INVALID");
    });

    it("never expires a token signed without an expiry (unsubscribe links)", () => {
      const forever = signer([KEY_NEW]).sign({ purpose: "unsubscribe", subject: "reader-1" });
      expect(signer([KEY_NEW], new Date("2099-01-01T00:00:00Z")).verify(forever, "unsubscribe")).toBe(
        "reader-1",
      );
    });
  });

  it("refuses a token used for another purpose", () => {
    const s = signer([KEY_NEW]);
    const purposes: TokenPurpose[] = ["confirm", "preferences", "unsubscribe", "digest", "feedback"];
    for (const signedFor of purposes) {
      const token = s.sign({ purpose: signedFor, subject: "x" });
      for (const usedFor of purposes.filter((p) => p !== signedFor)) {
        expect(codeOf(() => s.verify(token, usedFor))).toBe("TOKEN_WRONG_PURPOSE");
      }
    }
  });

  describe("key rotation", () => {
    const oldToken = signer([KEY_OLD]).sign({ purpose: "preferences", subject: "reader-1" });

    it("verifies tokens signed with the previous key while signing with the new one", () => {
      const rotated = signer([KEY_NEW, KEY_OLD]);
      expect(rotated.verify(oldToken, "preferences")).toBe("reader-1");
      const fresh = rotated.sign({ purpose: "preferences", subject: "reader-1" });
      expect(signer([KEY_NEW]).verify(fresh, "preferences")).toBe("reader-1");
      expect(codeOf(() => signer([KEY_OLD]).verify(fresh, "preferences"))).toBe("TOKEN_INVALID");
    });

    it("stops accepting the old key once it is dropped", () => {
      expect(codeOf(() => signer([KEY_NEW]).verify(oldToken, "preferences"))).toBe("TOKEN_INVALID");
    });

    const dataDir = mkdtempSync(join(tmpdir(), "pb-tokens-"));
    afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

    it("takes the previous key from SECRET_KEY_PREVIOUS", () => {
      const config = loadConfig({
        NODE_ENV: "test",
        DATA_DIR: dataDir,
        SECRET_KEY: KEY_NEW,
        SECRET_KEY_PREVIOUS: KEY_OLD,
      });
      expect(config.secrets.keys).toEqual([KEY_NEW, KEY_OLD]);
      const fromConfig = new TokenSigner({ keys: config.secrets.keys, now: () => NOW });
      expect(fromConfig.verify(oldToken, "preferences")).toBe("reader-1");
      const withoutPrevious = loadConfig({ NODE_ENV: "test", DATA_DIR: dataDir, SECRET_KEY: KEY_NEW });
      expect(
        codeOf(() => new TokenSigner({ keys: withoutPrevious.secrets.keys }).verify(oldToken, "preferences")),
      ).toBe("TOKEN_INVALID");
    });
  });

  it("needs at least one key of 16 characters", () => {
    expect(codeOf(() => new TokenSigner({ keys: [] }))).toBe("CONFIG_INVALID");
    expect(codeOf(() => new TokenSigner({ keys: [KEY_NEW, "short"] }))).toBe("CONFIG_INVALID");
  });
});
