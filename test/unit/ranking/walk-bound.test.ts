import { describe, expect, it } from "vitest";
import { scoreBound } from "../../../src/ranking/walk-bound.js";

describe("scoreBound", () => {
  it("bounds w * min(1, C*s + N) + (1 - w) * r over a*s + (1 - a)*r <= key, and is tight", () => {
    const grid = Array.from({ length: 41 }, (_, i) => i / 40);
    for (const weight of [0, 0.3, 0.7, 1]) {
      for (const anchor of [0, 0.25, 0.7, 1]) {
        for (const [topicWeight, nudge] of [
          [1, 0],
          [0.8, 0],
          [1.4, 0],
          [1, 0.2],
        ] as const) {
          for (const key of [0, 0.2, 0.55, 0.8, 1]) {
            const b = { weight, anchor, topicWeight, nudge };
            let max = 0;
            for (const s of grid) {
              for (const r of grid) {
                if (anchor * s + (1 - anchor) * r > key + 1e-12) continue;
                max = Math.max(max, weight * Math.min(1, topicWeight * s + nudge) + (1 - weight) * r);
              }
            }
            const bound = scoreBound(key, b);
            expect(bound).toBeGreaterThanOrEqual(max);
            // The grid misses the exact optimum by at most one grid step in each direction.
            expect(bound).toBeLessThanOrEqual(max + 0.08);
          }
        }
      }
    }
  });

  it("equals the key when the reader's knob is the list's anchor and weights are plain", () => {
    const b = { weight: 0.7, anchor: 0.7, topicWeight: 1, nudge: 0 };
    for (const key of [0.1, 0.5, 0.9]) expect(scoreBound(key, b)).toBeCloseTo(key, 8);
  });
});
