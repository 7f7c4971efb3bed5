import { describe, expect, it } from 'vitest';
import { mergeFields, sameValue } from './merge';

describe('mergeFields', () => {
  const current = { name: '甲公司', phone: '010-12345678', tags: ['a'] };
  const fieldMeta = { name: { v: 5, c: 'other' }, phone: { v: 2, c: 'other' }, tags: { v: 7, c: 'me' } };

  it('applies fields nobody changed since the base version', () => {
    const out = mergeFields({ current, fieldMeta, fields: { phone: '010-87654321' }, baseVersion: 3, clientId: 'me' });
    expect(out).toEqual({ apply: { phone: '010-87654321' }, conflicts: [] });
  });

  it('turns a same-field clash with another client into a conflict and applies the rest', () => {
    const out = mergeFields({ current, fieldMeta, fields: { name: '乙公司', phone: 'x' }, baseVersion: 3, clientId: 'me' });
    expect(out.apply).toEqual({ phone: 'x' });
    expect(out.conflicts).toEqual([{ field: 'name', serverValue: '甲公司', clientValue: '乙公司' }]);
  });

  it('never conflicts with the same client (its mutations are ordered by seq)', () => {
    const out = mergeFields({ current, fieldMeta, fields: { tags: ['b'] }, baseVersion: 0, clientId: 'me' });
    expect(out.conflicts).toEqual([]);
  });

  it('is no clash when both sides wrote the same value', () => {
    const out = mergeFields({ current, fieldMeta, fields: { name: '甲公司' }, baseVersion: 0, clientId: 'me' });
    expect(out).toEqual({ apply: { name: '甲公司' }, conflicts: [] });
  });

  it('compares objects structurally', () => {
    expect(sameValue({ a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1 })).toBe(true);
    expect(sameValue({ a: 1 }, { a: 2 })).toBe(false);
  });
});
