import { describe, expect, it } from 'vitest';
import { compareBytes, IdRange, InFileIds } from './inFileIds';

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

describe('record ids in the database order (UTF-8 bytes, COLLATE "C")', () => {
  const ids = ['A', 'AB', 'Z', 'a', 'Z😀', 'Z＃', 'Z\uffff', 'Z\ue000', '𝟘1', '河南', 'CDR000000001', 'CDR000000002', ''];
  const bytes = (s: string) => Buffer.from(s, 'utf8');

  it('compareBytes agrees with the byte order where JavaScript < does not (characters past U+FFFF)', () => {
    for (const a of ids) for (const b of ids) expect(Math.sign(compareBytes(bytes(a), 0, bytes(a).length, bytes(b), 0, bytes(b).length)), `${a} ? ${b}`).toBe(Math.sign(Buffer.compare(bytes(a), bytes(b))));
    // the case < gets wrong, so the test can fail
    expect('Z😀' < 'Z＃').toBe(true);
    expect(compareBytes(bytes('Z😀'), 0, 5, bytes('Z＃'), 0, 4)).toBeGreaterThan(0);
  });

  it('IdRange keeps the lowest and highest id in that order, from strings and from bytes alike', () => {
    const r = new IdRange();
    r.add('Z😀');
    r.add('Z＃');
    expect([r.minId, r.maxId]).toEqual(['Z＃', 'Z😀']);
    const line = Buffer.from('x,CDR000000009,y');
    r.addBytes(line, 2, 14);
    expect([r.minId, r.maxId]).toEqual(['CDR000000009', 'Z😀']);
    const sorted = [...ids].sort((a, b) => Buffer.compare(bytes(a), bytes(b)));
    const all = new IdRange();
    for (const id of ids) all.add(id);
    expect([all.minId, all.maxId]).toEqual([sorted[0], sorted[sorted.length - 1]]);
  });

  it('InFileIds finds a string id repeated as bytes of a line, and the other way round', () => {
    const seen = new InFileIds();
    const line = Buffer.from('Q7,4008000001');
    expect(seen.addBytes(line, 0, 2)).toBe(true);
    expect(seen.add('Q7')).toBe(false);
    expect(seen.add('河南1')).toBe(true);
    const gb = Buffer.from('河南1', 'utf8');
    expect(seen.addBytes(gb, 0, gb.length)).toBe(false);
  });
});
