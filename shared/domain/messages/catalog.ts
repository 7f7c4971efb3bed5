/**
 * Every domain validation message, in both languages, keyed by a stable code. `reason` strings
 * (zh-CN) are built from the zh-CN template here, so the two languages cannot drift apart.
 * Placeholders are `{name}`; a unit test checks both templates of a code use the same ones.
 */
import { APP_MESSAGES } from './catalogApp';
import { SERVICE_MESSAGES } from './catalogServices';
import { LIFECYCLE_MESSAGES } from './catalogLifecycle';
import { BILLING_MESSAGES } from './catalogBilling';
import { LEASE_MESSAGES } from './catalogLeases';

export type Lang = 'zh-CN' | 'en';
export type MessageParams = Record<string, string | number>;
export type MessageTemplates = { readonly 'zh-CN': string; readonly en: string };

const DOMAIN_MESSAGES = {
  // 统一社会信用代码 (GB 32100-2015)
  'uscc.empty': { 'zh-CN': '统一社会信用代码不能为空。', en: 'The unified social credit code (USCC) is required.' },
  'uscc.length': {
    'zh-CN': '统一社会信用代码应为 18 位，现在是 {length} 位。',
    en: 'The unified social credit code (USCC) must have 18 characters; it has {length}.',
  },
  'uscc.char': {
    'zh-CN': '统一社会信用代码第 {position} 位“{char}”不是有效字符（只用数字和除 I、O、S、V、Z 以外的大写字母）。',
    en: 'Character {position} (“{char}”) of the unified social credit code (USCC) is not allowed (digits and capital letters except I, O, S, V, Z only).',
  },
  'uscc.checksum': {
    'zh-CN': '统一社会信用代码校验位（第 18 位）不正确，请对照营业执照逐位核对。',
    en: 'The check character (18th) of the unified social credit code (USCC) is wrong; compare it with the business licence character by character.',
  },
  'uscc.checksumOverride': {
    'zh-CN': '统一社会信用代码校验位（第 18 位）不正确，请对照营业执照逐位核对。如核对无误，需经理填写放行原因。',
    en: 'The check character (18th) of the unified social credit code (USCC) is wrong; compare it with the business licence character by character. If it is right as written, a manager must give a reason to accept it.',
  },

  // 居民身份证号码 (GB 11643-1999)
  'residentId.empty': { 'zh-CN': '身份证号码不能为空。', en: 'The ID card number is required.' },
  'residentId.legacy15': {
    'zh-CN': '这是 15 位的旧版身份证号码，已停止使用；请填写 18 位的第二代居民身份证号码。',
    en: 'This is a withdrawn 15-digit first-generation ID number; enter the 18-character second-generation ID number.',
  },
  'residentId.length': {
    'zh-CN': '身份证号码应为 18 位，现在是 {length} 位。',
    en: 'The ID card number must have 18 characters; it has {length}.',
  },
  'residentId.chars': {
    'zh-CN': '身份证号码前 17 位应为数字，最后一位为数字或 X。',
    en: 'The first 17 characters of the ID card number must be digits and the last a digit or X.',
  },
  'residentId.birthInvalid': {
    'zh-CN': '身份证号码中的出生日期 {birth} 不是有效日期。',
    en: 'The birth date {birth} in the ID card number is not a real date.',
  },
  'residentId.birthBefore1900': {
    'zh-CN': '身份证号码中的出生日期 {birth} 早于 1900 年，请核对。',
    en: 'The birth date {birth} in the ID card number is before 1900; please check it.',
  },
  'residentId.birthFuture': {
    'zh-CN': '身份证号码中的出生日期 {birth} 晚于今天，请核对。',
    en: 'The birth date {birth} in the ID card number is after today; please check it.',
  },
  'residentId.checksum': {
    'zh-CN': '身份证号码校验位（第 18 位）不正确，请对照身份证逐位核对。',
    en: 'The check character (18th) of the ID card number is wrong; compare it with the ID card character by character.',
  },

  // 手机号码
  'mobile.empty': { 'zh-CN': '手机号码不能为空。', en: 'The mobile number is required.' },
  'mobile.chars': {
    'zh-CN': '手机号码只能包含数字，数字之间可用空格或连字符分隔，开头可带 +86。',
    en: 'A mobile number may contain only digits, optionally separated by spaces or hyphens and preceded by +86.',
  },
  'mobile.length': {
    'zh-CN': '手机号码应为 11 位数字，现在是 {length} 位。',
    en: 'A mobile number must have 11 digits; it has {length}.',
  },
  'mobile.prefix': {
    'zh-CN': '手机号码应以 13–19 开头（1 后面是 3 到 9）。',
    en: 'A mobile number must start with 13–19 (1 followed by 3 to 9).',
  },

  // 固定电话
  'landline.empty': { 'zh-CN': '固定电话号码不能为空。', en: 'The landline number is required.' },
  'landline.format': {
    'zh-CN': '固定电话应写成“区号-号码”，例如 0371-67891234 或 010-62345678，区号以 0 开头。',
    en: 'Write a landline as area code-number, e.g. 0371-67891234 or 010-62345678; the area code starts with 0.',
  },
  'landline.areaCode': {
    'zh-CN': '固定电话区号“{areaCode}”无效：区号为 010、02X 或 0 加三位数字（第一位 3–9）。',
    en: 'The landline area code “{areaCode}” is not valid: it is 010, 02X or 0 followed by three digits (the first 3–9).',
  },
  'landline.subscriberStart': {
    'zh-CN': '固定电话号码（区号后面的部分）不能以 0 或 1 开头。',
    en: 'The landline number after the area code may not start with 0 or 1.',
  },
  'landline.length8': {
    'zh-CN': '区号 {areaCode} 的固定电话号码应为 8 位，现在是 {length} 位。',
    en: 'A landline number in area {areaCode} must have 8 digits; it has {length}.',
  },
  'landline.length7or8': {
    'zh-CN': '区号 {areaCode} 的固定电话号码应为 7 或 8 位，现在是 {length} 位。',
    en: 'A landline number in area {areaCode} must have 7 or 8 digits; it has {length}.',
  },

  // 400 号码
  'hotline.empty': { 'zh-CN': '400 号码不能为空。', en: 'The 400 number is required.' },
  'hotline.chars': {
    'zh-CN': '400 号码只能包含数字，可写成 400-812-3456、400 812 3456 或 4008123456。',
    en: 'A 400 number may contain only digits, written as 400-812-3456, 400 812 3456 or 4008123456.',
  },
  'hotline.length': {
    'zh-CN': '400 号码应为 10 位数字，现在是 {length} 位。',
    en: 'A 400 number must have 10 digits; it has {length}.',
  },
  'hotline.prefix': { 'zh-CN': '400 号码应以 400 开头。', en: 'A 400 number must start with 400.' },
  'hotline.segment': {
    'zh-CN': '号段 {segment} 不是可用的 400 号段（联通 4000/4006，移动 4001/4007，电信 4008/4009）。',
    en: 'Prefix {segment} is not an issued 400 prefix (Unicom 4000/4006, Mobile 4001/4007, Telecom 4008/4009).',
  },

  // 金额 (yuan typed by a person)
  'money.empty': { 'zh-CN': '{label}不能为空。', en: '{label} is required.' },
  'money.negative': { 'zh-CN': '{label}不能为负数。', en: '{label} may not be negative.' },
  'money.invalid': {
    'zh-CN': '{label}“{input}”不是有效的金额，请填写如 6007.14 的数字。',
    en: '{label} “{input}” is not an amount; enter a number such as 6007.14.',
  },
  'money.decimals': { 'zh-CN': '{label}最多保留两位小数（到分）。', en: '{label} may have at most two decimals (fen).' },
  'money.tooLarge': { 'zh-CN': '{label}过大。', en: '{label} is too large.' },

  // Field messages of the entity schemas; {label} is the field's name.
  'field.notText': { 'zh-CN': '{label}必须是文字。', en: '{label} must be text.' },
  'field.required': { 'zh-CN': '{label}不能为空。', en: '{label} is required.' },
  'field.tooLong': { 'zh-CN': '{label}不能超过 {max} 个字。', en: '{label} may have at most {max} characters.' },
  'field.fen': { 'zh-CN': '{label}必须是以分为单位的整数。', en: '{label} must be a whole number of fen.' },
  'field.negative': { 'zh-CN': '{label}不能为负数。', en: '{label} may not be negative.' },
  'field.integer': { 'zh-CN': '{label}必须是整数。', en: '{label} must be a whole number.' },
  'field.date': { 'zh-CN': '{label}必须是日期。', en: '{label} must be a date.' },
  'field.dateInvalid': {
    'zh-CN': '{label}必须是有效日期（YYYY-MM-DD）。',
    en: '{label} must be a real date (YYYY-MM-DD).',
  },
  'field.utc': {
    'zh-CN': '{label}必须是 UTC 时间（ISO 格式，以 Z 结尾）。',
    en: '{label} must be a UTC time (ISO format ending in Z).',
  },
  'field.uuid': { 'zh-CN': '{label}必须是有效的 UUID。', en: '{label} must be a valid UUID.' },
  'field.sha256': { 'zh-CN': '{label}必须是 64 位十六进制 SHA-256。', en: '{label} must be a 64-character hexadecimal SHA-256.' },
  'field.invalidChoice': { 'zh-CN': '{label}无效。', en: '{label} is not one of the allowed values.' },
  'field.boolean': { 'zh-CN': '{label}必须是是或否。', en: '{label} must be yes or no.' },
  'field.notList': { 'zh-CN': '{label}格式不正确。', en: '{label} is not in the right form.' },
  'field.mustBeList': { 'zh-CN': '{label}必须是列表。', en: '{label} must be a list.' },
  'field.positive': { 'zh-CN': '{label}必须大于零。', en: '{label} must be more than zero.' },
  'field.atLeastOneMonth': { 'zh-CN': '{label}至少为 1 个月。', en: '{label} must be at least 1 month.' },
  'attachment.empty': { 'zh-CN': '附件不能是空文件。', en: 'An attachment may not be an empty file.' },
  'payment.method': {
    'zh-CN': '付款方式必须是银行转账、银行托收、现金支付或电话托收之一。',
    en: 'The payment method must be bank transfer, bank collection, cash or phone-bill collection.',
  },
  'user.loginNameFormat': {
    'zh-CN': '登录名为 3–40 位字母、数字、下划线、点或连字符。',
    en: 'A login name has 3–40 letters, digits, underscores, dots or hyphens.',
  },
  'user.role': { 'zh-CN': '角色必须是业务员、经理、外勤或管理员。', en: 'The role must be clerk, manager, field agent or admin.' },
  'numberRule.match': {
    'zh-CN': '匹配方式必须是“全部满足”或“满足其一”。',
    en: 'The match must be “all of them” or “any of them”.',
  },
  'hotline.carrierMismatch': {
    'zh-CN': '运营商与号段不符：{display} 属于{carrier}。',
    en: 'The carrier does not match the prefix: {display} belongs to {carrier}.',
  },
  'callRecord.endBeforeStart': { 'zh-CN': '结束时间早于开始时间。', en: 'The end time is before the start time.' },
  'callRecord.answerBeforeStart': { 'zh-CN': '应答时间早于开始时间。', en: 'The answer time is before the start time.' },
  'field.email': { 'zh-CN': '电子邮箱格式不正确。', en: 'The e-mail address is not valid.' },
  'field.phone': {
    'zh-CN': '{label}既不是有效的手机号码，也不是有效的固定电话（区号-号码）。',
    en: '{label} is neither a valid mobile number nor a valid landline (area code-number).',
  },
  /** A validator's message under a field whose label it does not name: '经办人手机号码：手机号码应为…'. */
  'field.labelled': { 'zh-CN': '{label}：{message}', en: '{label}: {message}' },
  /** The n-th entry of a list field (destination numbers). */
  'field.row': { 'zh-CN': '第 {row} 个{message}', en: 'Entry {row}: {message}' },

  // 续费 (400 agreement 第四条(二)8); amounts are yuan as formatFen writes them.
  'renewal.notFen': { 'zh-CN': '续费金额必须是以分为单位的非负整数。', en: 'The renewal amount must be a non-negative whole number of fen.' },
  'renewal.zero': { 'zh-CN': '续费金额必须大于零。', en: 'The renewal amount must be more than zero.' },
  'renewal.badFirst': {
    'zh-CN': '首次续费金额记录有误（不是以分为单位的非负整数），请经理核对该账户。',
    en: 'The recorded first renewal amount is wrong (not a non-negative whole number of fen); a manager must check this account.',
  },
  'renewal.belowFirst': {
    'zh-CN': '续费金额 {amount} 元低于首次续费金额 {first} 元；按协议第四条(二)8，每次续费不得低于首次续费金额。',
    en: 'The renewal amount of {amount} yuan is below the first renewal of {first} yuan; under article 4(2)8 of the agreement no renewal may be lower than the first.',
  },

  // Entity rules
  'contact.phoneRequired': {
    'zh-CN': '联系人至少要有手机号码或固定电话之一。',
    en: 'A contact needs a mobile number or a landline.',
  },
  'requirement.destinationRequired': {
    'zh-CN': '至少填写一个被叫电话号码（绑定号码）。',
    en: 'Enter at least one destination number (the bound number).',
  },
  'requirement.destinationList': { 'zh-CN': '被叫电话号码必须是列表。', en: 'Destination numbers must be a list.' },
  'requirement.termMin': { 'zh-CN': '租期（月）至少为 1 个月。', en: 'The term (months) must be at least 1 month.' },
} as const satisfies Record<string, MessageTemplates>;

/** The domain's messages (and its state machines'), then the app repositories' (catalogApp.ts, catalogServices.ts). */
export const MESSAGES = { ...DOMAIN_MESSAGES, ...LIFECYCLE_MESSAGES, ...APP_MESSAGES, ...SERVICE_MESSAGES, ...BILLING_MESSAGES, ...LEASE_MESSAGES } as const;

export type MessageCode = keyof typeof MESSAGES;

export function isMessageCode(code: unknown): code is MessageCode {
  return typeof code === 'string' && Object.hasOwn(MESSAGES, code);
}
