// `npm start`: run Hotline Office on its embedded defaults.
//
//   node scripts/start.mjs             desktop window where an Electron binary runs, else the browser mode
//   node scripts/start.mjs --browser   always the browser mode
//   node scripts/start.mjs --port 5180 the browser mode's port (default 5173)
//
// Desktop: builds the renderer and the Electron bundles, then launches Electron on them.
// Browser: builds the renderer and serves it on 127.0.0.1 (scripts/serve-renderer.mjs), printing
// the URL and why Electron was not launched.
import { spawn, spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { displayProblem, findElectron } from './find-electron.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({
  options: {
    browser: { type: 'boolean', default: false },
    port: { type: 'string', default: process.env.PORT ?? '5173' },
  },
});

function step(label, command, args) {
  console.log(`> ${label}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`${label} failed (exit code ${result.status ?? result.signal}).`);
    process.exit(result.status || 1);
  }
}

/** Runs a long-lived child in the foreground: Ctrl+C stops it and the start script together. */
function foreground(command, args, env) {
  const child = spawn(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  const stop = (signal) => child.kill(signal);
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  child.on('exit', async (code, signal) => {
    await syncServer.stop();
    process.exit(code ?? (signal ? 0 : 1));
  });
}

// ---- Embedded sync server ------------------------------------------------------------------------
// The sync server (server/, PGlite by default) will be started here, before the app, so both modes
// run on embedded defaults. Until it lands, the app works offline and points at the default URL.
// Replace this stub with the real start; keep the returned shape ({ url, stop }).
async function startEmbeddedSyncServer() {
  return { url: process.env.HOTLINE_SYNC_URL ?? 'http://127.0.0.1:8787', stop: async () => {} };
}
const syncServer = await startEmbeddedSyncServer();
// ---------------------------------------------------------------------------------------------------

const electron = values.browser ? { ok: false, reason: '--browser was given' } : findElectron();
const noDisplay = electron.ok ? displayProblem() : null;

step('build the renderer', process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--config', 'renderer/vite.config.ts', '--logLevel', 'warn']);

if (electron.ok && !noDisplay) {
  step('build the Electron main process and preload', process.execPath, ['scripts/build-electron.mjs']);
  console.log(`> launch Electron ${electron.version}`);
  // `.` runs package.json's "main" (dist/electron/main.cjs).
  foreground(electron.path, ['.'], { HOTLINE_SYNC_URL: syncServer.url });
} else {
  const why = electron.ok ? noDisplay : electron.reason;
  console.log(`\nElectron was not launched: ${why}.`);
  console.log(`Serving the same renderer in the browser instead: open http://127.0.0.1:${values.port}/ in Chromium or Chrome.\n`);
  foreground(process.execPath, ['scripts/serve-renderer.mjs', '--port', values.port], {});
}
