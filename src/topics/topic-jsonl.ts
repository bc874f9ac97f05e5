import { z } from "zod";
import { AppError } from "../lib/errors.js";
import { isTopicSlug, TOPIC_SLUGS } from "./taxonomy.js";
import type { TopicInput, TopicResult } from "./topic-classifier.js";
import { evaluateTopics, type TopicEvaluation, type TopicEvaluationExample } from "./topic-evaluation.js";

/** What the JSONL helpers need from a classifier. */
export interface TopicClassifying {
  classify(input: TopicInput): TopicResult;
}

const STRINGS = "must be an array of strings";
const PaperLine = z.object({
  title: z.string({ error: "must be a string" }),
  abstract: z.string({ error: "must be a string" }).default(""),
  keywords: z.array(z.string({ error: STRINGS }), { error: STRINGS }).optional(),
  categories: z.array(z.string({ error: STRINGS }), { error: STRINGS }).optional(),
});

const LabeledLine = PaperLine.extend({
  topics: z
    .array(z.string({ error: "must be an array of topic slugs" }), {
      error: "must be an array of topic slugs",
    })
    .min(1, { error: "must name at least one topic" })
    .refine((topics) => topics.every(isTopicSlug), {
      error: (issue) => {
        const unknown = (issue.input as string[]).find((topic) => !isTopicSlug(topic));
        return `unknown topic ${JSON.stringify(unknown)} (known: ${TOPIC_SLUGS.join(", ")})`;
      },
    }),
});

/**
 * Classifies JSONL papers, one output line per input line, in order:
 * {"title","topics":[{"slug","score"}, ...all 20 best first],"assigned":[...]}. Input lines are
 * {title, abstract?, keywords?, categories?} (other fields are ignored); blank lines are skipped.
 * A bad line stops the run with AppError VALIDATION_FAILED "line N: ...".
 */
export async function* classifyJsonl(
  input: AsyncIterable<string>,
  classifier: TopicClassifying,
): AsyncGenerator<string> {
  let lineNumber = 0;
  for await (const line of input) {
    lineNumber++;
    if (line.trim() === "") continue;
    const paper = parseLine(line, lineNumber, PaperLine);
    const result = classifier.classify(paper);
    yield JSON.stringify({ title: paper.title, topics: result.scores, assigned: result.assigned });
  }
}

/**
 * Classifies JSONL papers that carry their right topics (`topics`: 1+ taxonomy slugs) and
 * returns top-1 accuracy and micro precision / recall / F1 (see evaluateTopics). Blank lines
 * are skipped; a bad line throws AppError VALIDATION_FAILED "line N: ...".
 */
export async function evaluateJsonl(
  input: AsyncIterable<string>,
  classifier: TopicClassifying,
): Promise<TopicEvaluation> {
  const examples: TopicEvaluationExample[] = [];
  let lineNumber = 0;
  for await (const line of input) {
    lineNumber++;
    if (line.trim() === "") continue;
    const paper = parseLine(line, lineNumber, LabeledLine);
    examples.push({ topics: paper.topics, assigned: classifier.classify(paper).assigned });
  }
  return evaluateTopics(examples);
}

function parseLine<T>(line: string, lineNumber: number, schema: z.ZodType<T>): T {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (cause) {
    throw new AppError("VALIDATION_FAILED", `line ${lineNumber}: not valid JSON`, {
      cause,
      details: { line: lineNumber },
    });
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new AppError("VALIDATION_FAILED", `line ${lineNumber}: expected a JSON object`, {
      details: { line: lineNumber },
    });
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.length ? `${issue.path.join(".")}: ` : "";
    throw new AppError("VALIDATION_FAILED", `line ${lineNumber}: ${field}${issue?.message ?? "invalid"}`, {
      details: { line: lineNumber },
    });
  }
  return parsed.data;
}
