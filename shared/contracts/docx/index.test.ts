import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import agreementExample from '../../../assets/contracts/examples/agreement-400.json';
import { buildContract } from '../build';
import * as writer from './package';
import { contractDocumentXml, preloadContractDocx, renderContractDocx } from './index';

const SHARED = path.resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');

/**
 * The modules a file loads when it is imported: its `import … from` / `export … from` / bare
 * `import '…'` targets, followed through relative paths. `import type`, `export type` and
 * `import()` load nothing up front, so they are not followed. Packages are listed, not entered.
 */
function staticGraph(entry: string): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    if (!file.startsWith('/')) return;
    const source = readFileSync(file, 'utf8').replace(/^\s*\/\/.*$/gm, '');
    const specifiers = [
      ...[...source.matchAll(/^\s*(?:import|export)\s+(?!type\b)[^;'"]*?\bfrom\s+'([^']+)'/gm)].map((m) => m[1]!),
      ...[...source.matchAll(/^\s*import\s+'([^']+)'/gm)].map((m) => m[1]!),
    ];
    for (const spec of specifiers) {
      if (!spec.startsWith('.')) {
        visit(spec);
        continue;
      }
      const base = path.resolve(path.dirname(file), spec);
      const target = [`${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts'), base].find((f) => existsSync(f) && statSync(f).isFile());
      if (!target) throw new Error(`${file}: cannot resolve ${spec}`);
      if (target.endsWith('.ts') || target.endsWith('.tsx')) visit(target);
    }
  };
  visit(entry);
  return seen;
}

describe('the Word writer loads on first use', () => {
  it('importing shared/index loads neither the docx library nor the writer', () => {
    const graph = staticGraph(path.join(SHARED, 'index.ts'));
    // the walk itself works: it reaches the contracts' public face and the writer's
    expect(graph).toContain(path.join(SHARED, 'contracts/docx/index.ts'));
    expect(graph).toContain(path.join(SHARED, 'contracts/docx/fonts.ts'));
    expect([...graph].filter((f) => f === 'docx' || f.startsWith('docx/'))).toEqual([]);
    expect(graph).not.toContain(path.join(SHARED, 'contracts/docx/package.ts'));
  });

  it('the writer itself does import docx (so the check above is about something)', () => {
    expect(staticGraph(path.join(SHARED, 'contracts/docx/package.ts'))).toContain('docx');
  });

  it('the public functions give what the writer gives', async () => {
    await expect(preloadContractDocx()).resolves.toBeUndefined();
    const doc = buildContract('agreement-400', agreementExample);
    expect(await contractDocumentXml(doc)).toEqual(await writer.contractDocumentXml(doc));
    const parts = (bytes: Uint8Array) => Object.fromEntries(Object.entries(unzipSync(bytes)).map(([k, v]) => [k, strFromU8(v)]));
    expect(parts(await renderContractDocx(doc))).toEqual(parts(await writer.renderContractDocx(doc)));
  });
});
