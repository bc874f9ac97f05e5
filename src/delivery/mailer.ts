import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import nodemailer, {
  type SendMailOptions,
  type SentMessageInfo,
  type Transporter,
  type TransportOptions,
} from "nodemailer";
import DKIM from "nodemailer/lib/dkim";
import { MimeMessageBuilder } from "./mime-message-builder.js";
import { PrebuiltMessage } from "./prebuilt-message.js";

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

/** What SmtpMailer hands a message to: the pool under nodemailer's sendMail. */
interface SmtpPool {
  send(
    mail: { data: Record<string, never>; message: PrebuiltMessage },
    callback: (error: Error | null, info: SentMessageInfo) => void,
  ): void;
}

/**
 * Nodemailer's pooled SMTP transport (connections, the SMTP dialogue, retrying a
 * message on another connection when a server drops one unsent). Each message is
 * handed to the pool finished: written by MimeMessageBuilder with nodemailer's
 * header encoder and our one-pass quoted-printable encoder, and DKIM-signed with
 * nodemailer's signer (PrebuiltMessage). nodemailer's own composition (a MIME
 * tree, a chain of streams, auto-detected body encodings) cost more CPU per
 * digest than ranking, rendering and the queue together.
 */
export class SmtpMailer implements Mailer {
  private readonly transport: Transporter;
  private readonly pool: SmtpPool;
  private readonly builder = new MimeMessageBuilder();
  private readonly dkim: DKIM | undefined;
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
    } as TransportOptions);
    this.pool = (this.transport as unknown as { transporter: SmtpPool }).transporter;
    this.dkim = options.dkim ? new DKIM(options.dkim) : undefined;
    url.password = url.password ? "***" : "";
    this.description = `SMTP ${url.protocol}//${url.host}`;
  }

  async send(message: OutgoingMessage): Promise<SendResult> {
    const prebuilt = new PrebuiltMessage(
      this.builder.build(message, new Date()),
      message.messageId,
      this.dkim,
    );
    const info = await new Promise<SentMessageInfo>((resolve, reject) => {
      this.pool.send({ data: {}, message: prebuilt }, (error, sent) =>
        error ? reject(error) : resolve(sent),
      );
    });
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
  private readonly builder = new MimeMessageBuilder();
  readonly description: string;

  constructor(private readonly dir: string) {
    this.transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
    this.description = `outbox ${dir}`;
  }

  async send(message: OutgoingMessage): Promise<SendResult> {
    const info = await this.transport.sendMail(toNodemailer(this.builder, message));
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

function toNodemailer(builder: MimeMessageBuilder, message: OutgoingMessage): SendMailOptions {
  const { raw, envelope } = builder.build(message, new Date());
  // The Message-ID is in the raw message already; named here too, nodemailer does not make up one.
  const messageId = `<${message.messageId}>`;
  return { raw, envelope, messageId, disableFileAccess: true, disableUrlAccess: true };
}
