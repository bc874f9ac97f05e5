import { describe, expect, it } from "vitest";
import { TopicTokenizer } from "../../../src/topics/topic-tokenizer.js";

const tokenizer = new TopicTokenizer();
const stems = (text: string) => tokenizer.tokenize(text).map((t) => t.stem);

describe("TopicTokenizer", () => {
  it("lowercases, splits on punctuation and stems", () => {
    expect(stems("Text-to-Image Diffusion Models")).toEqual(["text", "to", "imag", "diffus", "model"]);
  });

  it("glues prefixes written with a hyphen, a space or nothing", () => {
    expect(stems("pre-training")).toEqual(stems("pretraining"));
    expect(stems("pre training")).toEqual(stems("pretraining"));
    expect(stems("multi-modal")).toEqual(stems("multimodal"));
    expect(stems("fine-tuned")).toEqual(stems("finetuned"));
  });

  it("keeps the unstemmed word for exact matching", () => {
    expect(tokenizer.tokenize("Optimizers")).toEqual([{ stem: "optim", word: "optimizers" }]);
  });

  it("drops URLs and LaTeX commands and folds accents", () => {
    expect(stems("see https://github.com/a/b and hf.co/x \\textbf{Nystr\u00f6m} na\u00efve")).toEqual([
      "see",
      "and",
      "nystrom",
      "naiv",
    ]);
  });

  it("keeps letters from other scripts as words", () => {
    expect(tokenizer.tokenize("\u4e2d\u6587 model").map((t) => t.word)).toEqual(["\u4e2d\u6587", "model"]);
  });

  it("drops the word code only in release boilerplate sentences", () => {
    const words = tokenizer
      .tokenizeAbstract("We generate code with LLMs. Our code is available at https://example.org.")
      .map((t) => t.word);
    expect(words.filter((w) => w === "code")).toHaveLength(1);
  });

  it("handles empty input", () => {
    expect(tokenizer.tokenize("")).toEqual([]);
    expect(tokenizer.tokenizeAbstract("  ")).toEqual([]);
  });
});
