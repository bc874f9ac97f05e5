import { type Logger, pino } from "pino";

export type { Logger };

export interface LoggerOptions {
  level?: string;
  name?: string;
  /** Where lines go: a file descriptor or a path (default 2, stderr). */
  destination?: number | string;
}

/**
 * Structured JSON logs (pino) on stderr, so stdout stays for command output
 * (`--json`). Log ids (deliveryId, readerId), never email bodies.
 */
export function createLogger(options: LoggerOptions = {}): Logger {
  return pino(
    {
      name: options.name ?? "paperboy",
      level: options.level ?? "info",
      base: { pid: process.pid },
      redact: { paths: ["*.password", "*.secret", "*.html", "*.text"], remove: true },
    },
    pino.destination({ dest: options.destination ?? 2, sync: true }),
  );
}

/** A logger that drops everything (tests, quiet CLI commands). */
export function silentLogger(): Logger {
  return pino({ level: "silent" });
}
