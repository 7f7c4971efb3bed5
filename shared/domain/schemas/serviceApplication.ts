import { z } from 'zod';
import { APPLICATION_STATUSES } from '../lifecycle/applicationLifecycle';
import { count, entityFields, isoDate, optionalText, phoneField, requiredText, utcTimestamp, uuid } from './common';
import { zodMessage as m } from '../messages/zodMessage';

/** 业务需求单 (4008 contract 3.1.5): what the customer puts in writing before opening. */
export const requirementFormSchema = z.object({
  usageScope: requiredText('使用范围', 500),
  /** 接入呼叫中心的被叫电话号码 (绑定号码): where calls are forwarded. */
  destinationNumbers: z
    .array(phoneField('被叫电话号码'), { error: m('requirement.destinationList') })
    .min(1, { error: m('requirement.destinationRequired') }),
  callCentreLocation: requiredText('接入呼叫中心的地点', 300),
  business: requiredText('接入呼叫中心的业务', 500),
  technicalRequirements: optionalText('技术要求和技术方案', 2000),
  requestedOpeningDate: isoDate('要求开通时间'),
  termMonths: count('租期（月）').min(1, { error: m('requirement.termMin') }),
  contactName: requiredText('联系人', 50),
  contactPhone: phoneField('联系电话'),
});
export type RequirementForm = z.infer<typeof requirementFormSchema>;

/** 受理单: a customer's application for a number and package, with its approval flow. */
const serviceApplicationFields = {
  customerId: uuid('客户'),
  numberId: uuid('400 号码').nullable().default(null),
  packageId: uuid('套餐'),
  status: z.enum(APPLICATION_STATUSES, { error: m('field.invalidChoice', { label: '受理单状态' }) }).default('draft'),
  requirement: requirementFormSchema,
  submittedBy: uuid('提交人').nullable().default(null),
  submittedAt: utcTimestamp('提交时间').nullable().default(null),
  decidedBy: uuid('审批人').nullable().default(null),
  decidedAt: utcTimestamp('审批时间').nullable().default(null),
  /** Why it was rejected or cancelled. */
  decisionReason: optionalText('审批意见', 500),
  notes: optionalText('备注'),
};
export const serviceApplicationSchema = z.object({ ...entityFields, ...serviceApplicationFields });
export const serviceApplicationDraftSchema = z.object(serviceApplicationFields);
export type ServiceApplication = z.infer<typeof serviceApplicationSchema>;
export type ServiceApplicationDraft = z.infer<typeof serviceApplicationDraftSchema>;
