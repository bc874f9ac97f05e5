import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeRecentPapersJsonl } from "../../helpers/recent-papers.js";
import { runCli } from "../../helpers/run-cli.js";
import { smtpError } from "../../helpers/smtp-sink.js";
import { startTestApp, type TestApp } from "../../helpers/test-app.js";

// The operator's commands, run as a person would, against real services.
describe("paperboy subscribe, send --wait, preview, deliveries, suppressions", { timeout: 240_000 }, () => {
  let app: TestApp;
  const cli = (args: string[]) => runCli(args, { ...app.env, LOG_LEVEL: "" }, 90_000);

  beforeAll(async () => {
    app = await startTestApp({
      smtp: {
        onRcpt: (address) =>
          address === "gone@example.org" ? smtpError(550, "5.1.1 no such user") : undefined,
      },
    });
    const file = join(app.dataDir, "papers.jsonl");
    writeRecentPapersJsonl(file, new Date());
    expect((await cli(["ingest", "--source", "file", "--file", file])).code).toBe(0);
  });
  afterAll(async () => app?.close());

  it("subscribes readers, sends an edition and waits for it, then lists what failed", async () => {
    const ok = await cli([
      "subscribe",
      "ok@example.org",
      "--topics",
      "code,efficiency",
      "--keywords",
      "speculative decoding",
      "--confirmed",
    ]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain("ok@example.org: created (status active; topics code, efficiency)");
    expect((await cli(["subscribe", "gone@example.org", "--topics", "video", "--confirmed"])).code).toBe(0);
    const bad = await cli(["subscribe", "ok@example.org", "--topics", "not-a-topic"]);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr.trim().split("\n")).toHaveLength(1);
    expect(bad.stderr).toMatch(/^paperboy: topics /);

    const send = await cli(["send", "--force", "--wait", "--json"]);
    expect(send.code).toBe(0);
    const result = JSON.parse(send.stdout);
    expect(result.created).toBe(2);
    expect(result.summary).toMatchObject({ total: 2, sent: 1, failed: 1, skipped: 0 });
    expect(app.smtp.messages.map((m) => m.to[0])).toEqual(["ok@example.org"]);

    const failed = await cli(["deliveries", "--failed", "--json"]);
    const rows = JSON.parse(failed.stdout);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ email: "gone@example.org", status: "failed", smtpCode: 550 });
    expect(rows[0].lastError).toContain("no such user");

    const suppressions = await cli(["suppressions"]);
    expect(suppressions.stdout).toMatch(/^gone@example\.org {2}bounce/m);
    const lifted = await cli(["suppressions", "--lift", "gone@example.org"]);
    expect(lifted.stdout).toContain("lifted the suppression of gone@example.org");
    expect((await cli(["suppressions"])).stdout).toContain("no suppressed addresses");
    const reader = await app.ctx.db.prisma.reader.findUniqueOrThrow({ where: { email: "gone@example.org" } });
    expect(reader.status).toBe("active");
  });

  it("previews a reader's edition as JSON with sections, scores and reasons", async () => {
    // gone@example.org follows Video and was never sent anything (its delivery bounced).
    const preview = await cli(["preview", "gone@example.org", "--json"]);
    expect(preview.code).toBe(0);
    const edition = JSON.parse(preview.stdout);
    expect(edition.reader).toBe("gone@example.org");
    expect(edition.empty).toBe(false);
    expect(edition.sections[0].topic).toBe("video");
    expect(edition.sections[0].papers[0].title).toBe(
      "Consistent Video Generation with Spatiotemporal Diffusion Transformers",
    );
    for (const paper of [
      ...edition.sections.flatMap((s: { papers: unknown[] }) => s.papers),
      ...edition.alsoTrending,
    ]) {
      expect(paper.reason.length).toBeGreaterThan(0);
      expect(paper.score).toBeGreaterThan(0);
    }
    const unknown = await cli(["preview", "nobody@example.org"]);
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr.trim()).toBe("paperboy: no reader with the address nobody@example.org");
  });
});
