import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { renderContractDocx } from '../contracts/docx/package';
import { contractHtmlFragment } from '../contracts/html';
import { buildOfficeSummaryDocument, buildStatementDocument, statementInputFrom, type StatementSource } from './statement';

// The statement and the office summary go out as the app's HTML preview / print / PDF and as the
// .docx (device and server): the same words everywhere, checked like the contracts' HTML test.
const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&apos;': "'", '&nbsp;': '' };
const unescape = (s: string) => s.replace(/&(amp|lt|gt|quot|#39|apos|nbsp);/g, (e) => ENTITIES[e]!);
const htmlWords = (html: string) => unescape(html.replace(/<div class="page-head">.*?<\/div>/, '').replace(/<[^>]+>/g, '')).replace(/\s+/g, '');
const docxWords = async (bytes: Uint8Array) =>
  unescape([...strFromU8(unzipSync(bytes)['word/document.xml']!).matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('')).replace(/\s+/g, '');

const source: StatementSource = {
  officeName: '郑州<启凡>&营业厅',
  customerName: '河南豫信商贸有限公司',
  accountNo: 'ACC-0001',
  hotline: '4008201234',
  bill: {
    month: '2026-09',
    billNo: '202609-ACC-0001',
    periodFrom: '2026-09-01',
    periodTo: '2026-09-30',
    openedOn: '2026-08-16',
    issuedOn: '2026-10-01',
    dueOn: '2026-10-15',
    totalMinutes: 122,
    includedUsed: 100,
    chargedMinutes: 22,
    tariffFen: 20,
    usageFen: 440,
    minimumFen: 10_000,
    lines: [
      { label: '2026-09 月最低消费（通话费 4.40 元低于最低消费）', amountFen: 10_000 },
      { label: '2026-09 功能使用费：彩铃', amountFen: 500 },
    ],
  },
  // given out of order, as a device's store returns them (by id)
  entries: [
    { effectiveOn: '2026-09-30', kind: 'feature_fee', reason: '2026-09 功能使用费：彩铃', amountFen: -500, createdAt: '2026-10-01T01:00:00.000Z' },
    { effectiveOn: '2026-08-31', kind: 'monthly_charge', reason: '2026-08 月最低消费', amountFen: -5_161, createdAt: '2026-09-01T01:00:00.000Z' },
    { effectiveOn: '2026-09-30', kind: 'monthly_charge', reason: '2026-09 月最低消费（通话费 4.40 元低于最低消费）', amountFen: -10_000, createdAt: new Date('2026-10-01T01:00:00.000Z') },
    { effectiveOn: '2026-08-16', kind: 'prepayment', reason: '现金支付', amountFen: 5_000, createdAt: '2026-08-16T02:00:00.000Z' },
    { effectiveOn: '2026-09-10', kind: 'prepayment', reason: '银行转账', amountFen: 662, createdAt: '2026-09-10T02:00:00.000Z' },
    { effectiveOn: '2026-10-05', kind: 'prepayment', reason: '银行转账', amountFen: 20_000, createdAt: '2026-10-05T02:00:00.000Z' },
  ],
  calls: [{ startLocal: '2026-09-01 00:00:10', caller: '13800000005', durationSeconds: 7200, billableMinutes: 120, chargedFen: 400 }],
  callsNotListed: 1,
};

describe('statement input from a bill and its ledger', () => {
  it('opening balance before the month, the month’s movements up to the issue date in a fixed order, closing balance', () => {
    const s = statementInputFrom(source);
    expect(s.openingBalanceFen).toBe(5_000 - 5_161);
    expect(s.movements.map((m) => [m.on, m.kind, m.amountFen])).toEqual([
      ['2026-09-10', 'prepayment', 662],
      ['2026-09-30', 'monthly_charge', -10_000],
      ['2026-09-30', 'feature_fee', -500],
    ]);
    expect(s.closingBalanceFen).toBe(-161 + 662 - 10_500);
    // the entries' order does not matter: a device and the server say the same
    expect(statementInputFrom({ ...source, entries: [...source.entries].reverse() })).toEqual(s);
  });
});

describe('statement and office summary: HTML and .docx carry the same words', () => {
  const final = { ...source, bill: { ...source.bill, periodTo: '2026-09-20' } };
  const settled = { ...source, entries: [...source.entries, { effectiveOn: '2026-09-30', kind: 'prepayment' as const, reason: '现金支付', amountFen: 20_000 }] };
  const cases = { statement: source, 'final bill': final, 'nothing due': settled, 'no calls on the device': { ...source, calls: [], callsNotListed: 0 } };

  it.each(Object.entries(cases))('%s', async (_name, src) => {
    const doc = buildStatementDocument(statementInputFrom(src));
    const html = htmlWords(contractHtmlFragment(doc));
    expect(html).toBe(await docxWords(await renderContractDocx(doc)));
    expect(html).toContain('河南豫信商贸有限公司');
    expect(html).toContain('400-820-1234');
  });

  it('says what is due in uppercase RMB, the charges’ total, and a final bill as final', () => {
    const words = (src: StatementSource) => htmlWords(contractHtmlFragment(buildStatementDocument(statementInputFrom(src))));
    // closing −9,999 → due 99.99 元
    expect(words(source)).toContain('应缴金额：人民币（大写）玖拾玖元玖角玖分（¥99.99），请于2026-10-15前缴清。');
    expect(words(source)).toContain('本期费用合计105.00');
    expect(words(source)).not.toContain('最终账单');
    expect(words(final)).toContain('本账单为最终账单：服务于2026-09-20终止');
    expect(words(settled)).toContain('账户结余：人民币（大写）');
    expect(words(source)).toContain('郑州<启凡>&营业厅');
  });

  it('the office summary', async () => {
    const doc = buildOfficeSummaryDocument('郑州营业厅', '2026-09', [
      { accountNo: 'ACC-0001', customerName: '河南豫信商贸有限公司', hotline: '4008201234', totalMinutes: 122, usageFen: 440, monthlyChargeFen: 10_000, featureFeesFen: 500, totalFen: 10_500, closingBalanceFen: -9_999 },
      { accountNo: 'ACC-0002', customerName: '郑州启凡软件有限公司', hotline: '4008201235', totalMinutes: 700, usageFen: 12_000, monthlyChargeFen: 12_000, featureFeesFen: 0, totalFen: 12_000, closingBalanceFen: 88_000 },
    ]);
    const html = htmlWords(contractHtmlFragment(doc));
    expect(html).toBe(await docxWords(await renderContractDocx(doc)));
    expect(html).toContain('出账账户2户，本期费用合计225.00元');
    expect(html).toContain('欠费账户1户，欠费合计99.99元');
  });
});
