import 'fake-indexeddb/auto';
import { strFromU8, unzipSync } from 'fflate';
import { beforeEach, describe, expect, it } from 'vitest';
import { HotlineDb, setDatabase } from './db';
import { localizeError } from './errors';
import { setClock } from './clock';
import { setCurrentUser } from './session';
import { listUsers } from './users';
import { listContracts } from './contracts';
import { BatchCancelledError, exportContractsZip, type BatchProgress } from './contractsBatch';
import { seedApprovedApplications } from './contractsTestSeed';

let n = 0;
beforeEach(async () => {
  setDatabase(new HotlineDb(`contracts-batch-${++n}`));
  setClock('2026-11-22T02:00:00.000Z');
  const apps = await seedApprovedApplications({ count: 0 });
  expect(apps).toEqual([]);
  await setCurrentUser((await listUsers()).find((u) => u.role === 'manager')!.id);
});

describe('batch zip of contracts', () => {
  it('puts one .docx per application in the zip, reports progress, yields between documents, then freezes them', async () => {
    const apps = await seedApprovedApplications({ count: 3 });
    const progress: BatchProgress[] = [];
    let yields = 0;
    const result = await exportContractsZip(
      apps.map((a) => a.applicationId),
      'agreement-400',
      { onProgress: (p) => progress.push(p), yieldToUi: async () => void (yields += 1) },
    );
    const files = unzipSync(result.zip);
    const names = Object.keys(files);
    expect(names).toHaveLength(3);
    expect(result.failures).toEqual([]);
    for (const [i, a] of apps.entries()) {
      const name = names.find((x) => x.includes(a.customerName))!;
      expect(name).toMatch(/^ZZQF-2026-P[0-9A-Z]+-\d{4} .+ 400用户入网服务协议\.docx$/);
      const xml = strFromU8(unzipSync(files[name]!)['word/document.xml']!);
      expect(xml, `document ${i}`).toContain(a.customerName);
    }
    expect(yields).toBe(3);
    expect(progress.at(-1)).toEqual({ done: 3, total: 3, current: null });
    expect(progress.map((p) => p.done)).toEqual([0, 1, 1, 2, 2, 3]);
    expect((await listContracts()).map((c) => c.status)).toEqual(['printed', 'printed', 'printed']);
  });

  it('cancel stops before the next document and freezes nothing', async () => {
    const apps = await seedApprovedApplications({ count: 3 });
    const controller = new AbortController();
    let yields = 0;
    const run = exportContractsZip(
      apps.map((a) => a.applicationId),
      'agreement-400',
      {
        signal: controller.signal,
        yieldToUi: async () => {
          yields += 1;
          controller.abort();
        },
      },
    );
    await expect(run).rejects.toBeInstanceOf(BatchCancelledError);
    expect(yields).toBe(1);
    const contracts = await listContracts();
    expect(contracts).toHaveLength(1);
    expect(contracts[0]!.status).toBe('draft');
  });

  it('lists an application the contract refuses and carries on with the others', async () => {
    const apps = await seedApprovedApplications({ count: 2 });
    const result = await exportContractsZip([apps[0]!.applicationId, 'missing-id', apps[1]!.applicationId], 'access-4008', { yieldToUi: async () => {} });
    expect(Object.keys(unzipSync(result.zip))).toHaveLength(2);
    expect(result.failures.map((f) => ({ applicationId: f.applicationId, message: f.message }))).toEqual([{ applicationId: 'missing-id', message: '受理单不存在。' }]);
    expect(localizeError(result.failures[0]?.error, 'en')).toBe('The application does not exist.');
  });
});
