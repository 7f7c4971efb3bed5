import type { Table, Transaction } from 'dexie';
import { db } from './db';
import { nowIso } from './clock';
import type { Mutation } from '../../../shared';
import type { OutboxRow } from './rows';

/**
 * Every repository write goes through `writeWithOutbox`: the entity change and its outbox row(s)
 * are stored in ONE Dexie transaction (DESIGN.md §3), so a change is never saved without the
 * mutation that will sync it, and a failed write leaves neither.
 *
 * Inside `fn` await only Dexie operations: a foreign promise (fetch, crypto.subtle, setTimeout)
 * lets IndexedDB commit the transaction early. Hash files, read settings etc. before calling.
 */

/** What a repository says about its change; the outbox adds the client, order and id. */
export interface MutationInput {
  /** The action's name, e.g. 'customer.create'. The server re-executes commands by this name. */
  name: string;
  /** The action's arguments as plain JSON-able data. */
  args: unknown;
  /** For field-merge edits: the entity version the edit was made against. */
  baseVersion?: number;
}

export interface OutboxContext {
  /** Queue a mutation in this transaction. */
  enqueue(mutation: MutationInput): Promise<OutboxRow>;
  tx: Transaction;
}

const CLIENT_ID_KEY = 'clientId';

/** This device's id, made once and kept in `meta`. Works inside or outside a transaction that includes `meta`. */
export async function clientId(): Promise<string> {
  const d = db();
  const row = await d.meta.get(CLIENT_ID_KEY);
  if (row && typeof row.value === 'string') return row.value;
  const id = crypto.randomUUID();
  await d.meta.put({ key: CLIENT_ID_KEY, value: id });
  return id;
}

/** Thrown when a repository write forgot to queue a mutation: the change would never sync. */
export class MissingMutationError extends Error {
  constructor() {
    super('a repository write queued no outbox mutation');
    this.name = 'MissingMutationError';
  }
}

/**
 * Run `fn` in a read-write transaction over `tables` plus the outbox and meta.
 * `fn` must call `ctx.enqueue` at least once, or the whole write is rolled back.
 */
export async function writeWithOutbox<T>(
  tables: Table[],
  fn: (ctx: OutboxContext) => Promise<T>,
): Promise<T> {
  const d = db();
  return d.transaction('rw', [...tables, d.outbox, d.meta], async (tx) => {
    let queued = 0;
    let cid: string | null = null;
    const ctx: OutboxContext = {
      tx,
      async enqueue(m) {
        cid ??= await clientId();
        const row: OutboxRow = {
          clientId: cid,
          mutationId: crypto.randomUUID(),
          name: m.name,
          args: m.args,
          createdAt: nowIso(),
          status: 'pending',
          ...(m.baseVersion === undefined ? {} : { baseVersion: m.baseVersion }),
        };
        row.seq = await d.outbox.add(row);
        queued += 1;
        return row;
      },
    };
    const result = await fn(ctx);
    if (queued === 0) throw new MissingMutationError();
    return result;
  });
}

/** Mutations not yet accepted or refused by the server, oldest first. */
export async function pendingMutations(limit = 100): Promise<OutboxRow[]> {
  // within one status value the index is ordered by the primary key, seq: oldest first
  return db().outbox.where('status').equals('pending').limit(limit).toArray();
}

/** Common fields for a new synced entity. */
export function newEntityMeta(): { id: string; version: number; createdAt: string; updatedAt: string } {
  const at = nowIso();
  return { id: crypto.randomUUID(), version: 1, createdAt: at, updatedAt: at };
}

/**
 * An outbox row as the push request carries it (shared/sync `Mutation`). The office is not stored
 * per row: a device works for the office its login names, known only when it pushes.
 */
export function toPushMutation(row: OutboxRow, officeId: string): Mutation {
  if (row.seq === undefined) throw new Error('an outbox row without seq was never stored');
  return {
    seq: row.seq,
    mutationId: row.mutationId,
    officeId,
    name: row.name,
    args: row.args,
    ...(row.baseVersion === undefined ? {} : { baseVersion: row.baseVersion }),
  };
}
