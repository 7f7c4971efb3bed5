// 4008[9]短号码接入服务合同 — transcribed clause by clause from
// shared/seeds/4008-access-service-contract.txt, with its annex 业务需求单 (3.1.5 lists its contents,
// 2.2–2.3 make it part of the contract). Here the customer is 甲方 and the carrier 乙方; the
// reseller (the office) prepares the contract, so its name appears in the header and on the annex.
//
// Kept as in the seed: its numbering and wording, the 4008[ 9 ] marks and the preamble's service
// type [热线] and function [呼叫转移] (both fields, defaulting to the seed's values). Line breaks
// the seed has inside words (一站式服/务, 包括但不限/于, 损 失) are joined.
// Added: the seed ends without a signature block; a two-party sign-and-seal block is appended so
// the printed contract can be signed.
import { z } from 'zod';
import { PAYMENT_METHOD_LABELS, PAYMENT_METHODS, type PaymentMethod } from '../../domain/index';
import {
  checkMarks,
  contractNumberField,
  dateRuns,
  hotlineDisplay,
  hotlineNumber,
  isoDate,
  joinList,
  officeProfile,
  party,
  phoneField,
  text,
} from '../fields';
import type { ContractTemplate, TemplateBlock } from '../template';

/** 5.1's choices in the seed's order, keyed by the domain's payment methods. */
const PAYMENT_CHOICES: readonly (readonly [PaymentMethod, string])[] = PAYMENT_METHODS.map((m) => [m, PAYMENT_METHOD_LABELS[m]] as const);

export const access4008Schema = z
  .object({
    contractNumber: contractNumberField,
    /** 甲方: the customer. */
    customer: party.default({}),
    /** 乙方: the carrier (中国电信 and its branch). */
    carrier: party.default({}),
    /** The office that prepares the contract. */
    reseller: officeProfile,
    hotlineNumber,
    serviceType: z.string().trim().max(20).default('热线'),
    serviceFunction: z.string().trim().max(20).default('呼叫转移'),
    /** 5.1 */
    paymentMethod: z.enum(PAYMENT_METHODS, { error: `付款方式应为 ${PAYMENT_METHODS.join(' / ')} 之一` }).optional(),
    /** 7.1: overdue days after which the carrier may terminate (blank in the seed; an office setting). */
    overdueDaysToTermination: z.number().int('天数应为整数').min(1, '天数至少为 1').max(365, '天数不能超过 365').optional(),
    customerSignedOn: isoDate,
    carrierSignedOn: isoDate,
    /** 业务需求单 (3.1.5). */
    requirement: z
      .object({
        usageScope: text(200),
        destinationNumbers: z.array(z.string().trim().max(30)).max(20).optional(),
        callCentreLocation: text(200),
        callCentreBusiness: text(200),
        technicalRequirements: text(1000),
        requestedOpenOn: isoDate,
        term: text(50),
        contactName: text(50),
        contactPhone: phoneField,
      })
      .strict()
      .default({}),
  })
  .strict();

export type Access4008Input = z.input<typeof access4008Schema>;
export type Access4008Data = z.output<typeof access4008Schema>;

const L = (t: string, span?: number) => ({ text: t, label: true, ...(span ? { span } : {}) });
const V = (t: string, span = 1, minLines?: number) => ({ text: t, span, ...(minLines ? { minLines } : {}) });

const contractBlocks: TemplateBlock[] = [
  { title: '4008[9]短号码接入服务合同' },
  { clause: '甲方(盖公章)：{customer.name:30}', noIndent: true },
  { clause: '地址：{customer.address:36}', noIndent: true },
  { clause: '法定代表人/负责人：{customer.legalRepresentative:20}', noIndent: true },
  { clause: '乙方：{carrier.name:30}', noIndent: true },
  { clause: '地址：{carrier.address:36}', noIndent: true },
  { clause: '法定代表人/负责人：{carrier.legalRepresentative:20}', noIndent: true },
  { clause: '鉴于：', noIndent: true },
  {
    number: '1.',
    clause:
      '根据国家电信主管部门为乙方核发的（全国）4008 系列号码,甲方需要利用4008 号码实现[{serviceType:8}]服务，完成[{serviceFunction:8}]功能，并可实现由最终用户承担本地网通话费用，由甲方（被叫方）承担长途电话通信费用并向乙方支付。',
  },
  {
    number: '2.',
    clause:
      '乙方同意按照本合同约定的条款和条件，向甲方提供利用4008[ 9 ]号码（“{hotlineNumber:16}”）实现服务。甲乙双方本着平等互利，互相信赖，有偿使用，共同发展的原则，经友好协商达成本合同。',
  },
  { number: '3，', clause: '客户业务：甲方使用呼叫服务用于自身经营范围内用户的服务。' },

  { heading: '第一条 定义', number: '第一条' },
  {
    number: '1.1',
    clause:
      '“一码通商务热线业务”（“4008 业务”）：建立在中国电信的公众电话网（PSTN）和先进的国家智能网（IN）基础上，具有全国统一号码接入、呼叫汇聚、目的地选择、主被叫话费分摊等功能的业务。',
  },
  { number: '1.2', clause: '“功能使用费”：用户选择使用的特殊功能使用费。' },
  { number: '1.3', clause: '“通话费用”：用户呼叫时产生的，应由甲方向乙方缴纳的本地业务使用费、长途通话费。' },
  { number: '1.4', clause: '“一站式服务”：在一点完成相关的电信业务服务，如：业务咨询，受理，开通，收费以及故障受理等。' },

  { heading: '第二条 服务内容', number: '第二条' },
  { number: '2.1 ', clause: '甲方需要利用乙方4008 号码提供服务（“呼叫服务”）。具体服务范围和内容以盖有甲方公章或授权部门章。' },
  {
    number: '2.2 ',
    clause:
      '乙方开通呼叫服务后，甲方如果需要调整接入方式，在不改变使用4008 号码接入方案的前提下，甲方可根据本合同的条款和条件，向乙方书面提交新的盖有甲方公章或授权部门章的业务需求单。',
  },
  { number: '2.3 ', clause: '业务需求单为本合同的附件，受本合同的条款和条件约束。' },

  { heading: '第三条 双方权利和义务', number: '第三条' },
  { heading: '3.1 甲方权利和义务', number: '3.1', level: 2 },
  { number: '3.1.1 ', clause: '作为乙方的集团客户，享受乙方为集团客户提供的一站式服务。' },
  {
    number: '3.1.2 ',
    clause:
      '应按照国家主管部门批准的用途、国家法律法规的规定以及本合同的约定使用4008 号码，不得将4008 号码用于其他用途，也不得以转租、转让、转售等任何方式提供给第三方使用。',
  },
  { number: '3.1.3 ', clause: '甲方应保证有关通信设备全部符合国家主管部门规定的质量标准和技术要求，并取得进网许可证。' },
  { number: '3.1.4 ', clause: '甲方应按时足额缴纳本合同约定的费用。' },
  {
    number: '3.1.5',
    clause:
      '应以书面形式向乙方提供利用4008 号码实现呼叫服务开通的使用范围、接入呼叫中心的被叫电话号码、接入呼叫中心的地点、接入呼叫中心的业务、技术要求和技术方案、要求开通时间、租期、联系人、联系电话等信息。',
  },
  { number: '3.1.6 ', clause: '应派专人负责做好入网的各项准备和配合工作，包括但不限于：' },
  { number: '（1）', clause: '入网前期的组织、协调工作。', level: 1 },
  { number: '（2）', clause: '无偿提供机房，并做好接入设备及机房内安装场地的准备。', level: 1 },
  { number: '（3）', clause: '保证相关机构、人员、物业等入网各方配合乙方的进网调测工作。', level: 1 },
  { number: '（4）', clause: '调配和预留所在建筑物内配线室至机房的通信线路。', level: 1 },
  { number: '3.1.7 ', clause: '应承担因甲方原因造成的呼叫服务迟延提供的责任，该情况将视为呼叫服务已按时开通。' },
  { heading: '3.2 乙方权利和义务', number: '3.2', level: 2 },
  {
    number: '3.2.1 ',
    clause:
      '视甲方为乙方的全国集团客户，提供端到端的综合性服务，并为甲方提供4008 呼叫服务业务的咨询、组网建议、业务受理、开通、收费及故障申告等一站式服务。',
  },
  { number: '3.2.2 ', clause: '应设专人负责协调处理甲方在接入和使用4008 呼叫服务业务过程中出现的网络技术故障等工作。' },
  { number: '3.2.3 ', clause: '在4008 业务开通后，乙方或乙方下属机构应向甲方进行开通交付。' },

  { heading: '第四条 4008 业务的开通', number: '第四条' },
  { number: '4.1 ', clause: '4008 业务开通是指乙方根据双方共同协商的业务开通计划进度实现数据的开放和测试。' },
  { number: '4.2 ', clause: '4008 业务开通后，乙方或委托乙方下属机构向甲方提供业务竣工单。' },
  {
    number: '4.3 ',
    clause:
      '若甲方在收到乙方业务竣工单后五个工作日内未签字或盖章确认、也未书面提出异议的，视为乙方已按照甲方要求和国家有关电信业务规定开通4008 业务,业务竣工单载明的开通日期为4008 业务实际开通日。',
  },
  { number: '4.4 ', clause: '乙方自实际开通日起开始计收月通话费用、功能使用费。' },

  { heading: '第五条 费用及支付', number: '第五条' },
  { number: '5.1 ', clause: '甲方应当采用（{=paymentMethods}）的方式进行付费。' },

  { heading: '第六条 保密', number: '第六条' },
  {
    number: '6.1 ',
    clause:
      '未经对方书面许可，任何一方不得向第三方提供或披露因本合同的签订和履行而得知的与对方业务有关的资料和信息，法律另有规定或本合同另有约定的除外。乙方向其关联公司提供或披露与甲方业务有关的资料和信息的，不受此限。',
  },

  { heading: '第七条 违约责任', number: '第七条' },
  {
    number: '7.1 ',
    clause:
      '如甲方逾期付费，除向乙方补交欠费之外，每逾期一日应按照所欠金额的千分之三（3‰）支付违约金。逾期付费累计超过[{overdueDaysToTermination:6}]日的，乙方有权终止本合同，甲方仍应承担上述违约责任。',
  },
  {
    number: '7.2 ',
    clause: '甲方未按本合同第3.1.3 条约定使用4008 号码的，乙方有权终止本合同，追究甲方违约责任。甲方并应赔偿由此对乙方造成的一切损失。',
  },
  {
    number: '7.3 ',
    clause: '本合同终止或解除后，乙方将无偿收回4008 号码，并在一定期限后重新分配。由此对甲方造成影响和损失的，由甲方自行承担。',
  },
  {
    number: '7.4 ',
    clause:
      '无论本合同其他条款是否有相反约定，乙方对甲方因本合同项下行为而导致的可得利益损失、商业信誉损失以及数据丢失或损坏等其他损失不承担责任。',
  },

  { heading: '第八条 不可抗力及免责', number: '第八条' },
  {
    number: '8.1 ',
    clause:
      '如由于战争、骚乱、恐怖主义、自然灾害、国家法律法规或规章变动、网络安全、网络无法覆盖、停电、通信线路被人为破坏，导致甲乙双方或一方不能履行或不能完全履行本合同项下有关义务时，受影响方不承担违约责任，但应于该等情形发生后十五日内将情况书面告知对方，并提供有关部门的证明。在影响消除后的合理时间内，一方或双方应当继续履行合同。如由此导致合同不能或者没有必要继续履行的，本合同可由乙方解除。',
  },
  { number: '8.2 ', clause: '如政府管理部门提出要求的，乙方将暂停或终止提供相应服务，且不承担任何责任。' },
  {
    number: '8.3 ',
    clause:
      '甲乙双方因履行本合同或与本合同有关的一切通知都必须按照本合同中的地址，以书面信函形式或双方确认的传真或类似的通讯方式进行。采用信函形式的应使用挂号信或者具有良好信誉的特快专递送达。如使用传真或类似的通讯方式，通知日期即为通讯发出日期，如使用挂号信件或特快专递，通知日期即为邮件寄出日期并以邮戳为准。',
  },

  { heading: '第九条 信息安全重要条款', number: '第九条' },
  { number: '9.1 ', clause: '本公司应采取有效技术措施，防止黑客攻击、盗用密码、非法调用页面等危害增值业务信息安全的非法行为。' },
  {
    number: '9.2 ',
    clause: '本公司应保证业务质量稳定，尤其在重要时期的信息安全和业务质量，保证联络渠道的7×24小时畅通，并有义务在用户开通该项服务时向用户声明免责条款。',
  },
  {
    number: '9.3 ',
    clause:
      '本公司应规范市场经营行为，不得影响或干扰正常的电信市场经营秩序，应严格遵守《中华人民共和国电信条例》、《互联网信息服务管理办法》等国家通信政策、法律法规、规章及通信行业管理的各项规定，不得利用400业务传播非法内容或泄露国家机密。',
  },
  {
    number: '9.4 ',
    clause:
      '本公司负责所发展用户的安全性，并接受电信主管部门的行业管理和监督检查，如用户进行非法使用（如诈骗等），有义务协助电信、国家主管部门、执法机关进行核查，在承担相应法律责任的同时接受相应处罚。',
  },
  { spacer: true },
  // Added (the seed has no signature block).
  {
    signatures: {
      left: ['甲方（盖公章）：', '{customer.name:24}', '法定代表人/负责人或授权代表：', '{customer.signatory:16}', '日期：{=customerSignedOn}'],
      right: ['乙方（盖章）：', '{carrier.name:24}', '法定代表人/负责人或授权代表：', '{carrier.signatory:16}', '日期：{=carrierSignedOn}'],
    },
  },
  { spacer: true },
  { clause: '附件：业务需求单', noIndent: true },
];

const requirementForm: TemplateBlock[] = [
  { pageBreak: true },
  { line: '附件', align: 'left' },
  { title: '4008业务需求单' },
  { line: '（《4008[9]短号码接入服务合同》附件，合同编号：{contractNumber:20}）', align: 'center', size: 'small' },
  {
    columns: [22, 28, 20, 30],
    table: [
      [L('客户名称（甲方）'), V('{customer.name:30}', 3)],
      [L('4008号码'), V('{hotlineNumber:14}'), L('服务/功能'), V('[{serviceType:6}]服务/[{serviceFunction:6}]功能')],
      [L('使用范围'), V('{requirement.usageScope:40}', 3)],
      [L('接入呼叫中心的被叫电话号码'), V('{requirement.destinationNumbers:40}', 3)],
      [L('接入呼叫中心的地点'), V('{requirement.callCentreLocation:40}', 3)],
      [L('接入呼叫中心的业务'), V('{requirement.callCentreBusiness:40}', 3)],
      [L('技术要求和技术方案'), V('{requirement.technicalRequirements:40}', 3, 3)],
      [L('要求开通时间'), V('{=requirement.requestedOpenOn}'), L('租期'), V('{requirement.term:12}')],
      [L('联系人'), V('{requirement.contactName:10}'), L('联系电话'), V('{requirement.contactPhone:12}')],
      [L('经办代理商'), V('{reseller.name:20}'), L('代理商联系电话'), V('{reseller.contact:12}')],
      [
        V('甲方（盖公章或授权部门章）：\n\n日期：{=customerSignedOn}', 2, 4),
        V('乙方受理（盖章）：\n\n日期：{=carrierSignedOn}', 2, 4),
      ],
    ],
  },
];

export const access4008: ContractTemplate<typeof access4008Schema> = {
  id: 'access-4008',
  version: 1,
  title: '4008[9]短号码接入服务合同',
  description: '4008[9]短号码接入服务合同（客户为甲方，运营商为乙方，由代理商经办），附业务需求单',
  schema: access4008Schema,
  blocks: [...contractBlocks, ...requirementForm],
  headerText: (d) => `4008[9]短号码接入服务合同\u3000合同编号：${d.contractNumber || '____________'}\u3000经办：${d.reseller.name}`,
  fields: (d) => ({
    contractNumber: d.contractNumber,
    'customer.name': d.customer.name,
    'customer.address': d.customer.address,
    'customer.legalRepresentative': d.customer.legalRepresentative,
    'customer.signatory': d.customer.legalRepresentative,
    'carrier.name': d.carrier.name,
    'carrier.address': d.carrier.address,
    'carrier.legalRepresentative': d.carrier.legalRepresentative,
    'carrier.signatory': d.carrier.legalRepresentative,
    'reseller.name': d.reseller.name,
    'reseller.contact': d.reseller.contact,
    serviceType: d.serviceType,
    serviceFunction: d.serviceFunction,
    hotlineNumber: hotlineDisplay(d.hotlineNumber),
    paymentMethods: checkMarks(PAYMENT_CHOICES, d.paymentMethod),
    overdueDaysToTermination: d.overdueDaysToTermination === undefined ? undefined : ` ${d.overdueDaysToTermination} `,
    customerSignedOn: dateRuns('customerSignedOn', d.customerSignedOn),
    carrierSignedOn: dateRuns('carrierSignedOn', d.carrierSignedOn),
    'requirement.usageScope': d.requirement.usageScope,
    'requirement.destinationNumbers': joinList(d.requirement.destinationNumbers),
    'requirement.callCentreLocation': d.requirement.callCentreLocation,
    'requirement.callCentreBusiness': d.requirement.callCentreBusiness,
    'requirement.technicalRequirements': d.requirement.technicalRequirements,
    'requirement.requestedOpenOn': dateRuns('requirement.requestedOpenOn', d.requirement.requestedOpenOn),
    'requirement.term': d.requirement.term,
    'requirement.contactName': d.requirement.contactName,
    'requirement.contactPhone': d.requirement.contactPhone,
  }),
};
