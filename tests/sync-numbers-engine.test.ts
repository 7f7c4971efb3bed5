// Issue 6 at the level of the device's sync engine: two devices (two local stores, the real repositories, outbox,
// translate and SyncEngine) against a real sync server on loopback. A manager suspends a number on device A while
// A has not synced; device B still sees it active until A's outbox reaches the server, then B pulls it suspended.
// The office's settings and grade table saved on A reach B the same way.
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openTestDb, seed, startServer, suiteTitle, testBackends, type Fixture, type TestServer } from './server-harness';
import { HotlineDb, db, setDatabase } from '../renderer/src/data/db';
import { ensureDefaultUsers } from '../renderer/src/data/session';
import { actAs } from '../renderer/src/data/testSupport';
import { addRange, applyNumberEvent, officeSettings, reserveNumber } from '../renderer/src/data/numbers';
import { createCustomer } from '../renderer/src/data/customers';
import { ensureDefaultGradeRules, listGradeRules, saveGradeRules } from '../renderer/src/data/gradeRules';
import { saveOfficeSettings } from '../renderer/src/data/officeProfile';
import { pendingCount, rejectedMutations } from '../renderer/src/data/syncState';
import { loginOnline } from '../renderer/src/sync/session';
import { syncEngine } from '../renderer/src/sync/engine';
import { useSyncStatus } from '../renderer/src/sync/store';
import { sampleCustomer } from '../renderer/src/sync/testHooks';

vi.setConfig({ testTimeout: 180_000, hookTimeout: 240_000 });
// the engine reads navigator.onLine for its status; this Node may have no navigator
if (typeof (globalThis as { navigator?: unknown }).navigator === 'undefined') vi.stubGlobal('navigator', { onLine: true });

const backends = await testBackends();

for (const backend of backends) {
  describe.skipIf(!!backend.skip)(suiteTitle('device sync engine: number lifecycle and office data', backend), () => {
    let server: TestServer | undefined;
    let dispose: (() => Promise<void>) | undefined;
    let fx: Fixture;
    const tag = `${backend.kind}-${Date.now()}`;
    const devA = new HotlineDb(`engine-A-${tag}`);
    const devB = new HotlineDb(`engine-B-${tag}`);

    beforeAll(async () => {
      const t = await openTestDb(backend.kind);
      dispose = t.dispose;
      server = await startServer(t.db);
      fx = await seed(t.db);
    });
    afterAll(async () => {
      await syncEngine.idle();
      await server?.close();
      await dispose?.();
      await devA.delete();
      await devB.delete();
    });

    /** Switches to a device's store and runs one whole sync there (push, pull). */
    async function syncOn(dev: HotlineDb) {
      setDatabase(dev);
      await syncEngine.idle();
      await syncEngine.syncNow();
      await syncEngine.idle();
      expect(useSyncStatus.getState().lastError).toBeNull();
    }

    async function loginOn(dev: HotlineDb, who: string) {
      setDatabase(dev);
      await syncEngine.idle();
      const u = fx.users[who]!;
      await loginOnline(server!.url, u.username, u.password);
      await syncEngine.idle();
    }

    it('a number suspended on device A before it syncs is suspended on device B after both sync', async () => {
      await loginOn(devA, 'managerA');
      await ensureDefaultUsers();
      await actAs('manager');
      const digits = '4008765430';
      await addRange(digits, digits);
      const customer = await createCustomer(sampleCustomer(1, 'ENG'));
      await reserveNumber(digits, customer.id);
      await applyNumberEvent(digits, 'activate', { reason: '开通', customerId: customer.id });
      await syncOn(devA);
      expect(await rejectedMutations()).toEqual([]);

      await loginOn(devB, 'clerkA');
      expect((await db().numbers.get(digits))?.status).toBe('active');

      // device A: suspended while its change has not reached the server
      setDatabase(devA);
      await applyNumberEvent(digits, 'suspend', { reason: '欠费暂停' });
      expect((await db().numbers.get(digits))?.status).toBe('suspended');
      expect(await pendingCount()).toBe(1);
      await syncOn(devB);
      expect((await db().numbers.get(digits))?.status).toBe('active');

      await syncOn(devA);
      expect(await rejectedMutations()).toEqual([]);
      expect(await pendingCount()).toBe(0);
      await syncOn(devB);
      expect((await db().numbers.get(digits))?.status).toBe('suspended');
    });

    it('the office settings and grade table saved on device A are what device B uses after sync', async () => {
      setDatabase(devA);
      await saveOfficeSettings({ coolingDays: 33 });
      await ensureDefaultGradeRules();
      await saveGradeRules([
        { name: '豹子号', patterns: ['AAAA'], match: 'all', priceFen: 1_000_000, minimumMonthlyFen: 60_000, requiredPackageId: null },
        { name: '普通号', patterns: [], match: 'all', priceFen: 0, minimumMonthlyFen: 0, requiredPackageId: null },
      ]);
      await syncOn(devA);
      expect(await rejectedMutations()).toEqual([]);

      setDatabase(devB);
      expect((await officeSettings()).coolingDays).toBe(90);
      await syncOn(devB);
      expect((await officeSettings()).coolingDays).toBe(33);
      expect((await listGradeRules()).map((r) => r.name)).toEqual(['豹子号', '普通号']);
    });
  });
}
