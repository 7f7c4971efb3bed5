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
import { isTransientDbError, isUniqueViolation, type Db, type Queryable } from '../db/index';
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
/** Mutations per transaction: one commit and one office-counter bump per chunk, not per mutation. */
const CHUNK = 100;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Push: mutations run in seq order, a chunk of them per transaction:
 *   lock the client row → per mutation: replay if this seq was processed, else SAVEPOINT → run
 *   the handler → on a rejection ROLLBACK TO SAVEPOINT (and drop its buffered writes) → store
 *   (seq, mutationId, outcome) → at the end flush the record writes (one version bump per
 *   office), advance last_seq, COMMIT.
 * So a replayed push gets exactly the stored answers, and a refused mutation is stored and
 * passed, never blocking the queue. Only transient database errors stop the batch (the client
 * retries later with the same seq and mutationId); a chunk that fails for another reason is
 * redone one mutation per transaction, where the failure becomes that mutation's rejection.
 */
export async function push(db: Db, auth: AuthInfo, req: PushRequest, log: FastifyBaseLogger): Promise<PushResponse> {
  checkProtocol(req.protocolVersion);
  const mutations = [...req.mutations].sort((a, b) => a.seq - b.seq);
  for (let i = 1; i < mutations.length; i++) {
    if (mutations[i]!.seq === mutations[i - 1]!.seq) throw new HttpError(400, 'DUPLICATE_SEQ', `同一批次中序号 ${mutations[i]!.seq} 重复`, `seq ${mutations[i]!.seq} appears twice`);
  }
  const results: MutationResult[] = [];
  let lastSeq = 0;
  const stopped = async () => ({ results, lastSeq: lastSeq || (await currentLastSeq(db, req.clientId)), retryAfterMs: 2000 });
  for (let i = 0; i < mutations.length; i += CHUNK) {
    const chunk = mutations.slice(i, i + CHUNK);
    const out = await withRetries(() => pushChunk(db, auth, req.clientId, chunk, log), log).catch(async (e) => {
      if (e instanceof HttpError || isTransientDbError(e) || chunk.length === 1) throw e;
      log.warn({ err: e }, 'push chunk failed; redoing it one mutation per transaction');
      const singles = { results: [] as MutationResult[], lastSeq: 0 };
      for (const m of chunk) {
        const one = await withRetries(() => pushChunk(db, auth, req.clientId, [m], log), log);
        singles.results.push(...one.results);
        singles.lastSeq = one.lastSeq;
      }
      return singles;
    }).catch(async (e) => {
      if (isTransientDbError(e)) {
        log.warn({ err: e }, 'push stopped on a transient database error');
        return null;
      }
      throw e;
    });
    if (!out) return stopped();
    results.push(...out.results);
    lastSeq = out.lastSeq;
  }
  return { results, lastSeq };
}

async function withRetries<T>(fn: () => Promise<T>, log: FastifyBaseLogger): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn();
    } catch (e) {
      if (!isTransientDbError(e) || attempt >= TRANSIENT_RETRIES) throw e;
      log.info({ err: e, attempt }, 'retrying after a transient database error');
      await sleep(20 * (attempt + 1) + Math.random() * 50);
    }
  }
}

async function currentLastSeq(db: Db, clientId: string): Promise<number> {
  try {
    const r = await db.query<{ last_seq: number }>('SELECT last_seq FROM sync_clients WHERE client_id = $1', [clientId]);
    return r.rows[0]?.last_seq ?? 0;
  } catch {
    return 0;
  }
}

async function pushChunk(db: Db, auth: AuthInfo, clientId: string, chunk: Mutation[], log: FastifyBaseLogger): Promise<{ results: MutationResult[]; lastSeq: number }> {
  return db.transaction(async (tx) => {
    await tx.query('INSERT INTO sync_clients (client_id, user_id) VALUES ($1, $2) ON CONFLICT (client_id) DO NOTHING', [clientId, auth.userId]);
    const c = await tx.query<{ user_id: string; last_seq: number }>('SELECT user_id, last_seq FROM sync_clients WHERE client_id = $1 FOR UPDATE', [clientId]);
    const client = c.rows[0]!;
    if (client.user_id !== auth.userId) {
      // A client id belongs to one user: replaying another user's stored answers would leak them.
      throw new HttpError(409, 'CLIENT_ID_TAKEN', '此客户端标识属于其他用户，请重新生成客户端标识', 'this clientId belongs to another user; generate a new one per user and device');
    }
    const sp = new LazySavepoint(tx);
    const writers = new Map<string, OfficeWriter>();
    const writerFor = (officeId: string) => {
      let w = writers.get(officeId);
      if (!w) writers.set(officeId, (w = new OfficeWriter(sp, officeId, clientId)));
      return w;
    };
    let now: string | undefined;
    const clock = async () => (now ??= (await tx.query<{ now: string }>('SELECT now() AS now')).rows[0]!.now);
    // With a single mutation the flush happens inside its savepoint, so even a clash found only
    // at flush time (two clients creating the same id at once) becomes that mutation's rejection.
    const flushInside = chunk.length === 1;
    const results: MutationResult[] = [];
    let lastSeq = client.last_seq;

    const stored: unknown[][] = [];
    for (const m of chunk) {
      if (m.seq <= client.last_seq) {
        const s = await tx.query<StoredMutation>('SELECT mutation_id, status, result, reason, conflicts FROM sync_mutations WHERE client_id = $1 AND seq = $2', [clientId, m.seq]);
        const prev = s.rows[0];
        if (prev && prev.mutation_id === m.mutationId) {
          results.push(toResult(m, prev, true));
          continue;
        }
        const reason = rejection('STALE_SEQ', prev ? { zh: `序号 ${m.seq} 已用于其他操作`, en: `seq ${m.seq} was used by another mutation` } : { zh: `序号 ${m.seq} 不大于已处理的 ${client.last_seq}`, en: `seq ${m.seq} <= processed ${client.last_seq}` });
        results.push({ seq: m.seq, mutationId: m.mutationId, status: 'rejected', reason, replayed: false });
        continue;
      }

      const writer = auth.officeIds.includes(m.officeId) ? writerFor(m.officeId) : null;
      const mark = writer?.mark();
      let outcome: { status: MutationResult['status']; result?: unknown; reason?: Rejection; conflicts?: string[] };
      try {
        const done = await execute(sp, auth, clientId, m, writer, clock);
        if (flushInside) for (const w of writers.values()) await w.flush();
        outcome = { status: done.conflicts?.length ? 'conflict' : 'applied', result: done.result, conflicts: done.conflicts?.length ? done.conflicts : undefined };
        sp.keep();
      } catch (e) {
        if (isTransientDbError(e)) throw e;
        await sp.undo();
        if (writer && mark) writer.reset(mark);
        if (e instanceof Rejected) {
          outcome = { status: 'rejected', reason: e.rejection };
        } else if (isUniqueViolation(e)) {
          outcome = { status: 'rejected', reason: rejection('ALREADY_EXISTS') };
        } else {
          // A bug or unexpected data must not wedge the client's queue: store it as a rejection.
          log.error({ err: e, clientId, seq: m.seq, name: m.name }, 'mutation failed');
          outcome = { status: 'rejected', reason: rejection('SERVER_ERROR', { zh: (e as Error).message, en: (e as Error).message }) };
        }
      }
      stored.push([
        m.seq, m.mutationId, m.officeId, m.name.slice(0, 64), outcome.status,
        outcome.result === undefined ? null : JSON.stringify(outcome.result),
        outcome.reason ? JSON.stringify(outcome.reason) : null,
        outcome.conflicts ? JSON.stringify(outcome.conflicts) : null,
      ]);
      lastSeq = m.seq;
      const result: MutationResult = { seq: m.seq, mutationId: m.mutationId, status: outcome.status, replayed: false };
      if (outcome.result !== undefined) result.result = outcome.result;
      if (outcome.reason) result.reason = outcome.reason;
      if (outcome.conflicts) result.conflicts = outcome.conflicts;
      results.push(result);
    }
    await sp.close();
    // The outcomes, stored in one statement: what a replay of these seqs will get back.
    if (stored.length) {
      const params: unknown[] = [clientId, auth.userId];
      const values = stored.map((row) => {
        const b = params.length;
        params.push(...row);
        return `($1, $${b + 1}, $${b + 2}::uuid, $${b + 3}::uuid, $2, $${b + 4}, $${b + 5}, $${b + 6}::jsonb, $${b + 7}::jsonb, $${b + 8}::jsonb)`;
      });
      await tx.query(`INSERT INTO sync_mutations (client_id, seq, mutation_id, office_id, user_id, name, status, result, reason, conflicts) VALUES ${values.join(', ')}`, params);
    }
    // Offices in a fixed order, each bumped once: the office row locks come last and in order.
    for (const officeId of [...writers.keys()].sort()) await writers.get(officeId)!.flush();
    if (lastSeq > client.last_seq) await tx.query('UPDATE sync_clients SET last_seq = $2, last_push_at = now() WHERE client_id = $1', [clientId, lastSeq]);
    return { results, lastSeq };
  });
}

/**
 * The savepoint that lets one mutation of a chunk be undone, set only when the mutation sends its
 * first statement. Most mutations (creates, most edits' merge) only buffer writes in the
 * OfficeWriter until the chunk's flush, so they cost no savepoint round trip at all; a refused
 * one that sent nothing needs nothing rolled back (its buffered writes are dropped by reset).
 * After a kept mutation the savepoint is released together with setting the next one.
 * Every statement of a mutation (handler and OfficeWriter reads) goes through this object.
 */
class LazySavepoint implements Queryable {
  /** a savepoint marks the state before the current mutation's first statement */
  private armed = false;
  /** the previous mutation's savepoint, kept, not yet released */
  private kept = false;
  private closed = false;

  constructor(private readonly tx: Queryable) {}

  private async arm(): Promise<void> {
    if (this.armed || this.closed) return;
    await this.tx.exec(this.kept ? 'RELEASE SAVEPOINT mutation; SAVEPOINT mutation' : 'SAVEPOINT mutation');
    this.kept = false;
    this.armed = true;
  }

  async query<T = Record<string, unknown>>(sql: string, params?: unknown[]) {
    await this.arm();
    return this.tx.query<T>(sql, params);
  }

  async exec(sql: string): Promise<void> {
    await this.arm();
    await this.tx.exec(sql);
  }

  /** The current mutation stands. */
  keep(): void {
    if (this.armed) this.kept = true;
    this.armed = false;
  }

  /** The current mutation is refused: undo whatever statements it sent. */
  async undo(): Promise<void> {
    if (this.armed) await this.tx.exec('ROLLBACK TO SAVEPOINT mutation; RELEASE SAVEPOINT mutation');
    this.armed = false;
  }

  /** After the last mutation: statements from here on (the chunk's flush) run on the transaction itself. */
  async close(): Promise<void> {
    if (this.kept) await this.tx.exec('RELEASE SAVEPOINT mutation');
    this.kept = this.armed = false;
    this.closed = true;
  }
}

function toResult(m: Mutation, s: StoredMutation, replayed: boolean): MutationResult {
  const r: MutationResult = { seq: m.seq, mutationId: m.mutationId, status: s.status, replayed };
  if (s.result !== null && s.result !== undefined) r.result = s.result;
  if (s.reason) r.reason = s.reason;
  if (s.conflicts) r.conflicts = s.conflicts;
  return r;
}

async function execute(tx: Queryable, auth: AuthInfo, clientId: string, m: Mutation, writer: OfficeWriter | null, clock: () => Promise<string>): Promise<HandlerOutcome> {
  if (!writer || !auth.officeIds.includes(m.officeId)) throw new Rejected(rejection('FORBIDDEN', { zh: '您不属于该营业厅', en: 'you do not belong to this office', field: 'officeId' }));
  if (!isMutationName(m.name)) throw new Rejected(rejection('UNKNOWN_MUTATION', { zh: m.name, en: m.name }));
  if (!MUTATION_ROLES[m.name].includes(auth.role)) throw new Rejected(rejection('FORBIDDEN', { zh: `${m.name}`, en: `${m.name} is not allowed for role ${auth.role}` }));
  const parsed = MUTATION_ARGS[m.name].safeParse(m.args);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.join('.') || undefined;
    throw new Rejected(rejection('INVALID_ARGS', { zh: `${field ?? ''} ${issue?.message ?? ''}`.trim(), en: `${field ?? ''} ${issue?.message ?? ''}`.trim(), field }));
  }
  const ctx: MutationContext = { tx, auth, officeId: m.officeId, clientId, mutationId: m.mutationId, baseVersion: m.baseVersion ?? 0, writer, now: clock };
  const handler = HANDLERS[m.name] as (ctx: MutationContext, args: unknown) => Promise<HandlerOutcome>;
  return handler(ctx, parsed.data);
}
