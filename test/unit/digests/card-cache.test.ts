import { describe, expect, it } from "vitest";
import { CardCache } from "../../../src/digests/card-cache.js";
import { toCardData } from "../../../src/digests/digest-model.js";
import { typicalEdition } from "../../fixtures/digests/sample-editions.js";

const paper = () => typicalEdition().sections[0]!.papers[0]!;

describe("CardCache", () => {
  it("shares the paper's part between readers and keeps each reader's feedback links", () => {
    const cache = new CardCache();
    const first = cache.card(paper());
    const second = cache.card({
      ...paper(),
      feedback: { more: "https://x.example/more?r=2", less: "https://x.example/less?r=2" },
    });
    expect(second.base).toBe(first.base);
    expect(second.feedback).toEqual({
      more: "https://x.example/more?r=2",
      less: "https://x.example/less?r=2",
    });
    expect(first.feedback?.more).toContain("reader=r_8f3a2c");
    expect(cache.size).toBe(1);
  });

  it("gives what an uncached build gives", () => {
    const { base: _cachedBase, ...cached } = new CardCache().card(paper());
    const { base: _base, ...direct } = toCardData(paper());
    expect(cached).toEqual(direct);
  });

  it("rebuilds when anything the card shows has changed", () => {
    const cache = new CardCache();
    const first = cache.card(paper());
    for (const change of [
      { title: "A new title" },
      { upvotes: 999 },
      { authors: [...paper().authors, "One More"] },
      { authors: ["Someone Else", ...paper().authors.slice(1)] },
      { pdfUrl: undefined },
      { reason: "Another reason" },
    ]) {
      const changed = cache.card({ ...paper(), ...change });
      expect(changed.base, JSON.stringify(change)).not.toBe(first.base);
      cache.card(paper());
    }
    expect(cache.card({ ...paper(), upvotes: 999 }).stats).toBe("999 upvotes");
  });

  it("stays bounded", () => {
    const cache = new CardCache(10);
    for (let i = 0; i < 25; i++) cache.card({ ...paper(), id: `p${i}` });
    expect(cache.size).toBeLessThanOrEqual(10);
  });
});
