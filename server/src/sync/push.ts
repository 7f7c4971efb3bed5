import type { FastifyBaseLogger } from 'fastify';
import {
  MUTATION_ARGS,
  MUTATION_ROLES,
  SYNC_PROTOCOL_VERSION,
  isMutationName,
  rejection,
  type Mutation,
  type MutationResult,
  type PushRequest,
  type PushResponse,
  type Rejection,
} from '../../../shared/sync/index';
import { isTransientDbError, type Db, type Queryable } from '../db/index';
import { HttpError } from '../errors';
import { OfficeWriter } from './changes';
import { Rejected, type AuthInfo, type HandlerOutcome, type MutationContext } from './context';
import { HANDLERS } from './registry';

export function checkProtocol(version: number) {
  if (version !== SYNC_PROTOCOL_VERSION) {
    throw new HttpError(409, 'PROTOCOL_VERSION', `同步协议版本不符（服务器 ${SYNC_PROTOCOL_VERSION}，客户端 ${version}），请更新应用`, `protocol version mismatch: server ${SYNC_PROTOCOL_VERSION}, client ${version}`);
  }
}

interface StoredMutation {
  mutation_id: string;
  status: MutationResult['status'];
  result: unknown;
  reason: Rejection | null;
  conflicts: string[] | null;
}

const TRANSIENT_RETRIES = 3;

/**
 * Push: each mutation runs in its own transaction, in seq order:
 *   lock the client row → replay if this seq was processed → SAVEPOINT → run the handler →
 *   on a rejection ROLLBACK TO SAVEPOINT → store (seq, mutationId, outcome) → advance last_seq.
 * So a replayed push gets exactly the stored answers, and a refused mutation is stored and
 * passed, never blocking the queue. Only transient database errors stop the batch (the client
 * retries later with the same seq and mutationId).
 */
export async function push(db: Db, auth: AuthInfo, req: PushRequest, log: FastifyBaseLogger): Promise<PushResponse> {
  checkProtocol(req.protocolVersion);
  const mutations = [...req.mutations].sort((a, b) => a.seq - b.seq);
  for (let i = 1; i < mutations.length; i++) {
    if (mutations[i]!.seq === mutations[i - 1]!.seq) throw new HttpError(400, 'DUPLICATE_SEQ', `同一批次中序号 ${mutations[i]!.seq} 重复`, `seq ${mutations[i]!.seq} appears twice`);
  }
  const results: MutationResult[] = [];
  let lastSeq = 0;
  for (const m of mutations) {
    let attempt = 0;
    for (;;) {
      try {
        const out = await pushOne(db, auth, req.clientId, m, log);
        results.push(out.result);
        lastSeq = out.lastSeq;
        break;
      } catch (e) {
        if (e instanceof HttpError) throw e;
        if (isTransientDbError(e) && attempt < TRANSIENT_RETRIES) {
          attempt++;
          await new Promise((r) => setTimeout(r, 20 * attempt + Math.random() * 30));
          continue;
        }
        if (isTransientDbError(e)) {
          log.warn({ err: e, seq: m.seq }, 'push stopped on a transient database error');
          return { results, lastSeq: lastSeq || (await currentLastSeq(db, req.clientId)), retryAfterMs: 2000 };
        }
        throw e;
      }
    }
  }
  return { results, lastSeq };
}

async function currentLastSeq(db: Db, clientId: string): Promise<number> {
  try {
    const r = await db.query<{ last_seq: number }>('SELECT last_seq FROM sync_clients WHERE client_id = $1', [clientId]);
    return r.rows[0]?.last_seq ?? 0;
  } catch {
    return 0;
  }
}

async function pushOne(db: Db, auth: AuthInfo, clientId: string, m: Mutation, log: FastifyBaseLogger): Promise<{ result: MutationResult; lastSeq: number }> {
  return db.transaction(async (tx) => {
    await tx.query('INSERT INTO sync_clients (client_id, user_id) VALUES ($1, $2) ON CONFLICT (client_id) DO NOTHING', [clientId, auth.userId]);
    const c = await tx.query<{ user_id: string; last_seq: number }>('SELECT user_id, last_seq FROM sync_clients WHERE client_id = $1 FOR UPDATE', [clientId]);
    const client = c.rows[0]!;
    if (client.user_id !== auth.userId) {
      // A client id belongs to one user: replaying another user's stored answers would leak them.
      throw new HttpError(409, 'CLIENT_ID_TAKEN', '此客户端标识属于其他用户，请重新生成客户端标识', 'this clientId belongs to another user; generate a new one per user and device');
    }
    if (m.seq <= client.last_seq) {
      const s = await tx.query<StoredMutation>('SELECT mutation_id, status, result, reason, conflicts FROM sync_mutations WHERE client_id = $1 AND seq = $2', [clientId, m.seq]);
      const stored = s.rows[0];
      if (stored && stored.mutation_id === m.mutationId) {
        return { result: toResult(m, stored, true), lastSeq: client.last_seq };
      }
      const reason = rejection('STALE_SEQ', stored ? { zh: `序号 ${m.seq} 已用于其他操作`, en: `seq ${m.seq} was used by another mutation` } : { zh: `序号 ${m.seq} 不大于已处理的 ${client.last_seq}`, en: `seq ${m.seq} <= processed ${client.last_seq}` });
      return { result: { seq: m.seq, mutationId: m.mutationId, status: 'rejected', reason, replayed: false }, lastSeq: client.last_seq };
    }

    let outcome: { status: MutationResult['status']; result?: unknown; reason?: Rejection; conflicts?: string[] };
    await tx.query('SAVEPOINT mutation');
    try {
      const done = await execute(tx, auth, clientId, m);
      outcome = { status: done.conflicts?.length ? 'conflict' : 'applied', result: done.result, conflicts: done.conflicts?.length ? done.conflicts : undefined };
    } catch (e) {
      if (isTransientDbError(e)) throw e;
      await tx.query('ROLLBACK TO SAVEPOINT mutation');
      if (e instanceof Rejected) {
        outcome = { status: 'rejected', reason: e.rejection };
      } else {
        // A bug or unexpected data must not wedge the client's queue: store it as a rejection.
        log.error({ err: e, clientId, seq: m.seq, name: m.name }, 'mutation failed');
        outcome = { status: 'rejected', reason: rejection('SERVER_ERROR', { zh: (e as Error).message, en: (e as Error).message }) };
      }
    }
    await tx.query(
      `INSERT INTO sync_mutations (client_id, seq, mutation_id, office_id, user_id, name, status, result, reason, conflicts)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9::jsonb, $10::jsonb)`,
      [
        clientId, m.seq, m.mutationId, m.officeId, auth.userId, m.name.slice(0, 64), outcome.status,
        outcome.result === undefined ? null : JSON.stringify(outcome.result),
        outcome.reason ? JSON.stringify(outcome.reason) : null,
        outcome.conflicts ? JSON.stringify(outcome.conflicts) : null,
      ],
    );
    await tx.query('UPDATE sync_clients SET last_seq = $2, last_push_at = now() WHERE client_id = $1', [clientId, m.seq]);
    const result: MutationResult = { seq: m.seq, mutationId: m.mutationId, status: outcome.status, replayed: false };
    if (outcome.result !== undefined) result.result = outcome.result;
    if (outcome.reason) result.reason = outcome.reason;
    if (outcome.conflicts) result.conflicts = outcome.conflicts;
    return { result, lastSeq: m.seq };
  });
}

function toResult(m: Mutation, s: StoredMutation, replayed: boolean): MutationResult {
  const r: MutationResult = { seq: m.seq, mutationId: m.mutationId, status: s.status, replayed };
  if (s.result !== null && s.result !== undefined) r.result = s.result;
  if (s.reason) r.reason = s.reason;
  if (s.conflicts) r.conflicts = s.conflicts;
  return r;
}

async function execute(tx: Queryable, auth: AuthInfo, clientId: string, m: Mutation): Promise<HandlerOutcome> {
  if (!auth.officeIds.includes(m.officeId)) throw new Rejected(rejection('FORBIDDEN', { zh: '您不属于该营业厅', en: 'you do not belong to this office', field: 'officeId' }));
  if (!isMutationName(m.name)) throw new Rejected(rejection('UNKNOWN_MUTATION', { zh: m.name, en: m.name }));
  if (!MUTATION_ROLES[m.name].includes(auth.role)) throw new Rejected(rejection('FORBIDDEN', { zh: `${m.name}`, en: `${m.name} is not allowed for role ${auth.role}` }));
  const parsed = MUTATION_ARGS[m.name].safeParse(m.args);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.join('.') || undefined;
    throw new Rejected(rejection('INVALID_ARGS', { zh: `${field ?? ''} ${issue?.message ?? ''}`.trim(), en: `${field ?? ''} ${issue?.message ?? ''}`.trim(), field }));
  }
  let now: string | undefined;
  const ctx: MutationContext = {
    tx,
    auth,
    officeId: m.officeId,
    clientId,
    mutationId: m.mutationId,
    baseVersion: m.baseVersion ?? 0,
    writer: new OfficeWriter(tx, m.officeId, clientId),
    async now() {
      if (!now) now = (await tx.query<{ now: string }>('SELECT now() AS now')).rows[0]!.now;
      return now;
    },
  };
  const handler = HANDLERS[m.name] as (ctx: MutationContext, args: unknown) => Promise<HandlerOutcome>;
  return handler(ctx, parsed.data);
}
