import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../../helpers/run-cli.js";

const dataDir = () => mkdtempSync(join(tmpdir(), "pb-cli-"));

describe("the paperboy command", { timeout: 120_000 }, () => {
  it("lists every command in --help", async () => {
    const { code, stdout } = await runCli(["--help"]);
    expect(code).toBe(0);
    for (const command of [
      "migrate",
      "start",
      "serve",
      "worker",
      "scheduler",
      "ingest",
      "subscribe",
      "send",
      "preview",
      "demo",
    ]) {
      expect(stdout).toMatch(new RegExp(`^\\s+${command}\\b`, "m"));
    }
  });

  it("has --help on subcommands", async () => {
    const { code, stdout } = await runCli(["send", "--help"]);
    expect(code).toBe(0);
    expect(stdout).toContain("--force");
    expect(stdout).toContain("--wait");
  });

  it("fails with one line naming Redis's URL and how to start it when Redis is down", async () => {
    const { code, stdout, stderr } = await runCli(["send", "--force"], {
      REDIS_URL: "redis://127.0.0.1:1",
      DATA_DIR: dataDir(),
    });
    expect(code).not.toBe(0);
    expect(stdout).toBe("");
    const lines = stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^paperboy: cannot reach Redis at redis:\/\/127\.0\.0\.1:1/);
    expect(lines[0]).toContain("docker compose up -d redis");
  });

  it("fails with one line naming PostgreSQL's URL when the database is down", async () => {
    const { code, stderr } = await runCli(["migrate"], {
      DATABASE_URL: "postgresql://paperboy:secret@127.0.0.1:1/paperboy",
      DATA_DIR: dataDir(),
    });
    expect(code).not.toBe(0);
    const lines = stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^paperboy: cannot reach PostgreSQL at postgresql:\/\/paperboy:\*\*\*@127\.0\.0\.1:1\/paperboy/,
    );
    expect(lines[0]).not.toContain("secret");
  });

  it("rejects bad configuration with one readable line", async () => {
    const { code, stderr } = await runCli(["migrate"], { PORT: "eighty", DATA_DIR: dataDir() });
    expect(code).not.toBe(0);
    expect(stderr.trim()).toMatch(
      /^paperboy: configuration: PORT .*\(see \.env\.example for every variable\)$/,
    );
  });
});
