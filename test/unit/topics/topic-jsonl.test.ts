import { describe, expect, it } from "vitest";
import { isAppError } from "../../../src/lib/errors.js";
import { TOPIC_SLUGS } from "../../../src/topics/taxonomy.js";
import { TopicClassifier } from "../../../src/topics/topic-classifier.js";
import { classifyJsonl, evaluateJsonl } from "../../../src/topics/topic-jsonl.js";

const classifier = new TopicClassifier();

async function* linesOf(lines: string[]): AsyncGenerator<string> {
  for (const line of lines) yield line;
}

async function collect(lines: string[]): Promise<string[]> {
  const out: string[] = [];
  for await (const line of classifyJsonl(linesOf(lines), classifier)) out.push(line);
  return out;
}

async function failure(run: () => Promise<unknown>): Promise<unknown> {
  try {
    await run();
  } catch (error) {
    return error;
  }
  throw new Error("expected a failure");
}

const SPEECH = {
  title: "Streaming Speech Recognition",
  abstract: "We transcribe speech with a streaming ASR model.",
};
const ROBOT = { title: "Robot Grasping", abstract: "A robot learns dexterous grasping from demonstrations." };

describe("classifyJsonl", () => {
  it("writes one line per paper, in order, with all 20 scores and the assigned topics", async () => {
    const out = (await collect([JSON.stringify(SPEECH), "", JSON.stringify({ ...ROBOT, extra: 1 })])).map(
      (line) => JSON.parse(line),
    );
    expect(out.map((o) => o.title)).toEqual([SPEECH.title, ROBOT.title]);
    for (const o of out) {
      expect(Object.keys(o)).toEqual(["title", "topics", "assigned"]);
      expect(o.topics).toHaveLength(TOPIC_SLUGS.length);
      expect(Object.keys(o.topics[0])).toEqual(["slug", "score"]);
    }
    expect(out[0].assigned[0]).toBe("audio");
    expect(out[1].assigned[0]).toBe("robotics");
    expect(out[0]).toEqual({ title: SPEECH.title, ...reshape(classifier.classify(SPEECH)) });
  });

  it("accepts a missing abstract and optional keywords and categories", async () => {
    const [line] = await collect([
      JSON.stringify({ title: "Untitled", keywords: ["speech"], categories: ["cs.SD"] }),
    ]);
    expect(JSON.parse(line!).assigned[0]).toBe("audio");
  });

  it.each([
    ["not json", "line 2: not valid JSON"],
    ["[1, 2]", "line 2: expected a JSON object"],
    ['{"abstract": "no title"}', "line 2: title: must be a string"],
    ['{"title": "t", "abstract": 42}', "line 2: abstract: must be a string"],
    ['{"title": "t", "keywords": "speech"}', "line 2: keywords: must be an array of strings"],
  ])("rejects %s with a numbered VALIDATION_FAILED error", async (bad, message) => {
    const error = await failure(() => collect([JSON.stringify(SPEECH), bad]));
    expect(isAppError(error, "VALIDATION_FAILED")).toBe(true);
    expect((error as Error).message).toBe(message);
  });
});

describe("evaluateJsonl", () => {
  it("classifies labeled lines and returns the metrics", async () => {
    const result = await evaluateJsonl(
      linesOf([
        JSON.stringify({ ...SPEECH, topics: ["audio"] }),
        "   ",
        JSON.stringify({ ...ROBOT, topics: ["rl"] }),
      ]),
      classifier,
    );
    expect(result.count).toBe(2);
    expect(result.top1Accuracy).toBe(0.5);
    expect(result.microF1).toBeGreaterThan(0);
    expect(result.microF1).toBeLessThan(1);
  });

  it.each([
    ['{"title": "t", "abstract": "a"}', "line 1: topics: must be an array of topic slugs"],
    ['{"title": "t", "abstract": "a", "topics": []}', "line 1: topics: must name at least one topic"],
    ['{"title": "t", "abstract": "a", "topics": ["llm", "sound"]}', 'line 1: topics: unknown topic "sound"'],
  ])("rejects %s", async (bad, message) => {
    const error = await failure(() => evaluateJsonl(linesOf([bad]), classifier));
    expect(isAppError(error, "VALIDATION_FAILED")).toBe(true);
    expect((error as Error).message.startsWith(message)).toBe(true);
  });
});

function reshape(result: { scores: unknown; assigned: unknown }) {
  return { topics: result.scores, assigned: result.assigned };
}
