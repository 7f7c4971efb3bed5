import { z } from 'zod';
import { zodMessage as m } from '../messages/zodMessage';
import { SERVICE_ACCOUNT_STATES } from '../lifecycle/serviceAccountLifecycle';
import { entityFields, fen, isoDate, optionalText, signedFen, uuid } from './common';

/** A customer's running service on one number: its lifecycle, money and contract dates. */
const serviceAccountFields = {
  customerId: uuid('客户'),
  numberId: uuid('400 号码'),
  packageId: uuid('套餐'),
  applicationId: uuid('受理单').nullable().default(null),
  state: z.enum(SERVICE_ACCOUNT_STATES, { error: m('field.invalidChoice', { label: '账户状态' }) }).default('applied'),
  /** The office date the account entered its current state (suspension → termination counts from it). */
  stateSince: isoDate('状态开始日期'),
  /** 合同金额 (400 agreement 第四条(二)8). */
  contractAmountFen: fen('合同金额'),
  /** The first renewal's amount: the floor for every later renewal; null until the first renewal. */
  firstRenewalFen: fen('首次续费金额').nullable().default(null),
  monthlyMinimumFen: fen('月最低消费'),
  /** Prepaid balance; negative when in arrears. */
  balanceFen: signedFen('账户余额').default(0),
  completionReceivedOn: isoDate('竣工单收到日期').nullable().default(null),
  /** 实际开通日 (4008 contract 4.3): the opening date on the completion form; billing starts on it. */
  openedOn: isoDate('实际开通日期').nullable().default(null),
  termEndsOn: isoDate('服务到期日期').nullable().default(null),
  notes: optionalText('备注'),
};
export const serviceAccountSchema = z.object({ ...entityFields, ...serviceAccountFields });
export const serviceAccountDraftSchema = z.object(serviceAccountFields);
export type ServiceAccount = z.infer<typeof serviceAccountSchema>;
export type ServiceAccountDraft = z.infer<typeof serviceAccountDraftSchema>;
