import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { normaliseRows, type Db, type Isolation, type Queryable } from './types';

interface PgliteLike {
  query<T>(sql: string, params?: unknown[]): Promise<{ rows: T[]; affectedRows?: number }>;
  exec(sql: string): Promise<unknown>;
}

function wrap(q: PgliteLike): Queryable {
  return {
    async query<T>(sql: string, params?: unknown[]) {
      const r = await q.query<T>(sql, params);
      // PGlite reports affectedRows = 0 for a SELECT: count the rows then.
      return { rows: normaliseRows<T>(r.rows), rowCount: r.rows.length > 0 ? r.rows.length : (r.affectedRows ?? 0) };
    },
    async exec(sql: string) {
      await q.exec(sql);
    },
  };
}

/**
 * Embedded PostgreSQL (PGlite 0.5.16 = PostgreSQL 18) in a data directory, or in memory when
 * dataDir is undefined. One connection: PGlite runs transactions one at a time, which is what
 * keeps the single-process default simple. Creation costs ~3 s; share instances in tests.
 */
export async function openPglite(dataDir?: string): Promise<Db> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const pg = new PGlite(dataDir, { parsers: { 20: (v: string) => Number(v) } });
  await pg.waitReady;
  const base = wrap(pg);
  return {
    kind: 'pglite',
    ...base,
    async transaction<T>(fn: (tx: Queryable) => Promise<T>, opts?: { isolation?: Isolation }) {
      return pg.transaction(async (tx) => {
        if (opts?.isolation) await tx.query(`SET TRANSACTION ISOLATION LEVEL ${opts.isolation.toUpperCase()}`);
        return fn(wrap(tx));
      });
    },
    async close() {
      if (!pg.closed) await pg.close();
    },
  };
}
