/**
 * Benchmark harness: each scenario prints JSON lines `{"name","value","unit",...}`.
 * Scenarios measure ours against a baseline in the same run and print the ratio,
 * so results compare side by side on the same machine. Run: `npm run bench [-- name ...]`.
 */
export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  [extra: string]: unknown;
}

export type Scenario = () => Promise<BenchResult[] | undefined>;

export function emit(result: BenchResult): void {
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

/** Peak resident set size of this process so far, in MiB (Linux reports maxRSS in KiB). */
export function peakRssMiB(): number {
  return Math.round((process.resourceUsage().maxRSS / 1024) * 10) / 10;
}

/** Runs fn `iterations` times after a warm-up and returns elapsed milliseconds. */
export async function time(fn: () => unknown | Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}
