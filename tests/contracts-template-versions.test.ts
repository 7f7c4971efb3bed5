// A signed contract is reprinted from its snapshot with the template version it was printed
// with, so a template's words or layout must never change under the same version. This test
// pins a fingerprint of each template's blocks to its version: change a template, bump its
// version (and keep the old one available for snapshots), then update the fingerprint here.
// (The page layout of the writers is not covered; it does not change a contract's words.)
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CONTRACT_TEMPLATES, CONTRACT_TEMPLATE_IDS } from '../shared/index';

const PINNED: Record<string, { version: number; sha256: string }> = {
  'agreement-400': { version: 1, sha256: '6d779be628b3c0b51b75838060767d8c2fe2131d2354faad84ae4fca7be96897' },
  'access-4008': { version: 1, sha256: '79b510dc84dec092109ec49c47418732f17741ad8d4362594d087a1fc387f3a2' },
  'completion-form': { version: 1, sha256: '76640b8ac506b8bd7b32fa860c7fc18cad8e0616ad9740f99278ca7ff57b48ce' },
};

const fingerprint = (blocks: unknown) => createHash('sha256').update(JSON.stringify(blocks)).digest('hex');

describe('contract template versions', () => {
  it.each(CONTRACT_TEMPLATE_IDS)('%s: the words and layout are those of its pinned version', (id) => {
    const t = CONTRACT_TEMPLATES[id];
    expect({ version: t.version, sha256: fingerprint(t.blocks) }, 'template changed: bump its version and re-pin').toEqual(PINNED[id]);
  });
});
