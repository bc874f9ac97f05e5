import { generateKeyPairSync } from "node:crypto";
import type { Readable } from "node:stream";
import DKIM from "nodemailer/lib/dkim";
import { describe, expect, it } from "vitest";
import { PrebuiltMessage } from "../../../src/delivery/prebuilt-message.js";

const raw = Buffer.from(
  "From: paperboy <digest@news.example.org>\r\nTo: reader@example.org\r\nSubject: Digest\r\n" +
    "Message-ID: <delivery-1@news.example.org>\r\n\r\nHello =3D world\r\n",
);
const built = { raw, envelope: { from: "digest@news.example.org", to: ["reader@example.org"] } };

async function read(stream: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks).toString("latin1");
}

describe("PrebuiltMessage", () => {
  it("answers the pool's questions: envelope (a copy each time), Message-ID", () => {
    const message = new PrebuiltMessage(built, "delivery-1@news.example.org", undefined);
    const envelope = message.getEnvelope();
    envelope.to.push("someone-else@example.org");
    expect(message.getEnvelope()).toEqual(built.envelope);
    expect(message.messageId()).toBe("<delivery-1@news.example.org>");
    expect(message.getHeader("Message-ID")).toBe("<delivery-1@news.example.org>");
    expect(message.getHeader("subject")).toBeUndefined();
  });

  it("streams the whole message on every read, as a retry on another connection needs", async () => {
    const message = new PrebuiltMessage(built, "delivery-1@news.example.org", undefined);
    expect(await read(message.createReadStream())).toBe(raw.toString("latin1"));
    expect(await read(message.createReadStream())).toBe(raw.toString("latin1"));
  });

  it("signs with DKIM when given a signer, every read alike", async () => {
    const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 1024 });
    const dkim = new DKIM({
      domainName: "news.example.org",
      keySelector: "pb",
      privateKey: privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
    });
    const message = new PrebuiltMessage(built, "delivery-1@news.example.org", dkim);
    for (let i = 0; i < 2; i++) {
      const signed = await read(message.createReadStream());
      expect(signed).toMatch(/^DKIM-Signature: v=1; a=rsa-sha256;[\s\S]*d=news\.example\.org;/);
      expect(signed.endsWith(raw.toString("latin1"))).toBe(true);
    }
  });
});
