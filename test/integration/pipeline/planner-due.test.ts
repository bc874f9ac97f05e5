import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../../helpers/test-app.js";

// Who is due at a given instant: active, not suppressed, past their local send hour,
// daily or on their weekday, and no delivery yet for their local date.
describe("the planner's idea of who is due", () => {
  let app: TestApp;
  // Monday 2026-11-23 06:30 UTC: 07:30 in Paris (Mon), 15:30 in Tokyo (Mon), 01:30 in New York (Mon).
  const now = new Date("2026-11-23T06:30:00Z");

  beforeAll(async () => {
    app = await startTestApp();
    const prisma = app.ctx.db.prisma;
    const reader = (email: string, data: Record<string, unknown>) =>
      prisma.reader.create({ data: { email, topics: ["llm"], status: "active", ...data } });
    await reader("paris-7@example.org", { timeZone: "Europe/Paris", sendHour: 7 });
    await reader("paris-9@example.org", { timeZone: "Europe/Paris", sendHour: 9 });
    await reader("tokyo-8@example.org", { timeZone: "Asia/Tokyo", sendHour: 8 });
    await reader("newyork-7@example.org", { timeZone: "America/New_York", sendHour: 7 });
    await reader("weekly-monday@example.org", {
      timeZone: "UTC",
      sendHour: 6,
      frequency: "weekly",
      weekday: 1,
    });
    await reader("weekly-friday@example.org", {
      timeZone: "UTC",
      sendHour: 6,
      frequency: "weekly",
      weekday: 5,
    });
    await reader("paused@example.org", { timeZone: "UTC", sendHour: 0, status: "paused" });
    await reader("pending@example.org", { timeZone: "UTC", sendHour: 0, status: "pending" });
    await reader("gone@example.org", { timeZone: "UTC", sendHour: 0, status: "unsubscribed" });
    await reader("bounced@example.org", { timeZone: "UTC", sendHour: 0 });
    await prisma.suppression.create({ data: { email: "bounced@example.org", reason: "bounce" } });
  });
  afterAll(async () => app?.close());

  const plannedEmails = async () =>
    (await app.ctx.db.prisma.delivery.findMany({ include: { reader: true, edition: true } }))
      .map((d) => `${d.reader.email} ${d.edition.date.toISOString().slice(0, 10)}`)
      .sort();

  it("plans readers past their local hour, on their local date, and nobody else", async () => {
    const result = await app.ctx.planner.plan(now);
    expect(result.created).toBe(3);
    expect(await plannedEmails()).toEqual([
      "paris-7@example.org 2026-11-23",
      "tokyo-8@example.org 2026-11-23",
      "weekly-monday@example.org 2026-11-23",
    ]);
    for (const id of result.deliveryIds)
      expect(await app.ctx.queues.send.getJob(`delivery-${id}`)).toBeTruthy();
  });

  it("plans each delivery once however often it runs, and the rest as their hour comes", async () => {
    const [a, b] = await Promise.all([app.ctx.planner.plan(now), app.ctx.planner.plan(now)]);
    expect(a.created + b.created).toBe(0);
    // Three hours later Paris-9 is due; New York (04:30) still is not.
    const later = await app.ctx.planner.plan(new Date("2026-11-23T09:30:00Z"));
    expect(later.created).toBe(1);
    expect(await plannedEmails()).toContain("paris-9@example.org 2026-11-23");
    expect(await plannedEmails()).not.toContain("newyork-7@example.org 2026-11-23");
  });

  it("--force ignores hours and weekdays but never sends to paused, pending, unsubscribed or suppressed readers", async () => {
    const forced = await app.ctx.planner.plan(now, { force: true, date: "2026-11-24" });
    const emails = (await plannedEmails())
      .filter((e) => e.endsWith("2026-11-24"))
      .map((e) => e.split(" ")[0]);
    expect(forced.created).toBe(6);
    expect(emails).toEqual([
      "newyork-7@example.org",
      "paris-7@example.org",
      "paris-9@example.org",
      "tokyo-8@example.org",
      "weekly-friday@example.org",
      "weekly-monday@example.org",
    ]);
  });
});
