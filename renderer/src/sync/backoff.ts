/**
 * Retry delays after a failed sync: exponential with "full jitter" (a random delay between 0 and
 * the exponential cap), so hundreds of devices that lost the server at the same moment do not
 * all come back at the same moment. `random` is injectable for tests.
 */
export interface BackoffOptions {
  baseMs: number;
  maxMs: number;
  random?: () => number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 1_000, maxMs: 5 * 60_000 };

/** Delay before retry number `attempt` (1 = first retry). Never below baseMs / 2, never above maxMs. */
export function backoffDelay(attempt: number, opts: BackoffOptions = DEFAULT_BACKOFF): number {
  const random = opts.random ?? Math.random;
  const cap = Math.min(opts.maxMs, opts.baseMs * 2 ** Math.max(0, Math.min(attempt - 1, 30)));
  const floor = Math.min(cap, opts.baseMs / 2);
  return Math.round(floor + random() * (cap - floor));
}
