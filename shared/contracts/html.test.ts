import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import access4008Example from '../../assets/contracts/examples/access-4008.json';
import agreementExample from '../../assets/contracts/examples/agreement-400.json';
import completionExample from '../../assets/contracts/examples/completion-form.json';
import { buildContract } from './build';
import { renderContractDocx } from './docx/package';
import { contractHtmlFragment, renderContractHtml } from './html';
import { CONTRACT_TEMPLATE_IDS } from './templates/index';

const EXAMPLES = { 'agreement-400': agreementExample, 'access-4008': access4008Example, 'completion-form': completionExample } as const;
const MINIMAL = { reseller: { name: '郑州<启凡>&软件' } };

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&apos;': "'", '&nbsp;': '' };
const unescape = (s: string) => s.replace(/&(amp|lt|gt|quot|#39|apos|nbsp);/g, (e) => ENTITIES[e]!);
const htmlWords = (html: string) => unescape(html.replace(/<div class="page-head">.*?<\/div>/, '').replace(/<[^>]+>/g, '')).replace(/\s+/g, '');
const docxWords = async (bytes: Uint8Array) =>
  unescape([...strFromU8(unzipSync(bytes)['word/document.xml']!).matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('')).replace(/\s+/g, '');

describe('contract HTML (print preview)', () => {
  it.each(CONTRACT_TEMPLATE_IDS)('%s: carries exactly the words of the .docx', async (id) => {
    for (const input of [EXAMPLES[id], MINIMAL]) {
      const doc = buildContract(id, input);
      expect(htmlWords(contractHtmlFragment(doc))).toBe(await docxWords(await renderContractDocx(doc)));
    }
  });

  it('is a complete A4 print document with the header text and page counter in the margins', () => {
    const html = renderContractHtml(buildContract('agreement-400', agreementExample));
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('@page { size: A4;');
    expect(html).toContain('@top-right { content: "400用户入网服务协议\u3000编号：ZZQF-2026-000123"');
    expect(html).toContain('"第 " counter(page) " 页 共 " counter(pages) " 页"');
    expect(html).toContain('SimSun');
    expect(html).toContain('SimHei');
    expect(html).toContain('<span class="field" data-field="customer.name">河南豫信商贸有限公司</span>');
  });

  it('escapes record text, so a name can never inject markup', () => {
    const html = renderContractHtml(buildContract('agreement-400', MINIMAL));
    expect(html).toContain('郑州&lt;启凡&gt;&amp;软件');
    expect(html).not.toContain('<启凡>');
  });
});
