// 400用户入网服务协议 — transcribed clause by clause from shared/seeds/400-user-service-agreement.txt,
// with its annexes 400业务标准受理单 and 登记单 (the seed names them in 第八条 and at its end; their
// fields come from 第二条 and 第三条). Here the reseller (the office) is 甲方 and the customer 乙方.
//
// The seed's words are kept as they are, including its numbering, which has no 第七条 (it goes
// from 第六条 to 第八条), and the seed's fixed reseller name, which becomes the office profile's
// name ({reseller.name}).
import { z } from 'zod';
import {
  amountFigures,
  amountUppercase,
  contractNumberField,
  dateRuns,
  fen,
  hotlineCarrier,
  hotlineDisplay,
  hotlineNumber,
  isoDate,
  joinList,
  landlineField,
  mobileField,
  officeProfile,
  party,
  residentIdField,
  text,
  usccField,
} from '../fields';
import type { ContractTemplate, TemplateBlock } from '../template';

export const agreement400Schema = z
  .object({
    contractNumber: contractNumberField,
    /** 甲方: the office profile. */
    reseller: officeProfile,
    /** 乙方: the customer. */
    customer: party.default({}),
    hotlineNumber,
    contractAmountFen: fen,
    monthlyMinimumFen: fen,
    resellerSignedOn: isoDate,
    customerSignedOn: isoDate,
    /** 登记单 (第二条, 第三条). */
    registration: z
      .object({
        uscc: usccField,
        handlerName: text(50),
        handlerIdNumber: residentIdField,
        handlerMobile: mobileField,
        companyLandline: landlineField,
        licenceCopyReceived: z.boolean().optional(),
        idCopyReceived: z.boolean().optional(),
        registeredBy: text(50),
        registeredOn: isoDate,
      })
      .strict()
      .default({}),
    /** 400业务标准受理单. */
    application: z
      .object({
        destinationNumbers: z.array(z.string().trim().max(30)).max(20).optional(),
        packageName: text(50),
        tariff: text(100),
        prepaymentFen: fen,
        term: text(50),
        requestedOpenOn: isoDate,
        handledBy: text(50),
        notes: text(500),
      })
      .strict()
      .default({}),
  })
  .strict();

export type Agreement400Input = z.input<typeof agreement400Schema>;
export type Agreement400Data = z.output<typeof agreement400Schema>;

const L = (t: string, span?: number) => ({ text: t, label: true, ...(span ? { span } : {}) });
const V = (t: string, span = 1, minLines?: number) => ({ text: t, span, ...(minLines ? { minLines } : {}) });

const agreementBlocks: TemplateBlock[] = [
  { line: '诚实守信  合作共赢', align: 'center', size: 'small' },
  { title: '400用户入网服务协议' },
  { line: '编号：{contractNumber:20}', align: 'right' },
  { clause: '甲方：{reseller.name:30}', noIndent: true },
  { clause: '乙方：{customer.name:30}（这里简称客户）', noIndent: true },
  {
    clause:
      '为维护甲乙双方利益，根据《中华人民共和国合同法》及有关法律、法规的规定，甲乙双方在平等、自愿、公平、诚实守信的基础上，就400电话服务的相关事宜达成如下协议：',
  },

  { heading: '第一条：400电话服务范围', number: '第一条' },
  { clause: '甲方以合法电信运营商为合作伙伴，通过电信运营商的网络设施以及所具有的资源，为客户提供400电话服务。' },

  { heading: '第二条：入网登记', number: '第二条' },
  { clause: '客户办理入网、变更手续，应提交以下登记资料给甲方：' },
  {
    clause:
      '提供真实有效的加盖有公章的营业执照（副本）复印件、经办人有效身份证复印件（传真、邮寄、扫描传输形式均可）及经办人手机号码、企业固定电话号码。',
  },

  { heading: '第三条 用户资料', number: '第三条' },
  {
    number: '（一）',
    clause:
      '客户应保证入网登记资料真实、准确，并有义务配合核实登记资料。合同有效期内，客户登记资料如有变更，应及时通知更正。如发现客户登记资料不真实，且无法与客户取得联系或客户未及时配合更正的，甲方有权联合电信运营商暂停向客户提供400电话网络服务（以下简称停机）。',
  },
  {
    number: '（二）',
    clause:
      '用户服务密码是客户重要的个人资料，客户应妥善保管。因保管不善造成的损失，由客户自行承担，但甲方有义务协助客户或公安机关调查相关情况。',
  },

  { heading: '第四条：协议双方的权利和义务', number: '第四条' },
  { heading: '（一）乙方的权利和义务', number: '（一）', level: 2 },
  { number: '1、', clause: '客户登记办理400业务须提供真实、无误、完整的客户资料，并对客户资料的准确性、真实性承担法律责任。' },
  { number: '2、', clause: '客户的通信自由和通信秘密受国家保护。传输信息的内容和后果由用户负责。' },
  {
    number: '3、',
    clause: '客户已经详细阅读本协议，以及对本协议及用户注册使用须知已经做了详细的说明解释，如有解释分歧以本协议解释为准。',
  },
  {
    number: '4、',
    clause:
      '已办理400业务的客户不得使用400业务从事类似电话QQ，直拨、回拨等类似其他转接业务；不得利用该业务进行其他非法通信经营活动。客户如果违约，甲方以及电信企业有权停止其400业务的使用并所涉及违规的400号码账号的余额，并由该用户自行承担由此带来的一切责任。',
  },
  {
    number: '5、',
    clause:
      '客户不得利用特服号码做出违反国家民族和宗教政策的、侵害他人合法权益的信息和其他有损于社会秩序、社会治安、公共道德的内容接入。',
  },
  { number: '6、', clause: '话单的异议，应在话单产生后三个月内提出复审要求，逾期未提出的，将不再受理。' },
  { number: '7、', clause: '客户按照相应号码要求的约定按时预存交纳相应的服务费。' },
  { heading: '（二）甲方权利和义务', number: '（二）', level: 2 },
  { number: '1、', clause: '甲方应为乙方提供迅速、准确、安全、方便的服务，并依法保障乙方的通信自由和通信秘密。' },
  { number: '2、', clause: '按规定的标准收取各项费用，并有权根据中国电信资费政策而调整资费。' },
  { number: '3、', clause: '客户未按照本协议的约定交纳话费，有权联合电信企业暂停为客户提供服务。' },
  { number: '4、', clause: '甲方有义务对客户在使用400号码过程中遇到的相关问题的咨询，给予适当的解答。' },
  { number: '5、', clause: '甲方为客户提供的400通信网络质量符合电信服务标准，同时接受客户的监督。' },
  { number: '6、', clause: '若客户未办理销户手续，有权按月收取该400业务产生的所有服务费用。' },
  { number: '7、', clause: '甲方为客户提供的400电话号码为{hotlineNumber:24}。' },
  {
    number: '8、',
    clause:
      '合同金额为{contractAmount:14}元（人民币大写：{contractAmountUppercase:24}）,以后每次续费不得低于第一次续费金额.(可以大于或等于)',
  },
  {
    number: '9、',
    clause: '每月最低消费{monthlyMinimum:14}元，话费不足每月最低消费额时，按照每月最低消费额扣除，超过每月最低消费额，按正常资费收取。',
  },

  { heading: '第五条、协议的终止和解除', number: '第五条' },
  { number: '（一）', clause: '客户在交清所有费用并办理销户手续后，本协议相应停止和解除。' },
  { number: '（二）', clause: '属于下列情形之一的，电信企业可暂停向客户提供服务，甲方不负任何责任：' },
  { number: '1、', clause: '用户向甲方提供的备案用户资料被发现为不真实。暂停服务30日内仍未续费。' },
  { number: '2、', clause: '用户有其它违反法律法规或严重侵犯甲方权益的行为。并进行非法经营、从事非法活动、传播破坏非法内容。' },

  { heading: '第六条、争议解决', number: '第六条' },
  { clause: '本协议在履行过程中发生争议时，双方应本着互谅互让的原则，协商解决。如协商不成时，双方均可依法采取诉讼途径解决。' },

  // The seed has no 第七条; its numbering is kept as printed.
  { heading: '第八条、附则', number: '第八条' },
  { number: '（一）', clause: '登记单是本协议不可分割的组成部分。' },
  {
    number: '（二）',
    clause: '签订本协议后，双方经协商签订的变更协议或其他补充协议及附表，均视为本协议的附件，与本协议具备同等法律效力。',
  },
  { number: '（三）', clause: '本协议一式二份，客户、甲方各存一份，双方签字盖章后生效。' },
  { spacer: true },
  {
    signatures: {
      left: ['甲方：（盖章）', '{reseller.name:24}', '代表人：{reseller.legalRepresentative:16}', '联系方式：{reseller.contact:16}', '住所地：{reseller.address:20}', '日期：{=resellerSignedOn}'],
      right: ['乙方：（盖章）', '{customer.name:24}', '代表人：{customer.legalRepresentative:16}', '联系方式：{customer.contact:16}', '住所地（住址）：{customer.address:16}', '日期：{=customerSignedOn}'],
    },
  },
  { spacer: true },
  { clause: '附：《400业务标准受理单》一份。', noIndent: true },
];

const applicationForm: TemplateBlock[] = [
  { pageBreak: true },
  { line: '附件', align: 'left' },
  { title: '400业务标准受理单' },
  { line: '受理编号：{contractNumber:20}', align: 'right' },
  {
    columns: [18, 32, 18, 32],
    table: [
      [L('客户名称'), V('{customer.name:30}', 3)],
      [L('统一社会信用代码'), V('{registration.uscc:18}'), L('法定代表人'), V('{customer.legalRepresentative:10}')],
      [L('客户地址'), V('{customer.address:40}', 3)],
      [L('经办人'), V('{registration.handlerName:10}'), L('经办人手机'), V('{registration.handlerMobile:12}')],
      [L('企业固定电话'), V('{registration.companyLandline:12}'), L('联系方式'), V('{customer.contact:12}')],
      [L('400号码'), V('{hotlineNumber:14}'), L('号码运营商'), V('{hotlineCarrier:10}')],
      [L('绑定号码'), V('{application.destinationNumbers:40}', 3)],
      [L('套餐名称'), V('{application.packageName:14}'), L('资费标准'), V('{application.tariff:14}')],
      [L('合同金额（元）'), V('{contractAmount:12}'), L('金额大写'), V('{contractAmountUppercase:18}')],
      [L('每月最低消费（元）'), V('{monthlyMinimum:12}'), L('预存话费（元）'), V('{application.prepayment:12}')],
      [L('申请开通日期'), V('{=application.requestedOpenOn}'), L('协议期限'), V('{application.term:12}')],
      [L('备注'), V('{application.notes:40}', 3, 2)],
      [V('客户确认：以上资料真实有效，已详细阅读并同意《400用户入网服务协议》的全部条款。', 4)],
      [
        V('客户（盖章）：\n经办人签字：\n日期：{=customerSignedOn}', 2, 4),
        V('受理单位（盖章）：{reseller.name:20}\n受理人：{application.handledBy:10}\n日期：{=resellerSignedOn}', 2, 4),
      ],
    ],
  },
];

const registrationForm: TemplateBlock[] = [
  { pageBreak: true },
  { line: '附件', align: 'left' },
  { title: '400业务入网登记单' },
  { line: '协议编号：{contractNumber:20}', align: 'right' },
  {
    columns: [20, 30, 20, 30],
    table: [
      [L('客户名称'), V('{customer.name:30}', 3)],
      [L('统一社会信用代码'), V('{registration.uscc:18}'), L('法定代表人'), V('{customer.legalRepresentative:10}')],
      [L('住所地'), V('{customer.address:40}', 3)],
      [L('经办人姓名'), V('{registration.handlerName:10}'), L('经办人身份证号码'), V('{registration.handlerIdNumber:18}')],
      [L('经办人手机号码'), V('{registration.handlerMobile:12}'), L('企业固定电话'), V('{registration.companyLandline:12}')],
      [L('400号码'), V('{hotlineNumber:14}', 3)],
      [L('提交的登记资料（协议第二条）'), V('{=registration.documents}', 3, 2)],
      [
        V(
          '客户声明：客户保证以上登记资料真实、准确，并配合甲方核实；合同有效期内登记资料如有变更，将及时通知甲方更正（协议第三条）。用户服务密码由客户妥善保管。',
          4,
        ),
      ],
      [
        V('客户（盖章）：\n经办人签字：\n日期：{=customerSignedOn}', 2, 4),
        V('登记单位（盖章）：{reseller.name:20}\n登记人：{registration.registeredBy:10}\n日期：{=registration.registeredOn}', 2, 4),
      ],
    ],
  },
];

export const agreement400: ContractTemplate<typeof agreement400Schema> = {
  id: 'agreement-400',
  version: 1,
  title: '400用户入网服务协议',
  description: '400用户入网服务协议（代理商为甲方，客户为乙方），附400业务标准受理单与入网登记单',
  schema: agreement400Schema,
  blocks: [...agreementBlocks, ...applicationForm, ...registrationForm],
  headerText: (d) => `400用户入网服务协议\u3000编号：${d.contractNumber || '____________'}`,
  fields: (d) => ({
    contractNumber: d.contractNumber,
    'reseller.name': d.reseller.name,
    'reseller.legalRepresentative': d.reseller.legalRepresentative,
    'reseller.contact': d.reseller.contact,
    'reseller.address': d.reseller.address,
    'customer.name': d.customer.name,
    'customer.legalRepresentative': d.customer.legalRepresentative,
    'customer.contact': d.customer.contact,
    'customer.address': d.customer.address,
    hotlineNumber: hotlineDisplay(d.hotlineNumber),
    hotlineCarrier: hotlineCarrier(d.hotlineNumber),
    contractAmount: amountFigures(d.contractAmountFen),
    contractAmountUppercase: amountUppercase(d.contractAmountFen),
    monthlyMinimum: amountFigures(d.monthlyMinimumFen),
    resellerSignedOn: dateRuns('resellerSignedOn', d.resellerSignedOn),
    customerSignedOn: dateRuns('customerSignedOn', d.customerSignedOn),
    'registration.uscc': d.registration.uscc?.toUpperCase(),
    'registration.handlerName': d.registration.handlerName,
    'registration.handlerIdNumber': d.registration.handlerIdNumber?.toUpperCase(),
    'registration.handlerMobile': d.registration.handlerMobile,
    'registration.companyLandline': d.registration.companyLandline,
    'registration.registeredBy': d.registration.registeredBy,
    'registration.registeredOn': dateRuns('registration.registeredOn', d.registration.registeredOn),
    'registration.documents':
      `${d.registration.licenceCopyReceived ? '☑' : '☐'}加盖公章的营业执照（副本）复印件\u3000` +
      `${d.registration.idCopyReceived ? '☑' : '☐'}经办人有效身份证复印件`,
    'application.destinationNumbers': joinList(d.application.destinationNumbers),
    'application.packageName': d.application.packageName,
    'application.tariff': d.application.tariff,
    'application.prepayment': amountFigures(d.application.prepaymentFen),
    'application.requestedOpenOn': dateRuns('application.requestedOpenOn', d.application.requestedOpenOn),
    'application.term': d.application.term,
    'application.handledBy': d.application.handledBy,
    'application.notes': d.application.notes,
  }),
};
