import { residentIdCheckCharacter, usccCheckCharacter } from '../../../shared';
import { addAttachment, attachmentBlob, listAttachments } from '../data/attachments';
import { createCustomer, getCustomer, updateCustomer } from '../data/customers';
import type { CustomerInput } from '../data/customersValidation';
import { getCursor, pendingCount, rejectedMutations } from '../data/syncState';
import { localRecordVersions } from '../data/syncStateApply';
import { listConflicts, resolveConflict, type ConflictChoice } from '../data/syncStateConflicts';
import { getCachedSession } from '../data/auth';
import { apiFor, officeOf, syncEngine } from './engine';
import { useSyncStatus } from './store';

/**
 * `window.__hotlineSync`: what the end-to-end tests and the benchmark drive and read. It calls the
 * same repositories and engine the screens call (nothing here bypasses validation or the
 * outbox), so tests can make hundreds of records quickly and compare the store with the server.
 */

const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** A valid registration for test data number i (USCC and ID with correct check characters). */
export function sampleCustomer(i: number, tag: string): CustomerInput {
  let org = '';
  let x = i * 7919 + tag.length * 104729 + [...tag].reduce((a, c) => a * 31 + c.charCodeAt(0), 7);
  for (let k = 0; k < 9; k++) {
    org += USCC_CHARSET[Math.abs(x) % USCC_CHARSET.length];
    x = Math.floor(Math.abs(x) / 7) + k * 13 + i;
  }
  const u17 = `91110105${org}`;
  const id17 = `110105199001${String((i % 28) + 1).padStart(2, '0')}${String(i % 1000).padStart(3, '0')}`;
  return {
    name: `测试${tag}公司${i}号有限公司`,
    uscc: u17 + usccCheckCharacter(u17)!,
    legalRepresentative: '张三',
    address: `北京市朝阳区测试路 ${i} 号`,
    handlerName: '李四',
    handlerIdNumber: id17 + residentIdCheckCharacter(id17)!,
    handlerMobile: `139${String(10_000_000 + i).slice(-8)}`,
    landline: `010-${String(60_000_000 + i)}`,
  };
}

export function installSyncTestHooks(): void {
  const api = {
    syncNow: async () => {
      await syncEngine.syncNow();
      await syncEngine.idle();
      return useSyncStatus.getState();
    },
    status: () => useSyncStatus.getState(),
    pending: pendingCount,
    cursor: getCursor,
    rejected: rejectedMutations,
    conflicts: listConflicts,
    resolveConflict: (id: string, choose: ConflictChoice, value?: unknown) => resolveConflict(id, choose, value),
    localVersions: localRecordVersions,
    getCustomer,
    createCustomers: async (count: number, tag: string, from = 0) => {
      const ids: string[] = [];
      for (let i = from; i < from + count; i++) ids.push((await createCustomer(sampleCustomer(i, tag))).id);
      return ids;
    },
    updateCustomer: async (id: string, patch: Partial<CustomerInput>) => (await updateCustomer(id, patch)).version,
    /** Attaches a PDF made of `text` to a customer; returns its SHA-256. */
    addPdf: async (customerId: string, text: string) => {
      const bytes = new TextEncoder().encode(`%PDF-1.4\n% ${text}\n%%EOF\n`);
      return (await addAttachment({ customerId, kind: 'business_licence', fileName: 'licence.pdf', mime: 'application/pdf', bytes })).sha256;
    },
    /** The attachments this device lists for a customer and whether it holds their bytes. */
    attachments: async (customerId: string) =>
      Promise.all((await listAttachments(customerId)).map(async (a) => ({ sha256: a.sha256, size: a.size, hasBytes: Boolean(await attachmentBlob(a.sha256)) }))),
    /** The server's snapshot of this device's office (what a synced store must equal). */
    serverSnapshot: async () => {
      const cached = await getCachedSession();
      if (!cached) throw new Error('not logged in');
      return apiFor(cached).snapshot(officeOf(cached));
    },
  };
  (window as unknown as { __hotlineSync: typeof api }).__hotlineSync = api;
}
