import { describe, expect, it } from "vitest";
import { evaluateTopics } from "../../../src/topics/topic-evaluation.js";

describe("evaluateTopics", () => {
  it("computes top-1 accuracy and micro precision, recall and F1", () => {
    const result = evaluateTopics([
      { topics: ["llm", "training"], assigned: ["training", "llm"] }, // 2 TP, top-1 right
      { topics: ["vision"], assigned: ["multimodal", "vision"] }, // 1 TP 1 FP, top-1 wrong
      { topics: ["audio", "video"], assigned: ["audio"] }, // 1 TP 1 FN, top-1 right
      { topics: ["rl"], assigned: ["reasoning"] }, // 1 FP 1 FN, top-1 wrong
    ]);
    expect(result.count).toBe(4);
    expect(result.top1Accuracy).toBe(0.5);
    expect(result.precision).toBeCloseTo(4 / 6, 10);
    expect(result.recall).toBeCloseTo(4 / 6, 10);
    expect(result.microF1).toBeCloseTo(4 / 6, 10);
    expect(result.perTopic.vision).toEqual({ truePositives: 1, falsePositives: 0, falseNegatives: 0 });
    expect(result.perTopic.multimodal).toEqual({ truePositives: 0, falsePositives: 1, falseNegatives: 0 });
    expect(result.perTopic.rl).toEqual({ truePositives: 0, falsePositives: 0, falseNegatives: 1 });
  });

  it("differs for precision and recall when set sizes differ", () => {
    const result = evaluateTopics([{ topics: ["llm"], assigned: ["llm", "nlp", "data"] }]);
    expect(result.precision).toBeCloseTo(1 / 3, 10);
    expect(result.recall).toBe(1);
    expect(result.microF1).toBeCloseTo(0.5, 10);
  });

  it("counts duplicate topics once and an empty assignment as a top-1 miss", () => {
    const result = evaluateTopics([
      { topics: ["llm", "llm"], assigned: ["llm", "llm"] },
      { topics: ["code"], assigned: [] },
    ]);
    expect(result.top1Accuracy).toBe(0.5);
    expect(result.precision).toBe(1);
    expect(result.recall).toBe(0.5);
  });

  it("returns zeros, not NaN, for no papers", () => {
    expect(evaluateTopics([])).toEqual({
      count: 0,
      top1Accuracy: 0,
      precision: 0,
      recall: 0,
      microF1: 0,
      perTopic: {},
    });
  });
});
