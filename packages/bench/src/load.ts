/** What one round of load measured. */
export interface Round {
  requests: number;
  errors: number;
  reqPerSec: number;
  p50Ms: number;
  p99Ms: number;
  /** The first error's text, to say why a round failed. */
  firstError?: string;
}

/**
 * `concurrency` workers send requests back to back for `durationMs` (a closed loop: each waits for its
 * answer, as cashiers and browsers do). A request that throws or answers `false` counts as an error.
 */
export async function runRound(send: () => Promise<boolean | string>, concurrency: number, durationMs: number): Promise<Round> {
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  const started = performance.now();
  const deadline = started + durationMs;
  const worker = async () => {
    while (performance.now() < deadline) {
      const t0 = performance.now();
      let outcome: boolean | string;
      try {
        outcome = await send();
      } catch (err) {
        outcome = String(err);
      }
      latencies.push(performance.now() - t0);
      if (outcome !== true) {
        errors += 1;
        firstError ??= typeof outcome === 'string' ? outcome.slice(0, 300) : 'refused';
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    errors,
    reqPerSec: latencies.length / elapsed,
    p50Ms: quantile(latencies, 0.5),
    p99Ms: quantile(latencies, 0.99),
    ...(firstError ? { firstError } : {}),
  };
}

export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

export function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}
