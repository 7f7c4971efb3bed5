import { describe, expect, it } from 'vitest';
import { idBefore } from './callMonths';

describe('idBefore: record ids in the database order (UTF-8 bytes, COLLATE "C")', () => {
  it('agrees with the byte order of UTF-8 where JavaScript < does not (characters past U+FFFF)', () => {
    const ids = ['A', 'AB', 'Z', 'a', 'Z😀', 'Z＃', 'Z\uffff', 'Z\ue000', '𝟘1', '河南', 'CDR000000001', 'CDR000000002', ''];
    const bytes = (s: string) => Buffer.from(s, 'utf8');
    for (const a of ids) for (const b of ids) expect(idBefore(a, b), `${a} < ${b}`).toBe(Buffer.compare(bytes(a), bytes(b)) < 0);
    // the case < gets wrong, so the test can fail
    expect('Z😀' < 'Z＃').toBe(true);
    expect(idBefore('Z😀', 'Z＃')).toBe(false);
  });
});
