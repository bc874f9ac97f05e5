import { describe, expect, it } from "vitest";
import { isValidTimeZone, localDate, localHourAndWeekday } from "../../../src/lib/clock.js";

describe("local time", () => {
  const instant = new Date("2026-11-22T23:30:00Z"); // a Sunday in UTC
  it("gives the local date, hour and weekday in an IANA zone", () => {
    expect(localDate(instant, "UTC")).toBe("2026-11-22");
    expect(localDate(instant, "Asia/Tokyo")).toBe("2026-11-23");
    expect(localHourAndWeekday(instant, "Asia/Tokyo")).toEqual({ hour: 8, weekday: 1 });
    expect(localHourAndWeekday(instant, "America/New_York")).toEqual({ hour: 18, weekday: 0 });
  });
  it("validates zones", () => {
    expect(isValidTimeZone("Europe/Paris")).toBe(true);
    expect(isValidTimeZone("Mars/Olympus")).toBe(false);
  });
});
