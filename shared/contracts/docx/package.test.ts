import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import access4008Example from '../../../assets/contracts/examples/access-4008.json';
import agreementExample from '../../../assets/contracts/examples/agreement-400.json';
import completionExample from '../../../assets/contracts/examples/completion-form.json';
import { buildContract } from '../build';
import { CONTRACT_TEMPLATE_IDS } from '../templates/index';
import { contractDocumentXml, renderContractDocx } from './package';
import { contractDocxDocument, packDocx } from './reference';

const EXAMPLES = { 'agreement-400': agreementExample, 'access-4008': access4008Example, 'completion-form': completionExample } as const;
const MINIMAL = { reseller: { name: '郑州启凡计算机软件有限公司' } };

async function parts(bytes: Uint8Array): Promise<Record<string, string>> {
  const files = unzipSync(bytes);
  return Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strFromU8(v)]));
}

/** The text of a part: the contents of its w:t elements, in order. */
const textOf = (xml: string) => [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');

/** docx writes `<x></x>` where an element is empty; the fast path writes `<x/>`. Same XML. */
const canonical = (xml: string) => xml.replace(/<([\w:]+)((?:\s[^<>]*?)?)><\/\1>/g, '<$1$2/>');

describe('contract .docx', () => {
  it.each(CONTRACT_TEMPLATE_IDS)('%s: fields filled, fonts declared, header number, page fields, no placeholder', async (id) => {
    const p = await parts(await renderContractDocx(buildContract(id, EXAMPLES[id])));
    const doc = p['word/document.xml']!;
    const header = Object.entries(p).find(([k]) => /^word\/header\d+\.xml$/.test(k))![1];
    const footer = Object.entries(p).find(([k]) => /^word\/footer\d+\.xml$/.test(k))![1];
    const text = textOf(doc);

    expect(text).toContain('河南豫信商贸有限公司');
    expect(text).toContain('400-812-3456');
    expect(text).toContain('郑州启凡计算机软件有限公司');
    expect(text).not.toMatch(/[{}]|undefined|CONTRACT(BODY|HEADER)MARK/);
    expect(textOf(header)).toContain(`编号：${EXAMPLES[id].contractNumber}`);
    // 第 X 页 共 Y 页 with PAGE and NUMPAGES fields.
    expect(textOf(footer)).toBe('第  页 共  页');
    expect(footer).toMatch(/<w:instrText[^>]*>PAGE<\/w:instrText>[\s\S]*<w:instrText[^>]*>NUMPAGES<\/w:instrText>/);
    // East Asian fonts declared in the styles (body 宋体, headings 黑体) and in the font table.
    expect(p['word/styles.xml']).toMatch(/<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts [^>]*w:eastAsia="SimSun"/);
    expect(p['word/styles.xml']).toMatch(/w:styleId="ContractHeading1"[\s\S]*?w:eastAsia="SimHei"/);
    expect(p['word/styles.xml']).toMatch(/w:styleId="ContractTitle"[\s\S]*?w:eastAsia="SimHei"/);
    expect(p['word/styles.xml']).toContain('<w:lang w:val="zh-CN" w:eastAsia="zh-CN"/>');
    expect(p['word/fontTable.xml']).toContain('<w:font w:name="SimSun"><w:altName w:val="宋体"/>');
    expect(p['word/fontTable.xml']).toContain('<w:font w:name="SimHei"><w:altName w:val="黑体"/>');
    // A4 portrait.
    expect(doc).toContain('<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>');
    // Filled values are underlined.
    expect(doc).toMatch(/<w:r><w:rPr><w:u w:val="single"\/><\/w:rPr><w:t xml:space="preserve">河南豫信商贸有限公司<\/w:t><\/w:r>/);
  });

  it('400 agreement: the amount in figures and uppercase RMB, headings as in the seed', async () => {
    const text = textOf((await parts(await renderContractDocx(buildContract('agreement-400', agreementExample))))['word/document.xml']!);
    expect(text).toContain('合同金额为6,007.14元（人民币大写：陆仟零柒元壹角肆分）');
    expect(text).toContain('第一条：400电话服务范围');
    expect(text).toContain('第八条、附则');
    expect(text).toContain('2026年11月22日');
  });

  it.each(CONTRACT_TEMPLATE_IDS)('%s: empty fields are printed as lines of underscores', async (id) => {
    const p = await parts(await renderContractDocx(buildContract(id, MINIMAL)));
    const text = textOf(p['word/document.xml']!);
    expect(text).toMatch(/_{12}/);
    expect(text).toMatch(/_{6}年_{4}月_{4}日/);
    expect(text).not.toMatch(/[{}]|undefined/);
    expect(textOf(Object.entries(p).find(([k]) => /^word\/header\d+\.xml$/.test(k))![1])).toMatch(/编号：_{12}/);
  });

  it.each(CONTRACT_TEMPLATE_IDS)('%s: the fast path writes the same document XML as docx Packer does', async (id) => {
    const model = buildContract(id, EXAMPLES[id]);
    const reference = await parts(await packDocx(contractDocxDocument(model)));
    const fast = await contractDocumentXml(model);
    expect(canonical(fast.document)).toBe(canonical(reference['word/document.xml']!));
    expect(canonical(fast.header)).toBe(canonical(reference[fast.headerPath]!));
  });

  it('the fast path escapes record text exactly as docx does (quotes, <, &, control characters)', async () => {
    const tricky = structuredClone(agreementExample) as typeof agreementExample & { application: { notes?: string } };
    tricky.customer.name = `A&B "公司" <x> 'y'\u0001\uE000${'z'}`;
    tricky.application.notes = '第一行\n第二行\t制表';
    const model = buildContract('agreement-400', tricky);
    const reference = await parts(await packDocx(contractDocxDocument(model)));
    const fast = await contractDocumentXml(model);
    const dropSlots = (x: string) => x.replace(/\uE000/g, '');
    expect(canonical(fast.document)).toBe(dropSlots(canonical(reference['word/document.xml']!)));
    expect(fast.document).toContain('A&amp;B &quot;公司&quot; &lt;x&gt; &apos;y&apos;z');
  });

  it('builds the same bytes twice for the same model (a reprint is identical)', async () => {
    const model = buildContract('access-4008', access4008Example);
    const a = await renderContractDocx(model);
    const b = await renderContractDocx(model);
    expect(b).toEqual(a);
    expect(Object.keys(unzipSync(a))[0]).toBe('[Content_Types].xml');
  });
});
