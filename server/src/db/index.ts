// The only module that knows which database engine is in use (DESIGN.md section 2).
import { openPglite } from './pglite';
import { openPostgres } from './postgres';
import type { Db } from './types';

export type { Db, Queryable, Isolation, QueryResult } from './types';
export { migrate, migrationsCurrent, loadMigrations, MigrationError } from './migrate';
export { isTransientDbError, isUniqueViolation } from './errors';

export interface DbConfig {
  /** PostgreSQL URL; when absent, PGlite in dataDir */
  databaseUrl?: string;
  /** PGlite data directory; undefined = in memory */
  dataDir?: string;
  poolSize?: number;
}

export async function openDb(cfg: DbConfig): Promise<Db> {
  if (cfg.databaseUrl) return openPostgres(cfg.databaseUrl, { max: cfg.poolSize });
  return openPglite(cfg.dataDir);
}

/**
 * Test support: a fresh, empty PostgreSQL database for one test file, dropped afterwards.
 * Lives here because only this folder may speak to the driver directly.
 */
export async function createScratchDatabase(adminUrl: string, name: string): Promise<{ url: string; drop: () => Promise<void> }> {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error('scratch database name: lowercase letters, digits and _ only');
  const admin = await openPostgres(adminUrl, { max: 1 });
  try {
    await admin.exec(`DROP DATABASE IF EXISTS ${name}`);
    await admin.exec(`CREATE DATABASE ${name}`);
  } finally {
    await admin.close();
  }
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    async drop() {
      const a = await openPostgres(adminUrl, { max: 1 });
      try {
        await a.exec(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await a.close();
      }
    },
  };
}

/** Test support: is PostgreSQL at url reachable? Returns the reason when not. */
export async function probePostgres(url: string): Promise<{ ok: true } | { ok: false; reason: string }> {
  let db: Db | undefined;
  try {
    db = await openPostgres(url, { max: 1 });
    await Promise.race([db.query('SELECT 1'), new Promise((_, rej) => setTimeout(() => rej(new Error('timeout after 3 s')), 3000))]);
    return { ok: true };
  } catch (e) {
    return { ok: false, reason: `PostgreSQL at ${url.replace(/:[^:@/]*@/, ':***@')} unreachable: ${(e as Error).message}` };
  } finally {
    await db?.close().catch(() => {});
  }
}
