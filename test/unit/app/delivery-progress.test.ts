import { describe, expect, it } from "vitest";
import { pollWait } from "../../../src/app/delivery-progress.js";

describe("pollWait", () => {
  const base = { pollMs: 100, elapsedMs: 3_000 };

  it("waits the whole interval while much is left, and at once less as the end nears", () => {
    // 600 settled in 3 s: 1,400 more take 7 s.
    expect(pollWait({ ...base, pending: 1_400, settled: 600, justSettled: 40 })).toBe(100);
    // 30 left at 0.2 per ms: 150 ms to go, so 75.
    expect(pollWait({ ...base, pending: 30, settled: 600, justSettled: 40 })).toBe(75);
    // 2 left: 5 ms to go, but never below 10 ms.
    expect(pollWait({ ...base, pending: 2, settled: 600, justSettled: 40 })).toBe(10);
  });

  it("falls back to the interval when nothing settled since the last poll (a tail on retries)", () => {
    expect(pollWait({ ...base, pending: 2, settled: 600, justSettled: 0 })).toBe(100);
    expect(pollWait({ ...base, pending: 2_000, settled: 0, justSettled: 0 })).toBe(100);
  });

  it("never waits longer than asked, even when the interval is short", () => {
    expect(pollWait({ ...base, pollMs: 5, pending: 2, settled: 600, justSettled: 40 })).toBe(5);
  });
});
