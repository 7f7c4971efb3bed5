/**
 * Errors worth retrying: the same mutation may well succeed a moment later
 * (serialization failure, deadlock, lost connection, server shutting down, too many clients).
 * Anything else a mutation throws is a permanent failure and is stored as a rejection,
 * so one poisoned mutation can never block a client's queue.
 */
const TRANSIENT_SQLSTATES = new Set(['40001', '40P01', '55P03', '57P01', '57P02', '57P03', '53300', '08000', '08001', '08003', '08004', '08006']);

export function isTransientDbError(e: unknown): boolean {
  if (!e || typeof e !== 'object') return false;
  const code = (e as { code?: unknown }).code;
  if (typeof code === 'string' && TRANSIENT_SQLSTATES.has(code)) return true;
  const msg = String((e as { message?: unknown }).message ?? '');
  return /Connection terminated|ECONNREFUSED|ECONNRESET|connect ETIMEDOUT|timeout exceeded when trying to connect|Client has encountered a connection error|pool.*(ended|closed)|PGlite is closed/i.test(msg);
}

/** unique_violation: a constraint (e.g. one active holder per number) refused the write. */
export function isUniqueViolation(e: unknown): boolean {
  return !!e && typeof e === 'object' && (e as { code?: unknown }).code === '23505';
}
