/**
 * Upper bound on a reader's score for the papers not yet reached in a topic walk.
 *
 * Each topic's eligible papers are pre-sorted (once per edition) by key = a * topicScore + (1 - a) * trend
 * for a few anchors `a`; a reader walks the list of the anchor nearest to their knob w. For a paper p still
 * ahead in topic t's list and filed under t, with no keyword match (those are all scored before the walks):
 *
 *   relevance <= min(1, C * topicScore + N)
 *
 * where C is the reader's largest topic weight (priority x feedback) and N the sum of their positive
 * keyword nudges; this holds because t is p's best eligible topic and every other followed topic scores
 * either less (eligible) or under the threshold <= topicScore (not eligible). So the score is at most
 *
 *   max  w * min(1, C * s + N) + (1 - w) * r   over s, r in [0, 1] with a * s + (1 - a) * r <= key
 *
 * a concave piecewise-linear maximum reached at an end of the segment a * s + (1 - a) * r = key or at the
 * kink s = (1 - N) / C. Keys only decrease along the list, so once this bound drops below the section's
 * worst kept score, nothing further down the list can enter it.
 */
export interface WalkBound {
  /** Reader's knob w. */
  weight: number;
  /** Anchor a of the list walked. */
  anchor: number;
  /** Largest topic weight C (> 0). */
  topicWeight: number;
  /** Sum of positive nudges N (>= 0). */
  nudge: number;
}

/** Slack for floating-point rounding: the bound is only ever used to stop early, so erring high is safe. */
const EPSILON = 1e-9;

export function scoreBound(key: number, b: WalkBound): number {
  const { weight: w, anchor: a, topicWeight: c, nudge: n } = b;
  if (a <= 0) return objective(w, c, n, 1, Math.min(1, key)) + EPSILON;
  if (a >= 1) return objective(w, c, n, Math.min(1, key), 1) + EPSILON;
  // On the line a*s + (1-a)*r = key, r = (key - a*s) / (1 - a); s ranges where r stays within [0, 1].
  const lo = Math.max(0, (key - (1 - a)) / a);
  const hi = Math.min(1, key / a);
  if (hi < lo) return objective(w, c, n, 1, 1) + EPSILON;
  let best = Math.max(onLine(w, c, n, a, key, lo), onLine(w, c, n, a, key, hi));
  const kink = (1 - n) / c;
  if (kink > lo && kink < hi) best = Math.max(best, onLine(w, c, n, a, key, kink));
  return best + EPSILON;
}

function objective(w: number, c: number, n: number, s: number, r: number): number {
  return w * Math.min(1, c * s + n) + (1 - w) * r;
}

function onLine(w: number, c: number, n: number, a: number, key: number, s: number): number {
  return objective(w, c, n, s, Math.min(1, Math.max(0, (key - a * s) / (1 - a))));
}
