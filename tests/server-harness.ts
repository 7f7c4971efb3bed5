// Shared set-up for the server integration tests (tests/server-*.test.ts): every suite runs once
// against PGlite (in memory, one instance per test file) and once against the real PostgreSQL
// (TEST_DATABASE_URL; a scratch database per test file, dropped afterwards).
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp, configFromEnv, createOffice, createScratchDatabase, createUser, migrate, openDb, probePostgres, type Db, type ServerConfig } from '../server/src/index';
import type { Migration } from '../server/src/db/migrate';
import { putRecords } from '../server/src/billing/records';
import { SYNC_PROTOCOL_VERSION, type Mutation, type PullResponse, type PushResponse, type Session, type UserRole } from '../shared/sync/index';

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface BackendChoice {
  kind: 'pglite' | 'postgres';
  /** why this backend's suites are skipped; undefined = they run */
  skip?: string;
}

/**
 * Which backends to run. PostgreSQL that cannot be reached is skipped with the reason, unless
 * REQUIRE_POSTGRES=1 (CI), in which case its suites run and fail loudly.
 */
export async function testBackends(): Promise<BackendChoice[]> {
  const probe = await probePostgres(TEST_DATABASE_URL);
  const pg: BackendChoice = { kind: 'postgres' };
  if (!probe.ok && process.env.REQUIRE_POSTGRES !== '1') pg.skip = probe.reason;
  return [{ kind: 'pglite' }, pg];
}

export function suiteTitle(title: string, b: BackendChoice): string {
  return b.skip ? `${title} [${b.kind}] — skipped: ${b.skip}` : `${title} [${b.kind}]`;
}

/**
 * A database for one test file: in-memory PGlite, or a scratch PostgreSQL database. Migrated fully,
 * or only through `opts.migrations` (a database as an older server left it, for migration tests).
 */
export async function openTestDb(kind: BackendChoice['kind'], opts: { poolSize?: number; migrations?: Migration[] } = {}): Promise<{ db: Db; url?: string; dispose: () => Promise<void> }> {
  if (kind === 'pglite') {
    const db = await openDb({});
    await migrate(db, opts.migrations);
    return { db, dispose: () => db.close() };
  }
  const scratch = await createScratchDatabase(TEST_DATABASE_URL, `hotline_t_${process.pid}_${randomUUID().slice(0, 8)}`);
  const db = await openDb({ databaseUrl: scratch.url, poolSize: opts.poolSize ?? 20 });
  await migrate(db, opts.migrations);
  return {
    db,
    url: scratch.url,
    async dispose() {
      await db.close();
      await scratch.drop();
    },
  };
}

export function testConfig(over: Partial<ServerConfig> = {}): ServerConfig {
  return { ...configFromEnv({}), logLevel: 'silent', scryptLogN: 10, loginRateLimit: { max: 1000, timeWindowMs: 60_000 }, ...over };
}

export interface TestServer {
  db: Db;
  app: FastifyInstance;
  url: string;
  config: ServerConfig;
  close(): Promise<void>;
}

export async function startServer(db: Db, config = testConfig()): Promise<TestServer> {
  const app = await buildApp({ db, config, logger: false });
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  return { db, app, url, config, close: () => app.close() };
}

export interface HttpResult<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read arbitrary JSON answers
export async function http<T = any>(base: string, method: string, path: string, opts: { token?: string; json?: unknown; body?: BodyInit; headers?: Record<string, string> } = {}): Promise<HttpResult<T>> {
  const headers: Record<string, string> = { ...(opts.headers ?? {}) };
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  let body = opts.body;
  if (opts.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(opts.json);
  }
  const res = await fetch(base + path, { method, headers, body });
  const text = method === 'HEAD' ? '' : await res.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    /* not JSON */
  }
  return { status: res.status, body: parsed as T, headers: res.headers };
}

export interface Fixture {
  officeA: string;
  officeB: string;
  users: Record<string, { id: string; username: string; password: string; role: UserRole; office: string }>;
}

/** Two offices; in A an admin, a manager, two clerks and a field agent; in B a clerk and a manager. */
export async function seed(db: Db, tag = randomUUID().slice(0, 6)): Promise<Fixture> {
  const a = await createOffice(db, { name: `北京营业厅-${tag}`, prefix: `A${tag}` });
  const b = await createOffice(db, { name: `上海营业厅-${tag}`, prefix: `B${tag}` });
  const spec: [string, UserRole, string][] = [
    ['adminA', 'admin', a.id],
    ['managerA', 'manager', a.id],
    ['clerkA', 'clerk', a.id],
    ['clerkA2', 'clerk', a.id],
    ['agentA', 'field_agent', a.id],
    ['agentA2', 'field_agent', a.id],
    ['clerkB', 'clerk', b.id],
    ['managerB', 'manager', b.id],
  ];
  const users: Fixture['users'] = {};
  for (const [name, role, office] of spec) {
    const username = `${name}_${tag}`;
    const password = `pw-${name}-${tag}`;
    const u = await createUser(db, { username, password, role, officeIds: [office] }, 10);
    users[name] = { id: u.id, username, password, role, office };
  }
  return { officeA: a.id, officeB: b.id, users };
}

/** A billing account for putBillingAccounts: its id, 400 number and package tariff (fen per minute). */
export interface TestBillingAccount {
  id: string;
  hotline: string;
  tariffFenPerMinute: number;
  openedOn?: string;
}

/**
 * Accounts the billing jobs and the call-record import can see (view billing_accounts), each with
 * a package of its own, written as the server writes records (putRecords) — no devices or HTTP,
 * for tests that call the billing code directly.
 */
export async function putBillingAccounts(db: Db, officeId: string, accounts: TestBillingAccount[]): Promise<void> {
  await db.transaction(async (tx) => {
    await putRecords(
      tx,
      officeId,
      accounts.flatMap((a) => [
        { entity: 'package' as const, id: `pkg-${a.id}`, data: { name: `套餐-${a.id}`, monthlyMinimumFen: 1_000, tariffFenPerMinute: a.tariffFenPerMinute, includedMinutes: 0, featureFees: [] } },
        {
          entity: 'account' as const,
          id: a.id,
          data: { no: `ACC-${a.id}`, numberDigits: a.hotline, packageId: `pkg-${a.id}`, status: 'active', stateSince: a.openedOn ?? '2026-01-01', openedOn: a.openedOn ?? '2026-01-01', features: [], monthlyMinimumFen: 1_000 },
        },
      ]),
    );
  });
}

export async function login(base: string, u: { username: string; password: string }): Promise<Session> {
  const r = await http<Session>(base, 'POST', '/v1/auth/login', { json: { username: u.username, password: u.password } });
  if (r.status !== 200) throw new Error(`login ${u.username}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

/** A simulated device: its own client id, outbox sequence and pull cursor. */
export class TestClient {
  readonly clientId = `c-${randomUUID()}`;
  seq = 0;
  cursor: Record<string, number> = {};
  /** the device's local store: officeId/entity/id → change */
  readonly store = new Map<string, PullResponse['changes'][number]>();

  constructor(
    readonly base: string,
    public token: string,
    readonly officeId: string,
  ) {}

  mutation(name: string, args: unknown, extra: Partial<Mutation> = {}): Mutation {
    return { seq: ++this.seq, mutationId: randomUUID(), officeId: this.officeId, name, args, ...extra };
  }

  async push(mutations: Mutation[]): Promise<HttpResult<PushResponse>> {
    return http<PushResponse>(this.base, 'POST', '/v1/sync/push', { token: this.token, json: { clientId: this.clientId, protocolVersion: SYNC_PROTOCOL_VERSION, mutations } });
  }

  /** push one mutation and return its result (throws on a non-200 answer) */
  async run(name: string, args: unknown, extra: Partial<Mutation> = {}) {
    const r = await this.push([this.mutation(name, args, extra)]);
    if (r.status !== 200) throw new Error(`push ${name}: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body.results[0]!;
  }

  /** pull until caught up, applying every page to the local store */
  async pullAll(limit = 1000): Promise<number> {
    let pages = 0;
    for (;;) {
      const r = await http<PullResponse>(this.base, 'POST', '/v1/sync/pull', { token: this.token, json: { clientId: this.clientId, protocolVersion: SYNC_PROTOCOL_VERSION, cursor: this.cursor, limit } });
      if (r.status === 503) { await new Promise((res) => setTimeout(res, 200 + Math.random() * 300)); continue; }
      if (r.status !== 200) throw new Error(`pull: ${r.status} ${JSON.stringify(r.body)}`);
      for (const c of r.body.changes) {
        const key = `${c.officeId}/${c.entity}/${c.id}`;
        if (c.deleted) this.store.delete(key);
        else this.store.set(key, c);
      }
      this.cursor = r.body.cursor;
      pages++;
      if (!r.body.hasMore) return pages;
    }
  }

  record(entity: string, id: string) {
    return this.store.get(`${this.officeId}/${entity}/${id}`);
  }
}

/** What a seeded server gives a describe block; read inside tests/hooks (it is filled in by beforeAll). */
export interface SeededServer {
  /** the server's base URL */
  readonly url: string;
  /** the database the server runs on (for set-up the API cannot do, e.g. ageing a lease) */
  readonly db: Db;
  /** the two seeded offices and their users */
  readonly fx: Fixture;
  /** the access token of a fixture user, for plain http() calls */
  token(who: string): string;
  /** a TestClient acting as that fixture user in the user's office */
  client(who: string): TestClient;
}

/**
 * For a describe block: opens a database of `backend` (opts.poolSize as in openTestDb), starts a
 * server on it, seeds the two offices and logs every fixture user in (beforeAll); closes everything
 * afterwards (afterAll).
 */
export function seededServer(backend: BackendChoice, opts: { poolSize?: number } = {}): SeededServer {
  let server: TestServer | undefined;
  let dispose: (() => Promise<void>) | undefined;
  let fx: Fixture | undefined;
  const tokens: Record<string, string> = {};
  beforeAll(async () => {
    const t = await openTestDb(backend.kind, opts);
    dispose = t.dispose;
    server = await startServer(t.db);
    fx = await seed(t.db);
    for (const name of Object.keys(fx.users)) tokens[name] = (await login(server.url, fx.users[name]!)).accessToken;
  });
  afterAll(async () => {
    await server?.close();
    await dispose?.();
  });
  return {
    get url() {
      return server!.url;
    },
    get db() {
      return server!.db;
    },
    get fx() {
      return fx!;
    },
    token: (who) => tokens[who]!,
    client: (who) => new TestClient(server!.url, tokens[who]!, fx!.users[who]!.office),
  };
}

/** seededServer() for blocks that only need `client(who)`. */
export function seededServerClients(backend: BackendChoice): (who: string) => TestClient {
  const s = seededServer(backend);
  return (who) => s.client(who);
}
