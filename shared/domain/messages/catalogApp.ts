import type { MessageTemplates } from './catalog';

/**
 * Messages of the app's repositories (renderer/src/data): permissions, records not found, and the
 * refusals of each area. Same rules as catalog.ts: `{name}` placeholders, the same in both
 * languages; params named label/role/status/action/kind/carrier are zh-CN terms translated with
 * the message (labels.ts). The zh-CN texts are the sentences the app showed before they had codes.
 */
export const APP_MESSAGES = {
  // Pieces: a term translated on its own, and short lists of terms
  term: { 'zh-CN': '{term}', en: '{term}' },
  'list.and': { 'zh-CN': '{term1}和{term2}', en: '{term1} and {term2}' },
  'list.enum': { 'zh-CN': '{term1}、{term2}', en: '{term1}, {term2}' },

  // Who may do what
  'access.chooseUser': { 'zh-CN': '请先选择当前用户，再{action}。', en: 'Choose the current user before you {action}.' },
  'access.denied': {
    'zh-CN': '当前用户「{name}」（{role}）无权{action}。',
    en: 'The current user “{name}” ({role}) may not {action}.',
  },
  'access.deniedAskManager': {
    'zh-CN': '当前用户「{name}」（{role}）无权{action}，请经理办理。',
    en: 'The current user “{name}” ({role}) may not {action}; a manager must do it.',
  },
  'access.managerOnly': { 'zh-CN': '只有经理可以{action}。', en: 'Only a manager may {action}.' },
  'access.userGone': { 'zh-CN': '所选用户不存在或已停用。', en: 'The chosen user does not exist or has been deactivated.' },
  'access.loginDecides': {
    'zh-CN': '本机已登录同步服务器，当前用户由登录决定；换人请退出后用自己的账号登录。',
    en: 'This device is logged in to the sync server, so the login decides who the current user is; to change, log out and log in with your own account.',
  },

  // Records not found
  'notFound.account': { 'zh-CN': '账户不存在。', en: 'The account does not exist.' },
  'notFound.changeAccount': { 'zh-CN': '变更需求单所属的账户不存在。', en: 'The account of this change form does not exist.' },
  'notFound.customer': { 'zh-CN': '客户不存在或已删除。', en: 'The customer does not exist or has been deleted.' },
  'notFound.package': { 'zh-CN': '套餐不存在或已删除。', en: 'The package does not exist or has been deleted.' },
  'notFound.user': { 'zh-CN': '用户不存在。', en: 'The user does not exist.' },
  'notFound.application': { 'zh-CN': '受理单不存在。', en: 'The application does not exist.' },
  'notFound.contract': { 'zh-CN': '合同不存在。', en: 'The contract does not exist.' },
  'notFound.number': { 'zh-CN': '号码 {digits} 不在号码池中。', en: 'Number {digits} is not in the pool.' },

  // Form fields: "{label}：…" names the field as the form shows it
  'form.required': { 'zh-CN': '{label}：必填。', en: '{label}: required.' },
  'form.tooLong': { 'zh-CN': '{label}：不能超过 {max} 个字。', en: '{label}: at most {max} characters.' },
  'form.date': { 'zh-CN': '{label}：请填写有效日期（YYYY-MM-DD）。', en: '{label}: enter a real date (YYYY-MM-DD).' },
  'form.notAfterToday': { 'zh-CN': '{label}：不能晚于今天。', en: '{label}: may not be after today.' },
  'form.reasonMin': {
    'zh-CN': '{label}：请写明原因，至少 {min} 个字。',
    en: '{label}: give the reason in at least {min} characters.',
  },
  'form.chooseCustomer': { 'zh-CN': '{label}：请选择一个已登记的客户。', en: '{label}: choose a registered customer.' },
  'form.onlyScans': {
    'zh-CN': '{label}：只接受 JPEG、PNG 或 PDF 文件，「{file}」不是。',
    en: '{label}: only JPEG, PNG or PDF files are accepted; “{file}” is none of them.',
  },

  // Offline unlock (a login saved on this device)
  'auth.noSavedLogin': {
    'zh-CN': '本机没有保存的登录，请联网登录一次。',
    en: 'This device has no saved login; log in once while online.',
  },
  'auth.wrongPassword': { 'zh-CN': '用户名或密码错误。', en: 'Wrong username or password.' },

  // Sync conflicts
  'conflict.notFound': { 'zh-CN': '冲突记录不存在。', en: 'The conflict record does not exist.' },
  'conflict.resolved': { 'zh-CN': '该冲突已处理。', en: 'This conflict has already been resolved.' },
  'conflict.valueRequired': { 'zh-CN': '请填写要保留的值。', en: 'Enter the value to keep.' },

  // Customers and their scans
  'customer.usccTaken': {
    'zh-CN': '统一社会信用代码已登记为客户「{name}」，请勿重复登记。',
    en: 'This unified social credit code (USCC) is already registered for customer “{name}”; do not register it twice.',
  },
  'customer.changedMeanwhile': {
    'zh-CN': '这位客户的资料刚被别人修改过，请重新打开后再改。',
    en: 'Someone else has just changed this customer; open it again and then make your change.',
  },
  'customer.verifyNeedsScans': {
    'zh-CN': '实名核验：请先上传{kinds}的扫描件。',
    en: 'Real-name verification: first upload the scan of {kinds}.',
  },
  'attachment.kindInvalid': { 'zh-CN': '附件类型无效。', en: 'The attachment type is not valid.' },
  'attachment.emptyFile': { 'zh-CN': '附件（{kind}）：文件是空的。', en: 'Attachment ({kind}): the file is empty.' },
  'attachment.tooLarge': {
    'zh-CN': '附件（{kind}）：文件 {size}，超过上限 {limit}。',
    en: 'Attachment ({kind}): the file has {size}, more than the limit of {limit}.',
  },
  'attachment.notScan': {
    'zh-CN': '附件（{kind}）：只接受 JPEG、PNG 或 PDF 文件，「{file}」不是。',
    en: 'Attachment ({kind}): only JPEG, PNG or PDF files are accepted; “{file}” is none of them.',
  },
  'attachment.typeMismatch': {
    'zh-CN': '附件（{kind}）：「{file}」的内容是 {actual}，与文件类型 {declared} 不符。',
    en: 'Attachment ({kind}): the content of “{file}” is {actual}, not the declared type {declared}.',
  },
  'attachment.invalid': { 'zh-CN': '附件（{kind}）：{message}', en: 'Attachment ({kind}): {message}' },

  // Users
  'user.roleChoice': { 'zh-CN': '角色：请选择文员、经理、外勤或管理员。', en: 'Role: choose clerk, manager, field agent or admin.' },
  'user.lastAdmin': { 'zh-CN': '角色：至少要保留一名在用的管理员。', en: 'Role: at least one active admin must remain.' },

  // Packages and grades
  'package.featureRow': { 'zh-CN': '功能费第 {row} 行：{message}', en: 'Feature fee row {row}: {message}' },
  'package.featureDuplicate': { 'zh-CN': '功能费第 {row} 行：“{name}”重复。', en: 'Feature fee row {row}: “{name}” appears twice.' },
  'package.nameTaken': { 'zh-CN': '套餐名称：“{name}”已存在。', en: 'Package name: “{name}” already exists.' },
  'grade.row': { 'zh-CN': '第 {row} 条等级：{message}', en: 'Grade {row}: {message}' },
  'grade.duplicate': {
    'zh-CN': '第 {row} 条等级：名称“{name}”与第 {first} 条重复。',
    en: 'Grade {row}: the name “{name}” is the same as grade {first}.',
  },
  'grade.none': { 'zh-CN': '至少需要一条等级规则。', en: 'At least one grade rule is needed.' },

  // The number pool
  'number.refused': { 'zh-CN': '号码 {digits}：{message}', en: 'Number {digits}: {message}' },
  'number.rowDuplicate': { 'zh-CN': '与第 {row} 行重复（{display}）。', en: 'Same as row {row} ({display}).' },
  'number.inPool': { 'zh-CN': '{display} 已在号码池中。', en: '{display} is already in the pool.' },
  'number.fileEmpty': { 'zh-CN': '文件中没有号码。', en: 'The file has no numbers.' },
  'number.rangeEmpty': { 'zh-CN': '号段为空。', en: 'The range is empty.' },
  'number.tooMany': {
    'zh-CN': '一次最多导入 {max} 个号码，这次有 {count} 个，请分批导入。',
    en: 'At most {max} numbers can be imported at once; this has {count}. Import them in parts.',
  },
  'number.fileRefused': {
    'zh-CN': '有 {count} 行有问题，整个文件都没有导入。请改正后重新导入。',
    en: '{count} rows have problems, so nothing of the file was imported. Correct them and import again.',
  },
  'number.rangeRefused': {
    'zh-CN': '有 {count} 行有问题，整个号段都没有导入。请改正后重新导入。',
    en: '{count} rows have problems, so nothing of the range was imported. Correct them and import again.',
  },
  'number.rangeFrom': { 'zh-CN': '起始号码：{message}', en: 'First number: {message}' },
  'number.rangeTo': { 'zh-CN': '结束号码：{message}', en: 'Last number: {message}' },
  'number.rangeBackwards': { 'zh-CN': '结束号码：不能小于起始号码。', en: 'Last number: may not be below the first number.' },
  'number.rangeTooLarge': {
    'zh-CN': '结束号码：一次最多添加 {max} 个号码，这个号段有 {count} 个。',
    en: 'Last number: at most {max} numbers can be added at once; this range has {count}.',
  },
  'number.rangeSegments': { 'zh-CN': '结束号码：起止号码须在同一号段。', en: 'Last number: both numbers must be in the same prefix.' },
  'number.holdDays': { 'zh-CN': '预占天数：须为 1 到 365 之间的整数。', en: 'Days to reserve: a whole number from 1 to 365.' },
  'number.notReservedForCustomer': {
    'zh-CN': '400 号码：{digits} 没有为这个客户预占（可能已过期释放），请重新选号预占。',
    en: '400 number: {digits} is not reserved for this customer (the reservation may have expired); pick and reserve a number again.',
  },

  // Service accounts
  'account.refused': { 'zh-CN': '账户 {no}：{message}', en: 'Account {no}: {message}' },
  'account.transferState': {
    'zh-CN': '账户 {no}：当前状态为“{status}”，只有在用或暂停的账户可以过户。',
    en: 'Account {no}: its state is “{status}”; only an active or suspended account can be transferred.',
  },
  'account.transferIncomplete': {
    'zh-CN': '新客户“{name}”的实名资料不完整或有误，请先补全：{message}',
    en: 'The real-name data of the new customer “{name}” is incomplete or wrong; complete it first: {message}',
  },
  'account.transferRejected': {
    'zh-CN': '新客户“{name}”实名核验未通过，不能过户。',
    en: 'The new customer “{name}” failed real-name verification; the account cannot be transferred to them.',
  },
  'account.transferUnverified': {
    'zh-CN': '新客户“{name}”尚未实名核验，且缺少{kinds}扫描件，不能过户。',
    en: 'The new customer “{name}” is not verified yet and the scan of {kinds} is missing; the account cannot be transferred.',
  },
  'account.transferSame': { 'zh-CN': '新客户：与现客户相同。', en: 'New customer: the same as the current customer.' },
  'account.changeOnlyLive': {
    'zh-CN': '账户：只有在用或暂停的服务才能提交变更需求单。',
    en: 'Account: only an active or suspended service can have a change form.',
  },
} as const satisfies Record<string, MessageTemplates>;
