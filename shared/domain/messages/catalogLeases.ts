import type { MessageTemplates } from './catalog';

/**
 * Messages of field agents' number leases on the device (renderer/src/data/leases.ts); rules as
 * in catalogApp.ts. {number} is the formatted 400 number.
 */
export const LEASE_MESSAGES = {
  'lease.notHeld': {
    'zh-CN': '400 号码：{number} 不在您当前有效的领用号码中，外勤只能销售自己领用（未过期）的号码。请换一个领用的号码，或联网后领用更多号码。',
    en: '400 number: {number} is not in a live lease of yours; a field agent sells only numbers it has taken and that have not expired. Pick one of your leased numbers, or take more numbers while online.',
  },
  'lease.heldByAgent': {
    'zh-CN': '400 号码：{number} 在外勤领用的号码中，领用期内只有该外勤可以销售。请换一个号码。',
    en: '400 number: {number} is leased to a field agent; only that agent may sell it while the lease runs. Pick another number.',
  },
  'lease.count': { 'zh-CN': '数量：须为 1 到 {max} 之间的整数。', en: 'How many: a whole number from 1 to {max}.' },
  'lease.hours': { 'zh-CN': '领用时长：须为 1 到 {max} 小时之间的整数。', en: 'For how long: a whole number of hours from 1 to {max}.' },
  'lease.prefix': { 'zh-CN': '号段：须为以 40 开头的数字（例如 4008）。', en: 'Segment: digits starting with 40 (e.g. 4008).' },
  'lease.unknown': { 'zh-CN': '租约 {id} 不在本机记录中。', en: 'Lease {id} is not known on this device.' },
  'lease.alreadyReturned': { 'zh-CN': '这批号码已经归还。', en: 'These numbers have already been returned.' },
} as const satisfies Record<string, MessageTemplates>;
