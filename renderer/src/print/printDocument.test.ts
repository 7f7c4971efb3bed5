import { describe, expect, it } from 'vitest';
import { buildContract, contractHtmlFragment } from '../../../shared';
import { previewSrcDoc, printViewCss, PRINT_ONLY_CSS } from './printDocument';

const doc = buildContract('agreement-400', { contractNumber: 'ZZQF-2026-000123', reseller: { name: '郑州启凡计算机软件有限公司' }, customer: { name: '河南<豫信>商贸有限公司' } });

describe('print view and preview documents', () => {
  it('on paper, only the print view: the app is hidden, the view is not shown on screen', () => {
    expect(PRINT_ONLY_CSS).toMatch(/@media screen \{ #print-root \{ display: none; \} \}/);
    expect(PRINT_ONLY_CSS).toMatch(/@media print \{[^]*body > \*:not\(#print-root\) \{ display: none !important; \}/);
  });

  it('prints A4 with the contract number in the header and the page counter', () => {
    const css = printViewCss(doc);
    expect(css).toContain('@page { size: A4;');
    expect(css).toContain('编号：ZZQF-2026-000123');
    expect(css).toContain('"第 " counter(page) " 页 共 " counter(pages) " 页"');
  });

  it('the preview is the shared fragment, escaped, with no script', () => {
    const html = previewSrcDoc(doc);
    expect(html).toContain(contractHtmlFragment(doc));
    expect(html).toContain('河南&lt;豫信&gt;商贸有限公司');
    expect(html).not.toMatch(/<script/i);
  });
});
