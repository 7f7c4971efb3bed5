import Dexie, { type Table } from 'dexie';

/**
 * The local store. Dexie is used only under renderer/src/data (lint enforces it):
 * features call the repositories beside this file, never Dexie directly.
 *
 * Schema changes are new entries in SCHEMA_VERSIONS, never edits of an old one:
 * a device that opens the app after an update runs each missing version's upgrade in order.
 */

/** A row of the key/value settings table. */
export interface SettingRow {
  key: string;
  value: unknown;
  updatedAt: string;
}

export interface SchemaVersion {
  version: number;
  stores: Record<string, string | null>;
  upgrade?: (tx: Parameters<NonNullable<Parameters<ReturnType<Dexie['version']>['upgrade']>[0]>>[0]) => Promise<void> | void;
}

export const SCHEMA_VERSIONS: SchemaVersion[] = [
  {
    version: 1,
    stores: {
      // office profile, office settings and other singletons, by key
      settings: 'key',
    },
  },
];

export class HotlineDb extends Dexie {
  settings!: Table<SettingRow, string>;

  constructor(name = 'hotline-office') {
    super(name);
    for (const v of SCHEMA_VERSIONS) {
      const version = this.version(v.version).stores(v.stores);
      if (v.upgrade) version.upgrade(v.upgrade);
    }
  }
}

let current: HotlineDb | null = null;

/** The app's database; tests may swap it with `useDatabase`. */
export function db(): HotlineDb {
  current ??= new HotlineDb();
  return current;
}

export function useDatabase(next: HotlineDb): void {
  current = next;
}
