import { z } from 'zod';
import { zodMessage as m } from '../messages/zodMessage';
import { CARRIERS, CARRIER_LABELS, parseHotline } from '../hotline/parseHotline';
import { NUMBER_PATTERNS } from '../hotline/numberPatterns';
import { NUMBER_STATES } from '../lifecycle/numberLifecycle';
import { checkedString, entityFields, fen, isoDate, optionalText, requiredText, utcTimestamp, uuid } from './common';

/** A 400 number stored as its 10 digits (400-812-3456 is typed, 4008123456 is stored). */
export const hotlineDigitsField = (label = '400 号码') =>
  checkedString(
    label,
    (s) => {
      const parsed = parseHotline(s);
      return parsed.ok ? { ok: true } : parsed;
    },
    (s) => {
      const parsed = parseHotline(s);
      return parsed.ok ? parsed.digits : s;
    },
  );

const hotlineNumberFields = {
  digits: hotlineDigitsField(),
  carrier: z.enum(CARRIERS, { error: m('field.invalidChoice', { label: '运营商' }) }),
  state: z.enum(NUMBER_STATES, { error: m('field.invalidChoice', { label: '号码状态' }) }),
  /** The office date the number entered its current state (reservation, cooling periods count from it). */
  stateSince: isoDate('状态开始日期'),
  gradeRuleId: uuid('号码等级').nullable().default(null),
  gradeName: optionalText('号码等级名称', 50),
  /** 选号费 at the grade's price when graded; a manager may change it per number. */
  priceFen: fen('选号费'),
  minimumMonthlyFen: fen('月最低消费'),
  requiredPackageId: uuid('指定套餐').nullable().default(null),
  reservedBy: uuid('预占人').nullable().default(null),
  reservedUntil: isoDate('预占截止日期').nullable().default(null),
  /** A field agent's offline lease (DESIGN.md §3): only the holder sells it until leaseUntil. */
  leaseHolderId: uuid('领用外勤').nullable().default(null),
  leaseUntil: utcTimestamp('领用截止时间').nullable().default(null),
  customerId: uuid('所属客户').nullable().default(null),
  serviceAccountId: uuid('服务账户').nullable().default(null),
  notes: optionalText('备注'),
};

function refineHotline(value: { digits: string; carrier: string }, ctx: z.RefinementCtx): void {
  const parsed = parseHotline(value.digits);
  if (parsed.ok && parsed.carrier !== value.carrier) {
    const params = { display: parsed.display, carrier: CARRIER_LABELS[parsed.carrier] };
    ctx.addIssue({ code: 'custom', path: ['carrier'], message: m('hotline.carrierMismatch', params), params: { code: 'hotline.carrierMismatch', ...params } });
  }
}

export const hotlineNumberObjectSchema = z.object({ ...entityFields, ...hotlineNumberFields });
export const hotlineNumberSchema = hotlineNumberObjectSchema.superRefine(refineHotline);
export const hotlineNumberDraftSchema = z.object(hotlineNumberFields).superRefine(refineHotline);
export type HotlineNumber = z.infer<typeof hotlineNumberSchema>;
export type HotlineNumberDraft = z.infer<typeof hotlineNumberDraftSchema>;

/** An office's vanity-grade rule (靓号规则); ordered by sortOrder, first match wins (gradeNumber). */
const gradeRuleFields = {
  name: requiredText('等级名称', 50),
  patterns: z.array(z.enum(NUMBER_PATTERNS, { error: m('field.invalidChoice', { label: '号码规律' }) }), { error: m('field.mustBeList', { label: '号码规律' }) }),
  match: z.enum(['all', 'any'], { error: m('numberRule.match') }),
  priceFen: fen('选号费'),
  minimumMonthlyFen: fen('月最低消费'),
  requiredPackageId: uuid('指定套餐').nullable().default(null),
  sortOrder: z.number({ error: m('field.integer', { label: '排序' }) }).int({ error: m('field.integer', { label: '排序' }) }),
  active: z.boolean({ error: m('field.boolean', { label: '是否启用' }) }).default(true),
};
export const gradeRuleSchema = z.object({ ...entityFields, ...gradeRuleFields });
export const gradeRuleDraftSchema = z.object(gradeRuleFields);
export type GradeRule = z.infer<typeof gradeRuleSchema>;
export type GradeRuleDraft = z.infer<typeof gradeRuleDraftSchema>;
