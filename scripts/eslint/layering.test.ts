import { describe, it, expect } from 'vitest';
import { ESLint } from 'eslint';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..', '..');
const eslint = new ESLint({ cwd: root });

/** Lints `code` as if it were the repository file `file`, and returns the layering messages. */
async function layeringErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'layering/boundaries').map((m) => m.message);
}

describe('layering lint rule', () => {
  it('refuses an import of electron/ from renderer/', async () => {
    const errors = await layeringErrors('renderer/src/app/x.ts', "import { x } from '../../../electron/main';\nexport const y = x;\n");
    expect(errors).toEqual([expect.stringContaining('renderer/ may not import from electron/')]);
  });

  it('refuses server/ importing renderer/ and electron/ importing server/', async () => {
    expect(await layeringErrors('server/src/a.ts', "export * from '../../renderer/src/main';\n")).toHaveLength(1);
    expect(await layeringErrors('electron/a.ts', "export { z } from '../server/src/index';\n")).toHaveLength(1);
  });

  it('refuses shared/ importing any other layer', async () => {
    expect(await layeringErrors('shared/domain/a.ts', "export * from '../../renderer/src/main';\n")).toHaveLength(1);
  });

  it('allows every layer to import shared/ and itself', async () => {
    expect(await layeringErrors('renderer/src/app/x.ts', "export * from '../../../shared/index';\nexport * from '../data/db';\n")).toEqual([]);
    expect(await layeringErrors('server/src/a.ts', "export * from '../../shared/index';\n")).toEqual([]);
  });

  it('tells a folder named electron inside renderer/ from the electron layer', async () => {
    expect(await layeringErrors('renderer/src/app/x.ts', "export * from '../electron/bridge';\n")).toEqual([]);
  });

  it('keeps dexie inside renderer/src/data', async () => {
    expect(await layeringErrors('renderer/src/areas/x.ts', "import Dexie from 'dexie';\nexport const d = Dexie;\n")).toHaveLength(1);
    expect(await layeringErrors('renderer/src/data/x.ts', "import Dexie from 'dexie';\nexport const d = Dexie;\n")).toEqual([]);
  });

  it('keeps electron inside electron/ and ipcRenderer inside the preload', async () => {
    expect(await layeringErrors('renderer/src/x.ts', "import { ipcRenderer } from 'electron';\nexport const i = ipcRenderer;\n")).toHaveLength(1);
    expect(await layeringErrors('electron/main.ts', "import { ipcRenderer } from 'electron';\nexport const i = ipcRenderer;\n")).toHaveLength(1);
    expect(await layeringErrors('electron/preload.ts', "import { ipcRenderer } from 'electron';\nexport const i = ipcRenderer;\n")).toEqual([]);
  });

  it('keeps the database driver inside server/src/db', async () => {
    expect(await layeringErrors('server/src/routes/x.ts', "import pg from 'pg';\nexport const p = pg;\n")).toHaveLength(1);
    expect(await layeringErrors('server/src/db/x.ts', "import pg from 'pg';\nexport const p = pg;\n")).toEqual([]);
  });
});
