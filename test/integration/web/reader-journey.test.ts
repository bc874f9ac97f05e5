import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { waitForDeliveries } from "../../../src/app/delivery-progress.js";
import { startWorkerRole } from "../../../src/app/process-roles.js";
import { FileSource } from "../../../src/ingestion/sources/file-source.js";
import { createWebServer } from "../../../src/web/web-server.js";
import { launchChromium } from "../../helpers/chromium.js";
import { sparePort } from "../../helpers/private-redis.js";
import { type FixturePaper, fixturePapers, writeRecentPapersJsonl } from "../../helpers/recent-papers.js";
import type { CapturedMessage } from "../../helpers/smtp-sink.js";
import { startTestApp, type TestApp } from "../../helpers/test-app.js";

// A reader's whole life in headless Chromium against the real thing (PostgreSQL,
// Redis, BullMQ workers, SMTP captured by the test): subscribe on "/", confirm
// from the email, receive a digest of the chosen topics, change topics through
// the preference link, receive the next edition with the new topics, give
// feedback, unsubscribe with an RFC 8058 one-click POST, and receive nothing
// after. Screenshots of every page at 1280 and 375 px go to test/artifacts/web/.
const ARTIFACTS = join(process.cwd(), "test/artifacts/web");
const WIDTHS = [1280, 375];
const EMAIL = "ada@example.org";

/** Papers beyond the shared fixture, so the reader's second set of topics has papers of its own. */
const EXTRA_PAPERS: FixturePaper[] = [
  {
    arxivId: "2611.00201",
    title: "Vision-Language-Action Models for Dexterous Robot Manipulation",
    abstract:
      "We train a vision-language-action policy for a real robot arm with a dexterous hand. The robot learns grasping and in-hand manipulation from teleoperated demonstrations and transfers to new objects; embodied evaluation on 40 household manipulation tasks shows a 2x higher success rate than prior robot learning baselines.",
    authors: ["Lena Park", "Tomas Ruiz"],
    upvotes: 140,
    comments: 9,
    keywords: ["robot manipulation", "vision-language-action"],
    hoursAgo: 6,
  },
  {
    arxivId: "2611.00202",
    title: "Learning Quadruped Locomotion with Sim-to-Real Transfer",
    abstract:
      "A legged robot learns agile locomotion entirely in simulation and runs on hardware without fine-tuning. Domain randomization of terrain and motor dynamics closes the sim-to-real gap; the quadruped robot climbs stairs and recovers from pushes in the real world.",
    authors: ["Ivo Berg"],
    upvotes: 88,
    comments: 4,
    keywords: ["locomotion", "sim-to-real"],
    hoursAgo: 14,
  },
  {
    arxivId: "2611.00203",
    title: "Zero-Shot Text-to-Speech with Neural Codec Language Models",
    abstract:
      "We present a text-to-speech system that clones an unseen speaker's voice from three seconds of audio. A language model over neural audio codec tokens generates speech with natural prosody; speaker similarity and word error rate beat previous zero-shot TTS and speech synthesis models.",
    authors: ["Mei Chen", "Omar Haddad"],
    upvotes: 120,
    comments: 11,
    keywords: ["text-to-speech", "audio codec"],
    hoursAgo: 9,
  },
  {
    arxivId: "2611.00204",
    title: "Outlier-Aware 4-bit Quantization for Large Language Model Inference",
    abstract:
      "Post-training quantization of LLM weights and KV-cache to 4 bits with outlier-aware rotations. Efficient inference kernels cut memory by 3.5x and raise serving throughput with under one point of accuracy loss, outperforming pruning and distillation at the same compression.",
    authors: ["Sara Novak"],
    upvotes: 99,
    comments: 7,
    keywords: ["quantization", "KV cache"],
    hoursAgo: 4,
  },
  {
    arxivId: "2611.00205",
    title: "RepoCoder: Repository-Level Code Completion with Iterative Retrieval",
    abstract:
      "Code LLMs complete code better when they see the rest of the repository. RepoCoder retrieves relevant functions across files and iterates generation and retrieval; on repository-level code generation benchmarks it improves exact match by 10 points for program synthesis and software engineering tasks.",
    authors: ["Ana Lima", "Jun Wu"],
    upvotes: 77,
    comments: 5,
    keywords: ["code completion", "code generation"],
    hoursAgo: 11,
  },
];

let app: TestApp;
let server: FastifyInstance;
let browser: Browser;
let base: string;
const problems: string[] = [];

/** Screenshots of the current page at every width (checking nothing is wider than a phone), then back to desktop. */
async function shoot(page: Page, name: string): Promise<void> {
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: join(ARTIFACTS, `${name}-${width}.png`), fullPage: true });
    const scrollWidth = (await page.evaluate("document.documentElement.scrollWidth")) as number;
    expect(scrollWidth, `${name} at ${width}px`).toBeLessThanOrEqual(width);
  }
  await page.setViewportSize({ width: WIDTHS[0]!, height: 900 });
}

/** The first link to `path` in a message (text part first, then HTML). */
function linkIn(message: CapturedMessage, path: string): string {
  // The token, and the query some links carry (feedback: ?paper=...&vote=...).
  const pattern = new RegExp(
    `${base.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}/${path}/[A-Za-z0-9_.-]+(?:\\?[^\\s"<>]+)?`,
  );
  const found =
    pattern.exec(String(message.parsed.text ?? "")) ?? pattern.exec(String(message.parsed.html ?? ""));
  if (!found) throw new Error(`no /${path}/ link in "${message.parsed.subject}"`);
  return found[0];
}

const digestsTo = (email: string) =>
  app.smtp.messages.filter((m) => m.to.includes(email) && m.parsed.headers.has("x-paperboy-delivery"));

async function waitForMessage(
  predicate: (m: CapturedMessage) => boolean,
  what: string,
): Promise<CapturedMessage> {
  const start = Date.now();
  for (;;) {
    const found = app.smtp.messages.find(predicate);
    if (found) return found;
    if (Date.now() - start > 20_000) {
      const seen = app.smtp.messages.map((m) => `${m.to.join(",")}: ${m.parsed.subject}`);
      throw new Error(`no ${what} arrived; got ${JSON.stringify(seen)}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  const port = await sparePort();
  base = `http://127.0.0.1:${port}`;
  app = await startTestApp({ env: { PUBLIC_URL: base } });
  const now = new Date();
  const file = join(app.dataDir, "papers.jsonl");
  writeRecentPapersJsonl(file, now, [...fixturePapers(), ...EXTRA_PAPERS]);
  const report = await app.ctx.ingestion.run(new FileSource(), { path: file, now });
  expect(report.rejected).toBe(0);
  await startWorkerRole(app.ctx);
  server = await createWebServer(app.ctx);
  await server.listen({ port, host: "127.0.0.1" });
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await app?.close();
});

describe("a reader's journey in a real browser", () => {
  it("subscribes, confirms, gets digests that follow their topics, unsubscribes with one click", async () => {
    const { ctx, smtp } = app;
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      timezoneId: "Europe/Paris",
    });
    const page = await context.newPage();
    page.on("console", (m) => {
      if (m.type() === "error" && !/Failed to load resource: .* status of (400|410)/.test(m.text())) {
        problems.push(`console: ${m.text()}`);
      }
    });
    page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));

    // 1. Subscribe on "/": efficiency and code instead of the defaults, one keyword.
    await page.goto(`${base}/`);
    await shoot(page, "01-home");
    await page.getByLabel("Email address").fill(EMAIL);
    for (const slug of ["llm", "reasoning", "agents"])
      await page.locator(`input[name=topics][value=${slug}]`).uncheck();
    for (const slug of ["efficiency", "code"])
      await page.locator(`input[name=topics][value=${slug}]`).check();
    await page.locator("#keywords").fill("speculative decoding");
    await page.getByRole("button", { name: "Subscribe", exact: true }).click();
    await page.getByRole("heading", { name: "Check your inbox" }).waitFor();
    await shoot(page, "02-check-inbox");
    const pending = await ctx.db.prisma.reader.findUniqueOrThrow({ where: { email: EMAIL } });
    expect(pending).toMatchObject({
      status: "pending",
      topics: ["code", "efficiency"], // in the form's order
      keywords: ["speculative decoding"],
      // Set by /assets/site.js from the browser: the script runs under the strict CSP.
      timeZone: "Europe/Paris",
    });

    // 2. The confirmation email; its link shows a button, and only the button confirms.
    const confirmMail = await waitForMessage(
      (m) => m.to.includes(EMAIL) && /\/confirm\//.test(m.raw),
      "confirmation",
    );
    await page.goto(linkIn(confirmMail, "confirm"));
    await page.getByRole("button", { name: "Confirm subscription" }).waitFor();
    await shoot(page, "03-confirm");
    expect((await ctx.subscriptions.get(pending.id)).status).toBe("pending");
    await page.getByRole("button", { name: "Confirm subscription" }).click();
    await page.getByRole("heading", { name: "You're subscribed" }).waitFor();
    await shoot(page, "04-confirmed");
    expect((await ctx.subscriptions.get(pending.id)).status).toBe("active");
    const welcome = await waitForMessage(
      (m) => m.to.includes(EMAIL) && /subscribed/i.test(m.parsed.subject ?? ""),
      "welcome email",
    );
    expect(linkIn(welcome, "preferences")).toMatch(/\/preferences\//);

    // 3. The first edition follows the chosen topics.
    const first = await ctx.planner.plan(new Date(), { force: true });
    expect(first.created).toBe(1);
    expect(await waitForDeliveries(ctx.db.prisma, first.deliveryIds)).toMatchObject({ sent: 1 });
    const digest1 = (await waitForMessage((m) => digestsTo(EMAIL).includes(m), "first digest")).parsed;
    const text1 = String(digest1.text);
    expect(text1).toContain("EFFICIENT INFERENCE & COMPRESSION");
    expect(text1).toContain("CODE & SOFTWARE");
    expect(text1).toContain("Speculative Decoding with Draft Trees");
    expect(text1).toContain("SWE-Fixer");
    expect(text1).not.toContain("AUDIO, SPEECH & MUSIC ·");
    expect(text1).not.toContain("ROBOTICS & EMBODIED AI ·");

    // 4. The preference link from that email: new topics, no keyword, no "also trending", a later hour.
    await page.goto(linkIn(digestsTo(EMAIL)[0]!, "preferences"));
    await page.getByRole("heading", { name: "Your digest" }).waitFor();
    await shoot(page, "05-preferences");
    await page.locator(".ranked input[value=efficiency]").uncheck();
    await page.locator(".ranked input[value=code]").uncheck();
    await page.locator("details.more-topics summary").click();
    await page.locator("details.more-topics input[value=audio]").check();
    await page.locator("details.more-topics input[value=robotics]").check();
    await page.locator('input[name=keywords][value="speculative decoding"]').uncheck();
    await page.locator("input[name=alsoTrending]").uncheck();
    await page.locator("#sendHour").selectOption("9");
    await page.locator("#relevanceWeight").fill("0.5");
    await page.getByRole("button", { name: "Save preferences" }).click();
    await page.getByRole("heading", { name: "Saved" }).waitFor();
    const saved = String(await page.locator(".notice.success").textContent());
    expect(saved).toContain("Now following Audio, speech & music, Robotics & embodied AI.");
    expect(saved).toContain("No longer following Code & software, Efficient inference & compression.");
    expect(saved).toContain('Removed keywords "speculative decoding".');
    expect(saved).toContain("Send time: from 07:00 → from 09:00.");
    await shoot(page, "06-preferences-saved");
    // Reorder without JavaScript's help: the up button is a submit button.
    await page.getByRole("button", { name: "Move Robotics & embodied AI up" }).click();
    await page.getByText("New topic order: Robotics & embodied AI › Audio, speech & music.").waitFor();
    expect(await ctx.subscriptions.get(pending.id)).toMatchObject({
      topics: ["robotics", "audio"],
      keywords: [],
      alsoTrending: false,
      sendHour: 9,
      relevanceWeight: 0.5,
    });

    // 5. The next edition follows the new topics; nothing from the first one comes again.
    const sentBefore = new Set(
      (await ctx.db.prisma.sentPaper.findMany({ where: { readerId: pending.id } })).map((s) => s.paperId),
    );
    const expected = await ctx.db.prisma.paper.findMany({
      where: {
        OR: [{ topics: { has: "audio" } }, { topics: { has: "robotics" } }],
        id: { notIn: [...sentBefore] },
      },
    });
    expect(expected.length).toBeGreaterThan(0);
    const second = await ctx.planner.plan(new Date(), { force: true, date: "2031-01-02" });
    expect(second.created).toBe(1);
    expect(await waitForDeliveries(ctx.db.prisma, second.deliveryIds)).toMatchObject({ sent: 1 });
    const digest2Message = await waitForMessage(
      (m) => digestsTo(EMAIL).length >= 2 && m === digestsTo(EMAIL)[1],
      "second digest",
    );
    const text2 = String(digest2Message.parsed.text);
    expect(text2.indexOf("ROBOTICS & EMBODIED AI")).toBeGreaterThanOrEqual(0);
    expect(text2).not.toContain("EFFICIENT INFERENCE & COMPRESSION");
    expect(text2).not.toContain("CODE & SOFTWARE");
    expect(text2).not.toContain("ALSO TRENDING");
    for (const paper of expected) expect(text2).toContain(paper.title.slice(0, 40));
    const delivered2 = await ctx.db.prisma.delivery.findUniqueOrThrow({
      where: { id: second.deliveryIds[0] },
    });
    expect(delivered2.paperIds.some((id) => sentBefore.has(id))).toBe(false);

    // 6. "More like this" from the digest: a page with one button; the click records it.
    await page.goto(linkIn(digest2Message, "feedback"));
    await page.getByRole("button", { name: /Yes, (more|fewer) like this/ }).waitFor();
    await shoot(page, "07-feedback");
    expect(await ctx.db.prisma.feedbackEvent.count({ where: { readerId: pending.id } })).toBe(0);
    await page.getByRole("button", { name: /Yes, (more|fewer) like this/ }).click();
    await page.getByRole("heading", { name: "Thanks, noted" }).waitFor();
    await shoot(page, "08-feedback-done");
    expect(await ctx.db.prisma.feedbackEvent.count({ where: { readerId: pending.id } })).toBe(1);

    // 7. One-click unsubscribe, as a mail provider does it: the List-Unsubscribe URL, POSTed, no cookies.
    // (mailparser folds List-* headers into headers.get("list"), so read the raw message.)
    expect(digest2Message.raw).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click\r?$/m);
    const listUnsubscribe = /^List-Unsubscribe:\s*<([^>]+)>/im.exec(digest2Message.raw)?.[1];
    expect(listUnsubscribe).toMatch(new RegExp(`^${base}/unsubscribe/`));
    const oneClick = await fetch(listUnsubscribe!, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "List-Unsubscribe=One-Click",
    });
    expect(oneClick.status).toBe(200);
    expect((await ctx.subscriptions.get(pending.id)).status).toBe("unsubscribed");
    await page.goto(listUnsubscribe!);
    await page.getByRole("heading", { name: "You're unsubscribed" }).waitFor();
    await page.getByRole("button", { name: "Subscribe again" }).waitFor();
    await shoot(page, "09-unsubscribed");

    // 8. The next edition sends this reader nothing.
    const messagesBefore = smtp.messages.length;
    const third = await ctx.planner.plan(new Date(), { force: true, date: "2031-01-03" });
    expect(third.created).toBe(0);
    expect(
      await ctx.db.prisma.delivery.count({
        where: { readerId: pending.id, edition: { date: new Date("2031-01-03") } },
      }),
    ).toBe(0);
    await new Promise((r) => setTimeout(r, 1_000));
    expect(smtp.messages.slice(messagesBefore).filter((m) => m.to.includes(EMAIL))).toEqual([]);

    // 9. Broken and expired links get a clear page with a way to a fresh link.
    await page.goto(`${base}/preferences/not-a-real-token`);
    await page.getByRole("heading", { name: "This link doesn't work" }).waitFor();
    await shoot(page, "10-invalid-link");
    const expired = ctx.signer.sign({
      purpose: "confirm",
      subject: pending.id,
      expiresAt: new Date(Date.now() - 1_000),
    });
    await page.goto(`${base}/confirm/${expired}`);
    await page.getByRole("heading", { name: "This link has expired" }).waitFor();
    await page.getByRole("button", { name: "Send me a fresh link" }).waitFor();
    await shoot(page, "11-expired-link");

    await context.close();
    expect(problems).toEqual([]);
  }, 240_000);
});
