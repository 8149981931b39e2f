/** Summaries of repeated measurements: the median is the figure, min/p90/max show the spread. */

/** The summary of one series of samples. */
export interface Summary {
  runs: number;
  median: number;
  min: number;
  p90: number;
  max: number;
}

/** Nearest-rank percentile of sorted samples (p in [0, 1]). */
function percentile(sorted: readonly number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}

/** Median (mean of the two middle samples for an even count), min, p90 and max. */
export function summarize(samples: readonly number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = sorted.length / 2;
  const median =
    sorted.length % 2 === 1
      ? (sorted[Math.floor(mid)] ?? Number.NaN)
      : ((sorted[mid - 1] ?? Number.NaN) + (sorted[mid] ?? Number.NaN)) / 2;
  return {
    runs: sorted.length,
    median,
    min: sorted[0] ?? Number.NaN,
    p90: percentile(sorted, 0.9),
    max: sorted.at(-1) ?? Number.NaN,
  };
}

/** A number for a table: up to `digits` decimals, no trailing zeros noise for integers. */
export function num(value: number, digits = 1): string {
  if (!Number.isFinite(value)) return 'n/a';
  return Number.isInteger(value) ? String(value) : value.toFixed(digits);
}

/** `median (min–max, p90 x)` in one cell. */
export function spread(s: Summary, unit = '', digits = 1): string {
  return `**${num(s.median, digits)}${unit}** (min ${num(s.min, digits)}, p90 ${num(s.p90, digits)}, max ${num(s.max, digits)}; ${s.runs} runs)`;
}

/** Milliseconds elapsed since `start` (a `performance.now()` value). */
export function since(start: number): number {
  return performance.now() - start;
}
