// The contract command: the same schema and builder as the app; bad input names the field and
// exits non-zero without writing the document.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { buildContract, contractDocumentXml } from '../shared/index';

const ROOT = path.resolve(import.meta.dirname, '..');
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');
const dir = mkdtempSync(path.join(tmpdir(), 'contract-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = (...args: string[]) => spawnSync(TSX, [path.join(ROOT, 'scripts/contract.ts'), ...args], { cwd: ROOT, encoding: 'utf8' });

describe('npm run contract', () => {
  it('writes the same document the app builds from the example data', async () => {
    const out = path.join(dir, 'a.docx');
    const html = path.join(dir, 'a.html');
    const data = path.join(ROOT, 'assets/contracts/examples/agreement-400.json');
    const r = run('--template', 'agreement-400', '--data', data, '--out', out, '--html', html);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const written = strFromU8(unzipSync(new Uint8Array(readFileSync(out)))['word/document.xml']!);
    const expected = await contractDocumentXml(buildContract('agreement-400', JSON.parse(readFileSync(data, 'utf8'))));
    expect(written).toBe(expected.document);
    expect(readFileSync(html, 'utf8')).toContain('陆仟零柒元壹角肆分');
  });

  it('names every bad field, exits 1 and writes nothing', () => {
    const data = path.join(dir, 'bad.json');
    const out = path.join(dir, 'bad.docx');
    writeFileSync(data, JSON.stringify({ reseller: { name: '' }, hotlineNumber: '123', paymentMethod: 'cheque', overdueDaysToTermination: 0 }));
    const r = run('--template', 'access-4008', '--data', data, '--out', out);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('reseller.name：');
    expect(r.stderr).toContain('hotlineNumber：');
    expect(r.stderr).toContain('paymentMethod：');
    expect(r.stderr).toContain('overdueDaysToTermination：');
    expect(existsSync(out)).toBe(false);
  });

  it('refuses an unknown template or missing arguments with the list of templates', () => {
    const r = run('--template', 'nope', '--data', 'x.json', '--out', path.join(dir, 'x.docx'));
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('agreement-400, access-4008, completion-form');
    expect(run().status).toBe(2);
  });

  it('prints the JSON Schema of a template', () => {
    const r = run('--schema', 'completion-form');
    expect(r.status).toBe(0);
    const schema = JSON.parse(r.stdout);
    expect(schema.properties.openedOn.type).toBe('string');
    expect(schema.required).toEqual(['reseller']);
  });
});
