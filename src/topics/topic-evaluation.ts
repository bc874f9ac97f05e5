/**
 * Scores assigned topics against the right ones.
 * - top-1 accuracy: share of papers whose first assigned topic is one of the right ones;
 * - micro precision / recall / F1 over all (paper, topic) pairs: a right topic assigned is a
 *   true positive, a wrong one assigned a false positive, a right one missed a false negative.
 * Topics are compared as sets per paper (duplicates count once). No papers gives all zeros.
 */
export interface TopicEvaluationExample {
  /** The right topics. */
  topics: readonly string[];
  /** What the classifier assigned, most fitting first. */
  assigned: readonly string[];
}

export interface TopicCounts {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
}

export interface TopicEvaluation {
  count: number;
  top1Accuracy: number;
  precision: number;
  recall: number;
  microF1: number;
  /** The same counts per topic slug, for finding where a classifier goes wrong. */
  perTopic: Record<string, TopicCounts>;
}

export function evaluateTopics(examples: readonly TopicEvaluationExample[]): TopicEvaluation {
  let top1 = 0;
  const total: TopicCounts = { truePositives: 0, falsePositives: 0, falseNegatives: 0 };
  const perTopic: Record<string, TopicCounts> = {};
  const countsOf = (slug: string) => {
    perTopic[slug] ??= { truePositives: 0, falsePositives: 0, falseNegatives: 0 };
    return perTopic[slug];
  };
  for (const example of examples) {
    const right = new Set(example.topics);
    const assigned = new Set(example.assigned);
    const first = example.assigned[0];
    if (first !== undefined && right.has(first)) top1++;
    for (const slug of assigned) {
      const key = right.has(slug) ? "truePositives" : "falsePositives";
      total[key]++;
      countsOf(slug)[key]++;
    }
    for (const slug of right) {
      if (assigned.has(slug)) continue;
      total.falseNegatives++;
      countsOf(slug).falseNegatives++;
    }
  }
  const precision = ratio(total.truePositives, total.truePositives + total.falsePositives);
  const recall = ratio(total.truePositives, total.truePositives + total.falseNegatives);
  return {
    count: examples.length,
    top1Accuracy: ratio(top1, examples.length),
    precision,
    recall,
    microF1: ratio(2 * precision * recall, precision + recall),
    perTopic,
  };
}

function ratio(numerator: number, denominator: number): number {
  return denominator === 0 ? 0 : numerator / denominator;
}
