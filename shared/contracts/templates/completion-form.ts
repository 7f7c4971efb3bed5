// 业务竣工单 — the completion form of the 4008 contract (4.2–4.4): the carrier, or the reseller on
// its behalf, hands it to the customer when the number is opened. Its opening date is the actual
// opening date from which billing starts (4.4); if the customer neither signs nor objects in
// writing within five working days of receipt, it is deemed accepted (4.3). The deemed acceptance
// date is printed when the receipt date is known and the working-day calendar covers it.
import { z } from 'zod';
import { deemedAcceptanceDate } from '../../domain/index';
import { contractNumberField, dateRuns, hotlineDisplay, hotlineNumber, isoDate, joinList, officeProfile, text } from '../fields';
import type { FieldValue, ContractTemplate, TemplateBlock } from '../template';

export const completionFormSchema = z
  .object({
    contractNumber: contractNumberField,
    customer: z.object({ name: text(100) }).strict().default({}),
    carrier: z.object({ name: text(100) }).strict().default({}),
    reseller: officeProfile,
    hotlineNumber,
    serviceType: z.string().trim().max(20).default('热线'),
    serviceFunction: z.string().trim().max(20).default('呼叫转移'),
    destinationNumbers: z.array(z.string().trim().max(30)).max(20).optional(),
    /** The actual opening date (实际开通日), from which billing starts. */
    openedOn: isoDate,
    /** The day the customer received this form (starts the five working days of 4.3). */
    deliveredOn: isoDate,
    deliveredBy: text(50),
    notes: text(500),
  })
  .strict();

export type CompletionFormInput = z.input<typeof completionFormSchema>;
export type CompletionFormData = z.output<typeof completionFormSchema>;

const L = (t: string, span?: number) => ({ text: t, label: true, ...(span ? { span } : {}) });
const V = (t: string, span = 1, minLines?: number) => ({ text: t, span, ...(minLines ? { minLines } : {}) });

const blocks: TemplateBlock[] = [
  { title: '4008业务竣工单' },
  { line: '（《4008[9]短号码接入服务合同》第4.2条）　合同编号：{contractNumber:20}', align: 'center', size: 'small' },
  {
    columns: [22, 28, 20, 30],
    table: [
      [L('客户名称（甲方）'), V('{customer.name:30}', 3)],
      [L('4008号码'), V('{hotlineNumber:14}'), L('服务/功能'), V('[{serviceType:6}]服务/[{serviceFunction:6}]功能')],
      [L('被叫号码（目的码）'), V('{destinationNumbers:40}', 3)],
      [L('开通日期（实际开通日）'), V('{=openedOn}'), L('计费起始日'), V('{=billingStartsOn}')],
      [L('交付单位'), V('{carrier.name:14}'), L('经办代理商'), V('{reseller.name:14}')],
      [L('竣工单送达日期'), V('{=deliveredOn}'), L('送达人'), V('{deliveredBy:10}')],
      [L('视为确认日期'), V('{=deemedAcceptedOn}', 3)],
      [L('备注'), V('{notes:40}', 3, 2)],
      [
        V(
          '说明：4008业务已按双方协商的开通计划开通。若甲方在收到本竣工单后五个工作日内未签字或盖章确认、也未书面提出异议的，视为乙方已按照甲方要求和国家有关电信业务规定开通4008业务，本竣工单载明的开通日期为4008业务实际开通日（合同第4.3条）；乙方自实际开通日起开始计收月通话费用、功能使用费（合同第4.4条）。',
          4,
        ),
      ],
      [V('甲方意见：☐ 确认开通　☐ 提出异议（请另附书面说明）', 4)],
      [
        V('甲方（盖章）：\n签字：\n日期：{=customerSignedOn}', 2, 4),
        V('乙方或受托下属机构（盖章）：\n经办人：\n日期：{=carrierSignedOn}', 2, 4),
      ],
    ],
  },
];

function deemed(deliveredOn: string | undefined): FieldValue {
  if (!deliveredOn) return dateRuns('deemedAcceptedOn', undefined);
  try {
    const d = deemedAcceptanceDate(deliveredOn);
    return [...dateRuns('deemedAcceptedOn', d), { kind: 'text', text: '（送达后第五个工作日）' }];
  } catch {
    // No working-day calendar for that year: leave the date to be written by hand rather than guess.
    return dateRuns('deemedAcceptedOn', undefined);
  }
}

export const completionForm: ContractTemplate<typeof completionFormSchema> = {
  id: 'completion-form',
  version: 1,
  title: '4008业务竣工单',
  description: '4008业务竣工单（合同第4.2–4.4条）：载明实际开通日；送达后五个工作日未确认也未异议视为确认',
  schema: completionFormSchema,
  blocks,
  headerText: (d) => `4008业务竣工单\u3000合同编号：${d.contractNumber || '____________'}`,
  fields: (d) => ({
    contractNumber: d.contractNumber,
    'customer.name': d.customer.name,
    'carrier.name': d.carrier.name,
    'reseller.name': d.reseller.name,
    hotlineNumber: hotlineDisplay(d.hotlineNumber),
    serviceType: d.serviceType,
    serviceFunction: d.serviceFunction,
    destinationNumbers: joinList(d.destinationNumbers),
    openedOn: dateRuns('openedOn', d.openedOn),
    billingStartsOn: dateRuns('billingStartsOn', d.openedOn),
    deliveredOn: dateRuns('deliveredOn', d.deliveredOn),
    deliveredBy: d.deliveredBy,
    deemedAcceptedOn: deemed(d.deliveredOn),
    notes: d.notes,
    customerSignedOn: dateRuns('customerSignedOn', undefined),
    carrierSignedOn: dateRuns('carrierSignedOn', undefined),
  }),
};
