import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import nodemailer, { type SendMailOptions, type Transporter, type TransportOptions } from "nodemailer";
import { quotedPrintableBuffer } from "./quoted-printable.js";

export interface OutgoingMessage {
  from: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  /** Without angle brackets: "delivery-<id>@domain". Stable per delivery. */
  messageId: string;
  headers: Record<string, string>;
}

export interface SendResult {
  messageId: string;
  /** The server's reply, or where the message was written. */
  response: string;
  /** For the outbox: the .eml path. */
  path?: string;
}

export interface Mailer {
  send(message: OutgoingMessage): Promise<SendResult>;
  /** Checks the server answers and accepts our credentials. */
  verify(): Promise<void>;
  close(): Promise<void>;
  readonly description: string;
}

export interface SmtpMailerOptions {
  url: string;
  poolSize: number;
  dkim?: { domainName: string; keySelector: string; privateKey: string } | undefined;
}

/**
 * Nodemailer's pooled SMTP transport. Bodies are quoted-printable, encoded by
 * our one-pass encoder and handed to nodemailer as finished MIME parts:
 * nodemailer's auto-detection scans the whole HTML of every message, and its own
 * encoder was the largest cost of a send at digest volume.
 */
export class SmtpMailer implements Mailer {
  private readonly transport: Transporter;
  readonly description: string;

  constructor(options: SmtpMailerOptions) {
    const url = new URL(options.url);
    const secure = url.protocol === "smtps:";
    const query = url.searchParams;
    this.transport = nodemailer.createTransport({
      pool: true,
      maxConnections: options.poolSize,
      maxMessages: Number.POSITIVE_INFINITY,
      host: url.hostname,
      port: Number(url.port || (secure ? 465 : 587)),
      secure,
      auth: url.username
        ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) }
        : undefined,
      ignoreTLS: query.get("ignoreTLS") === "true",
      requireTLS: query.get("requireTLS") === "true",
      tls: { rejectUnauthorized: query.get("rejectUnauthorized") !== "false" },
      connectionTimeout: 20_000,
      greetingTimeout: 15_000,
      socketTimeout: 60_000,
      dkim: options.dkim,
    } as TransportOptions);
    url.password = url.password ? "***" : "";
    this.description = `SMTP ${url.protocol}//${url.host}`;
  }

  async send(message: OutgoingMessage): Promise<SendResult> {
    const info = await this.transport.sendMail(toNodemailer(message));
    return { messageId: message.messageId, response: String(info.response ?? "") };
  }

  async verify(): Promise<void> {
    await this.transport.verify();
  }

  async close(): Promise<void> {
    this.transport.close();
  }
}

/** Writes each message as an .eml file (no SMTP_URL: development and demos). */
export class OutboxMailer implements Mailer {
  private readonly transport: Transporter;
  readonly description: string;

  constructor(private readonly dir: string) {
    this.transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
    this.description = `outbox ${dir}`;
  }

  async send(message: OutgoingMessage): Promise<SendResult> {
    const info = await this.transport.sendMail(toNodemailer(message));
    mkdirSync(this.dir, { recursive: true });
    const safeName = message.messageId.replace(/[^A-Za-z0-9._-]/g, "_");
    const path = join(this.dir, `${safeName}.eml`);
    writeFileSync(path, info.message as Buffer);
    return { messageId: message.messageId, response: `written to ${path}`, path };
  }

  async verify(): Promise<void> {
    mkdirSync(this.dir, { recursive: true });
  }

  async close(): Promise<void> {}
}

function toNodemailer(message: OutgoingMessage): SendMailOptions {
  return {
    from: message.from,
    to: message.to,
    subject: message.subject,
    text: { raw: mimePart("text/plain", message.text) },
    html: { raw: mimePart("text/html", message.html) },
    messageId: `<${message.messageId}>`,
    headers: message.headers,
    disableFileAccess: true,
    disableUrlAccess: true,
  };
}

/** A finished text part, as nodemailer would write it. */
function mimePart(type: "text/plain" | "text/html", body: string): Buffer {
  return quotedPrintableBuffer(
    body,
    `Content-Type: ${type}; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n`,
  );
}
