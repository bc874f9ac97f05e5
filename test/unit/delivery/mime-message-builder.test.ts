import { type AddressObject, type ParsedMail, simpleParser } from "mailparser";
import nodemailer from "nodemailer";
import { describe, expect, it } from "vitest";
import type { OutgoingMessage } from "../../../src/delivery/mailer.js";
import { buildListHeaders } from "../../../src/delivery/message-headers.js";
import { MimeMessageBuilder } from "../../../src/delivery/mime-message-builder.js";

const DATE = new Date("2026-12-04T07:30:00Z");

function message(overrides: Partial<OutgoingMessage> = {}): OutgoingMessage {
  return {
    from: "paperboy <digest@paperboy.example>",
    to: "reader@example.org",
    subject: "Your papers for 4 December: Diffusion & LLMs",
    html: '<html><body><p style="color:#333">Hello = world</p></body></html>',
    text: "Hello = world\n",
    messageId: "delivery-0f5c@paperboy.example",
    headers: buildListHeaders({
      unsubscribeUrl: `https://paperboy.example/unsubscribe/${"t".repeat(120)}`,
      unsubscribeMailto: "unsubscribe@paperboy.example",
      listId: "paperboy digest <digest.paperboy.example>",
      extra: { "X-Paperboy-Delivery": "0f5c" },
    }),
    ...overrides,
  };
}

/** What nodemailer itself writes for the same message: the reference we must read like. */
async function nodemailerReference(m: OutgoingMessage): Promise<ParsedMail> {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "windows" });
  const info = await transport.sendMail({
    from: m.from,
    to: m.to,
    subject: m.subject,
    html: m.html,
    text: m.text,
    messageId: `<${m.messageId}>`,
    date: DATE,
    headers: m.headers,
  });
  return simpleParser(info.message as Buffer);
}

const addresses = (a: AddressObject | AddressObject[] | undefined) =>
  [a ?? []].flat().flatMap((o) => o.value.map((v) => ({ name: v.name, address: v.address })));

function expectSameMessage(ours: ParsedMail, reference: ParsedMail): void {
  expect(addresses(ours.from)).toEqual(addresses(reference.from));
  expect(addresses(ours.to)).toEqual(addresses(reference.to));
  expect(ours.subject).toBe(reference.subject);
  expect(ours.messageId).toBe(reference.messageId);
  expect(ours.date?.toISOString()).toBe(reference.date?.toISOString());
  expect(ours.html).toBe(reference.html);
  expect(ours.text).toBe(reference.text);
  for (const name of ["list-unsubscribe", "list-unsubscribe-post", "list-id", "x-paperboy-delivery"]) {
    expect(ours.headers.get(name), name).toEqual(reference.headers.get(name));
  }
}

describe("MimeMessageBuilder", () => {
  const builder = new MimeMessageBuilder();

  it("writes a message that parses exactly like nodemailer's own composition of it", async () => {
    const cases = [
      message(),
      message({
        from: "Paperboy Digest — ML <digest@paperboy.example>",
        subject: "Neue Papiere: Größere Modelle, „Diffusion“ und 😀 — 12 papers",
        html: `<p>Ünïcödé ${"long line of text ".repeat(40)}</p>\n<p>tab\tend </p>`,
        text: `Ünïcödé\n${"word ".repeat(100)}\nend \n`,
      }),
      message({ to: "Some.One+tag@Example.ORG", subject: "x".repeat(200) }),
      message({ to: "reader@bücher.example", subject: "Lone\r\nInjected: yes" }),
    ];
    for (const m of cases) {
      const { raw } = builder.build(m, DATE);
      expectSameMessage(await simpleParser(raw), await nodemailerReference(m));
    }
  });

  it("gives the SMTP envelope the sender's address and the one recipient, IDN domains in ASCII", () => {
    expect(builder.build(message(), DATE).envelope).toEqual({
      from: "digest@paperboy.example",
      to: ["reader@example.org"],
    });
    expect(builder.build(message({ to: "reader@bücher.example" }), DATE).envelope.to).toEqual([
      "reader@xn--bcher-kva.example",
    ]);
    expect(builder.build(message({ to: "Some.One@Example.ORG" }), DATE).envelope.to).toEqual([
      "Some.One@example.org",
    ]);
    for (const to of ["a@example.org, b@example.org", "no address at all"]) {
      expect(() => builder.build(message({ to }), DATE)).toThrow(
        expect.objectContaining({ code: "SMTP_PERMANENT" }),
      );
    }
    expect(() => builder.build(message({ from: "paperboy" }), DATE)).toThrow(
      expect.objectContaining({ code: "SMTP_CONFIG" }),
    );
  });

  it("keeps every line short, CRLF-terminated and free of injected headers", () => {
    const { raw } = builder.build(
      message({ subject: `Hi\r\nBcc: victim@example.org ${"é".repeat(60)}`, to: "reader@example.org" }),
      DATE,
    );
    const text = raw.toString("latin1");
    expect(text).not.toMatch(/\r(?!\n)|(?<!\r)\n/);
    const [head] = text.split("\r\n\r\n");
    const fields = head!.split("\r\n").filter((line) => !/^[ \t]/.test(line));
    expect(fields.map((line) => line.slice(0, line.indexOf(":")))).toEqual([
      "From",
      "To",
      "Subject",
      "Message-ID",
      "Date",
      "MIME-Version",
      "List-Unsubscribe",
      "List-Unsubscribe-Post",
      "List-Id",
      "X-Paperboy-Delivery",
      "Content-Type",
    ]);
    // Folded at whitespace; only a URL that has none may run past 78 (never past 998).
    for (const line of text.split("\r\n")) {
      expect(line.length).toBeLessThanOrEqual(998);
      if (!line.includes("https://")) expect(line.length).toBeLessThanOrEqual(78);
    }
  });

  it("uses a boundary quoted-printable bodies cannot contain, new for every message", async () => {
    const body = "--=_pb_ =_ --boundary =\n".repeat(20);
    const first = builder.build(message({ html: body, text: body }), DATE).raw.toString("latin1");
    const second = builder.build(message(), DATE).raw.toString("latin1");
    const boundary = (raw: string) => /boundary="([^"]+)"/.exec(raw)![1]!;
    expect(boundary(first)).toMatch(/^=_/);
    expect(boundary(first)).not.toBe(boundary(second));
    expect(first.split(`--${boundary(first)}`)).toHaveLength(4);
    const parsed = await simpleParser(first);
    expect(parsed.html).toBe(body);
  });
});
