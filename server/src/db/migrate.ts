import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Db } from './types';

export interface Migration {
  version: number;
  name: string;
  sql: string;
  checksum: string;
}

const MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), 'migrations');
// Any constant works; it only has to be the same in every server process.
const MIGRATION_LOCK_KEY = 4_004_008_009;

/** Forward-only numbered migrations: NNNN_name.sql, applied in order, each exactly once. */
export function loadMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((f) => {
      const sql = readFileSync(join(dir, f), 'utf8');
      return {
        version: Number(f.slice(0, 4)),
        name: f.replace(/\.sql$/, ''),
        sql,
        checksum: createHash('sha256').update(sql).digest('hex'),
      };
    });
}

export class MigrationError extends Error {}

const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS schema_migrations (
  version integer PRIMARY KEY,
  name text NOT NULL,
  checksum text NOT NULL,
  applied_at timestamptz NOT NULL DEFAULT now()
)`;

/**
 * Applies pending migrations in one transaction under an advisory lock, so two server processes
 * starting together on one database do not race. Refuses to run against a database that has a
 * migration this code does not know, or whose recorded checksum differs (an edited migration).
 */
export async function migrate(db: Db, migrations = loadMigrations()): Promise<{ applied: string[] }> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
    await tx.exec(CREATE_TABLE);
    const { rows } = await tx.query<{ version: number; name: string; checksum: string }>(
      'SELECT version, name, checksum FROM schema_migrations ORDER BY version',
    );
    checkKnown(rows, migrations);
    const done = new Set(rows.map((r) => r.version));
    const applied: string[] = [];
    for (const m of migrations) {
      if (done.has(m.version)) continue;
      await tx.exec(m.sql);
      await tx.query('INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)', [m.version, m.name, m.checksum]);
      applied.push(m.name);
    }
    return { applied };
  });
}

function checkKnown(rows: { version: number; name: string; checksum: string }[], migrations: Migration[]) {
  const known = new Map(migrations.map((m) => [m.version, m]));
  for (const r of rows) {
    const m = known.get(r.version);
    if (!m) throw new MigrationError(`database has migration ${r.name} that this server does not know (the database is newer than the code)`);
    if (m.checksum !== r.checksum) throw new MigrationError(`migration ${r.name} was changed after it was applied (checksum differs)`);
  }
}

/** For /readyz: true when every migration this code knows is applied and none is unknown. */
export async function migrationsCurrent(db: Db, migrations = loadMigrations()): Promise<{ current: boolean; detail: string }> {
  try {
    const { rows } = await db.query<{ version: number; name: string; checksum: string }>('SELECT version, name, checksum FROM schema_migrations');
    checkKnown(rows, migrations);
    const missing = migrations.filter((m) => !rows.some((r) => r.version === m.version));
    return missing.length ? { current: false, detail: `pending: ${missing.map((m) => m.name).join(', ')}` } : { current: true, detail: `${rows.length} applied` };
  } catch (e) {
    return { current: false, detail: (e as Error).message };
  }
}
