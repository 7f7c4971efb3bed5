import { z } from 'zod';
import { zodMessage as m } from '../messages/zodMessage';
import { ROLES } from '../roles/permissions';
import { entityFields, mobileField, requiredText } from './common';

/** A person of an office. The password hash lives only on the server, never in this shape. */
const userFields = {
  username: z
    .string({ error: m('field.notText', { label: '登录名' }) })
    .trim()
    .regex(/^[A-Za-z0-9_.-]{3,40}$/, { error: m('user.loginNameFormat') }),
  displayName: requiredText('姓名', 50),
  role: z.enum(ROLES, { error: m('user.role') }),
  mobile: mobileField('手机号码').nullable().default(null),
  active: z.boolean({ error: m('field.boolean', { label: '是否启用' }) }).default(true),
};
export const userSchema = z.object({ ...entityFields, ...userFields });
export const userDraftSchema = z.object(userFields);
export type User = z.infer<typeof userSchema>;
export type UserDraft = z.infer<typeof userDraftSchema>;
