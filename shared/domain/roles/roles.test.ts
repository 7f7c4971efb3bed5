import { describe, expect, it } from 'vitest';
import { ACTIONS, ROLES, can } from './permissions';
import { maskIdNumber } from '../privacy/maskIdNumber';

describe('role permissions', () => {
  it('approvals, overrides and package edits are manager and admin actions', () => {
    for (const action of ['application.approve', 'override.uscc', 'override.renewalFloor', 'package.edit', 'gradeRule.edit'] as const) {
      expect(ROLES.filter((r) => can(r, action))).toEqual(['manager', 'admin']);
    }
  });
  it('field agents sell and register', () => {
    expect(can('field_agent', 'customer.register')).toBe(true);
    expect(can('field_agent', 'number.assign')).toBe(true);
    expect(can('field_agent', 'payment.record')).toBe(true);
    expect(can('field_agent', 'contract.sign')).toBe(false);
    expect(can('clerk', 'user.manage')).toBe(false);
  });
  it('admins may do everything', () => {
    expect(ACTIONS.every((a) => can('admin', a))).toBe(true);
  });
});

describe('maskIdNumber', () => {
  it('shows the first and last four', () => {
    expect(maskIdNumber('410105199003071234')).toBe('4101**********1234');
    expect(maskIdNumber(' 11010519491231002X ')).toBe('1101**********002X');
    expect(maskIdNumber('12345678')).toBe('********');
    expect(maskIdNumber('')).toBe('');
  });
});
