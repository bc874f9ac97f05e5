import { describe, expect, it } from "vitest";
import {
  cleanText,
  excerpt,
  formatAuthors,
  formatCount,
  formatEditionDate,
  isolate,
  truncateAtWord,
} from "../../../src/digests/text-format.js";
import { isAppError } from "../../../src/lib/errors.js";

describe("cleanText", () => {
  it("drops control characters and collapses whitespace, newlines included", () => {
    expect(cleanText("  A\u0000 title\n\n with\ttabs\u0007 \u200b ")).toBe("A title with tabs \u200b");
    expect(cleanText(undefined)).toBe("");
  });
});

describe("truncateAtWord", () => {
  it("leaves short text alone", () => {
    expect(truncateAtWord("Short title", 200)).toBe("Short title");
  });

  it("cuts at a word boundary and adds an ellipsis within the limit", () => {
    const text = "word ".repeat(100).trim();
    const cut = truncateAtWord(text, 200);
    expect(cut.length).toBeLessThanOrEqual(200);
    expect(cut.endsWith("word…")).toBe(true);
  });

  it("cuts long unbroken text hard, never inside a surrogate pair", () => {
    const text = "🚀".repeat(300);
    const cut = truncateAtWord(text, 200);
    expect(cut.length).toBeLessThanOrEqual(200);
    expect(cut.endsWith("🚀…")).toBe(true);
    expect(cut).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
  });
});

describe("excerpt", () => {
  const abstract =
    "We study retrieval heads in long-context models. Ablating fewer than 5% of heads reduces needle-in-a-haystack accuracy to chance, e.g. from 98% to 3%. The heads appear early in pre-training and are universal across families, which suggests a shared mechanism for copying information from long contexts at inference time, and we release code.";

  it("keeps whole sentences when they fill at least half the budget", () => {
    const cut = excerpt(abstract, 300);
    expect(cut).toBe(
      "We study retrieval heads in long-context models. Ablating fewer than 5% of heads reduces needle-in-a-haystack accuracy to chance, e.g. from 98% to 3%.",
    );
  });

  it("does not end a sentence at e.g. or et al.", () => {
    const cut = excerpt(abstract, 120);
    expect(cut.endsWith("e.g.")).toBe(false);
    expect(cut.endsWith("…")).toBe(true);
    expect(cut.length).toBeLessThanOrEqual(120);
  });

  it("returns text under the budget unchanged", () => {
    expect(excerpt("One sentence.", 300)).toBe("One sentence.");
  });
});

describe("formatAuthors", () => {
  it("shows three names and et al. when there are more", () => {
    expect(formatAuthors(["A", "B", "C", "D"])).toBe("A, B, C et al.");
    expect(formatAuthors(["A", "B"], 12)).toBe("A, B et al.");
    expect(formatAuthors(["A", "B", "C"])).toBe("A, B, C");
    expect(formatAuthors([])).toBe("");
  });

  it("isolates right-to-left names so they cannot reorder their neighbours", () => {
    expect(formatAuthors(["Ada", "מודל שפה", "Bob"])).toBe("Ada, \u2068מודל שפה\u2069, Bob");
    expect(isolate("Latin only")).toBe("Latin only");
  });
});

describe("formatCount", () => {
  it("abbreviates thousands", () => {
    expect(formatCount(950)).toBe("950");
    expect(formatCount(1234)).toBe("1.2k");
    expect(formatCount(15300)).toBe("15k");
  });
});

describe("formatEditionDate", () => {
  it("formats a calendar date without time zone drift", () => {
    expect(formatEditionDate("2025-11-22")).toEqual({ long: "Saturday, November 22, 2025", short: "Nov 22" });
    expect(formatEditionDate("2024-02-29").long).toBe("Thursday, February 29, 2024");
  });

  it("rejects anything that is not a real YYYY-MM-DD date", () => {
    for (const bad of ["2025-02-30", "22/11/2025", "2025-11-22T00:00:00Z", ""]) {
      let caught: unknown;
      try {
        formatEditionDate(bad);
      } catch (error) {
        caught = error;
      }
      expect(isAppError(caught, "VALIDATION_FAILED"), bad).toBe(true);
    }
  });
});
