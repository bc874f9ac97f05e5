import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FileSource } from "../../../src/ingestion/sources/file-source.js";
import { createWebServer } from "../../../src/web/web-server.js";
import { writeRecentPapersJsonl } from "../../helpers/recent-papers.js";
import { startTestApp, type TestApp } from "../../helpers/test-app.js";
import { csrfIn, pathOf, text, WebClient } from "./web-client.js";

// The signed-link pages over HTTP: broken, expired and misused tokens; confirm;
// unsubscribe (page and RFC 8058 one-click); preferences; feedback.
let app: TestApp;
let server: FastifyInstance;

async function newReader(email: string, confirmed = true, extra: Record<string, unknown> = {}) {
  return (await app.ctx.subscriptions.subscribe({ email, ...extra }, { confirmed })).reader;
}

async function mailKinds(readerId: string): Promise<string[]> {
  const jobs = await app.ctx.queues.mail.getJobs([
    "waiting",
    "delayed",
    "prioritized",
    "active",
    "completed",
  ]);
  return jobs.filter((j) => j.data.readerId === readerId).map((j) => j.data.kind as string);
}

beforeAll(async () => {
  app = await startTestApp();
  const now = new Date();
  const file = join(app.dataDir, "papers.jsonl");
  writeRecentPapersJsonl(file, now);
  await app.ctx.ingestion.run(new FileSource(), { path: file, now });
  server = await createWebServer(app.ctx, { subscribeMinMs: 0 });
});

afterAll(async () => {
  await server?.close();
  await app?.close();
});

describe("bad links", () => {
  it("answers tampered, truncated and garbage tokens with a clear page and a way to get a fresh link", async () => {
    const reader = await newReader("tamper@example.org");
    const good = pathOf(app.ctx.links.preferences(reader.id));
    const token = good.split("/")[2]!;
    const [body, mac] = token.split(".") as [string, string];
    const flipped = `${body}.${mac[0] === "A" ? "B" : "A"}${mac.slice(1)}`;
    const otherReader = Buffer.from(JSON.stringify(["preferences", "someone-else", 0])).toString("base64url");
    const client = new WebClient(server);
    for (const path of [
      `/preferences/${flipped}`,
      `/preferences/${token.slice(0, -6)}`,
      `/preferences/${otherReader}.${mac}`,
      "/preferences/garbage",
      "/confirm/x.y",
      "/unsubscribe/%E2%9C%93",
      "/feedback/a.b",
    ]) {
      const res = await client.get(path);
      expect(res.statusCode, path).toBe(400);
      expect(text(res.body), path).toContain("This link doesn't work");
      expect(res.body).toContain('action="/subscribe"');
      expect(res.body).toContain('name="form" value="fresh-link"');
      expect(csrfIn(res.body)).toBeTruthy();
    }
    expect((await client.get(good)).statusCode).toBe(200);
  });

  it("refuses a token made for another purpose", async () => {
    const reader = await newReader("purpose@example.org");
    const client = new WebClient(server);
    const unsubscribeToken = pathOf(app.ctx.links.unsubscribe(reader.id)).split("/")[2];
    const res = await client.get(`/preferences/${unsubscribeToken}`);
    expect(res.statusCode).toBe(400);
    expect(text(res.body)).toContain("This link doesn't work");
    const confirmToken = pathOf(app.ctx.links.confirm(reader.id)).split("/")[2];
    expect(
      (await client.post(`/unsubscribe/${confirmToken}`, { "List-Unsubscribe": "One-Click" })).statusCode,
    ).toBe(400);
    expect((await app.ctx.subscriptions.get(reader.id)).status).toBe("active");
  });

  it("says an expired link expired (410) and re-sends one through the form on that page", async () => {
    const reader = await newReader("expired@example.org", false);
    const expired = app.ctx.signer.sign({
      purpose: "confirm",
      subject: reader.id,
      expiresAt: new Date(Date.now() - 60_000),
    });
    const client = new WebClient(server);
    const res = await client.get(`/confirm/${expired}`);
    expect(res.statusCode).toBe(410);
    expect(res.body).toContain("This link has expired");
    const again = await client.post("/subscribe", {
      csrf: csrfIn(res.body, "/subscribe"),
      form: "fresh-link",
      email: "expired@example.org",
    });
    expect(again.statusCode).toBe(200);
    expect(again.body).toContain("Check your inbox");
    // The first subscribe (in newReader) already sent this hour's confirmation; the form asks for the next one.
    expect((await app.ctx.subscriptions.get(reader.id)).status).toBe("pending");
  });
});

describe("confirm", () => {
  it("confirms only on the POST with the page's CSRF field", async () => {
    const reader = await newReader("confirm-me@example.org", false, { topics: ["code", "rl"] });
    const path = pathOf(app.ctx.links.confirm(reader.id));
    const client = new WebClient(server);
    const page = await client.get(path);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("Confirm subscription");
    expect(page.body).toContain("Code &amp; software");
    expect((await app.ctx.subscriptions.get(reader.id)).status).toBe("pending");

    const forged = await new WebClient(server).post(path, { csrf: csrfIn(page.body) });
    expect(forged.statusCode).toBe(403);
    expect((await app.ctx.subscriptions.get(reader.id)).status).toBe("pending");

    const done = await client.post(path, { csrf: csrfIn(page.body) });
    expect(done.statusCode).toBe(200);
    expect(text(done.body)).toContain("You're subscribed");
    expect(done.body).toContain("/preferences/");
    expect((await app.ctx.subscriptions.get(reader.id)).status).toBe("active");
    expect(await mailKinds(reader.id)).toContain("welcome");

    const later = await client.get(path);
    expect(text(later.body)).toContain("You're already subscribed");
  });
});

describe("unsubscribe", () => {
  it("one-click: a cookieless POST with List-Unsubscribe=One-Click unsubscribes at once, without a goodbye", async () => {
    const reader = await newReader("one-click@example.org");
    const edition = await app.ctx.db.prisma.edition.create({
      data: { date: new Date("2030-01-02T00:00:00Z") },
    });
    const planned = await app.ctx.db.prisma.delivery.create({
      data: { readerId: reader.id, editionId: edition.id, messageId: `t-${reader.id}@test` },
    });
    const res = await server.inject({
      method: "POST",
      url: pathOf(app.ctx.links.unsubscribe(reader.id)),
      headers: { "content-type": "application/x-www-form-urlencoded" },
      payload: "List-Unsubscribe=One-Click",
    });
    expect(res.statusCode).toBe(200);
    expect(text(res.body)).toContain("You're unsubscribed");
    expect((await app.ctx.subscriptions.get(reader.id)).status).toBe("unsubscribed");
    expect((await app.ctx.db.prisma.delivery.findUniqueOrThrow({ where: { id: planned.id } })).status).toBe(
      "skipped",
    );
    expect(await mailKinds(reader.id)).not.toContain("goodbye");
  });

  it("one-click also works as multipart/form-data, and is idempotent", async () => {
    const reader = await newReader("one-click-multipart@example.org");
    const boundary = "----pbtest";
    const payload = `--${boundary}\r\nContent-Disposition: form-data; name="List-Unsubscribe"\r\n\r\nOne-Click\r\n--${boundary}--\r\n`;
    const url = pathOf(app.ctx.links.unsubscribe(reader.id));
    for (let i = 0; i < 2; i++) {
      const res = await server.inject({
        method: "POST",
        url,
        headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
        payload,
      });
      expect(res.statusCode).toBe(200);
    }
    expect((await app.ctx.subscriptions.get(reader.id)).status).toBe("unsubscribed");
  });

  it("the page: GET changes nothing; the button needs its CSRF field; afterwards a way back", async () => {
    const reader = await newReader("unsub-page@example.org");
    const path = pathOf(app.ctx.links.unsubscribe(reader.id));
    const client = new WebClient(server);
    const page = await client.get(path);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("Keep my subscription");
    expect((await app.ctx.subscriptions.get(reader.id)).status).toBe("active");

    const noField = await client.post(path, {});
    expect(noField.statusCode).toBe(403);
    expect((await app.ctx.subscriptions.get(reader.id)).status).toBe("active");

    const done = await client.post(path, { csrf: csrfIn(page.body) });
    expect(done.statusCode).toBe(200);
    expect(text(done.body)).toContain("You're unsubscribed");
    expect(done.body).toContain("Subscribe again");
    expect((await app.ctx.subscriptions.get(reader.id)).status).toBe("unsubscribed");
    expect(await mailKinds(reader.id)).toContain("goodbye");

    // The way back: "Subscribe again" re-starts double opt-in, keeping the topics.
    const back = await client.post("/subscribe", {
      csrf: csrfIn(done.body, "/subscribe"),
      form: "fresh-link",
      email: "unsub-page@example.org",
    });
    expect(back.statusCode).toBe(200);
    const after = await app.ctx.subscriptions.get(reader.id);
    expect(after.status).toBe("pending");
    expect(after.topics).toEqual(reader.topics);
    expect(await mailKinds(reader.id)).toContain("confirm");
  });
});

describe("preferences", () => {
  it("shows the reader's settings, escaped, with tomorrow's preview", async () => {
    const reader = await newReader("prefs-show@example.org", true, {
      topics: ["efficiency", "code"],
      keywords: ['<img src=x onerror="alert(1)">', "speculative decoding"],
    });
    const res = await new WebClient(server).get(pathOf(app.ctx.links.preferences(reader.id)));
    expect(res.statusCode).toBe(200);
    expect(res.headers["cache-control"]).toBe("no-store");
    expect(res.body).not.toContain("<img src=x");
    expect(res.body).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;");
    expect(res.body).toMatch(/<option value="UTC" selected>/);
    expect(res.body).toContain('<option value="Europe/Paris">');
    expect(text(res.body)).toContain("Tomorrow's digest");
    expect(res.body).toContain("Speculative Decoding with Draft Trees");
    expect(res.body).toContain("SWE-Fixer");
    const ranked = res.body.slice(res.body.indexOf('<ol class="ranked">'), res.body.indexOf("</ol>"));
    expect(ranked.indexOf('value="efficiency"')).toBeLessThan(ranked.indexOf('value="code"'));
  });

  it("saves every field, says what changed, and moves topics with the up/down buttons", async () => {
    const reader = await newReader("prefs-save@example.org", true, {
      topics: ["llm", "agents", "code"],
      keywords: ["LoRA", "diffusion"],
    });
    const path = pathOf(app.ctx.links.preferences(reader.id));
    const client = new WebClient(server);
    const csrf = csrfIn((await client.get(path)).body, path);
    const res = await client.post(path, {
      csrf,
      action: "save",
      topics: ["llm", "code", "robotics"],
      keywords: ["LoRA"],
      addKeywords: "world models, lora",
      frequency: "weekly",
      weekday: "5",
      sendHour: "9",
      timeZone: "Asia/Tokyo",
      relevanceWeight: "0.35",
    });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain("Saved");
    for (const line of [
      "Now following Robotics &amp; embodied AI.",
      "No longer following Agents &amp; tool use.",
      "Added keywords &quot;world models&quot;.",
      "Removed keywords &quot;diffusion&quot;.",
      "Frequency: daily → weekly.",
      "Weekly digest day: Monday → Friday.",
      "Send time: from 07:00 → from 09:00.",
      "Time zone: UTC → Asia/Tokyo.",
      "Relevance vs. trend: 70% → 35% relevance.",
      "&quot;Also trending&quot; section: on → off.",
    ]) {
      expect(res.body).toContain(line);
    }
    expect(await app.ctx.subscriptions.get(reader.id)).toMatchObject({
      topics: ["llm", "code", "robotics"],
      keywords: ["LoRA", "world models"],
      frequency: "weekly",
      weekday: 5,
      sendHour: 9,
      timeZone: "Asia/Tokyo",
      relevanceWeight: 0.35,
      alsoTrending: false,
    });

    const current = { csrf, topics: ["llm", "code", "robotics"], keywords: ["LoRA", "world models"] };
    const moved = await client.post(path, {
      ...current,
      move: "robotics:up",
      frequency: "weekly",
      weekday: "5",
    });
    expect(moved.body).toContain(
      "New topic order: Language models › Robotics &amp; embodied AI › Code &amp; software.",
    );
    expect((await app.ctx.subscriptions.get(reader.id)).topics).toEqual(["llm", "robotics", "code"]);

    const same = await client.post(path, {
      csrf,
      topics: ["llm", "robotics", "code"],
      keywords: ["LoRA", "world models"],
      frequency: "weekly",
      weekday: "5",
      sendHour: "9",
      timeZone: "Asia/Tokyo",
      relevanceWeight: "0.35",
    });
    expect(same.body).toContain("Nothing changed");
  });

  it("refuses an empty or invalid form without saving, and any post without its CSRF field", async () => {
    const reader = await newReader("prefs-bad@example.org", true, { topics: ["llm"] });
    const path = pathOf(app.ctx.links.preferences(reader.id));
    const client = new WebClient(server);
    const csrf = csrfIn((await client.get(path)).body, path);
    const empty = await client.post(path, { csrf, frequency: "daily" });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain("Follow at least one topic or keyword");
    const zone = await client.post(path, { csrf, topics: "llm", timeZone: "Not/AZone" });
    expect(zone.statusCode).toBe(400);
    expect(zone.body).toContain("Not saved");
    const hour = await client.post(path, { csrf, topics: "llm", sendHour: "25" });
    expect(hour.statusCode).toBe(400);
    const forged = await new WebClient(server).post(path, { csrf, topics: "vision" });
    expect(forged.statusCode).toBe(403);
    expect(await app.ctx.subscriptions.get(reader.id)).toMatchObject({
      topics: ["llm"],
      timeZone: "UTC",
      sendHour: 7,
    });
  });

  it("pauses and resumes", async () => {
    const reader = await newReader("prefs-pause@example.org");
    const path = pathOf(app.ctx.links.preferences(reader.id));
    const client = new WebClient(server);
    const page = await client.get(path);
    const paused = await client.post(`${path}/pause`, { csrf: csrfIn(page.body, `${path}/pause`) });
    expect(paused.body).toContain("Your digest is paused");
    expect((await app.ctx.subscriptions.get(reader.id)).status).toBe("paused");
    const resumed = await client.post(`${path}/resume`, { csrf: csrfIn(paused.body, `${path}/resume`) });
    expect(resumed.body).toContain("running again");
    expect((await app.ctx.subscriptions.get(reader.id)).status).toBe("active");
    expect((await client.post(`${path}/pause`, {})).statusCode).toBe(403);
  });
});

describe("feedback", () => {
  it("GET shows the paper and changes nothing; the POST records the vote once and the latest vote wins", async () => {
    const reader = await newReader("feedback@example.org", true, { topics: ["agents", "efficiency"] });
    const paper = await app.ctx.db.prisma.paper.findFirstOrThrow({ where: { arxivId: "2611.00103" } });
    const more = pathOf(app.ctx.links.feedback(reader.id, paper.id, "more"));
    const less = pathOf(app.ctx.links.feedback(reader.id, paper.id, "less"));
    const client = new WebClient(server);

    const page = await client.get(more);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("WebPilot");
    expect(page.body).toContain("Yes, more like this");
    // The button posts back to the same paper and vote.
    expect(page.body).toContain(`action="${more.replaceAll("&", "&amp;")}"`);
    await client.get(less); // a link scanner opening both links changes nothing
    expect(await app.ctx.db.prisma.feedbackEvent.count({ where: { readerId: reader.id } })).toBe(0);

    expect((await new WebClient(server).post(more, { csrf: csrfIn(page.body) })).statusCode).toBe(403);

    const done = await client.post(more, { csrf: csrfIn(page.body) });
    expect(done.statusCode).toBe(200);
    expect(done.body).toContain("more papers like this");
    const primary = paper.topics[0]!;
    const weights = async () =>
      (await app.ctx.subscriptions.get(reader.id)).feedbackWeights as { topics: Record<string, number> };
    expect((await weights()).topics[primary]).toBeCloseTo(0.1, 5);

    const again = await client.post(more, { csrf: csrfIn(page.body) });
    expect(again.body).toContain("already told us");
    expect(await app.ctx.db.prisma.feedbackEvent.count({ where: { readerId: reader.id } })).toBe(1);
    expect((await weights()).topics[primary]).toBeCloseTo(0.1, 5);

    const lessPage = await client.get(less);
    await client.post(less, { csrf: csrfIn(lessPage.body) });
    expect((await weights()).topics[primary]).toBeCloseTo(-0.1, 5);
    expect(await app.ctx.db.prisma.feedbackEvent.count({ where: { readerId: reader.id } })).toBe(2);

    const prefs = await client.get(pathOf(app.ctx.links.preferences(reader.id)));
    expect(prefs.body).toContain("Learned from your feedback");
    const prefsPath = pathOf(app.ctx.links.preferences(reader.id));
    const reset = await client.post(`${prefsPath}/feedback-reset`, {
      csrf: csrfIn(prefs.body, `${prefsPath}/feedback-reset`),
    });
    expect(reset.body).toContain("Your feedback is forgotten");
    expect((await weights()).topics).toEqual({});
    expect(await app.ctx.db.prisma.feedbackEvent.count({ where: { readerId: reader.id } })).toBe(0);
  });

  it("refuses a feedback token whose subject is malformed", async () => {
    const token = app.ctx.signer.sign({ purpose: "feedback", subject: "just-a-reader" });
    const res = await new WebClient(server).get(`/feedback/${token}`);
    expect(res.statusCode).toBe(400);
  });
});
