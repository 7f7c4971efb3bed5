import { z } from 'zod';
import { zodMessage as m } from '../messages/zodMessage';
import { CARRIERS } from '../hotline/parseHotline';
import { count, entityFields, fen, optionalText, requiredText } from './common';

/** 功能使用费 (4008 contract 1.2): a feature the customer chooses, billed monthly. */
export const featureFeeSchema = z.object({
  name: requiredText('功能名称', 50),
  monthlyFen: fen('功能月使用费'),
});
export type FeatureFee = z.infer<typeof featureFeeSchema>;

/** 套餐: prepayment (contract amount), monthly minimum, tariff per started minute, features. */
const servicePackageFields = {
  name: requiredText('套餐名称', 100),
  /** null: offered on every carrier's numbers. */
  carrier: z.enum(CARRIERS, { error: m('field.invalidChoice', { label: '运营商' }) }).nullable().default(null),
  /** 预存 / contract amount of the 400 agreement 第四条(二)8. */
  prepaymentFen: fen('预存金额'),
  monthlyMinimumFen: fen('月最低消费'),
  /** Typical 0.10–0.36 元/min = 10–36 fen, billed per started minute. */
  tariffFenPerMinute: fen('每分钟资费'),
  includedMinutes: count('包含分钟数').default(0),
  termMonths: count('期限（月）').min(1, { error: m('field.atLeastOneMonth', { label: '期限（月）' }) }),
  featureFees: z.array(featureFeeSchema, { error: m('field.notList', { label: '功能费列表' }) }).default([]),
  active: z.boolean({ error: m('field.boolean', { label: '是否启用' }) }).default(true),
  notes: optionalText('备注'),
};
export const servicePackageSchema = z.object({ ...entityFields, ...servicePackageFields });
export const servicePackageDraftSchema = z.object(servicePackageFields);
export type ServicePackage = z.infer<typeof servicePackageSchema>;
export type ServicePackageDraft = z.infer<typeof servicePackageDraftSchema>;
