import { z } from 'zod';
import { FIRST_MONTH_BILLING_POLICIES, type OfficeSettings } from '../domain/settings/officeSettings';

/**
 * When the collections job suspends an account automatically:
 * 'overdue' — a bill is unpaid after its due date (4008 contract 7.1 / 400 agreement 第五条);
 * 'balance_exhausted' — the prepaid balance is used up (≤ 0);
 * 'both' — either; 'never' — the job only lists them, a person decides.
 */
export const SUSPEND_WHEN = ['overdue', 'balance_exhausted', 'both', 'never'] as const;
export type SuspendWhen = (typeof SUSPEND_WHEN)[number];

const int = (label: string, min: number, max: number) =>
  z
    .number({ error: `${label}必须是整数。` })
    .int({ error: `${label}必须是整数。` })
    .min(min, { error: `${label}不能小于 ${min}。` })
    .max(max, { error: `${label}不能大于 ${max}。` });

/**
 * The money settings of one office (a manager edits them; an office stores what it changed).
 * The contract rules themselves (3‰ a day, first-renewal floor, three-month dispute window) are
 * not settings: they are the contract. The time zone is not one of them: billing reads call
 * times, months and due dates in the office's own zone (OfficeSettings.timeZone, changed with the
 * office profile), so the office has one zone, not one for billing and one for the rest. Nor are
 * the days from suspension to termination and the number cooling period: they are the office's
 * business rules (OfficeSettings, Settings → 业务规则), which the account and number lifecycles
 * read too, so collections terminates and reclaims on the same days a person would.
 */
export const billingSettingsSchema = z.object({
  /** First, partial month from the actual opening date: prorated minimum, full minimum, or usage only ('waived'). */
  firstMonthBilling: z.enum(FIRST_MONTH_BILLING_POLICIES, { error: '首月计费方式无效。' }),
  /** A month's bill is due on this day of the next month; from the day after, it is overdue. */
  dueDayOfNextMonth: int('账单到期日', 1, 28),
  suspendWhen: z.enum(SUSPEND_WHEN, { error: '自动暂停条件无效。' }),
  /** Days a bill may be overdue before the automatic suspension (0 = the first overdue day). */
  suspendAfterOverdueDays: int('逾期暂停宽限天数', 0, 365),
  /** Office policy floor for renewals in monthly minimums (e.g. 3); 0 = off. The first-renewal floor always applies. */
  renewalFloorMonthlyMinimums: int('续费下限（月最低消费倍数）', 0, 120),
  /** Reminder: balance below this many monthly minimums counts as low. */
  lowBalanceMonths: int('余额不足提醒月数', 0, 24),
  /** Reminder: service term ending within this many days. */
  expiringWithinDays: int('到期提醒天数', 0, 365),
  /** After a manager reverses an automatic suspension, the job leaves the account alone this many days. */
  reversalGraceDays: int('撤销后宽限天数', 0, 365),
});
/** What an office stores and a manager edits. */
export type EditableBillingSettings = z.infer<typeof billingSettingsSchema>;
/**
 * What billing takes from the office settings (changed with office.update, one value per office):
 * `timeZone` — the IANA zone call times, billing months and due dates are read in;
 * `suspensionToTerminationDays` — 400 agreement 第五条: still unpaid this many days after suspension → termination;
 * `coolingDays` — 4008 contract 7.3: a reclaimed number cools down this long before it can be sold again.
 */
export const OFFICE_BILLING_RULES = ['timeZone', 'suspensionToTerminationDays', 'coolingDays'] as const;
export type OfficeBillingRules = Pick<OfficeSettings, (typeof OFFICE_BILLING_RULES)[number]>;
/** The settings billing works with: the editable ones and the office's rules. */
export type BillingSettings = EditableBillingSettings & OfficeBillingRules;

export const DEFAULT_BILLING_SETTINGS: Readonly<EditableBillingSettings> = Object.freeze({
  firstMonthBilling: 'prorated',
  dueDayOfNextMonth: 15,
  suspendWhen: 'overdue',
  suspendAfterOverdueDays: 0,
  renewalFloorMonthlyMinimums: 0,
  lowBalanceMonths: 1,
  expiringWithinDays: 30,
  reversalGraceDays: 7,
});

/** Changed keys. Unknown keys are dropped, so an office rule (`timeZone`, `coolingDays`, …) stored or sent before it left the billing settings is ignored. */
export const billingSettingsPatchSchema = billingSettingsSchema.partial();
export type BillingSettingsPatch = z.infer<typeof billingSettingsPatchSchema>;

/**
 * The patch of the `billingSettings.update` command. Older devices may still send the retired
 * keys (`timeZone`, `suspensionToTerminationDays`, `coolingDays`), alone or with others: they are
 * accepted (a patch of only those keys is not "empty", so not refused) and ignored — the office's
 * rules are changed with office.update.
 */
export const billingSettingsCommandPatchSchema = billingSettingsPatchSchema.extend({
  timeZone: z.unknown().optional(),
  suspensionToTerminationDays: z.unknown().optional(),
  coolingDays: z.unknown().optional(),
});

/** The stored keys over the defaults, with the office's rules (whatever rule the keys still carry is not used). */
export function resolveBillingSettings(partial: BillingSettingsPatch | null | undefined, office: OfficeBillingRules): BillingSettings {
  const { timeZone: _z, suspensionToTerminationDays: _t, coolingDays: _c, ...editable } = (partial ?? {}) as BillingSettingsPatch & Partial<Record<(typeof OFFICE_BILLING_RULES)[number], unknown>>;
  return {
    ...DEFAULT_BILLING_SETTINGS,
    ...editable,
    timeZone: office.timeZone,
    suspensionToTerminationDays: office.suspensionToTerminationDays,
    coolingDays: office.coolingDays,
  };
}
