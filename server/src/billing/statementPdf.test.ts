import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createPdfConverter, PdfUnavailable } from './statementPdf';

// The converter's queue, timeout and failures with a stand-in for soffice (a shell script taking
// the same arguments); the real LibreOffice runs in tests/server-billing-statements-pdf.test.ts.
const dir = mkdtempSync(path.join(tmpdir(), 'fake-soffice-'));
const log = path.join(dir, 'log');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function fake(name: string, body: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, `#!/bin/sh\n${body}\n`);
  chmodSync(file, 0o755);
  return file;
}

// `--outdir <dir> <input>`: the last two arguments; writes <dir>/document.pdf from the input.
const CONVERTS = fake(
  'converts',
  `for a; do prev2="$prev"; prev="$a"; done
echo "start $(basename "$prev")" >> ${log}
sleep 0.2
cp "$prev" "$prev2/document.pdf"
echo "end" >> ${log}`,
);

describe('docx → PDF converter', () => {
  it('converts one document at a time, in the order asked', async () => {
    const c = createPdfConverter({ soffice: CONVERTS });
    const docs = [1, 2, 3].map((i) => new TextEncoder().encode(`doc ${i}`));
    const out = await Promise.all(docs.map((d) => c.convert(d)));
    expect(out.map((b) => new TextDecoder().decode(b))).toEqual(['doc 1', 'doc 2', 'doc 3']);
    expect(readFileSync(log, 'utf8').trim().split('\n')).toEqual(['start document.docx', 'end', 'start document.docx', 'end', 'start document.docx', 'end']);
    await c.dispose();
  });

  it('a missing soffice is PdfUnavailable with the zh-CN reason; the queue goes on after a failure', async () => {
    const missing = createPdfConverter({ soffice: path.join(dir, 'no-such-soffice') });
    const e = await missing.convert(new Uint8Array([1])).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(PdfUnavailable);
    expect((e as Error).message).toContain('服务器未安装 LibreOffice');
    await missing.dispose();

    const failing = createPdfConverter({ soffice: fake('fails', 'exit 3') });
    await expect(failing.convert(new Uint8Array([1]))).rejects.toThrow('LibreOffice 未能把文档转换为 PDF');
    const silent = createPdfConverter({ soffice: fake('silent', 'exit 0') });
    await expect(silent.convert(new Uint8Array([1]))).rejects.toThrow('LibreOffice 未能把文档转换为 PDF');
    await failing.dispose();
    await silent.dispose();
  });

  it('a hung soffice is killed at the timeout; the next document in the queue still converts', async () => {
    const c = createPdfConverter({
      soffice: fake('hangs-on-hang', 'for a; do prev2="$prev"; prev="$a"; done\nif grep -q hang "$prev"; then exec sleep 60; fi\ncp "$prev" "$prev2/document.pdf"'),
      timeoutMs: 3_000,
    });
    const hung = c.convert(new TextEncoder().encode('hang'));
    const next = c.convert(new TextEncoder().encode('after'));
    await expect(hung).rejects.toThrow('PDF 转换超时');
    expect(new TextDecoder().decode(await next)).toBe('after');
    await c.dispose();
  });
});
