import type { MessageTemplates } from './catalog';

/** Messages of the applications (受理单) and contracts repositories; rules as in catalogApp.ts. */
export const SERVICE_MESSAGES = {
  // Applications (受理单 / 业务需求单)
  'application.refused': { 'zh-CN': '受理单 {no}：{message}', en: 'Application {no}: {message}' },
  'application.numberNotInPool': { 'zh-CN': '400 号码：{digits} 不在号码池中。', en: '400 number: {digits} is not in the pool.' },
  'application.numberNotAccounts': {
    'zh-CN': '400 号码：变更需求单只能针对该账户的号码。',
    en: '400 number: a change form can only be for the number of its account.',
  },
  'application.numberNotReserved': {
    'zh-CN': '400 号码：{digits} 没有为这个客户预占，请先在选号中预占。',
    en: '400 number: {digits} is not reserved for this customer; reserve it in the number picker first.',
  },
  'application.numberRequired': {
    'zh-CN': '400 号码：提交前请选择一个为该客户预占的号码。',
    en: '400 number: before submitting, choose a number reserved for this customer.',
  },
  'application.numberMissing': {
    'zh-CN': '400 号码：受理单没有号码，不能开通。',
    en: '400 number: the application has no number, so it cannot be opened.',
  },
  'application.packageGone': { 'zh-CN': '套餐：所选套餐不存在。', en: 'Package: the chosen package does not exist.' },
  'application.packageRetired': {
    'zh-CN': '套餐：“{name}”已停用，请选择其他套餐。',
    en: 'Package: “{name}” is no longer offered; choose another package.',
  },
  'application.packageRequired': { 'zh-CN': '套餐：提交前请选择套餐。', en: 'Package: choose a package before submitting.' },
  'application.featuresUnknown': {
    'zh-CN': '功能：套餐“{name}”不含 {features}。',
    en: 'Features: package “{name}” does not include {features}.',
  },
  'application.onlyDraftEditable': {
    'zh-CN': '受理单状态为“{status}”，只有草稿可以修改。',
    en: 'The application is “{status}”; only a draft can be changed.',
  },
  'application.openedAfterReceived': {
    'zh-CN': '竣工单上的开通日期：不能晚于收到竣工单的日期。',
    en: 'Opening date on the completion notice: may not be after the day the notice was received.',
  },
  'application.receivedAfterToday': {
    'zh-CN': '竣工单收到日期：不能晚于今天（{today}）。',
    en: 'Completion notice received on: may not be after today ({today}).',
  },
  'application.receivedBeforeSent': {
    'zh-CN': '竣工单收到日期：不能早于报送运营商的日期 {sentOn}。',
    en: 'Completion notice received on: may not be before the day it was sent to the carrier ({sentOn}).',
  },
  'application.deemedTooEarly': {
    'zh-CN': '验收方式：客户可在 {lastDay}（收到竣工单后第 5 个工作日）之前签字或提出异议，之后才视为验收（合同 4.3）。',
    en: 'Acceptance: the customer may sign or object until {lastDay} (the 5th working day after the completion notice); only after that is the service deemed accepted (contract 4.3).',
  },

  // Contracts
  'contract.field': { 'zh-CN': '合同（{term}）{label}：{message}', en: 'Contract ({term}) {label}: {message}' },
  'contract.notApproved': {
    'zh-CN': '受理单 {no}：尚未批准，不能生成合同。',
    en: 'Application {no}: not approved yet, so no contract can be made from it.',
  },
  'contract.noOfficeProfile': {
    'zh-CN': '本单位资料：请先在“设置”中填写本单位名称、地址、合同编号前缀等，再生成合同。',
    en: 'Office profile: first enter the office name, address, contract number prefix and so on under Settings, then make the contract.',
  },
  'contract.customerGone': { 'zh-CN': '受理单 {no}：客户不存在。', en: 'Application {no}: the customer does not exist.' },
  'contract.templateUnknown': { 'zh-CN': '合同模板 {template} 不存在。', en: 'There is no contract template {template}.' },
  'contract.finalised': { 'zh-CN': '合同 {number}：{status}，内容已定稿，不能再更新。', en: 'Contract {number}: already {status}; its content is final and cannot change.' },
  'contract.finalisedNow': { 'zh-CN': '合同 {number}：内容已定稿，不能再更新。', en: 'Contract {number}: its content is final and cannot change.' },
  'contract.voidNoPrint': { 'zh-CN': '合同 {number}：已作废，不能再打印。', en: 'Contract {number}: void, so it cannot be printed again.' },
  'contract.signerRequired': { 'zh-CN': '签署人：请填写客户一方的签署人。', en: "Customer's signatory: enter who signed for the customer." },
  'contract.signedCopyRequired': {
    'zh-CN': '签署扫描件：请附上已签署合同的扫描件（JPEG、PNG 或 PDF）。',
    en: 'Signed scan: attach the scan of the signed contract (JPEG, PNG or PDF).',
  },
  'contract.signedCopyTooLarge': { 'zh-CN': '签署扫描件：文件超过上限 {mb} MB。', en: 'Signed scan: the file is larger than the limit of {mb} MB.' },
  'contract.printFirst': { 'zh-CN': '合同 {number}：请先打印（定稿）再登记签署。', en: 'Contract {number}: print it (making it final) before recording the signature.' },
  'contract.cannotSign': { 'zh-CN': '合同 {number}：{status}，不能签署。', en: 'Contract {number}: {status}, so it cannot be signed.' },
  'contract.changedMeanwhile': { 'zh-CN': '合同状态已改变，请刷新后重试。', en: "The contract's status has changed; refresh and try again." },
  'contract.voidReasonRequired': { 'zh-CN': '作废原因：请填写作废原因。', en: 'Reason for voiding: enter why the contract is void.' },
  'contract.alreadyVoid': { 'zh-CN': '合同 {number}：已作废。', en: 'Contract {number}: already void.' },
  'contract.badServerNumber': {
    'zh-CN': '合同编号：服务器编号“{number}”格式不对。',
    en: "Contract number: the server's number “{number}” is not in the right form.",
  },
  'contract.badPrefix': {
    'zh-CN': '合同编号：{message}。请在“设置 → 本单位资料”中检查合同编号前缀。',
    en: 'Contract number: {message}. Check the contract number prefix under Settings → Office profile.',
  },
  'contract.void': { 'zh-CN': '合同已作废。', en: 'The contract is void.' },
  'contract.batchCancelled': { 'zh-CN': '已取消批量导出。', en: 'The batch export was cancelled.' },
} as const satisfies Record<string, MessageTemplates>;
