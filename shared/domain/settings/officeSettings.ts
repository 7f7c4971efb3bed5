import { z } from 'zod';

/**
 * How the first, partial month after the actual opening date (4008 contract 4.4: billing starts on
 * it) meets the monthly minimum: 'prorated' charges the minimum by the days left in the month,
 * 'full' charges the whole minimum, 'waived' charges usage only.
 */
export const FIRST_MONTH_BILLING_POLICIES = ['prorated', 'full', 'waived'] as const;
export type FirstMonthBillingPolicy = (typeof FIRST_MONTH_BILLING_POLICIES)[number];

/**
 * Renewal floor (400 agreement 第四条(二)8: each renewal at least the first renewal's amount).
 * 'first-renewal' enforces it; 'off' lets an office that agreed otherwise in writing switch it off.
 */
export const RENEWAL_FLOOR_POLICIES = ['first-renewal', 'off'] as const;
export type RenewalFloorPolicy = (typeof RENEWAL_FLOOR_POLICIES)[number];

const days = (label: string, max: number) =>
  z
    .number({ error: `${label}必须是整数天数。` })
    .int({ error: `${label}必须是整数天数。` })
    .min(0, { error: `${label}不能为负数。` })
    .max(max, { error: `${label}不能超过 ${max} 天。` });

export const officeSettingsSchema = z.object({
  /** 预占: how long a reserved number is held before it returns to the pool (DESIGN.md §5, ~15 days). */
  reservationDays: days('号码预占天数', 365),
  /** 4008 contract 7.3: a reclaimed number is reallocated only after a period; the contract leaves it open. */
  coolingDays: days('号码冷冻期天数', 3650),
  /** 400 agreement 第五条(二)1: still unpaid 30 days after suspension → termination. */
  suspensionToTerminationDays: days('暂停后终止天数', 365),
  /**
   * 4008 contract 7.1 leaves the number of overdue days before termination blank ([ ]日).
   * Default 90: three monthly billing cycles, longer than the 30 days after suspension, so the
   * suspension route of the 400 agreement normally acts first.
   */
  overdueDaysToTermination: days('逾期终止天数', 3650),
  /** Largest licence/ID scan a clerk may attach. */
  attachmentMaxBytes: z
    .number({ error: '附件大小上限必须是整数字节数。' })
    .int({ error: '附件大小上限必须是整数字节数。' })
    .min(1, { error: '附件大小上限必须大于 0。' }),
  /** IANA time zone in which the office's dates (receipt, dispute window, billing month) are read. */
  timeZone: z.string().min(1, { error: '时区不能为空。' }),
  firstMonthBilling: z.enum(FIRST_MONTH_BILLING_POLICIES, { error: '首月计费方式无效。' }),
  renewalFloor: z.enum(RENEWAL_FLOOR_POLICIES, { error: '续费下限规则无效。' }),
});

export type OfficeSettings = z.infer<typeof officeSettingsSchema>;

export const DEFAULT_OFFICE_SETTINGS: Readonly<OfficeSettings> = Object.freeze({
  reservationDays: 15,
  coolingDays: 90,
  suspensionToTerminationDays: 30,
  overdueDaysToTermination: 90,
  attachmentMaxBytes: 10 * 1024 * 1024,
  timeZone: 'Asia/Shanghai',
  firstMonthBilling: 'prorated',
  renewalFloor: 'first-renewal',
});

export const OFFICE_SETTING_LABELS: Readonly<Record<keyof OfficeSettings, string>> = {
  reservationDays: '号码预占天数',
  coolingDays: '号码冷冻期天数',
  suspensionToTerminationDays: '暂停后终止天数',
  overdueDaysToTermination: '逾期终止天数',
  attachmentMaxBytes: '附件大小上限',
  timeZone: '时区',
  firstMonthBilling: '首月计费方式',
  renewalFloor: '续费下限规则',
};

/** Fills missing settings with the defaults (an office stores only what it changed). */
export function resolveOfficeSettings(partial: Partial<OfficeSettings> | undefined): OfficeSettings {
  return { ...DEFAULT_OFFICE_SETTINGS, ...(partial ?? {}) };
}
