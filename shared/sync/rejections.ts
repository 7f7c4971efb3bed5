import { z } from 'zod';

/**
 * Why the server refused a mutation. A rejection is permanent: it is stored with the
 * mutation, replayed on a retry, and the client's queue moves past it. The client shows
 * `message` (zh-CN) or its own translation of `code`, and reconciles by pulling.
 */
export const REJECTION_CODES = [
  'UNKNOWN_MUTATION',
  'INVALID_ARGS',
  'FORBIDDEN',
  'NOT_FOUND',
  'ALREADY_EXISTS',
  'INVALID_TRANSITION',
  'NUMBER_UNAVAILABLE',
  'POOL_EMPTY',
  'LEASE_NOT_HELD',
  'ACCOUNT_NOT_FOUND',
  'STALE_SEQ',
  'SERVER_ERROR',
] as const;
export const RejectionCodeSchema = z.enum(REJECTION_CODES);
export type RejectionCode = z.infer<typeof RejectionCodeSchema>;

export const RejectionSchema = z.object({
  code: RejectionCodeSchema,
  /** Human message, zh-CN by default, naming the field or the number. */
  message: z.string(),
  /** The same in English. */
  messageEn: z.string(),
  field: z.string().optional(),
  /** For a refused value: the domain message catalog's code and params (shared/domain/messages), to translate it. */
  messageCode: z.string().optional(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type Rejection = z.infer<typeof RejectionSchema>;

export const REJECTION_MESSAGES: Record<RejectionCode, { zh: string; en: string }> = {
  UNKNOWN_MUTATION: { zh: '服务器不认识此操作', en: 'The server does not know this operation' },
  INVALID_ARGS: { zh: '操作参数无效', en: 'Invalid operation arguments' },
  FORBIDDEN: { zh: '无权执行此操作', en: 'Not allowed for your role or office' },
  NOT_FOUND: { zh: '记录不存在', en: 'Record not found' },
  ALREADY_EXISTS: { zh: '记录已存在', en: 'Record already exists' },
  INVALID_TRANSITION: { zh: '当前状态不允许此变更', en: 'This state change is not allowed from the current state' },
  NUMBER_UNAVAILABLE: { zh: '号码已被占用或不可用', en: 'The number is taken or unavailable' },
  POOL_EMPTY: { zh: '号码池中没有可分配的号码', en: 'No number left to allocate' },
  LEASE_NOT_HELD: { zh: '该号码不在您持有的号段租约中', en: 'The number is not in a lease you hold' },
  ACCOUNT_NOT_FOUND: { zh: '账户不存在', en: 'Account not found' },
  STALE_SEQ: { zh: '操作序号已过期（之前的操作缺失）', en: 'Stale sequence number' },
  SERVER_ERROR: { zh: '服务器处理此操作时出错', en: 'The server failed to process this operation' },
};

export function rejection(code: RejectionCode, detail?: { zh?: string; en?: string; field?: string }): Rejection {
  const base = REJECTION_MESSAGES[code];
  return {
    code,
    message: detail?.zh ? `${base.zh}：${detail.zh}` : base.zh,
    messageEn: detail?.en ? `${base.en}: ${detail.en}` : base.en,
    ...(detail?.field ? { field: detail.field } : {}),
  };
}
