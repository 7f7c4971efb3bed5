import type { Block, ContractDocument, Run, TableCell } from '../contracts/model';
import { formatFen } from '../domain/money/formatFen';
import { rmbUppercase } from '../domain/money/rmbUppercase';
import { formatHotline } from '../domain/hotline/parseHotline';
import { LEDGER_KIND_LABELS, type LedgerKind } from './ledger';
import { monthBounds } from './monthlyBill';

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

const KIND_ORDER = Object.keys(LEDGER_KIND_LABELS) as LedgerKind[];
/** A creation time as ISO text to the millisecond, whether the database gave a Date or a sync record a string. */
const instant = (v: string | Date | null | undefined): string => {
  const ms = v instanceof Date ? v.getTime() : typeof v === 'string' ? Date.parse(v) : NaN;
  return Number.isNaN(ms) ? '' : new Date(ms).toISOString();
};

/** A bill as the server's run stores it and devices receive it (the fields a statement reads). */
export interface StatementBill {
  month: string;
  billNo: string;
  periodFrom: string;
  periodTo: string;
  openedOn: string;
  issuedOn: string;
  dueOn: string;
  totalMinutes: number;
  includedUsed: number;
  chargedMinutes: number;
  tariffFen: number;
  usageFen: number;
  minimumFen: number;
  lines: readonly { label: string; amountFen: number }[];
}

/** What a statement is made of; the server reads it from its tables, a device from its store. */
export interface StatementSource {
  officeName: string;
  customerName: string;
  accountNo: string;
  hotline: string;
  bill: StatementBill;
  /** the account's ledger entries (any order; those after the issue date are left out) */
  entries: readonly { effectiveOn: string; kind: LedgerKind; reason?: string | null; amountFen: number; createdAt?: string | Date | null }[];
  calls?: StatementInput['calls'];
  callsNotListed?: number;
}

/**
 * The statement's input from a bill and its account's ledger: the opening balance (entries before
 * the month), the month's movements up to the issue date, the closing balance. One function for
 * the server's .docx/.pdf and the device's offline preview, so both say the same.
 */
export function statementInputFrom(src: StatementSource): StatementInput {
  const { first } = monthBounds(src.bill.month);
  const b = src.bill;
  const opening = src.entries.filter((e) => e.effectiveOn < first).reduce((a, e) => a + e.amountFen, 0);
  const movements = src.entries
    .filter((e) => e.effectiveOn >= first && e.effectiveOn <= b.issuedOn)
    // The same order wherever the entries come from (the server's insertion order, a device's
    // store by id): by date, then creation time, then kind, reason and amount.
    .sort(
      (x, y) =>
        x.effectiveOn.localeCompare(y.effectiveOn) ||
        instant(x.createdAt).localeCompare(instant(y.createdAt)) ||
        KIND_ORDER.indexOf(x.kind) - KIND_ORDER.indexOf(y.kind) ||
        (x.reason ?? '').localeCompare(y.reason ?? '') ||
        x.amountFen - y.amountFen,
    );
  return {
    officeName: src.officeName,
    billNo: b.billNo,
    customerName: src.customerName,
    accountNo: src.accountNo,
    hotline: src.hotline,
    month: b.month,
    periodFrom: b.periodFrom,
    periodTo: b.periodTo,
    openedOn: b.openedOn,
    issuedOn: b.issuedOn,
    dueOn: b.dueOn,
    totalMinutes: b.totalMinutes,
    includedUsed: b.includedUsed,
    chargedMinutes: b.chargedMinutes,
    tariffFenPerMinute: b.tariffFen,
    usageFen: b.usageFen,
    minimumFen: b.minimumFen,
    lines: b.lines.map((l) => ({ label: l.label, amountFen: l.amountFen })),
    movements: movements.map((e) => ({ on: e.effectiveOn, kind: e.kind, label: e.reason ?? '', amountFen: e.amountFen })),
    openingBalanceFen: opening,
    closingBalanceFen: opening + movements.reduce((a, e) => a + e.amountFen, 0),
    calls: src.calls ?? [],
    callsNotListed: src.callsNotListed ?? 0,
  };
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
  // A bill whose period stops before the month's end is the final bill of an ended service.
  const final = s.periodTo < monthBounds(s.month).last;
  const blocks: Block[] = [
    { kind: 'title', text: '400 业务月度账单' },
    { kind: 'line', runs: [t(`${s.officeName}\u3000账期 ${s.month}（${s.periodFrom} 至 ${s.periodTo}）`)], align: 'center', size: 'small' },
    ...(final ? [clause(`本账单为最终账单：服务于 ${s.periodTo} 终止，此后不再出账；账户余额在本账单出账后办理销户结算（协议第五条(一)）。`)] : []),
    { kind: 'spacer' },
    {
      kind: 'table',
      columns: [2, 5, 2, 3],
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
      rows: [
        [label('项目'), label('金额（元）', { align: 'right' })],
        ...s.lines.map((l) => [cell(l.label), cell(yuan(l.amountFen), { align: 'right' })]),
        [label('本期费用合计'), label(yuan(s.lines.reduce((a, l) => a + l.amountFen, 0)), { align: 'right' })],
      ],
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
    { kind: 'spacer' },
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
      columns: [4, 3, 2, 2, 2],
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
        // six columns (account and number share one) so that names and amounts fit on A4 portrait
        columns: [5, 10, 2, 5, 4, 5],
        rows: [
          [label('账户 / 号码'), label('客户'), label('分钟'), label('本期费用', { align: 'right' }), label('功能费', { align: 'right' }), label('期末结余', { align: 'right' })],
          ...rows.map((r) => [
            { paragraphs: [[t(r.accountNo)], [t(formatHotline(r.hotline))]] },
            cell(r.customerName),
            cell(String(r.totalMinutes)),
            cell(yuan(r.totalFen), { align: 'right' }),
            cell(yuan(r.featureFeesFen), { align: 'right' }),
            cell(yuan(r.closingBalanceFen), { align: 'right' }),
          ]),
          [
            label('合计', { span: 2 }),
            label(String(sum((r) => r.totalMinutes))),
            label(yuan(sum((r) => r.totalFen)), { align: 'right' }),
            label(yuan(sum((r) => r.featureFeesFen)), { align: 'right' }),
            label(yuan(sum((r) => r.closingBalanceFen)), { align: 'right' }),
          ],
        ],
      },
    ],
  };
}
