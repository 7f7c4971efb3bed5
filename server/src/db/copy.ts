import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Queryable } from './types';

/**
 * PostgreSQL's COPY … FROM STDIN for bulk loads (the call-record import): the fastest way to get
 * rows into PostgreSQL, several times faster than multi-row INSERTs. Only a PostgreSQL transaction
 * client can do it; PGlite callers keep to multi-row batches (canCopy is false there).
 */
export const PG_CLIENT = Symbol('pg client');

export function attachClient(q: Queryable, client: pg.PoolClient): Queryable {
  Object.defineProperty(q, PG_CLIENT, { value: client, enumerable: false });
  return q;
}

export function canCopy(q: Queryable): boolean {
  return !!(q as unknown as Record<symbol, unknown>)[PG_CLIENT];
}

/** One value in COPY's text format: \N for null; backslash, tab, newline and CR escaped. */
export function copyText(v: string | number | null): string {
  if (v === null) return '\\N';
  if (typeof v === 'number') return String(v);
  return /[\\\t\n\r]/.test(v) ? v.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r')) : v;
}

/**
 * Streams chunks into `COPY … FROM STDIN`: whole lines of COPY text format, or the bytes of the
 * binary format (copyBinary.ts) with `(FORMAT binary)` in `sql`. Returns the rows copied.
 */
export async function copyFromChunks(q: Queryable, sql: string, chunks: Iterable<string | Uint8Array> | AsyncIterable<string | Uint8Array>): Promise<number> {
  const client = (q as unknown as Record<symbol, pg.PoolClient | undefined>)[PG_CLIENT];
  if (!client) throw new Error('COPY needs a PostgreSQL transaction (canCopy was false)');
  const stream = client.query(copyFrom(sql));
  await pipeline(Readable.from(chunks), stream);
  return Number(stream.rowCount ?? 0);
}
