import { z } from 'zod';
import { zodMessage as m } from '../messages/zodMessage';
import { entityFields, fen, isoDate, optionalText, uuid } from './common';

/** 4008 contract 5.1: 银行转账 / 银行托收 / 现金支付 / 电话托收. */
export const PAYMENT_METHODS = ['bank_transfer', 'bank_collection', 'cash', 'phone_bill_collection'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];
export const PAYMENT_METHOD_LABELS: Readonly<Record<PaymentMethod, string>> = {
  bank_transfer: '银行转账',
  bank_collection: '银行托收',
  cash: '现金支付',
  phone_bill_collection: '电话托收',
};

export const PAYMENT_KINDS = ['prepayment', 'renewal', 'monthly', 'late_fee', 'selection_fee', 'other'] as const;
export type PaymentKind = (typeof PAYMENT_KINDS)[number];
export const PAYMENT_KIND_LABELS: Readonly<Record<PaymentKind, string>> = {
  prepayment: '预存话费',
  renewal: '续费',
  monthly: '月费',
  late_fee: '违约金',
  selection_fee: '选号费',
  other: '其他',
};

const paymentFields = {
  customerId: uuid('客户'),
  serviceAccountId: uuid('服务账户').nullable().default(null),
  amountFen: fen('收款金额').positive({ error: m('field.positive', { label: '收款金额' }) }),
  method: z.enum(PAYMENT_METHODS, { error: m('payment.method') }),
  kind: z.enum(PAYMENT_KINDS, { error: m('field.invalidChoice', { label: '款项类型' }) }),
  receivedOn: isoDate('收款日期'),
  /** Bank slip or receipt number. */
  reference: optionalText('凭证号', 100),
  recordedBy: uuid('经手人'),
  notes: optionalText('备注'),
};
export const paymentSchema = z.object({ ...entityFields, ...paymentFields });
export const paymentDraftSchema = z.object(paymentFields);
export type Payment = z.infer<typeof paymentSchema>;
export type PaymentDraft = z.infer<typeof paymentDraftSchema>;
