import { type ParsedMail, simpleParser } from "mailparser";
import { SMTPServer, type SMTPServerOptions, type SMTPServerSession } from "smtp-server";

export interface CapturedMessage {
  from: string;
  to: string[];
  raw: string;
  parsed: ParsedMail;
}

export interface SmtpSinkOptions {
  /** Decide per recipient: return an error (with responseCode) to reject it. */
  onRcpt?: (address: string, session: SMTPServerSession) => Error | undefined;
  /** Decide per transaction at MAIL FROM. */
  onMailFrom?: (address: string, session: SMTPServerSession) => Error | undefined;
  /** Extra smtp-server options. */
  server?: Partial<SMTPServerOptions>;
  /**
   * Wait this long before answering 250 to DATA; the message is captured first,
   * so a client that dies in between leaves a delivered message behind (the
   * classic duplicate window).
   */
  acceptDelayMs?: number;
}

/** An SMTP server started in the test that captures every accepted message. */
export class SmtpSink {
  readonly messages: CapturedMessage[] = [];
  /** Connection errors the server reported after it started (e.g. ECONNRESET from a killed client). */
  readonly errors: Error[] = [];
  private server: SMTPServer | undefined;
  port = 0;

  constructor(private readonly options: SmtpSinkOptions = {}) {}

  get url(): string {
    return `smtp://127.0.0.1:${this.port}/?ignoreTLS=true`;
  }

  async start(): Promise<this> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS", "AUTH"],
      logger: false,
      banner: "paperboy test sink",
      ...this.options.server,
      onMailFrom: (address, session, callback) => {
        const error = this.options.onMailFrom?.(address.address, session);
        callback(error ?? undefined);
      },
      onRcptTo: (address, session, callback) => {
        const error = this.options.onRcpt?.(address.address, session);
        callback(error ?? undefined);
      },
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on("data", (chunk: Buffer) => chunks.push(chunk));
        stream.on("end", () => {
          const raw = Buffer.concat(chunks).toString("utf8");
          simpleParser(raw)
            .then((parsed) => {
              this.messages.push({
                from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
                to: session.envelope.rcptTo.map((r) => r.address),
                raw,
                parsed,
              });
              const delay = this.options.acceptDelayMs ?? 0;
              if (delay > 0) setTimeout(() => callback(), delay);
              else callback();
            })
            .catch((error: Error) => callback(error));
        });
      },
    });
    await new Promise<void>((resolve, reject) => {
      this.server!.once("error", reject);
      this.server!.listen(0, "127.0.0.1", () => resolve());
    });
    // A client that dies mid-session (a killed worker) resets its socket: that is
    // the client's problem, not an uncaught error of the test process.
    this.server.on("error", (error: Error) => this.errors.push(error));
    const address = (this.server as unknown as { server: { address(): { port: number } } }).server.address();
    this.port = address.port;
    return this;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** Waits until at least n messages arrived (or throws after timeoutMs). */
  async waitFor(n: number, timeoutMs = 20_000): Promise<CapturedMessage[]> {
    const start = Date.now();
    while (this.messages.length < n) {
      if (Date.now() - start > timeoutMs)
        throw new Error(`expected ${n} messages, got ${this.messages.length}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    return this.messages;
  }
}

export function smtpError(code: number, message: string): Error {
  const error = new Error(message) as Error & { responseCode: number };
  error.responseCode = code;
  return error;
}

/** A header of a raw message as sent (unfolded), or undefined. */
export function rawHeader(raw: string, name: string): string | undefined {
  const head = raw.split(/\r?\n\r?\n/, 1)[0]!.replace(/\r?\n[ \t]+/g, " ");
  const line = head.split(/\r?\n/).find((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}:`));
  return line?.slice(name.length + 1).trim();
}
