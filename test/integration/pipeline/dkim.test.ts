import { generateKeyPairSync } from "node:crypto";
import { dkimVerify } from "mailauth/lib/dkim/verify.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rawHeader } from "../../helpers/smtp-sink.js";
import { startTestApp, type TestApp } from "../../helpers/test-app.js";

describe("DKIM signing", () => {
  let app: TestApp;
  let publicKey: string;
  beforeAll(async () => {
    const pair = generateKeyPairSync("rsa", { modulusLength: 2048 });
    const { privateKey } = pair;
    publicKey = pair.publicKey.export({ type: "spki", format: "der" }).toString("base64");
    const pem = privateKey.export({ type: "pkcs8", format: "pem" }).toString();
    app = await startTestApp({
      env: {
        MAIL_FROM: "paperboy <digest@news.example.org>",
        DKIM_DOMAIN: "news.example.org",
        DKIM_SELECTOR: "pb2026",
        DKIM_PRIVATE_KEY: pem.replace(/\n/g, "\\n"),
      },
    });
  });
  afterAll(async () => app?.close());

  it("signs every message with the configured domain and selector when all three are set", async () => {
    const { reader } = await app.ctx.subscriptions.subscribe({ email: "dkim@example.org", topics: ["llm"] });
    await app.ctx.lifecycleMail.send("confirm", reader.id);
    const [message] = await app.smtp.waitFor(1);
    const signature = rawHeader(message!.raw, "DKIM-Signature");
    expect(signature).toBeDefined();
    expect(signature).toMatch(/\bd=news\.example\.org;/);
    expect(signature).toMatch(/\bs=pb2026;/);
    expect(signature).toMatch(/\bb=[A-Za-z0-9+/=\s]{100,}/);
    expect(rawHeader(message!.raw, "List-Unsubscribe-Post")).toBe("List-Unsubscribe=One-Click");
  });

  it("produces signatures a DKIM verifier accepts, and rejects once the body is changed", async () => {
    const { reader } = await app.ctx.subscriptions.subscribe({
      email: "verify@example.org",
      topics: ["llm"],
    });
    await app.ctx.lifecycleMail.send("confirm", reader.id);
    const message = (await app.smtp.waitFor(2)).find((m) => m.to.includes("verify@example.org"))!;
    // The verifier asks DNS for pb2026._domainkey.news.example.org; this answers for it.
    const resolver = async (name: string, type: string) => {
      if (name !== "pb2026._domainkey.news.example.org" || type !== "TXT")
        throw new Error(`no ${type} ${name}`);
      return [[`v=DKIM1; k=rsa; p=${publicKey}`]];
    };
    const verified = await dkimVerify(message.raw, { resolver });
    expect(verified.results.map((r) => [r.signingDomain, r.selector, r.status.result])).toEqual([
      ["news.example.org", "pb2026", "pass"],
    ]);
    const bodyStart = message.raw.indexOf("\r\n\r\n") + 4;
    const tampered = message.raw.slice(0, bodyStart) + message.raw.slice(bodyStart).replace("e", "f");
    const rejected = await dkimVerify(tampered, { resolver });
    // mailauth calls a body that no longer matches its hash "neutral" (RFC 6376 6.1.3): not a pass.
    expect(rejected.results.map((r) => r.status.result)).toEqual(["neutral"]);
  });
});
