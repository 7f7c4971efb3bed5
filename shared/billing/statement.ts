import type { Block, ContractDocument, Run, TableCell } from '../contracts/model';
import { formatFen } from '../domain/money/formatFen';
import { rmbUppercase } from '../domain/money/rmbUppercase';
import { formatHotline } from '../domain/hotline/parseHotline';
import { LEDGER_KIND_LABELS, type LedgerKind } from './ledger';

/** What a customer's monthly statement (月度账单) says; the server fills it from its tables. */
export interface StatementInput {
  officeName: string;
  billNo: string;
  customerName: string;
  accountNo: string;
  hotline: string;
  month: string;
  periodFrom: string;
  periodTo: string;
  openedOn: string;
  issuedOn: string;
  dueOn: string;
  totalMinutes: number;
  includedUsed: number;
  chargedMinutes: number;
  tariffFenPerMinute: number;
  usageFen: number;
  minimumFen: number;
  /** this bill's charges (monthly charge, feature fees) */
  lines: { label: string; amountFen: number }[];
  /** every ledger movement of the month (payments, late fees, adjustments …), in order */
  movements: { on: string; kind: LedgerKind; label: string; amountFen: number }[];
  openingBalanceFen: number;
  closingBalanceFen: number;
  /** at most this many calls are listed; the rest are counted */
  calls: { startLocal: string; caller: string; durationSeconds: number; billableMinutes: number; chargedFen: number }[];
  callsNotListed: number;
}

const t = (text: string, bold?: boolean): Run => (bold ? { kind: 'text', text, bold } : { kind: 'text', text });
const cell = (text: string, o: Partial<TableCell> = {}): TableCell => ({ paragraphs: [[t(text)]], ...o });
const label = (text: string, o: Partial<TableCell> = {}): TableCell => ({ paragraphs: [[t(text, true)]], label: true, ...o });
const yuan = (fen: number) => formatFen(fen);
const clause = (text: string, number?: string): Block => ({ kind: 'clause', number, runs: [t(text)], level: 0, firstLineIndent: false });

/**
 * A customer's monthly statement as a document of the contracts' model, so it prints through the
 * same Word writer and HTML preview as the contracts (same fonts, header line, bordered tables).
 */
export function buildStatementDocument(s: StatementInput): ContractDocument {
  const amountDue = Math.max(0, -s.closingBalanceFen);
  const blocks: Block[] = [
    { kind: 'title', text: '400 业务月度账单' },
    { kind: 'line', runs: [t(`${s.officeName}\u3000账期 ${s.month}（${s.periodFrom} 至 ${s.periodTo}）`)], align: 'center', size: 'small' },
    { kind: 'spacer' },
    {
      kind: 'table',
      columns: [2, 3, 2, 3],
      rows: [
        [label('客户名称'), cell(s.customerName, { span: 3 })],
        [label('账户号'), cell(s.accountNo), label('400 号码'), cell(formatHotline(s.hotline))],
        [label('实际开通日'), cell(s.openedOn), label('出账日期'), cell(s.issuedOn)],
        [label('通话分钟'), cell(`${s.totalMinutes} 分钟（套餐内 ${s.includedUsed}，计费 ${s.chargedMinutes}）`), label('资费'), cell(`${yuan(s.tariffFenPerMinute)} 元/分钟`)],
        [label('通话费'), cell(`${yuan(s.usageFen)} 元`), label('月最低消费'), cell(`${yuan(s.minimumFen)} 元`)],
      ],
    },
    { kind: 'heading', number: '一', level: 2, runs: [t('一、本期费用')] },
    {
      kind: 'table',
      columns: [7, 3],
      rows: [[label('项目'), label('金额（元）', { align: 'right' })], ...s.lines.map((l) => [cell(l.label), cell(yuan(l.amountFen), { align: 'right' })])],
    },
    { kind: 'heading', number: '二', level: 2, runs: [t('二、账户收支')] },
    {
      kind: 'table',
      columns: [2, 2, 4, 2],
      rows: [
        [label('日期'), label('类型'), label('摘要'), label('金额（元）', { align: 'right' })],
        [cell(s.periodFrom), cell('期初'), cell('上期结余'), cell(yuan(s.openingBalanceFen), { align: 'right' })],
        ...s.movements.map((m) => [cell(m.on), cell(LEDGER_KIND_LABELS[m.kind]), cell(m.label), cell(yuan(m.amountFen), { align: 'right' })]),
        [cell(s.issuedOn), cell('期末'), cell('本期结余（负数为欠费）'), cell(yuan(s.closingBalanceFen), { align: 'right' })],
      ],
    },
    {
      kind: 'clause',
      runs: amountDue > 0
        ? [t('应缴金额：', true), t(`人民币（大写）${rmbUppercase(amountDue)}（¥${yuan(amountDue)}），请于 ${s.dueOn} 前缴清。`)]
        : [t('账户结余：', true), t(`人民币（大写）${rmbUppercase(s.closingBalanceFen)}（¥${yuan(s.closingBalanceFen)}），本期无须缴费。`)],
      level: 0,
      firstLineIndent: false,
    },
  ];
  if (s.calls.length) {
    blocks.push({ kind: 'heading', number: '三', level: 2, runs: [t('三、通话明细')] });
    blocks.push({
      kind: 'table',
      columns: [3, 3, 2, 1, 2],
      rows: [
        [label('开始时间'), label('主叫号码'), label('时长（秒）'), label('计费分钟'), label('话费（元）', { align: 'right' })],
        ...s.calls.map((c) => [cell(c.startLocal), cell(c.caller), cell(String(c.durationSeconds)), cell(String(c.billableMinutes)), cell(yuan(c.chargedFen), { align: 'right' })]),
      ],
    });
    if (s.callsNotListed > 0) blocks.push(clause(`另有 ${s.callsNotListed} 条通话未列出，可向营业厅索取完整话单。`));
  }
  blocks.push({ kind: 'heading', number: '说明', level: 2, runs: [t('说明')] });
  blocks.push(clause('通话按每次通话不足一分钟按一分钟计费；月通话费低于月最低消费的，按月最低消费收取（协议第四条(二)9）。', '1、'));
  blocks.push(clause('逾期未缴的，自到期次日起每日按逾期金额的千分之三计收违约金（合同 7.1）。', '2、'));
  blocks.push(clause('对话单有异议的，请在话单产生之日起三个月内提出（协议第四条(一)6）。', '3、'));
  blocks.push(clause('缴费方式：银行转账、银行托收、现金支付、电话托收（合同 5.1）。', '4、'));
  return { templateId: 'billing-statement', templateVersion: 1, title: `400 业务月度账单 ${s.month}`, headerText: `账单编号：${s.billNo}`, blocks };
}

export interface OfficeSummaryRow {
  accountNo: string;
  customerName: string;
  hotline: string;
  totalMinutes: number;
  usageFen: number;
  monthlyChargeFen: number;
  featureFeesFen: number;
  totalFen: number;
  closingBalanceFen: number;
}

/** The office's summary of one billing run: one row per bill and the totals. */
export function buildOfficeSummaryDocument(officeName: string, month: string, rows: readonly OfficeSummaryRow[]): ContractDocument {
  const sum = (f: (r: OfficeSummaryRow) => number) => rows.reduce((a, r) => a + f(r), 0);
  const arrears = rows.filter((r) => r.closingBalanceFen < 0);
  return {
    templateId: 'billing-office-summary',
    templateVersion: 1,
    title: `${month} 月度出账汇总`,
    headerText: `${officeName}\u3000${month} 出账汇总`,
    blocks: [
      { kind: 'title', text: `${month} 月度出账汇总` },
      { kind: 'line', runs: [t(officeName)], align: 'center', size: 'small' },
      clause(`出账账户 ${rows.length} 户，本期费用合计 ${yuan(sum((r) => r.totalFen))} 元（其中通话与最低消费 ${yuan(sum((r) => r.monthlyChargeFen))} 元，功能使用费 ${yuan(sum((r) => r.featureFeesFen))} 元）；欠费账户 ${arrears.length} 户，欠费合计 ${yuan(-arrears.reduce((a, r) => a + r.closingBalanceFen, 0))} 元。`),
      {
        kind: 'table',
        columns: [3, 3, 3, 2, 2, 2, 2],
        rows: [
          [label('账户号'), label('客户'), label('400 号码'), label('分钟'), label('本期费用'), label('其中功能费'), label('期末结余')],
          ...rows.map((r) => [cell(r.accountNo), cell(r.customerName), cell(formatHotline(r.hotline)), cell(String(r.totalMinutes)), cell(yuan(r.totalFen), { align: 'right' }), cell(yuan(r.featureFeesFen), { align: 'right' }), cell(yuan(r.closingBalanceFen), { align: 'right' })]),
        ],
      },
    ],
  };
}
