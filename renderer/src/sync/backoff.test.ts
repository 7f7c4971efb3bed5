import { describe, expect, it } from 'vitest';
import { backoffDelay } from './backoff';

describe('backoffDelay', () => {
  const opts = { baseMs: 1000, maxMs: 60_000 };
  it('grows exponentially up to the cap', () => {
    const top = (a: number) => backoffDelay(a, { ...opts, random: () => 1 });
    expect([1, 2, 3, 4, 10].map(top)).toEqual([1000, 2000, 4000, 8000, 60_000]);
  });
  it('jitters between half the base and the cap', () => {
    expect(backoffDelay(5, { ...opts, random: () => 0 })).toBe(500);
    const seen = new Set(Array.from({ length: 50 }, () => backoffDelay(6, opts)));
    expect(seen.size).toBeGreaterThan(10);
    for (const d of seen) expect(d).toBeGreaterThanOrEqual(500);
  });
});
