// The pull cursor never skips a transaction that commits late.
// 1. Deterministic interleaving on PostgreSQL: writer A draws its version and stalls before
//    COMMIT; writer B would commit first. With a naive serial-id log the reader skips A's row
//    for good (the control, proving the check can fail); with the office change counter B
//    must wait for A, and the reader sees both.
// 2. Stress: many concurrent writers with random delays before and after drawing the version,
//    a reader paging concurrently with a tiny page size; at the end it holds every record.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { SYNC_PROTOCOL_VERSION } from '../shared/sync/index';
import { createOffice, type Db } from '../server/src/index';
import { writeRecords } from '../server/src/sync/changes';
import { pull } from '../server/src/sync/pull';
import type { AuthInfo } from '../server/src/sync/context';
import { openTestDb, suiteTitle, testBackends } from './server-harness';

// Generous limits: PGlite start-up and child processes are slow on a loaded 2-core machine.
vi.setConfig({ testTimeout: 180_000, hookTimeout: 240_000 });

const backends = await testBackends();

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

async function waitForLockWaiter(db: Db) {
  for (let i = 0; i < 500; i++) {
    const r = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()");
    if (r.rows[0]!.n > 0) return;
    await new Promise((res) => setTimeout(res, 10));
  }
  throw new Error('writer B never waited on a lock');
}

for (const backend of backends) {
  describe.skipIf(!!backend.skip)(suiteTitle('pull never skips a late commit', backend), () => {
    // PGlite has one connection and runs transactions one at a time: no interleaving to test.
    const itWithTwoConnections = backend.kind === 'postgres' ? it : () => {};
    let db: Db;
    let dispose: () => Promise<void>;

    beforeAll(async () => {
      const t = await openTestDb(backend.kind, { poolSize: 24 });
      db = t.db;
      dispose = t.dispose;
    });
    afterAll(async () => {
      await dispose?.();
    });

    const pullAll = async (auth: AuthInfo, cursor: Record<string, number>, seen: Set<string>, limit = 7) => {
      for (;;) {
        const page = await pull(db, auth, { protocolVersion: SYNC_PROTOCOL_VERSION, cursor, limit });
        for (const c of page.changes) seen.add(c.id);
        Object.assign(cursor, page.cursor);
        if (!page.hasMore) return;
      }
    };

    itWithTwoConnections('control: a naive serial-id cursor DOES skip the late commit', async () => {
      await db.exec('CREATE TABLE naive_log (id bigserial PRIMARY KEY, tag text NOT NULL)');
      const stall = deferred();
      const a = db.transaction(async (tx) => {
        await tx.query("INSERT INTO naive_log (tag) VALUES ('A')"); // draws id 1
        await stall.promise; // …and commits late
      });
      await new Promise((r) => setTimeout(r, 50));
      await db.transaction(async (tx) => {
        await tx.query("INSERT INTO naive_log (tag) VALUES ('B')"); // id 2, commits at once
      });
      const seen: string[] = [];
      let cursor = 0;
      const read = async () => {
        const r = await db.query<{ id: number; tag: string }>('SELECT id, tag FROM naive_log WHERE id > $1 ORDER BY id', [cursor]);
        for (const row of r.rows) {
          seen.push(row.tag);
          cursor = row.id;
        }
      };
      await read();
      stall.resolve();
      await a;
      await read();
      expect(seen).toEqual(['B']); // A was skipped forever
    });

    itWithTwoConnections('the office change counter makes the second writer wait, so nothing is skipped', async () => {
      const office = await createOffice(db, { name: '顺序', prefix: `S${randomUUID().slice(0, 6)}` });
      const auth: AuthInfo = { userId: randomUUID(), role: 'admin', officeIds: [office.id] };
      const stall = deferred();
      let aVersion = 0;
      let bVersion = 0;
      const a = db.transaction(async (tx) => {
        aVersion = (await writeRecords(tx, office.id, 'writer-a', [{ entity: 'customer', id: 'A', data: { n: 'A' }, deleted: false, changedFields: ['n'] }]))[0]!;
        await stall.promise;
      });
      await new Promise((r) => setTimeout(r, 50));
      const b = db.transaction(async (tx) => {
        bVersion = (await writeRecords(tx, office.id, 'writer-b', [{ entity: 'customer', id: 'B', data: { n: 'B' }, deleted: false, changedFields: ['n'] }]))[0]!;
      });
      await waitForLockWaiter(db); // B is blocked behind A's uncommitted version
      const seen = new Set<string>();
      const cursor: Record<string, number> = {};
      await pullAll(auth, cursor, seen);
      expect([...seen]).toEqual([]);
      stall.resolve();
      await Promise.all([a, b]);
      await pullAll(auth, cursor, seen);
      expect([...seen].sort()).toEqual(['A', 'B']);
      expect(bVersion).toBeGreaterThan(aVersion);
    });

    it('many concurrent writers with delayed commits: the paging reader ends with every record', async () => {
      const office = await createOffice(db, { name: '并发', prefix: `C${randomUUID().slice(0, 6)}` });
      const auth: AuthInfo = { userId: randomUUID(), role: 'admin', officeIds: [office.id] };
      const writers = 16;
      const perWriter = 15;
      const written = new Set<string>();
      const sleep = (max: number) => (backend.kind === 'postgres' ? `SELECT pg_sleep(${(Math.random() * max).toFixed(3)})` : 'SELECT 1');
      let done = false;
      const work = Array.from({ length: writers }, async (_, w) => {
        for (let i = 0; i < perWriter; i++) {
          const ids = Array.from({ length: 1 + (i % 3) }, () => randomUUID());
          await db.transaction(async (tx) => {
            await tx.query(sleep(0.02)); // work before drawing versions
            await writeRecords(tx, office.id, `w${w}`, ids.map((id) => ({ entity: 'customer' as const, id, data: { w, i }, deleted: false, changedFields: ['w', 'i'] })));
            await tx.query(sleep(0.005)); // …and a late commit after drawing them
          });
          ids.forEach((id) => written.add(id));
        }
      });
      const seen = new Set<string>();
      const cursor: Record<string, number> = {};
      let readerPasses = 0;
      const reader = (async () => {
        while (!done) {
          await pullAll(auth, cursor, seen, 5);
          readerPasses++;
        }
      })();
      await Promise.all(work);
      done = true;
      await reader;
      await pullAll(auth, cursor, seen, 5); // the final catch-up a client does anyway
      expect(written.size).toBe(writers * perWriter * 2);
      expect([...written].filter((id) => !seen.has(id))).toEqual([]);
      // On PostgreSQL the reader really ran while writers were committing (PGlite runs one transaction at a time).
      if (backend.kind === 'postgres') expect(readerPasses).toBeGreaterThan(1);
      // Versions are dense apart from rolled-back gaps: here none, so exactly one per record.
      const r = await db.query<{ n: number; max: number }>('SELECT count(*)::int AS n, max(version)::int AS max FROM records WHERE office_id = $1', [office.id]);
      expect(r.rows[0]).toEqual({ n: written.size, max: written.size });
    });
  });
}
