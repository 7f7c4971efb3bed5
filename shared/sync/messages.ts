import { z } from 'zod';
import { RecordDataSchema, RecordIdSchema, SyncEntitySchema } from './entities';
import { RejectionSchema } from './rejections';
import { UserRoleSchema } from './roles';

export const ClientIdSchema = z.string().min(8).max(64).regex(/^[A-Za-z0-9_-]+$/, 'clientId: letters, digits, "-" and "_"');
export const OfficeIdSchema = z.uuid();

// ------------------------------------------------------------------ push

/** One outbox entry as the client stores it (same Dexie transaction as the local write). */
export const MutationSchema = z.object({
  /** strictly increasing per clientId; the queue is pushed in seq order */
  seq: z.number().int().positive(),
  mutationId: z.uuid(),
  /** the office the mutation writes to (a user may belong to several) */
  officeId: OfficeIdSchema,
  name: z.string().min(1).max(64),
  /** validated per name on the server; invalid args are a permanent rejection, not a 400 */
  args: z.unknown(),
  /** for edits: the record version the client's change was made against (0 / absent: none seen) */
  baseVersion: z.number().int().nonnegative().optional(),
});
export type Mutation = z.infer<typeof MutationSchema>;

export const PushRequestSchema = z.object({
  clientId: ClientIdSchema,
  protocolVersion: z.number().int(),
  mutations: z.array(MutationSchema).min(1).max(500),
});
export type PushRequest = z.infer<typeof PushRequestSchema>;

export const MutationResultSchema = z.object({
  seq: z.number().int(),
  mutationId: z.string(),
  /** applied: done; conflict: applied except the listed fields, kept for a person; rejected: nothing done */
  status: z.enum(['applied', 'conflict', 'rejected']),
  /** command output, e.g. { number } for an allocation, { leaseId, numbers, expiresAt } for a lease */
  result: z.unknown().optional(),
  reason: RejectionSchema.optional(),
  /** ids of the conflict records created (entity "conflict") */
  conflicts: z.array(z.string()).optional(),
  /** true when this answer is the stored result of an earlier push of the same mutation */
  replayed: z.boolean(),
});
export type MutationResult = z.infer<typeof MutationResultSchema>;

export const PushResponseSchema = z.object({
  results: z.array(MutationResultSchema),
  /** highest seq the server has processed for this client: drop outbox entries up to it */
  lastSeq: z.number().int().nonnegative(),
  /** set when the server stopped early on a transient error: retry the rest after this delay */
  retryAfterMs: z.number().int().optional(),
});
export type PushResponse = z.infer<typeof PushResponseSchema>;

// ------------------------------------------------------------------ pull

/**
 * Per office: the last change sequence the client has applied. Opaque to the client beyond
 * "store it with the page in the same local transaction and send it back".
 */
export const PullCursorSchema = z.record(z.string(), z.number().int().nonnegative());
export type PullCursor = z.infer<typeof PullCursorSchema>;

export const PullRequestSchema = z.object({
  clientId: ClientIdSchema,
  protocolVersion: z.number().int(),
  cursor: PullCursorSchema.default({}),
  limit: z.number().int().min(1).max(5000).default(1000),
});
export type PullRequest = z.input<typeof PullRequestSchema>;

export const ChangeSchema = z.object({
  officeId: z.string(),
  entity: SyncEntitySchema,
  id: z.string(),
  /** the record's version = the change sequence of its last write (send it back as baseVersion) */
  version: z.number().int(),
  deleted: z.boolean(),
  /** null for a tombstone */
  data: RecordDataSchema.nullable(),
});
export type Change = z.infer<typeof ChangeSchema>;

export const PullResponseSchema = z.object({
  changes: z.array(ChangeSchema),
  cursor: PullCursorSchema,
  hasMore: z.boolean(),
  /** server clock, for display only ("last synced"); never used to order anything */
  serverTime: z.string(),
});
export type PullResponse = z.infer<typeof PullResponseSchema>;

// ------------------------------------------------------------------ auth

export const LoginRequestSchema = z.object({
  username: z.string().min(1).max(64),
  password: z.string().min(1).max(256),
});

export const OfficeSummarySchema = z.object({ id: z.string(), name: z.string(), prefix: z.string() });
export const SessionUserSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: UserRoleSchema,
  offices: z.array(OfficeSummarySchema),
});
export type SessionUser = z.infer<typeof SessionUserSchema>;

/**
 * Parameters for the LOCAL offline verifier. The client derives
 * PBKDF2-SHA-256(password, salt, iterations) → 32 bytes with WebCrypto right after an online
 * login succeeds and stores only that hash with the cached session; to open offline it derives
 * again from the typed password and compares. The server never sees or stores this value and
 * the password itself is never stored on the device.
 */
export const OfflineVerifierParamsSchema = z.object({
  algorithm: z.literal('PBKDF2-SHA-256'),
  /** base64, per user, different from the server's password salt */
  salt: z.string(),
  iterations: z.number().int().positive(),
  keyLength: z.literal(32),
});
export type OfflineVerifierParams = z.infer<typeof OfflineVerifierParamsSchema>;

export const SessionSchema = z.object({
  accessToken: z.string(),
  /** ISO, server clock */
  accessTokenExpiresAt: z.string(),
  refreshToken: z.string(),
  refreshTokenExpiresAt: z.string(),
  user: SessionUserSchema,
  offlineVerifier: OfflineVerifierParamsSchema,
  protocolVersion: z.number().int(),
});
export type Session = z.infer<typeof SessionSchema>;

export const RefreshRequestSchema = z.object({ refreshToken: z.string().min(20).max(200) });

// ------------------------------------------------------------------ errors and misc

/** Body of every 4xx/5xx answer. */
export const ApiErrorSchema = z.object({
  statusCode: z.number().int(),
  code: z.string(),
  /** zh-CN */
  message: z.string(),
  messageEn: z.string().optional(),
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
export type ApiError = z.infer<typeof ApiErrorSchema>;

export const RecordEnvelopeSchema = ChangeSchema;

export const AttachmentStatusSchema = z.object({
  sha256: z.string(),
  size: z.number().int(),
  received: z.number().int(),
  complete: z.boolean(),
  contentType: z.string(),
});
export type AttachmentStatus = z.infer<typeof AttachmentStatusSchema>;

export const Sha256HexSchema = z.string().regex(/^[0-9a-f]{64}$/, 'sha256: 64 lowercase hex digits');
export { RecordIdSchema };
