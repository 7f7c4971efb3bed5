import type { MessageTemplates } from './catalog';

/**
 * Messages of billing on the device (renderer/src/data: ledger, billing, billingDisputes,
 * statements, syncState, demoLoad) and of the server's billing sync commands; rules as in
 * catalogApp.ts. The zh-CN texts are the sentences the app showed before they had codes (tests
 * assert several of them). {label} names the field as the form labels it (labelsBilling.ts).
 */
export const BILLING_MESSAGES = {
  // Form fields
  'billing.maxChars': { 'zh-CN': '{label}：最多 {max} 个字符。', en: '{label}: at most {max} characters.' },
  'billing.amountPositive': { 'zh-CN': '{label}：必须大于零。', en: '{label}: must be more than zero.' },
  'billing.dateInvalid': { 'zh-CN': '{label}：“{input}”不是有效日期。', en: '{label}: “{input}” is not a real date.' },
  'billing.dateAfterToday': { 'zh-CN': '{label}：{date} 晚于今天（{today}）。', en: '{label}: {date} is after today ({today}).' },
  // A typed amount refused by parseYuanToFen, the field named first ("收款金额：最多保留两位小数（到分）。")
  'billing.money.empty': { 'zh-CN': '{label}：不能为空。', en: '{label}: required.' },
  'billing.money.negative': { 'zh-CN': '{label}：不能为负数。', en: '{label}: may not be negative.' },
  'billing.money.invalid': {
    'zh-CN': '{label}：“{input}”不是有效的金额，请填写如 6007.14 的数字。',
    en: '{label}: “{input}” is not an amount; enter a number such as 6007.14.',
  },
  'billing.money.decimals': { 'zh-CN': '{label}：最多保留两位小数（到分）。', en: '{label}: at most two decimals (fen).' },
  'billing.money.tooLarge': { 'zh-CN': '{label}：过大。', en: '{label}: too large.' },

  // Payments
  'billing.accountRequired': { 'zh-CN': '服务账户：必选。', en: 'Service account: choose one.' },
  'billing.paymentKind': { 'zh-CN': '款项类型：必须是预存话费或续费。', en: 'Payment kind: must be prepayment or renewal.' },
  'billing.paymentMethod': {
    'zh-CN': '付款方式：必须是银行转账、银行托收、现金支付或电话托收之一。',
    en: 'Payment method: must be bank transfer, bank collection, cash or phone-bill collection.',
  },
  'billing.referenceRequired': {
    'zh-CN': '凭证号：{term}须填写银行或托收凭证号。',
    en: 'Voucher number: a payment by {term} needs the bank or collection voucher number.',
  },
  'billing.staffOnly': {
    'zh-CN': '当前用户「{name}」（{role}）无权{action}，请由营业厅业务员或经理办理。',
    en: 'The current user “{name}” ({role}) may not {action}; a clerk or manager of the office must do it.',
  },
  'billing.accountNotFound': { 'zh-CN': '服务账户 {id} 不存在。', en: 'Service account {id} does not exist.' },
  'billing.accountClosed': { 'zh-CN': '服务账户：{no} 已销户，不能再收款。', en: 'Service account: {no} is closed and takes no more payments.' },
  'billing.paymentNotFound': { 'zh-CN': '收款记录 {id} 不存在。', en: 'Payment {id} does not exist.' },

  // Adjustments and reversals
  'billing.adjustDirection': { 'zh-CN': '调账方向：必须是调增或调减。', en: 'Direction: must be credit or debit.' },
  'billing.entryNotFound': { 'zh-CN': '账目 {id} 不存在。', en: 'Ledger entry {id} does not exist.' },
  'billing.reverseReversal': {
    'zh-CN': '账目：冲正记录本身不能再冲正；如需更正请调账。',
    en: 'Ledger entry: a reversal cannot itself be reversed; make an adjustment to correct it.',
  },
  'billing.alreadyReversed': { 'zh-CN': '账目：已于 {date} 冲正过。', en: 'Ledger entry: already reversed on {date}.' },

  // Automatic actions (suspension, termination …)
  'billing.actionNotFound': { 'zh-CN': '自动处理记录 {id} 不存在。', en: 'Automatic action {id} does not exist.' },
  'billing.actionManual': {
    'zh-CN': '自动处理记录：这是人工操作，请在账户页办理。',
    en: "Automatic action: this was done by hand; undo it on the account's page.",
  },
  'billing.actionReclaim': {
    'zh-CN': '自动处理记录：号码收回随终止一起撤销，请撤销对应的终止操作。',
    en: 'Automatic action: a number reclaim is undone with its termination; reverse that termination instead.',
  },
  'billing.actionReversed': { 'zh-CN': '自动处理记录：已于 {date} 撤销。', en: 'Automatic action: already reversed on {date}.' },

  // Call-record disputes (协议第四条(一)6)
  'billing.disputeLate': {
    'zh-CN': '话单流水号：话单日期 {day}，异议须在 {deadline} 前提出（协议第四条(一)6：三个月内）；今天 {today} 已超过期限。',
    en: 'Call record serial number: the call was on {day}, so a dispute had to be raised by {deadline} (agreement article 4(1)6: within three months); today, {today}, is too late.',
  },
  'billing.disputeOpen': {
    'zh-CN': '话单流水号：{id} 已有未处理的异议。',
    en: 'Call record serial number: {id} already has an open dispute.',
  },
  'billing.disputeNotFound': { 'zh-CN': '话单异议 {id} 不存在。', en: 'Call-record dispute {id} does not exist.' },
  'billing.disputeDecided': { 'zh-CN': '处理结果：该异议已处理（{status}）。', en: 'Decision: this dispute has already been decided ({status}).' },
  'billing.disputeOutcome': { 'zh-CN': '处理结果：必须是成立或不成立。', en: 'Decision: must be upheld or rejected.' },

  // The server's refusals of the billing sync commands (server/src/sync/billingRefusalMessages.ts)
  'billing.entryReversedServer': { 'zh-CN': '账目 {id} 已经冲正过。', en: 'Ledger entry {id} was already reversed.' },
  'billing.actionReversedServer': { 'zh-CN': '自动处理记录：该操作已被撤销。', en: 'Automatic action: it was already reversed.' },
  'billing.actionStateChanged': {
    'zh-CN': '自动处理记录：账户当前状态为“{status}”，与该操作后的状态不符，不能撤销。',
    en: 'Automatic action: the account is now “{status}”, not what the action left it in, so it cannot be reversed.',
  },
  'billing.numberTaken': {
    'zh-CN': '号码 {digits} 已分配给他人，不能撤销终止。',
    en: 'Number {digits} has been given to someone else, so the termination cannot be reversed.',
  },
  'billing.idTaken': { 'zh-CN': '编号 {id} 已用于另一条记录。', en: 'The id {id} is already used by another record.' },
  'billing.callNotFound': { 'zh-CN': '话单流水号：话单 {id}（{carrier}）不存在。', en: 'Call record serial number: call record {id} ({carrier}) does not exist.' },
  'billing.noSettingsChange': { 'zh-CN': '计费设置：没有要修改的项。', en: 'Billing settings: nothing to change.' },

  // Statements, sync set-up, the demo office
  'billing.billNotLocal': { 'zh-CN': '账单 {id} 不在本机，请先同步。', en: 'Bill {id} is not on this device; sync first.' },
  'sync.badServerUrl': { 'zh-CN': '服务器地址无效：{url}', en: 'The server address is not valid: {url}' },
  'sync.otherOfficePending': {
    'zh-CN': '本机还有 {count} 条其他营业厅的未同步修改，请先用原账号同步。',
    en: 'This device still has {count} unsynced changes of another office; sync them with the original account first.',
  },
  'demo.storeNotEmpty': {
    'zh-CN': '演示营业厅只能载入到空的数据库中：这里已经有客户、号码或受理单。',
    en: 'The demo office can only be loaded into an empty database; this one already has customers, numbers or applications.',
  },
} as const satisfies Record<string, MessageTemplates>;
