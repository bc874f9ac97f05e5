import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Redis } from "ioredis";

/** A free TCP port on 127.0.0.1 (asks the OS, then releases it). */
export function sparePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * A redis-server of the test's own, on a spare port, persisting with AOF in a
 * temporary directory (as production does), so it can be stopped and started
 * again on the same port without losing queued jobs. Never the shared Redis.
 */
export class PrivateRedis {
  private child: ChildProcess | undefined;
  private output = "";
  /** How many times the server was (re)started. */
  starts = 0;

  private constructor(
    readonly port: number,
    readonly dir: string,
  ) {}

  static async start(): Promise<PrivateRedis> {
    const redis = new PrivateRedis(await sparePort(), mkdtempSync(join(tmpdir(), "pb-redis-")));
    await redis.startServer();
    return redis;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** Graceful stop (SIGTERM: Redis flushes the AOF and exits), then start again on the same port and directory. */
  async restart(downMs = 0): Promise<void> {
    await this.stop();
    if (downMs > 0) await new Promise((r) => setTimeout(r, downMs));
    await this.startServer();
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
    await exited;
    clearTimeout(timer);
    this.child = undefined;
  }

  /** Stops the server and removes its directory. */
  async destroy(): Promise<void> {
    await this.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }

  private async startServer(): Promise<void> {
    const args = ["--port", String(this.port), "--bind", "127.0.0.1", "--dir", this.dir];
    args.push("--appendonly", "yes", "--appendfsync", "everysec", "--save", "", "--daemonize", "no");
    const child = spawn("redis-server", args, { stdio: ["ignore", "pipe", "pipe"] });
    this.child = child;
    child.stdout?.on("data", (d: Buffer) => (this.output = (this.output + d.toString()).slice(-4_000)));
    child.stderr?.on("data", (d: Buffer) => (this.output = (this.output + d.toString()).slice(-4_000)));
    const deadline = Date.now() + 10_000;
    for (;;) {
      if (child.exitCode !== null)
        throw new Error(`redis-server exited (${child.exitCode}):\n${this.output}`);
      const probe = new Redis(this.url, {
        lazyConnect: true,
        retryStrategy: () => null,
        maxRetriesPerRequest: 0,
      });
      probe.on("error", () => {});
      try {
        await probe.connect();
        // Answers only once the AOF is loaded (a LOADING reply throws).
        if ((await probe.ping()) === "PONG") {
          probe.disconnect();
          break;
        }
      } catch {
        probe.disconnect();
      }
      if (Date.now() > deadline)
        throw new Error(`redis-server on port ${this.port} did not answer in 10 s:\n${this.output}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    this.starts += 1;
  }
}
