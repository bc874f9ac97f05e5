import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { simpleParser } from "mailparser";
import { afterAll, describe, expect, it } from "vitest";
import { OutboxMailer } from "../../../src/delivery/mailer.js";
import { quotedPrintableBuffer } from "../../../src/delivery/quoted-printable.js";
import { seededRandom } from "../../helpers/seeded-random.js";

const encodeQuotedPrintable = (text: string) => quotedPrintableBuffer(text).toString("latin1");

/** RFC 2045 decoding, strict: any "=" not starting a soft break or two hex digits fails. */
function decode(encoded: string): string {
  const bytes: number[] = [];
  const lines = encoded.split("\r\n");
  lines.forEach((line, index) => {
    const soft = line.endsWith("=");
    const body = soft ? line.slice(0, -1) : line;
    for (let i = 0; i < body.length; i++) {
      if (body[i] === "=") {
        const hex = body.slice(i + 1, i + 3);
        if (!/^[0-9A-F]{2}$/.test(hex)) throw new Error(`bad escape at line ${index}: ${line}`);
        bytes.push(Number.parseInt(hex, 16));
        i += 2;
      } else {
        bytes.push(body.charCodeAt(i));
      }
    }
    if (!soft && index < lines.length - 1) bytes.push(0x0d, 0x0a);
  });
  return Buffer.from(bytes).toString("utf8");
}

/** Line breaks as the encoder defines them: LF and CRLF are the same hard break. */
const canonical = (text: string) => text.replace(/\r?\n/g, "\r\n");

const PIECES = [
  "a",
  "Z",
  "0",
  " ",
  "  ",
  "\t",
  "=",
  "==",
  ".",
  "\n",
  "\r\n",
  "\r",
  "é",
  "ß",
  "—",
  "“",
  "→",
  "𝔼",
  "😀",
  "👩‍🔬",
  "مرحبا",
  "中文",
  '<a href="https://x.example/?a=1&amp;b=2">',
  "=3D",
  "From ",
  "\u0000",
  "\u007f",
  "~",
  "x".repeat(80),
];

function randomText(random: () => number, pieces: number): string {
  let text = "";
  for (let i = 0; i < pieces; i++) text += PIECES[Math.floor(random() * PIECES.length)];
  return text;
}

function expectWellFormed(encoded: string): void {
  for (const line of encoded.split("\r\n")) {
    expect(line.length).toBeLessThanOrEqual(76);
    // Only printable ASCII on the wire, and nothing that ends a line as whitespace.
    expect(line).toMatch(/^[\x21-\x7e \t]*$/);
    expect(line).not.toMatch(/[ \t]$/);
    // No escape cut by a soft break.
    expect(line).not.toMatch(/=[0-9A-F]?=$/);
  }
  expect(encoded).not.toMatch(/\r(?!\n)|(?<!\r)\n/);
}

describe("encodeQuotedPrintable", () => {
  it("round-trips random text with every awkward piece, in lines of at most 76", () => {
    const random = seededRandom(7);
    for (let round = 0; round < 400; round++) {
      const text = randomText(random, 1 + Math.floor(random() * 120));
      const encoded = encodeQuotedPrintable(text);
      expectWellFormed(encoded);
      expect(decode(encoded)).toBe(canonical(text));
    }
  });

  it("keeps plain ASCII readable and escapes what RFC 2045 says to", () => {
    expect(encodeQuotedPrintable("Hello, world")).toBe("Hello, world");
    expect(encodeQuotedPrintable("a=b")).toBe("a=3Db");
    expect(encodeQuotedPrintable("café")).toBe("caf=C3=A9");
    expect(encodeQuotedPrintable("end \nnext\t")).toBe("end=20\r\nnext=09");
    expect(encodeQuotedPrintable("lone\rCR")).toBe("lone=0DCR");
  });

  it("encodes texts longer than its scratch space the same way, whatever falls on the seams", () => {
    const piece = 64 * 1024;
    const texts = [
      "a".repeat(3 * piece + 17),
      `${"x".repeat(piece - 1)}😀${"y".repeat(piece)}`,
      `${"x".repeat(piece - 1)}\r\n${"é".repeat(piece)} \n`,
      `${"x".repeat(piece)}\n${"z ".repeat(piece)}`,
      `${"line of text\n".repeat(20_000)}=`,
    ];
    for (const text of texts) {
      const encoded = encodeQuotedPrintable(text);
      expectWellFormed(encoded);
      expect(decode(encoded)).toBe(canonical(text));
    }
  });

  it("puts the part's headers first, for short and long texts alike", () => {
    const headers = "Content-Type: text/plain; charset=utf-8\r\n\r\n";
    for (const text of ["short é", "long line é\n".repeat(10_000)]) {
      const part = quotedPrintableBuffer(text, headers).toString("latin1");
      expect(part.startsWith(headers)).toBe(true);
      expect(part.slice(headers.length)).toBe(encodeQuotedPrintable(text));
    }
  });

  it("escapes whitespace that ends a line wherever it falls, soft breaks included", () => {
    for (let prefix = 68; prefix <= 80; prefix++) {
      for (const space of [" ", "\t", "  ", " \t", "= "]) {
        for (const end of ["\n", "\r\n", "", "\nnext"]) {
          const text = `${"x".repeat(prefix)}${space}${end}`;
          const encoded = encodeQuotedPrintable(text);
          expectWellFormed(encoded);
          expect(decode(encoded)).toBe(canonical(text));
        }
      }
    }
    // Whitespace inside a line stays readable.
    expect(encodeQuotedPrintable("a b\tc")).toBe("a b\tc");
  });

  it("never splits a UTF-8 character across a soft break", () => {
    for (let prefix = 0; prefix < 80; prefix++) {
      const encoded = encodeQuotedPrintable(`${"x".repeat(prefix)}😀é—`);
      for (const line of encoded.split("=\r\n")) {
        // Every line decodes on its own: it starts with no continuation byte.
        expect(line).not.toMatch(/^=[89AB][0-9A-F]/);
      }
      expect(decode(encoded)).toBe(`${"x".repeat(prefix)}😀é—`);
    }
  });
});

describe("messages from the mailer", () => {
  const dir = mkdtempSync(join(tmpdir(), "pb-qp-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("decode, in a real MIME parser, to exactly the html and text given", async () => {
    const random = seededRandom(11);
    const mailer = new OutboxMailer(dir);
    for (let i = 0; i < 20; i++) {
      // (A MIME parser folds a lone CR into the line break after it; the strict decoder above covers those.)
      const html = `<html><body>${randomText(random, 300)}</body></html>`.replace(/\r(?!\n)/g, "");
      const text = randomText(random, 200).replace(/\r(?!\n)/g, "");
      const { path } = await mailer.send({
        from: "paperboy <digest@paperboy.example>",
        to: "reader@example.org",
        subject: "Digest",
        html,
        text,
        messageId: `qp-${i}@paperboy.example`,
        headers: {},
      });
      const parsed = await simpleParser(readFileSync(path!));
      expect(parsed.html).toBe(html.replace(/\r\n/g, "\n"));
      expect(parsed.text).toBe(text.replace(/\r\n/g, "\n"));
      const raw = readFileSync(path!, "latin1");
      expect(raw).toMatch(
        /Content-Type: text\/html; charset=utf-8\nContent-Transfer-Encoding: quoted-printable/,
      );
    }
  });
});
