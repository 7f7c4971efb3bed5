import { z } from 'zod';
import { count, entityFields, fen, isoDate, optionalText, requiredText, sha256, uuid } from './common';
import { hotlineDigitsField } from './hotlineNumber';
import { zodMessage as m } from '../messages/zodMessage';

/** The two seed documents: 400用户入网服务协议 and 4008[9]短号码接入服务合同. */
export const CONTRACT_KINDS = ['user_agreement_400', 'access_contract_4008'] as const;
export type ContractKind = (typeof CONTRACT_KINDS)[number];
export const CONTRACT_KIND_LABELS: Readonly<Record<ContractKind, string>> = {
  user_agreement_400: '400用户入网服务协议',
  access_contract_4008: '4008[9]短号码接入服务合同',
};

export const CONTRACT_STATUSES = ['draft', 'printed', 'signed', 'void'] as const;
export type ContractStatus = (typeof CONTRACT_STATUSES)[number];
export const CONTRACT_STATUS_LABELS: Readonly<Record<ContractStatus, string>> = {
  draft: '草稿',
  printed: '已打印',
  signed: '已签署',
  void: '已作废',
};

const contractFields = {
  kind: z.enum(CONTRACT_KINDS, { error: m('field.invalidChoice', { label: '合同类型' }) }),
  /** 编号 printed on the agreement. */
  contractNo: requiredText('合同编号', 50),
  customerId: uuid('客户'),
  serviceAccountId: uuid('服务账户').nullable().default(null),
  applicationId: uuid('受理单').nullable().default(null),
  hotlineDigits: hotlineDigitsField('400 号码'),
  /** 合同金额 (400 agreement 第四条(二)8). */
  amountFen: fen('合同金额'),
  /** 每月最低消费 (400 agreement 第四条(二)9). */
  monthlyMinimumFen: fen('月最低消费'),
  /** 逾期终止天数 written into 4008 contract 7.1's blank. */
  overdueDaysToTermination: count('逾期终止天数').nullable().default(null),
  status: z.enum(CONTRACT_STATUSES, { error: m('field.invalidChoice', { label: '合同状态' }) }).default('draft'),
  signedOn: isoDate('签署日期').nullable().default(null),
  /** SHA-256 of the generated document, so a printed copy can be matched to its data. */
  documentSha256: sha256('合同文件校验值').nullable().default(null),
  notes: optionalText('备注'),
};
export const contractSchema = z.object({ ...entityFields, ...contractFields });
export const contractDraftSchema = z.object(contractFields);
export type Contract = z.infer<typeof contractSchema>;
export type ContractDraft = z.infer<typeof contractDraftSchema>;
