import { z } from 'zod';
import { validateUscc, validateUsccStructure } from '../validation/uscc';
import { validateResidentId } from '../validation/residentId';
import {
  checkedString, mobileField, landlineField, entityFields, optionalText, requiredText, sha256, utcTimestamp, uuid,
} from './common';
import { zodMessage as m } from '../messages/zodMessage';

export const ATTACHMENT_KINDS = ['business_licence', 'handler_id_front', 'handler_id_back', 'other'] as const;
export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number];
export const ATTACHMENT_KIND_LABELS: Readonly<Record<AttachmentKind, string>> = {
  business_licence: '营业执照副本复印件',
  handler_id_front: '经办人身份证（人像面）',
  handler_id_back: '经办人身份证（国徽面）',
  other: '其他材料',
};

/** A scan attached to a record, content-addressed by SHA-256 (DESIGN.md §3). */
export const attachmentRefSchema = z.object({
  kind: z.enum(ATTACHMENT_KINDS, { error: m('field.invalidChoice', { label: '附件类型' }) }),
  sha256: sha256('附件校验值'),
  fileName: requiredText('附件文件名', 255),
  mimeType: requiredText('附件类型', 100),
  sizeBytes: z
    .number({ error: m('field.integer', { label: '附件大小' }) })
    .int({ error: m('field.integer', { label: '附件大小' }) })
    .positive({ error: m('attachment.empty') }),
});
export type AttachmentRef = z.infer<typeof attachmentRefSchema>;

export const REAL_NAME_STATUSES = ['pending', 'verified', 'rejected'] as const;
export type RealNameStatus = (typeof REAL_NAME_STATUSES)[number];
export const REAL_NAME_STATUS_LABELS: Readonly<Record<RealNameStatus, string>> = {
  pending: '待核验',
  verified: '已核验',
  rejected: '核验未通过',
};

const trimUpper = (s: string) => s.trim().toUpperCase();

/**
 * Registration data (400 agreement 第二条): business licence with USCC, the handler's ID card,
 * the handler's mobile and the company landline. The USCC must have the right shape; a checksum
 * failure (some pilot-era codes) needs usccOverrideReason, which only a manager may give.
 */
const customerFields = {
  name: requiredText('企业名称'),
  uscc: checkedString('统一社会信用代码', validateUsccStructure, trimUpper),
  usccOverrideReason: z.string({ error: m('field.notText', { label: '校验位放行原因' }) }).trim().max(500).nullable().default(null),
  legalRepresentative: optionalText('法定代表人', 50),
  address: requiredText('企业住所地', 300),
  landline: landlineField('企业固定电话'),
  handlerName: requiredText('经办人姓名', 50),
  handlerIdNumber: checkedString('经办人身份证号码', (s) => validateResidentId(s), trimUpper),
  handlerMobile: mobileField('经办人手机号码'),
  email: z.email({ error: m('field.email') }).nullable().default(null),
  attachments: z.array(attachmentRefSchema, { error: m('field.notList', { label: '附件列表' }) }).default([]),
  realNameStatus: z.enum(REAL_NAME_STATUSES, { error: m('field.invalidChoice', { label: '实名核验状态' }) }).default('pending'),
  verifiedAt: utcTimestamp('核验时间').nullable().default(null),
  verifiedBy: uuid('核验人').nullable().default(null),
  notes: optionalText('备注'),
};

type UsccFields = { uscc: string; usccOverrideReason: string | null };

function refineUscc(value: UsccFields, ctx: z.RefinementCtx): void {
  const check = validateUscc(value.uscc);
  if (!check.ok && validateUsccStructure(value.uscc).ok && !(value.usccOverrideReason ?? '').trim()) {
    ctx.addIssue({ code: 'custom', path: ['uscc'], message: m('uscc.checksumOverride'), params: { code: 'uscc.checksumOverride' } });
  }
}

export const customerObjectSchema = z.object({ ...entityFields, ...customerFields });
export const customerSchema = customerObjectSchema.superRefine(refineUscc);
/** A customer as a form submits it, before the store gives it id, office and timestamps. */
export const customerDraftSchema = z.object(customerFields).superRefine(refineUscc);
export type Customer = z.infer<typeof customerSchema>;
export type CustomerDraft = z.infer<typeof customerDraftSchema>;

const contactFields = {
  customerId: uuid('所属客户'),
  name: requiredText('联系人姓名', 50),
  title: optionalText('职务', 50),
  mobile: mobileField('联系人手机号码').nullable().default(null),
  landline: landlineField('联系人固定电话').nullable().default(null),
  email: z.email({ error: m('field.email') }).nullable().default(null),
  isPrimary: z.boolean({ error: m('field.boolean', { label: '是否主要联系人' }) }),
};

function refineContact(value: { mobile: string | null; landline: string | null }, ctx: z.RefinementCtx): void {
  if (!value.mobile && !value.landline) {
    ctx.addIssue({ code: 'custom', path: ['mobile'], message: m('contact.phoneRequired'), params: { code: 'contact.phoneRequired' } });
  }
}

export const contactObjectSchema = z.object({ ...entityFields, ...contactFields });
export const contactSchema = contactObjectSchema.superRefine(refineContact);
export const contactDraftSchema = z.object(contactFields).superRefine(refineContact);
export type Contact = z.infer<typeof contactSchema>;
export type ContactDraft = z.infer<typeof contactDraftSchema>;
