// Bundles the Electron main process and preload into dist/electron as CommonJS.
//
// Why a bundle and not tsc: a sandboxed preload cannot require local files, and electron-builder
// packages only dist/** (no node_modules), so each entry must carry its own dependencies (zod,
// shared/). `electron` itself stays external: the runtime provides it.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const { devDependencies } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
// Electron 41 ships Node 22 and Chromium 140+: target them so nothing is down-levelled needlessly.
const electronMajor = String(devDependencies.electron).match(/\d+/)?.[0] ?? '41';

const common = {
  absWorkingDir: root,
  bundle: true,
  format: 'cjs',
  external: ['electron'],
  sourcemap: 'linked',
  legalComments: 'none',
  logLevel: 'warning',
};

const started = Date.now();
await Promise.all([
  build({ ...common, entryPoints: ['electron/main.ts'], outfile: 'dist/electron/main.cjs', platform: 'node', target: 'node22' }),
  // The preload runs in the renderer's sandbox: browser platform, only `electron` may be required.
  build({ ...common, entryPoints: ['electron/preload.ts'], outfile: 'dist/electron/preload.cjs', platform: 'browser', target: 'chrome130' }),
]);
console.log(`Built dist/electron/main.cjs and dist/electron/preload.cjs for Electron ${electronMajor} in ${Date.now() - started} ms`);
