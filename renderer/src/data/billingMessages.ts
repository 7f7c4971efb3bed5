import { formatMsg, msg, msgOfCheck, type Msg, type MessageParams } from '../../../shared';
import type { ErrorText } from './errors';

/**
 * Message pieces the billing repositories share (catalog: shared/domain/messages/catalogBilling.ts).
 * A typed amount is checked by parseYuanToFen, whose message starts with the field's name; the
 * billing forms put a colon after it ("收款金额：最多保留两位小数（到分）。"), so each money code
 * has a billing twin that does.
 */
const MONEY_FIELD = {
  'money.empty': 'billing.money.empty',
  'money.negative': 'billing.money.negative',
  'money.invalid': 'billing.money.invalid',
  'money.decimals': 'billing.money.decimals',
  'money.tooLarge': 'billing.money.tooLarge',
} as const;

type MoneyCheck = { ok: false; reason: string; code?: string; params?: MessageParams };

/** The refusal of a typed amount, naming the field as the form labels it. */
export function amountFieldText(check: MoneyCheck, label: string): ErrorText {
  const code = check.code as keyof typeof MONEY_FIELD | undefined;
  if (code && code in MONEY_FIELD) return msg(MONEY_FIELD[code], { ...check.params, label });
  return msg('field.labelled', { label, message: msgOfCheck(check) });
}

/** "{label}：必填。" */
export const requiredText = (label: string): Msg => msg('form.required', { label });

/** "{label}：最多 {max} 个字符。" */
export const maxCharsText = (label: string, max: number): Msg => msg('billing.maxChars', { label, max });

/** An Error whose text the screens can show in their language (errorText reads `text`). */
export function codedError(m: Msg): Error {
  return Object.assign(new Error(formatMsg(m, 'zh-CN')), { text: m });
}
