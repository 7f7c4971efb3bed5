import { describe, expect, it } from 'vitest';
import access4008Example from '../../assets/contracts/examples/access-4008.json';
import agreementExample from '../../assets/contracts/examples/agreement-400.json';
import completionExample from '../../assets/contracts/examples/completion-form.json';
import { buildContract, ContractInputError, parseContractInput } from './build';
import { runsText, type ContractBlock, type ContractDocument, type ContractRun } from './model';
import { buildFromSnapshot, makeSignedSnapshot, TemplateVersionUnavailableError } from './snapshot';
import { templateFieldNames } from './template';
import { CONTRACT_TEMPLATES, CONTRACT_TEMPLATE_IDS } from './templates/index';

const EXAMPLES = { 'agreement-400': agreementExample, 'access-4008': access4008Example, 'completion-form': completionExample } as const;
const MINIMAL = { reseller: { name: '郑州启凡计算机软件有限公司' } };

function allRuns(doc: ContractDocument): ContractRun[] {
  const out: ContractRun[] = [];
  const visit = (b: ContractBlock) => {
    if (b.kind === 'line' || b.kind === 'heading' || b.kind === 'clause') out.push(...b.runs);
    if (b.kind === 'table') b.rows.flat().forEach((c) => c.paragraphs.forEach((p) => out.push(...p)));
    if (b.kind === 'signatures') [...b.left, ...b.right].forEach((l) => out.push(...l));
  };
  doc.blocks.forEach(visit);
  return out;
}

/** Every word of the document, blanks as underscores. */
function wordsOf(doc: ContractDocument): string {
  return doc.blocks
    .map((b) => {
      if (b.kind === 'title') return b.text;
      if (b.kind === 'clause') return (b.number ?? '') + runsText(b.runs);
      if (b.kind === 'line' || b.kind === 'heading') return runsText(b.runs);
      if (b.kind === 'table') return b.rows.flat().map((c) => c.paragraphs.map(runsText).join('\n')).join('|');
      if (b.kind === 'signatures') return [...b.left, ...b.right].map(runsText).join('\n');
      return '';
    })
    .join('\n');
}

describe('contract builder', () => {
  it.each(CONTRACT_TEMPLATE_IDS)('%s: every field of the text has a value function, and the minimal input builds', (id) => {
    const t = CONTRACT_TEMPLATES[id];
    const parsed = parseContractInput(id, MINIMAL);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const values = (t.fields as (d: unknown) => Record<string, unknown>)(parsed.data);
    for (const f of templateFieldNames(t)) expect(Object.keys(values), `field ${f}`).toContain(f);
    expect(() => buildContract(id, MINIMAL)).not.toThrow();
  });

  it.each(CONTRACT_TEMPLATE_IDS)('%s: with no data every blank is a line for handwriting, never a placeholder', (id) => {
    const doc = buildContract(id, MINIMAL);
    const words = wordsOf(doc);
    expect(words).not.toMatch(/[{}]/);
    expect(words).not.toMatch(/undefined|null|NaN/);
    const blanks = allRuns(doc).filter((r) => r.kind === 'blank');
    expect(blanks.length).toBeGreaterThan(5);
    for (const b of blanks) expect(b.kind === 'blank' && b.width).toBeGreaterThanOrEqual(4);
    expect(words).toMatch(/_{6}年_{4}月_{4}日/);
  });

  it.each(CONTRACT_TEMPLATE_IDS)('%s: the example fills its fields', (id) => {
    const doc = buildContract(id, EXAMPLES[id]);
    const words = wordsOf(doc);
    expect(words).toContain('河南豫信商贸有限公司');
    expect(words).toContain('400-812-3456');
    expect(words).toContain('郑州启凡计算机软件有限公司');
    expect(doc.headerText).toContain(EXAMPLES[id].contractNumber);
    expect(words).not.toMatch(/[{}]|undefined/);
  });

  it('400 agreement: amount in figures and uppercase, monthly minimum, Chinese dates, reseller as 甲方 and customer as 乙方', () => {
    const words = wordsOf(buildContract('agreement-400', agreementExample));
    expect(words).toContain('合同金额为6,007.14元（人民币大写：陆仟零柒元壹角肆分）');
    expect(words).toContain('每月最低消费300.00元');
    expect(words).toContain('甲方为客户提供的400电话号码为400-812-3456。');
    expect(words).toContain('甲方：郑州启凡计算机软件有限公司');
    expect(words).toContain('乙方：河南豫信商贸有限公司（这里简称客户）');
    expect(words).toContain('日期：2026年11月22日');
    expect(words).toContain('编号：ZZQF-2026-000123');
    expect(words).toContain('☑加盖公章的营业执照（副本）复印件');
    expect(words).toContain('400业务标准受理单');
    expect(words).toContain('400业务入网登记单');
  });

  it('4008 contract: customer is 甲方, carrier 乙方, 5.1 marks the payment method, 7.1 carries the days, preamble keeps 热线/呼叫转移', () => {
    const words = wordsOf(buildContract('access-4008', access4008Example));
    expect(words).toContain('甲方(盖公章)：河南豫信商贸有限公司');
    expect(words).toContain('乙方：中国电信股份有限公司郑州分公司');
    expect(words).toContain('5.1 甲方应当采用（☑银行转账/☐银行托收/☐现金支付/☐电话托收）的方式进行付费。');
    expect(words).toContain('逾期付费累计超过[ 30 ]日的');
    expect(words).toContain('实现[热线]服务，完成[呼叫转移]功能');
    expect(words).toContain('4008[ 9 ]号码（“400-812-3456”）');
    const blank = wordsOf(buildContract('access-4008', MINIMAL));
    expect(blank).toContain('（☐银行转账/☐银行托收/☐现金支付/☐电话托收）');
    expect(blank).toMatch(/累计超过\[_{6}\]日/);
  });

  it('completion form: the opening date is the billing start, and the deemed acceptance date is 5 working days after receipt', () => {
    const words = wordsOf(buildContract('completion-form', completionExample));
    expect(words).toContain('开通日期（实际开通日）|2026年11月25日|计费起始日|2026年11月25日');
    // Received Thursday 2026-11-26: Fri 27, Mon 30, Tue 1, Wed 2, Thu 3 December.
    expect(words).toContain('2026年12月3日（送达后第五个工作日）');
  });

  it('names each bad field by its path, in Chinese, and refuses unknown fields', () => {
    const r = parseContractInput('agreement-400', {
      reseller: { name: '' },
      registration: { uscc: '91350100M000100Y44', handlerMobile: '12345' },
      hotlineNumber: '4003123456',
      contractAmountFen: 12.5,
      application: { destinationNumbers: [123] },
      surprise: 1,
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const paths = r.issues.map((i) => i.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'reseller.name',
        'registration.handlerMobile',
        'hotlineNumber',
        'contractAmountFen',
        'application.destinationNumbers[0]',
        'registration.uscc',
        '(根)',
      ]),
    );
    expect(r.issues.find((i) => i.path === 'hotlineNumber')?.message).toContain('号段');
    expect(r.issues.find((i) => i.path === '(根)')?.message).toContain('surprise');
    expect(() => buildContract('agreement-400', { reseller: {} })).toThrow(ContractInputError);
    expect(() => buildContract('agreement-400', { reseller: {} })).toThrow(/reseller\.name/);
  });

  it('a signed snapshot reprints the identical document even after the records change', () => {
    const input = structuredClone(agreementExample) as Record<string, unknown>;
    const snap = makeSignedSnapshot('agreement-400', input, 'ZZQF-2026-000777', '2026-11-22T02:00:00Z');
    expect(snap.templateVersion).toBe(CONTRACT_TEMPLATES['agreement-400'].version);
    const first = buildFromSnapshot(snap);
    (input.customer as { name: string }).name = '改了名字的公司';
    const again = buildFromSnapshot(JSON.parse(JSON.stringify(snap)));
    expect(again).toEqual(first);
    expect(wordsOf(again)).toContain('编号：ZZQF-2026-000777');
    expect(wordsOf(again)).not.toContain('改了名字的公司');
    expect(() => buildFromSnapshot({ ...snap, templateVersion: snap.templateVersion + 1 })).toThrow(TemplateVersionUnavailableError);
    expect(() => makeSignedSnapshot('agreement-400', input, 'not-a-number', '2026-11-22T02:00:00Z')).toThrow(ContractInputError);
  });
});
