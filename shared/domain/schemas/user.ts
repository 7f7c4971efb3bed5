import { z } from 'zod';
import { ROLES } from '../roles/permissions';
import { entityFields, mobileField, requiredText } from './common';

/** A person of an office. The password hash lives only on the server, never in this shape. */
const userFields = {
  username: z
    .string({ error: '登录名必须是文字。' })
    .trim()
    .regex(/^[A-Za-z0-9_.-]{3,40}$/, { error: '登录名为 3–40 位字母、数字、下划线、点或连字符。' }),
  displayName: requiredText('姓名', 50),
  role: z.enum(ROLES, { error: '角色必须是业务员、经理、外勤或管理员。' }),
  mobile: mobileField('手机号码').nullable().default(null),
  active: z.boolean({ error: '是否启用必须是是或否。' }).default(true),
};
export const userSchema = z.object({ ...entityFields, ...userFields });
export const userDraftSchema = z.object(userFields);
export type User = z.infer<typeof userSchema>;
export type UserDraft = z.infer<typeof userDraftSchema>;
