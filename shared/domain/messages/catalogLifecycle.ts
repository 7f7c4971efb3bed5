import type { MessageTemplates } from './catalog';

/**
 * Refusals of the state machines (shared/domain/lifecycle, shared/sync/applicationFlow.ts): a step
 * from a state it does not leave, and the guards (reason given, cooling over, periods elapsed,
 * fees settled). {status}/{statusList} are zh-CN state labels and {step} a step's label, translated
 * with the message (labels.ts).
 */
export const LIFECYCLE_MESSAGES = {
  'lifecycle.unknownEvent': { 'zh-CN': '未知的操作“{event}”。', en: 'Unknown operation “{event}”.' },
  'lifecycle.notFrom': {
    'zh-CN': '当前状态为“{status}”，不能{step}；只有{statusList}状态才可以{step}。',
    en: 'The state is “{status}”, so you cannot {step}; you can {step} only from {statusList}.',
  },
  'lifecycle.reasonRequired': {
    'zh-CN': '退回或作废受理单时必须填写原因。',
    en: 'A reason is required to return or cancel an application.',
  },
  'lifecycle.reasonRequiredField': {
    'zh-CN': '原因：退回或作废受理单时必须填写原因。',
    en: 'Reason: required to return or cancel an application.',
  },
  'lifecycle.coolingUnknown': {
    'zh-CN': '缺少冷冻期开始日期或今天的日期，无法判断冷冻期是否已满。',
    en: "The start of the cooling period or today's date is missing, so it cannot be told whether the cooling period is over.",
  },
  'lifecycle.cooling': {
    'zh-CN': '号码仍在冷冻期内，{until} 起才能重新放号（合同 7.3）。',
    en: 'The number is still in its cooling period; it can return to the pool from {until} (contract 7.3).',
  },
  'lifecycle.deemedUnknown': {
    'zh-CN': '缺少竣工单收到日期或今天的日期，无法判断是否已视为验收。',
    en: "The day the completion notice was received or today's date is missing, so deemed acceptance cannot be decided.",
  },
  'lifecycle.deemedTooEarly': {
    'zh-CN': '客户可在 {lastDay}（收到竣工单后第 5 个工作日）之前签字或提出异议，之后才视为验收（合同 4.3）。',
    en: 'The customer may sign or object until {lastDay} (the 5th working day after the completion notice); only after that is the service deemed accepted (contract 4.3).',
  },
  'lifecycle.terminateNotSuspended': {
    'zh-CN': '只有已暂停的账户才能以“暂停后仍未缴费”为由终止。',
    en: 'Only a suspended account can be terminated as “unpaid after suspension”.',
  },
  'lifecycle.terminateNoDates': {
    'zh-CN': '缺少暂停日期或今天的日期，无法判断能否终止。',
    en: "The suspension date or today's date is missing, so termination cannot be decided.",
  },
  'lifecycle.terminateTooEarly': {
    'zh-CN': '暂停未满 {days} 日，{earliest} 起仍未缴费才可终止（协议第五条）。',
    en: 'Suspended for less than {days} days; it can be terminated from {earliest} if still unpaid (agreement article 5).',
  },
  'lifecycle.overdueUnknown': {
    'zh-CN': '缺少逾期天数，无法判断能否因逾期终止。',
    en: 'The days overdue are missing, so termination for arrears cannot be decided.',
  },
  'lifecycle.overdueTooFew': {
    'zh-CN': '逾期 {overdue} 日，未达到终止所需的 {required} 日（合同 7.1）。',
    en: 'Overdue {overdue} days, fewer than the {required} days termination needs (contract 7.1).',
  },
  'lifecycle.owedUnknown': {
    'zh-CN': '缺少欠费金额，无法判断能否销户。',
    en: 'The amount owed is missing, so closing the account cannot be decided.',
  },
  'lifecycle.owed': {
    'zh-CN': '尚欠费用 {amount} 元，交清全部费用后才能销户（协议第五条(一)）。',
    en: '{amount} yuan is still owed; the account can be closed only when everything is paid (agreement article 5(1)).',
  },
} as const satisfies Record<string, MessageTemplates>;
