import { randomBytes } from "node:crypto";
import { foldLines } from "nodemailer/lib/mime-funcs";
import MimeNode from "nodemailer/lib/mime-node";
import { AppError } from "../lib/errors.js";
import type { OutgoingMessage } from "./mailer.js";
import { quotedPrintableBuffer } from "./quoted-printable.js";

/** A whole message as it goes over SMTP, and the envelope to send it with. */
export interface BuiltMessage {
  raw: Buffer;
  envelope: { from: string; to: string[] };
}

/** nodemailer 10's public header encoder; @types/nodemailer predates it. */
interface HeaderEncoder {
  encodeHeaderValue(key: string, value: string): string;
  setHeader(key: string, value: string): unknown;
  getEnvelope(): { from: string | false; to: string[] };
}
const newEncoder = () => new MimeNode() as unknown as HeaderEncoder;

/**
 * An address nodemailer would write as it is: an ASCII dot-atom local part and a
 * lower-case domain name (nodemailer lower-cases and punycodes domains).
 */
const PLAIN_ADDRESS =
  /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*$/;

const TEXT_PART =
  "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n";
const HTML_PART =
  "Content-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n";

/**
 * Writes a digest or lifecycle email (multipart/alternative: text, then HTML,
 * both quoted-printable) as the bytes that go over SMTP: SmtpMailer hands them
 * to nodemailer's pool (PrebuiltMessage), the outbox to nodemailer's `raw`
 * option. Every header value goes through nodemailer's own encoder
 * (MimeNode.encodeHeaderValue, folded at 76 as nodemailer folds), so headers
 * read as nodemailer would write them; what is skipped is building a MIME tree
 * and a chain of streams per message, which cost more CPU than the rest of the
 * send. The sender's header and envelope address are worked out once.
 *
 * The boundary starts with "=_", which quoted-printable bodies cannot contain
 * ("=" is always followed by two hex digits or a line break there).
 */
export class MimeMessageBuilder {
  private readonly senders = new Map<string, { header: string; address: string }>();
  private readonly encoder = newEncoder();
  private readonly boundaryPrefix = `=_pb_${randomBytes(6).toString("hex")}_`;
  private counter = 0;

  build(message: OutgoingMessage, date: Date): BuiltMessage {
    const sender = this.sender(message.from);
    const recipient = this.recipient(message.to);
    const boundary = `${this.boundaryPrefix}${(this.counter++).toString(36)}`;

    let head = `${sender.header}\r\n${recipient.header}\r\n`;
    head += `${this.header("Subject", message.subject)}\r\n`;
    head += `Message-ID: ${this.encoder.encodeHeaderValue("Message-ID", message.messageId)}\r\n`;
    head += `Date: ${date.toUTCString().replace(/GMT/, "+0000")}\r\nMIME-Version: 1.0\r\n`;
    for (const name in message.headers) head += `${this.header(name, message.headers[name]!)}\r\n`;
    head += `Content-Type: multipart/alternative;\r\n boundary="${boundary}"\r\n\r\n--${boundary}\r\n`;

    const raw = Buffer.concat([
      Buffer.from(head),
      quotedPrintableBuffer(message.text, TEXT_PART),
      quotedPrintableBuffer(message.html, `\r\n--${boundary}\r\n${HTML_PART}`),
      Buffer.from(`\r\n--${boundary}--\r\n`, "latin1"),
    ]);
    return { raw, envelope: { from: sender.address, to: recipient.to } };
  }

  /** `Name: value`, encoded and folded as nodemailer does. Names are ours, never data. */
  private header(name: string, value: string): string {
    return foldLines(`${name}: ${this.encoder.encodeHeaderValue(name, value)}`, 76);
  }

  private sender(from: string): { header: string; address: string } {
    let sender = this.senders.get(from);
    if (!sender) {
      const node = newEncoder();
      node.setHeader("From", from);
      const address = node.getEnvelope().from;
      if (!address) throw new AppError("SMTP_CONFIG", `the sender "${from}" has no address (MAIL_FROM)`);
      sender = { header: foldLines(`From: ${node.encodeHeaderValue("From", from)}`, 76), address };
      this.senders.set(from, sender);
    }
    return sender;
  }

  /** The To header and envelope: as is for a plain address, through nodemailer's parser otherwise. */
  private recipient(to: string): { header: string; to: string[] } {
    if (PLAIN_ADDRESS.test(to)) return { header: `To: ${to}`, to: [to] };
    const node = newEncoder();
    node.setHeader("To", to);
    const recipients = node.getEnvelope().to;
    if (recipients.length !== 1) {
      // No server would take it either: final for this reader, like a 550.
      throw new AppError("SMTP_PERMANENT", `"${to}" is not one recipient address`);
    }
    return { header: foldLines(`To: ${node.encodeHeaderValue("To", to)}`, 76), to: recipients };
  }
}
