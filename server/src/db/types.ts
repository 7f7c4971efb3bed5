/**
 * The one small query interface the server uses. Both engines implement it:
 * PGlite (embedded, default) and PostgreSQL (node-postgres pool, when DATABASE_URL is set).
 * Rows come back normalised: int8 as number, timestamps as UTC ISO strings, bytea as Uint8Array.
 */
export interface QueryResult<T> {
  rows: T[];
  rowCount: number;
}

export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<QueryResult<T>>;
  /** several statements without parameters (migrations) */
  exec(sql: string): Promise<void>;
}

export type Isolation = 'read committed' | 'repeatable read' | 'serializable';

export interface Db extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** Runs fn in one transaction; commits if it resolves, rolls back if it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>, opts?: { isolation?: Isolation }): Promise<T>;
  close(): Promise<void>;
}

/** Date → ISO string in every row, so both engines hand back the same shapes. */
export function normaliseRows<T>(rows: unknown[]): T[] {
  for (const row of rows as Record<string, unknown>[]) {
    for (const k of Object.keys(row)) {
      const v = row[k];
      if (v instanceof Date) row[k] = v.toISOString();
    }
  }
  return rows as T[];
}
