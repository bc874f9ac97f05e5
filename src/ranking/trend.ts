import type { UpvoteSample } from "./ranking-types.js";

/**
 * Trend score: Hacker News gravity with a velocity term.
 *
 *   points = upvotes + gain24h + 1
 *   raw    = points / (ageHours + 2) ^ 1.2
 *   trend  = percentile rank of raw among the edition's papers, in [0, 1]
 *            ((papers below + half of the other papers equal) / (n - 1); a lone paper gets 1)
 *
 * - upvotes: the paper's current count (Paper.upvotes), else the latest snapshot taken at or before now.
 * - gain24h: upvotes minus the count at now - 24h (the latest snapshot at or before that instant; 0 if the
 *   paper appeared within the last 24h; else the earliest snapshot, a lower bound). Votes gained in the last
 *   day therefore count twice: a paper still rising beats one that has stalled at the same total.
 * - ageHours: hours since the paper's most recent in-window date (featuredAt or publishedAt), at least 0.
 * - Unknown upvotes are not zero: such a paper gets the median points of the edition's papers with known
 *   upvotes (1 when none are known, i.e. recency alone), then decays with its own age like any other.
 * - Gravity 1.2 (HN uses 1.8): votes on Daily Papers keep coming for two or three days, so a gentler decay
 *   keeps a paper that is still collecting votes on day three in the running, while fresh papers with similar
 *   votes still win (at 6h vs 72h the divisor differs about 14x).
 * - Percentile normalisation blends with relevance on the same 0..1 scale and is not swamped by one outlier.
 */
export const TREND_GRAVITY = 1.2;
export const TREND_AGE_OFFSET_HOURS = 2;
const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

export interface UpvoteStats {
  /** Current upvotes; undefined when unknown. */
  upvotes: number | undefined;
  /** Upvotes gained in the 24 hours before now; undefined when it cannot be told. */
  gain24h: number | undefined;
}

/**
 * Upvotes and 24h gain from the paper's count and its snapshots (any order; snapshots after `now` are ignored).
 * `referenceDate` is when the paper appeared (for the "new within 24h" rule).
 */
export function upvoteStats(
  upvotes: number | undefined,
  snapshots: readonly UpvoteSample[],
  referenceDate: Date | undefined,
  now: Date,
): UpvoteStats {
  const nowMs = now.getTime();
  const cutoff = nowMs - DAY_MS;
  let latestMs = -Infinity;
  let latest: number | undefined;
  let earliestMs = Infinity;
  let earliest: number | undefined;
  let baselineMs = -Infinity;
  let baseline: number | undefined;
  for (const s of snapshots) {
    const t = s.takenAt.getTime();
    if (!(t <= nowMs) || !Number.isFinite(s.upvotes)) continue;
    if (t > latestMs || (t === latestMs && s.upvotes > (latest ?? -Infinity))) {
      latestMs = t;
      latest = s.upvotes;
    }
    if (t < earliestMs || (t === earliestMs && s.upvotes < (earliest ?? Infinity))) {
      earliestMs = t;
      earliest = s.upvotes;
    }
    if (t <= cutoff && (t > baselineMs || (t === baselineMs && s.upvotes > (baseline ?? -Infinity)))) {
      baselineMs = t;
      baseline = s.upvotes;
    }
  }
  const current = upvotes !== undefined && Number.isFinite(upvotes) ? upvotes : latest;
  if (current === undefined) return { upvotes: undefined, gain24h: undefined };
  if (baseline === undefined) {
    if (referenceDate !== undefined && referenceDate.getTime() >= cutoff) baseline = 0;
    else baseline = earliest;
  }
  const gain24h = baseline === undefined ? undefined : Math.max(0, current - baseline);
  return { upvotes: Math.max(0, current), gain24h };
}

/** Points for the gravity formula, or undefined when upvotes are unknown. */
export function trendPoints(stats: UpvoteStats): number | undefined {
  if (stats.upvotes === undefined) return undefined;
  return stats.upvotes + (stats.gain24h ?? 0) + 1;
}

/** points / (ageHours + 2) ^ TREND_GRAVITY. */
export function gravityScore(points: number, ageHours: number): number {
  return points / (Math.max(0, ageHours) + TREND_AGE_OFFSET_HOURS) ** TREND_GRAVITY;
}

export function ageHours(referenceDate: Date, now: Date): number {
  return Math.max(0, (now.getTime() - referenceDate.getTime()) / HOUR_MS);
}

/** Median of the known points, or 1 when none are known (the neutral prior for unknown upvotes). */
export function neutralPoints(points: readonly (number | undefined)[]): number {
  const known = points.filter((p): p is number => p !== undefined).sort((a, b) => a - b);
  if (known.length === 0) return 1;
  const mid = known.length >> 1;
  return known.length % 2 === 1 ? known[mid]! : (known[mid - 1]! + known[mid]!) / 2;
}

/** Percentile rank of each value among all of them, in [0, 1]; equal values share a rank. */
export function percentileRanks(values: ArrayLike<number>): Float64Array {
  const n = values.length;
  const out = new Float64Array(n);
  if (n === 0) return out;
  if (n === 1) {
    out[0] = 1;
    return out;
  }
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => values[a]! - values[b]!);
  let i = 0;
  while (i < n) {
    let j = i;
    while (j + 1 < n && values[order[j + 1]!] === values[order[i]!]) j++;
    // i papers below, (j - i) others equal: rank = (i + (j - i) / 2) / (n - 1).
    const rank = (i + (j - i) / 2) / (n - 1);
    for (let k = i; k <= j; k++) out[order[k]!] = rank;
    i = j + 1;
  }
  return out;
}

export interface TrendInput {
  stats: UpvoteStats;
  ageHours: number;
}

/** Raw gravity scores and their percentile-normalised trend, for one edition's papers. */
export function computeTrends(inputs: readonly TrendInput[]): { raw: Float64Array; trend: Float64Array } {
  const points = inputs.map((x) => trendPoints(x.stats));
  const prior = neutralPoints(points);
  const raw = new Float64Array(inputs.length);
  for (let i = 0; i < inputs.length; i++) raw[i] = gravityScore(points[i] ?? prior, inputs[i]!.ageHours);
  return { raw, trend: percentileRanks(raw) };
}
