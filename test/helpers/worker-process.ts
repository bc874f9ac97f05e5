import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

const ENTRIES = {
  /** The whole CLI: `paperboy worker`. */
  cli: { file: fileURLToPath(new URL("./cli-entry.ts", import.meta.url)), args: ["worker"] },
  /** The worker role alone (what `paperboy worker` runs), independent of the other commands. */
  worker: { file: fileURLToPath(new URL("./worker-entry.ts", import.meta.url)), args: [] },
};
const ROOT = fileURLToPath(new URL("../..", import.meta.url));

/**
 * A paperboy worker from source in a child process (`node --import tsx`), with
 * the environment a test builds. Keeps the tail of its logs for failure messages.
 */
export class WorkerProcess {
  private logs = "";
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;

  private constructor(
    readonly name: string,
    private readonly child: ChildProcess,
  ) {
    const keep = (d: Buffer) => {
      this.logs = (this.logs + d.toString()).slice(-20_000);
    };
    child.stdout?.on("data", keep);
    child.stderr?.on("data", keep);
    this.exited = new Promise((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));
  }

  static spawn(
    name: string,
    env: Record<string, string>,
    entry: keyof typeof ENTRIES = "worker",
  ): WorkerProcess {
    const { file, args } = ENTRIES[entry];
    const child = spawn(process.execPath, ["--import", "tsx", file, ...args], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    return new WorkerProcess(name, child);
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** The last lines the process logged; with `keep`, only the last `keep` of them that are not info/debug logs. */
  tail(lines = 40, keep = lines): string {
    const quiet = /"level":(10|20|30),/;
    const recent = this.logs.trimEnd().split("\n").slice(-lines);
    return (keep < lines ? recent.filter((l) => !quiet.test(l)) : recent).slice(-keep).join("\n");
  }

  /** Resolves once the worker logged that it started (needs LOG_LEVEL info or lower). */
  async ready(timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!this.logs.includes("workers started")) {
      if (!this.running) throw new Error(`worker ${this.name} exited before it started:\n${this.tail()}`);
      if (Date.now() > deadline)
        throw new Error(`worker ${this.name} did not start in ${timeoutMs} ms:\n${this.tail()}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** Sends a signal and waits for the process to exit (SIGKILL after timeoutMs). */
  async stop(signal: NodeJS.Signals = "SIGTERM", timeoutMs = 10_000): Promise<void> {
    if (!this.running) return;
    this.child.kill(signal);
    const timer = setTimeout(() => this.child.kill("SIGKILL"), timeoutMs);
    await this.exited;
    clearTimeout(timer);
  }
}
