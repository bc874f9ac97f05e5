import { generateKeyPairSync } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rawHeader } from "../../helpers/smtp-sink.js";
import { startTestApp, type TestApp } from "../../helpers/test-app.js";

describe("DKIM signing", () => {
  let app: TestApp;
  beforeAll(async () => {
    const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
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
});
