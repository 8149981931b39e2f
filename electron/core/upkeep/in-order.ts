/**
 * Work over many files at a bounded concurrency, its results handed on in the files' order: a run over a thousand
 * token files overlaps its waits on the identity provider, and still prints, counts and exits as if it had gone
 * one file after another.
 */
import pLimit from 'p-limit';

/**
 * Runs `run` for every item, at most `parallel` at once (started in the items' order), and calls `onResult` for
 * each result in the items' order: the result of item 3 waits until items 0–2 have been handed on. Resolves with
 * every result, in order. `run` should report expected failures as results; if one throws, the first error in
 * the items' order is thrown once every started task has ended.
 */
export async function mapInOrder<T, R>(
  items: readonly T[],
  parallel: number,
  run: (item: T, index: number) => Promise<R>,
  onResult?: (result: R, index: number) => void,
): Promise<R[]> {
  if (!Number.isInteger(parallel) || parallel < 1)
    throw new RangeError(`parallel must be ≥ 1, not ${parallel}`);
  const limit = pLimit(parallel);
  const pending = items.map((item, index) => limit(() => run(item, index)));
  // Awaited one by one below: a later task failing meanwhile must not be an unhandled rejection.
  for (const task of pending) task.catch(() => undefined);
  const results: R[] = [];
  let failure: { error: unknown } | undefined;
  for (const [index, task] of pending.entries()) {
    try {
      const result = await task;
      results.push(result);
      if (failure === undefined) onResult?.(result, index);
    } catch (error) {
      failure ??= { error };
    }
  }
  if (failure !== undefined) throw failure.error;
  return results;
}
