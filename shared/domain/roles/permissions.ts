export const ROLES = ['clerk', 'manager', 'field_agent', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  clerk: '业务员',
  manager: '经理',
  field_agent: '外勤',
  admin: '管理员',
};

/**
 * Who may do what (DESIGN.md §1): clerks register customers, take applications, assign numbers
 * and record payments; managers approve, sign, override and edit packages and grades; field
 * agents sell from the numbers they hold and register customers; admins can do everything.
 */
export const PERMISSIONS = {
  'customer.register': ['clerk', 'field_agent', 'manager', 'admin'],
  'customer.edit': ['clerk', 'field_agent', 'manager', 'admin'],
  'customer.verify': ['clerk', 'manager', 'admin'],
  'application.create': ['clerk', 'field_agent', 'manager', 'admin'],
  'application.submit': ['clerk', 'field_agent', 'manager', 'admin'],
  'application.approve': ['manager', 'admin'],
  'number.reserve': ['clerk', 'field_agent', 'manager', 'admin'],
  'number.assign': ['clerk', 'field_agent', 'manager', 'admin'],
  'number.lease': ['field_agent', 'manager', 'admin'],
  'number.import': ['manager', 'admin'],
  'number.reclaim': ['manager', 'admin'],
  'payment.record': ['clerk', 'field_agent', 'manager', 'admin'],
  'payment.void': ['manager', 'admin'],
  'contract.print': ['clerk', 'manager', 'admin'],
  'contract.sign': ['manager', 'admin'],
  'account.suspend': ['manager', 'admin'],
  'account.terminate': ['manager', 'admin'],
  'account.close': ['manager', 'admin'],
  'override.uscc': ['manager', 'admin'],
  'override.renewalFloor': ['manager', 'admin'],
  'package.edit': ['manager', 'admin'],
  'gradeRule.edit': ['manager', 'admin'],
  'callRecord.import': ['clerk', 'manager', 'admin'],
  'report.view': ['manager', 'admin'],
  'settings.edit': ['manager', 'admin'],
  'user.manage': ['admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Action = keyof typeof PERMISSIONS;
export const ACTIONS = Object.keys(PERMISSIONS) as Action[];

/** Whether a role may perform an action. */
export function can(role: Role, action: Action): boolean {
  return (PERMISSIONS[action] as readonly Role[]).includes(role);
}
