// A real sync server process for the end-to-end tests and the benchmark: `tsx server/src/cli.ts
// serve` on a free loopback port over a fresh PGlite directory, with offices and users created
// through the server's own modules first. It can be stopped gracefully, KILLED (SIGKILL, e.g.
// in the middle of a push) and started again on the same port and data.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');

export type Role = 'admin' | 'manager' | 'clerk' | 'field_agent';

export interface SeedOffice {
  name: string;
  prefix: string;
}
export interface SeedUser {
  office: string;
  username: string;
  password: string;
  role: Role;
  displayName?: string;
}

export interface SyncServerHandle {
  url: string;
  port: number;
  dataDir: string;
  /** office prefix → id */
  offices: Record<string, string>;
  /** graceful stop (SIGTERM) */
  stop(): Promise<void>;
  /** SIGKILL: no shutdown, requests in flight are cut */
  kill(): Promise<void>;
  /** start again on the same port and data after stop() or kill() */
  start(): Promise<void>;
  /** stop and remove the data directory */
  dispose(): Promise<void>;
  /** what the process printed (for failure messages) */
  log(): string;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const addr = s.address();
      s.close(() => resolve(typeof addr === 'object' && addr ? addr.port : 0));
    });
  });
}

/** Creates offices and users in a fresh data dir (one tsx process, the server's own modules). */
function seed(dataDir: string, offices: SeedOffice[], users: SeedUser[], extra = '', databaseUrl?: string): Record<string, string> {
  const script = path.join(dataDir, '..', `seed-${path.basename(dataDir)}.mts`);
  const index = path.join(ROOT, 'server', 'src', 'index.ts');
  writeFileSync(
    script,
    `import { openDb, migrate, createOffice, createUser } from ${JSON.stringify(index)};
const offices = ${JSON.stringify(offices)};
const users = ${JSON.stringify(users)};
const ROOT = ${JSON.stringify(ROOT)};
const db = await openDb(${JSON.stringify(databaseUrl ? { databaseUrl, poolSize: 2 } : { dataDir })});
await migrate(db);
const ids = {};
for (const o of offices) ids[o.prefix] = (await createOffice(db, o)).id;
for (const u of users) await createUser(db, { username: u.username, password: u.password, role: u.role, displayName: u.displayName, officeIds: [ids[u.office]] }, 10);
${extra}
await db.close();
console.log('SEED ' + JSON.stringify(ids));
`,
  );
  const r = spawnSync(TSX, [script], { cwd: ROOT, encoding: 'utf8', timeout: 900_000, maxBuffer: 64 * 1024 * 1024 });
  rmSync(script, { force: true });
  const line = r.stdout.split('\n').find((l) => l.startsWith('SEED '));
  if (r.status !== 0 || !line) throw new Error(`seeding the sync server failed: ${r.stderr || r.stdout}`);
  return JSON.parse(line.slice(5)) as Record<string, string>;
}

async function waitReady(url: string, child: ChildProcess, out: () => string, timeoutMs = 60_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`sync server exited (${child.exitCode}): ${out()}`);
    try {
      const r = await fetch(`${url}/readyz`);
      if (r.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`sync server not ready after ${timeoutMs} ms: ${out()}`);
}

/**
 * `extraSeed`: JavaScript run in the seeding process after the offices and users exist, with
 * `db` (the open server database), `ids` (office prefix → id) and `ROOT` in scope — the benchmark
 * writes its 120k records through the server's own change log this way.
 */
export async function startSyncServer(opts: { offices: SeedOffice[]; users: SeedUser[]; env?: Record<string, string>; extraSeed?: string; /** an empty PostgreSQL database instead of PGlite */ databaseUrl?: string }): Promise<SyncServerHandle> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'hotline-sync-'));
  const pgDir = path.join(dataDir, 'pglite');
  const offices = seed(pgDir, opts.offices, opts.users, opts.extraSeed, opts.databaseUrl);
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let child: ChildProcess | null = null;
  let output = '';

  async function start() {
    output = '';
    // node --import tsx (not the tsx CLI, which runs node as a child): one process, so SIGKILL
    // really kills the server mid-request.
    const c = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'server', 'src', 'cli.ts'), 'serve'], {
      cwd: ROOT,
      env: {
        ...process.env,
        HOST: '127.0.0.1',
        PORT: String(port),
        HOTLINE_DATA_DIR: pgDir,
        DATABASE_URL: opts.databaseUrl ?? '',
        LOG_LEVEL: 'warn',
        LOGIN_RATE_MAX: '1000',
        ...opts.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    c.stdout!.on('data', (d: Buffer) => (output = (output + d.toString()).slice(-20_000)));
    c.stderr!.on('data', (d: Buffer) => (output = (output + d.toString()).slice(-20_000)));
    child = c;
    await waitReady(url, c, () => output);
  }

  async function signal(sig: NodeJS.Signals) {
    const c = child;
    if (!c || c.exitCode !== null || c.signalCode !== null) return;
    const exited = new Promise<void>((r) => c.once('exit', () => r()));
    c.kill(sig);
    await exited;
    child = null;
  }

  await start();
  return {
    url,
    port,
    dataDir,
    offices,
    start,
    stop: () => signal('SIGTERM'),
    kill: () => signal('SIGKILL'),
    async dispose() {
      await signal('SIGTERM');
      rmSync(dataDir, { recursive: true, force: true });
    },
    log: () => output,
  };
}

/**
 * A fresh, empty PostgreSQL database for one end-to-end file (pass its url as `databaseUrl`), made
 * by the server's own createScratchDatabase in a tsx process (only server/src/db speaks to the
 * driver). Null when the PostgreSQL at `adminUrl` cannot be reached.
 */
export function createScratchPostgres(adminUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test'): { url: string; drop: () => void } | null {
  const name = `hotline_e2e_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const index = JSON.stringify(path.join(ROOT, 'server', 'src', 'index.ts'));
  const run = (body: string) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'hotline-pg-'));
    const script = path.join(dir, 'scratch.mts');
    writeFileSync(script, `import { createScratchDatabase } from ${index};\n${body}\n`);
    const r = spawnSync(TSX, [script], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
    rmSync(dir, { recursive: true, force: true });
    return r;
  };
  const made = run(
    `try { await createScratchDatabase(${JSON.stringify(adminUrl)}, ${JSON.stringify(name)}).then((s) => console.log('SCRATCH ' + s.url)); } catch (e) { console.log('NOPG ' + (e?.message ?? e)); }`,
  );
  const line = made.stdout?.split('\n').find((l) => l.startsWith('SCRATCH '));
  if (!line) return null;
  return {
    url: line.slice('SCRATCH '.length),
    drop: () => {
      run(`const s = await createScratchDatabase(${JSON.stringify(adminUrl)}, ${JSON.stringify(name)}); await s.drop();`);
    },
  };
}
