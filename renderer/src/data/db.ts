import Dexie, { type Table, type Transaction } from 'dexie';
import type {
  AccountEventRow,
  AccountRow,
  ApplicationRow,
  AttachmentRow,
  BlobRow,
  CustomerHistoryRow,
  CustomerRow,
  GradeRuleRow,
  MetaRow,
  NumberEventRow,
  NumberRow,
  OutboxRow,
  PackageRow,
  UserRow,
} from './rows';

/**
 * The local store. Dexie is used only under renderer/src/data (lint enforces it):
 * features call the repositories beside this file, never Dexie directly.
 *
 * Schema changes are new entries in SCHEMA_VERSIONS, never edits of an old one:
 * a device that opens the app after an update runs each missing version's upgrade in order.
 */

/** A row of the key/value settings table: device-local preferences (language, …). */
export interface SettingRow {
  key: string;
  value: unknown;
  updatedAt: string;
}

/** The stored office profile (see officeProfileSchema.ts for the validated shape). */
export interface OfficeProfileRow {
  /** One profile per local database; the id keeps the row addressable for sync. */
  id: string;
  [field: string]: unknown;
  updatedAt: string;
}

export interface SchemaVersion {
  version: number;
  stores: Record<string, string | null>;
  upgrade?: (tx: Transaction) => Promise<void> | void;
}

/** The id of the one office-profile row. */
export const OFFICE_PROFILE_ID = 'current';
/** Where version-1 builds kept the profile, in the settings table. */
export const V1_OFFICE_PROFILE_SETTING = 'officeProfile';

export const SCHEMA_VERSIONS: SchemaVersion[] = [
  {
    version: 1,
    stores: {
      // office profile, office settings and other singletons, by key
      settings: 'key',
    },
  },
  {
    // Office data is synced, device preferences are not: the office profile leaves the
    // settings table for a table of its own (the sync outbox will track it like any record).
    // Version 1 also had no time zone: the office's default, Asia/Shanghai, fills it in.
    version: 2,
    stores: { officeProfile: 'id' },
    async upgrade(tx) {
      const old = await tx.table<SettingRow, string>('settings').get(V1_OFFICE_PROFILE_SETTING);
      if (!old || typeof old.value !== 'object' || old.value === null) return;
      const value = old.value as Record<string, unknown>;
      await tx.table<OfficeProfileRow, string>('officeProfile').put({
        timeZone: 'Asia/Shanghai',
        ...value,
        id: OFFICE_PROFILE_ID,
        updatedAt: old.updatedAt,
      });
      await tx.table('settings').delete(V1_OFFICE_PROFILE_SETTING);
    },
  },
  {
    // Every table of the office workflows (issue 4) and the sync outbox, created at once so each
    // area only adds its repository. Row shapes are in rows.ts. Ids are client-made UUIDs (never
    // ++auto), so rows from two offline devices never collide; only the outbox counts locally.
    version: 3,
    stores: {
      users: 'id, role',
      // name / uscc / handlerMobile: prefix and exact search; searchTokens: "contains".
      customers: 'id, name, uscc, handlerMobile, *searchTokens, updatedAt',
      customerHistory: 'id, customerId, [customerId+at]',
      attachments: 'id, customerId, sha256, [customerId+kind]',
      // content-addressed file bytes; `uploaded` finds what still has to go to the server
      blobs: 'sha256, uploaded',
      numbers:
        'digits, status, segment, grade, tail, priceFen, reservedUntil, customerId, holderId, *patterns, ' +
        '[status+segment], [status+grade], [status+priceFen], [status+reservedUntil]',
      numberEvents: 'id, digits, [digits+at]',
      gradeRules: 'id, order',
      packages: 'id, name, status',
      applications: 'id, status, customerId, numberDigits, accountId, updatedAt',
      accounts: 'id, status, customerId, numberDigits',
      accountEvents: 'id, accountId, [accountId+at]',
      // seq is the client's own order of mutations (DESIGN.md §3); mutationId makes a push idempotent
      outbox: '++seq, &mutationId, status',
      // clientId, sync cursors, the current user and other device-local singletons
      meta: 'key',
    },
  },
  {
    // Contracts (issue 5): one row per generated contract. `number` is unique on this device
    // (provisional numbers embed the device tag, so they are unique across devices too; see
    // contractsNumbering.ts); the other indexes serve the register's filters.
    version: 4,
    stores: { contracts: 'id, &number, status, applicationId, customerId, hotlineDigits, updatedAt' },
  },
  {
    // Billing (issue 7). `ledger`: each account's append-only entries as the server published them
    // (entity 'ledgerEntry') plus this device's payments not yet synced (`pending`); the balance is
    // always summed from it. `bills`: monthly bills (entity 'bill'). `billingActions`: the
    // collections job's automatic actions and their reversals.
    version: 5,
    stores: {
      ledger: 'id, accountId, effectiveOn, kind, [accountId+effectiveOn]',
      bills: 'id, accountId, month, [accountId+month]',
      billingActions: 'id, accountId, onDate, action',
    },
  },
  {
    // Billing offline (issue 7 items 1, 5, 7): the action log and call-record disputes arrive through
    // the change log (entities 'billingAction', 'callDispute'); `disputes` is new. Action rows copied
    // from the server's REST list before had no `details` (previous state, number) and version 0:
    // they get empty details here, and the next pull replaces them (migration 0005 publishes the log).
    version: 6,
    stores: { disputes: 'id, accountId, status, [carrier+carrierRecordId]' },
    async upgrade(tx) {
      await tx.table('billingActions').toCollection().modify((row: Record<string, unknown>) => {
        if (typeof row.details !== 'object' || row.details === null) row.details = {};
      });
    },
  },
];

export class HotlineDb extends Dexie {
  settings!: Table<SettingRow, string>;
  officeProfile!: Table<OfficeProfileRow, string>;
  users!: Table<UserRow, string>;
  customers!: Table<CustomerRow, string>;
  customerHistory!: Table<CustomerHistoryRow, string>;
  attachments!: Table<AttachmentRow, string>;
  blobs!: Table<BlobRow, string>;
  numbers!: Table<NumberRow, string>;
  numberEvents!: Table<NumberEventRow, string>;
  gradeRules!: Table<GradeRuleRow, string>;
  packages!: Table<PackageRow, string>;
  applications!: Table<ApplicationRow, string>;
  accounts!: Table<AccountRow, string>;
  accountEvents!: Table<AccountEventRow, string>;
  outbox!: Table<OutboxRow, number>;
  meta!: Table<MetaRow, string>;

  /** `versions` exists for tests that open an older schema and then upgrade it. */
  constructor(name = 'hotline-office', versions: SchemaVersion[] = SCHEMA_VERSIONS) {
    super(name);
    for (const v of versions) {
      const version = this.version(v.version).stores(v.stores);
      if (v.upgrade) version.upgrade(v.upgrade);
    }
  }
}

let current: HotlineDb | null = null;

/** The app's database; tests may swap it with `setDatabase`. */
export function db(): HotlineDb {
  current ??= new HotlineDb();
  return current;
}

export function setDatabase(next: HotlineDb): void {
  current = next;
}
