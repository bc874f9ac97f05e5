import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EmailDomainCheck, type MxResolver } from "../../../src/web/email-domain-check.js";
import { createWebServer } from "../../../src/web/web-server.js";
import { startTestApp, type TestApp } from "../../helpers/test-app.js";
import { csrfIn, pathOf, WebClient } from "./web-client.js";

// POST /subscribe over HTTP (fastify inject) against real PostgreSQL and Redis:
// CSRF, honeypot, enumeration, validation, rate limits and the optional MX check.
let app: TestApp;
let server: FastifyInstance;

const hourBucket = () => Math.floor(Date.now() / 3_600_000);

async function mailJobs(kind: string, readerId: string) {
  const jobs = await app.ctx.queues.mail.getJobs([
    "waiting",
    "delayed",
    "prioritized",
    "active",
    "completed",
  ]);
  return jobs.filter((j) => j.data.kind === kind && j.data.readerId === readerId);
}

async function readerByEmail(email: string) {
  return app.ctx.db.prisma.reader.findUnique({ where: { email } });
}

beforeAll(async () => {
  app = await startTestApp();
  server = await createWebServer(app.ctx, {
    subscribeMinMs: 20,
    subscribeLimits: {
      perIp: { limit: 1000, windowMs: 60_000 },
      perAddress: { limit: 1000, windowMs: 60_000 },
    },
  });
});

afterAll(async () => {
  await server?.close();
  await app?.close();
});

describe("GET /", () => {
  it("serves the subscribe form with every topic, a CSRF field and cookie, and a strict CSP", async () => {
    const client = new WebClient(server);
    const res = await client.get("/");
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toMatch(/^text\/html/);
    expect(res.headers["content-security-policy"]).toContain("default-src 'none'");
    expect(res.headers["content-security-policy"]).toContain("script-src 'self'");
    expect(res.headers["content-security-policy"]).not.toContain("unsafe-inline");
    expect(res.headers["x-frame-options"]).toBe("DENY");
    expect(res.headers["cache-control"]).toBe("no-store");
    const cookie = String(res.headers["set-cookie"]);
    expect(cookie).toMatch(/^pb_csrf=[A-Za-z0-9_-]{24}; /);
    expect(cookie).toContain("HttpOnly");
    expect(cookie).toContain("SameSite=Lax");
    expect(csrfIn(res.body)).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(res.body.match(/name="topics" value="/g)).toHaveLength(20);
    expect(res.body).toMatch(/value="llm" checked/);
    expect(res.body).toMatch(/value="vision">/);
    // Nothing inline: the CSP would block it.
    expect(res.body).not.toMatch(/<script(?![^>]*\ssrc=)/);
    expect(res.body).not.toMatch(/\sstyle="/);
    expect(res.body).not.toMatch(/\son[a-z]+="/);
  });

  it("serves its assets and answers /healthz", async () => {
    const css = await server.inject({ url: "/assets/site.css" });
    expect(css.statusCode).toBe(200);
    expect(css.headers["content-type"]).toMatch(/^text\/css/);
    const js = await server.inject({ url: "/assets/site.js" });
    expect(js.headers["content-type"]).toMatch(/^text\/javascript/);
    expect(js.body).toContain("data-browser-zone");
    const health = await server.inject({ url: "/healthz" });
    expect(health.statusCode).toBe(200);
    expect(health.json()).toEqual({ status: "ok", database: "ok", redis: "ok" });
    const missing = await server.inject({ url: "/no/such/page" });
    expect(missing.statusCode).toBe(404);
    expect(missing.body).toContain("Not found");
  });
});

describe("CSRF", () => {
  it("rejects a post without the cookie, with a forged field, or with a field from another form", async () => {
    const email = "csrf-victim@example.org";
    const stranger = new WebClient(server);
    const noCookie = await stranger.post("/subscribe", {
      email,
      topics: "llm",
      csrf: "x".repeat(43),
      form: "subscribe",
    });
    expect(noCookie.statusCode).toBe(403);
    expect(noCookie.body).toContain("This form has expired");

    const client = new WebClient(server);
    await client.get("/");
    const other = new WebClient(server);
    const othersToken = await other.csrfFrom("/");
    const forged = await client.post("/subscribe", {
      email,
      topics: "llm",
      csrf: othersToken,
      form: "subscribe",
    });
    expect(forged.statusCode).toBe(403);

    const missing = await client.post("/subscribe", { email, topics: "llm", form: "subscribe" });
    expect(missing.statusCode).toBe(403);

    // A token for another form (a confirm page's) does not work here.
    const { reader } = await app.ctx.subscriptions.subscribe({ email: "csrf-other@example.org" });
    const confirmToken = await client.csrfFrom(pathOf(app.ctx.links.confirm(reader.id)));
    const wrongScope = await client.post("/subscribe", {
      email,
      topics: "llm",
      csrf: confirmToken,
      form: "subscribe",
    });
    expect(wrongScope.statusCode).toBe(403);

    expect(await readerByEmail(email)).toBeNull();
  });
});

describe("honeypot", () => {
  it("pretends to succeed and does nothing when the hidden field is filled", async () => {
    const client = new WebClient(server);
    const csrf = await client.csrfFrom("/");
    const bot = await client.post("/subscribe", {
      csrf,
      form: "subscribe",
      email: "bot-target@example.org",
      topics: ["llm", "agents"],
      website: "http://spam.example",
    });
    const human = await client.post("/subscribe", {
      csrf,
      form: "subscribe",
      email: "human-target@example.org",
      topics: ["llm", "agents"],
      website: "",
    });
    expect(bot.statusCode).toBe(200);
    expect(bot.body.replaceAll("bot-target", "X")).toBe(human.body.replaceAll("human-target", "X"));
    expect(await readerByEmail("bot-target@example.org")).toBeNull();
    expect(await readerByEmail("human-target@example.org")).not.toBeNull();
  });
});

describe("enumeration", () => {
  it("answers new, pending, active, paused, unsubscribed and suppressed addresses alike", async () => {
    const { subscriptions, db } = app.ctx;
    const pending = (await subscriptions.subscribe({ email: "enum-pending@example.org" })).reader;
    const active = (await subscriptions.subscribe({ email: "enum-active@example.org" }, { confirmed: true }))
      .reader;
    const paused = (await subscriptions.subscribe({ email: "enum-paused@example.org" }, { confirmed: true }))
      .reader;
    await subscriptions.pause(paused.id);
    const gone = (await subscriptions.subscribe({ email: "enum-gone@example.org" }, { confirmed: true }))
      .reader;
    await subscriptions.unsubscribe(gone.id);
    await db.prisma.suppression.create({
      data: { email: "enum-suppressed@example.org", reason: "complaint" },
    });

    const client = new WebClient(server);
    const csrf = await client.csrfFrom("/");
    const names = ["new", "pending", "active", "paused", "gone", "suppressed"];
    const answers = [];
    for (const name of names) {
      const res = await client.post("/subscribe", {
        csrf,
        form: "subscribe",
        email: `enum-${name}@example.org`,
        topics: ["llm", "code"],
        keywords: "LoRA",
        frequency: "daily",
        timeZone: "Europe/Paris",
      });
      answers.push({
        status: res.statusCode,
        type: res.headers["content-type"],
        cookie: res.headers["set-cookie"],
        body: res.body.replaceAll(`enum-${name}@`, "someone@"),
      });
    }
    for (const answer of answers.slice(1)) expect(answer).toEqual(answers[0]);
    expect(answers[0]!.status).toBe(200);
    expect(answers[0]!.body).toContain("Check your inbox");

    // Behind the same answer, each address got what it should.
    const created = await readerByEmail("enum-new@example.org");
    expect(created).toMatchObject({
      status: "pending",
      topics: ["llm", "code"],
      keywords: ["LoRA"],
      timeZone: "Europe/Paris",
    });
    expect(await mailJobs("confirm", created!.id)).toHaveLength(1);
    expect(await mailJobs("confirm", pending.id)).toHaveLength(1); // not a second one within the hour
    const welcome = await mailJobs("welcome", active.id);
    expect(welcome.map((j) => j.id)).toEqual([`mail-welcome-${active.id}-links-${hourBucket()}`]);
    expect((await readerByEmail("enum-gone@example.org"))!.status).toBe("pending");
    expect(await mailJobs("confirm", gone.id)).toHaveLength(1);
    expect((await readerByEmail("enum-paused@example.org"))!.status).toBe("paused");
  });
});

describe("validation", () => {
  it("shows the form again with the problem and the reader's input, escaped", async () => {
    const client = new WebClient(server);
    const csrf = await client.csrfFrom("/");
    const bad = await client.post("/subscribe", {
      csrf,
      form: "subscribe",
      email: 'not-an-address"><script>alert(1)</script>',
      topics: ["rl"],
      keywords: "<b>bold</b>",
      frequency: "weekly",
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain("Please enter a valid email address");
    expect(bad.body).toContain('value="not-an-address&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"');
    expect(bad.body).not.toContain("<script>alert");
    expect(bad.body).toContain('value="&lt;b&gt;bold&lt;/b&gt;"');
    expect(bad.body).toMatch(/value="rl" checked/);
    expect(bad.body).toMatch(/value="weekly" checked/);
    expect(bad.body).not.toMatch(/value="llm" checked/);

    for (const email of [
      "a@b.c\r\nBcc: x@y.z",
      `${"x".repeat(250)}@example.org`,
      "two@@example.org",
      "   ",
    ]) {
      const res = await client.post("/subscribe", { csrf, form: "subscribe", email, topics: "llm" });
      expect(res.statusCode, email).toBe(400);
    }
    const noTopics = await client.post("/subscribe", {
      csrf,
      form: "subscribe",
      email: "no-topics@example.org",
    });
    expect(noTopics.statusCode).toBe(400);
    expect(noTopics.body).toContain("Pick at least one topic");
    const tooShort = await client.post("/subscribe", {
      csrf,
      form: "subscribe",
      email: "short-kw@example.org",
      topics: "llm",
      keywords: "x",
    });
    expect(tooShort.statusCode).toBe(400);
    expect(tooShort.body).toContain("Each keyword needs 2 to 60 characters");
    expect(await readerByEmail("no-topics@example.org")).toBeNull();
    expect(await readerByEmail("short-kw@example.org")).toBeNull();
  });

  it("keeps a bad time zone from the browser out instead of failing", async () => {
    const client = new WebClient(server);
    const csrf = await client.csrfFrom("/");
    const res = await client.post("/subscribe", {
      csrf,
      form: "subscribe",
      email: "odd-zone@example.org",
      topics: "llm",
      timeZone: "Mars/Olympus_Mons",
    });
    expect(res.statusCode).toBe(200);
    expect((await readerByEmail("odd-zone@example.org"))!.timeZone).toBe("UTC");
  });
});

describe("rate limits", () => {
  let limited: FastifyInstance;
  beforeAll(async () => {
    limited = await createWebServer(app.ctx, {
      subscribeMinMs: 0,
      subscribeLimits: { perIp: { limit: 4, windowMs: 60_000 }, perAddress: { limit: 2, windowMs: 60_000 } },
    });
  });
  afterAll(async () => limited?.close());

  it("limits posts per address and per IP in Redis, with Retry-After", async () => {
    const post = async (client: WebClient, csrf: string, email: string) =>
      client.post("/subscribe", { csrf, form: "subscribe", email, topics: "llm" });
    const first = new WebClient(limited, "10.9.0.1");
    const csrf = await first.csrfFrom("/");
    expect((await post(first, csrf, "rl-a@example.org")).statusCode).toBe(200);
    expect((await post(first, csrf, "RL-A@example.org")).statusCode).toBe(200);
    const perAddress = await post(first, csrf, "rl-a@example.org");
    expect(perAddress.statusCode).toBe(429);
    expect(Number(perAddress.headers["retry-after"])).toBeGreaterThan(0);
    expect(Number(perAddress.headers["retry-after"])).toBeLessThanOrEqual(60);
    expect(perAddress.body).toContain("submitted too often");

    expect((await post(first, csrf, "rl-b@example.org")).statusCode).toBe(200);
    const perIp = await post(first, csrf, "rl-c@example.org");
    expect(perIp.statusCode).toBe(429);
    expect(perIp.body).toContain("Too many sign-ups");

    const second = new WebClient(limited, "10.9.0.2");
    expect((await post(second, await second.csrfFrom("/"), "rl-c@example.org")).statusCode).toBe(200);

    const keys = await app.ctx.redis.keys(`${app.prefix}:rl:*`);
    expect(keys.some((k) => k.startsWith(`${app.prefix}:rl:subscribe-ip:`))).toBe(true);
    expect(keys.some((k) => k.startsWith(`${app.prefix}:rl:subscribe-address:`))).toBe(true);
    expect(keys.join(" ")).not.toContain("example.org");
    for (const key of keys) {
      const ttl = await app.ctx.redis.pttl(key);
      expect(ttl).toBeGreaterThan(0);
      expect(ttl).toBeLessThanOrEqual(60_000);
    }
  });
});

describe("MX check", () => {
  it("rejects a domain that takes no mail and lets others (and DNS failures) through", async () => {
    const fail = (code: string) => Promise.reject(Object.assign(new Error(code), { code }));
    const resolver: MxResolver = {
      resolveMx: async (domain) =>
        domain === "mail.example"
          ? [{ exchange: "mx.mail.example", priority: 10 }]
          : domain === "flaky.example"
            ? fail("ETIMEOUT")
            : fail("ENOTFOUND"),
      resolve4: (domain) => (domain === "flaky.example" ? fail("ESERVFAIL") : fail("ENOTFOUND")),
      resolve6: () => fail("ENOTFOUND"),
    };
    const checked = await createWebServer(app.ctx, {
      subscribeMinMs: 0,
      domainCheck: new EmailDomainCheck(resolver),
    });
    try {
      const client = new WebClient(checked, "10.9.1.1");
      const csrf = await client.csrfFrom("/");
      const post = (email: string) =>
        client.post("/subscribe", { csrf, form: "subscribe", email, topics: "llm" });
      const nowhere = await post("someone@nowhere.example");
      expect(nowhere.statusCode).toBe(400);
      expect(nowhere.body).toContain("does not accept email");
      expect((await post("someone@mail.example")).statusCode).toBe(200);
      expect((await post("someone@flaky.example")).statusCode).toBe(200);
      expect(await readerByEmail("someone@nowhere.example")).toBeNull();
    } finally {
      await checked.close();
    }
  });
});
