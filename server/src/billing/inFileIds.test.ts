import { describe, expect, it } from 'vitest';
import { InFileIds } from './inFileIds';

describe('InFileIds', () => {
  it('takes ascending ids without lookups and refuses a repeat of the last one', () => {
    const ids = new InFileIds();
    expect(['A1', 'A2', 'A3'].map((id) => ids.add(id))).toEqual([true, true, true]);
    expect(ids.add('A3')).toBe(false);
    expect(ids.size).toBe(3);
  });

  it('finds a repeat of an earlier ascending id and of an earlier out-of-order one', () => {
    const ids = new InFileIds();
    for (const id of ['B10', 'B20', 'B30', 'B40']) ids.add(id);
    expect(ids.add('B20')).toBe(false); // in the ascending list
    expect(ids.add('B15')).toBe(true); // out of order, new
    expect(ids.add('B15')).toBe(false); // out of order, repeated
    expect(ids.add('B10')).toBe(false); // the first one
    expect(ids.add('B05')).toBe(true);
    expect(ids.size).toBe(6);
  });

  it('agrees with a Set on a shuffled file with repeats', () => {
    let s = 7;
    const rnd = () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
    const ids = new InFileIds();
    const set = new Set<string>();
    for (let i = 0; i < 5000; i++) {
      // mostly ascending, sometimes an old or a random id
      const id = rnd() < 0.8 ? `C${String(i).padStart(6, '0')}` : `C${String(Math.floor(rnd() * i)).padStart(6, '0')}`;
      const before = set.size;
      expect(ids.add(id)).toBe(set.add(id).size !== before);
    }
    expect(ids.size).toBe(set.size);
  });
});
