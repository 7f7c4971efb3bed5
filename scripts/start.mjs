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
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
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
// The sync server (server/, PGlite in .data/server) starts before the app, so sync works out of the
// box: on a first start with no office it creates a demo office and an admin and prints the login
// (also kept in .data/demo-login.txt). HOTLINE_SYNC_URL points the app at another server instead;
// a server already answering on the port (e.g. `npm run server` in another terminal) is reused.
async function startEmbeddedSyncServer() {
  if (process.env.HOTLINE_SYNC_URL) return { url: process.env.HOTLINE_SYNC_URL, stop: async () => {} };
  const port = process.env.HOTLINE_SYNC_PORT ?? '8787';
  const url = `http://127.0.0.1:${port}`;
  const ready = async () => fetch(`${url}/readyz`).then((r) => r.ok, () => false);
  if (await ready()) {
    console.log(`> sync server already running at ${url}`);
    return { url, stop: async () => {} };
  }
  const dataDir = join(root, '.data', 'server');
  const env = { ...process.env, HOST: '127.0.0.1', PORT: port, HOTLINE_DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' };
  const index = pathToFileURL(join(root, 'server', 'src', 'index.ts')).href;
  // One process: open the data, migrate, and create the demo office + admin only if no office exists.
  const seed = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', `
    import { randomBytes } from 'node:crypto';
    import { openDb, migrate, createOffice, createUser } from ${JSON.stringify(index)};
    const db = await openDb({ dataDir: ${JSON.stringify(dataDir)} });
    await migrate(db);
    const n = (await db.query('SELECT count(*)::int AS n FROM offices')).rows[0].n;
    if (n === 0) {
      const office = await createOffice(db, { name: '演示营业厅', prefix: 'DEMO' });
      const password = randomBytes(9).toString('base64url');
      await createUser(db, { username: 'admin', password, role: 'admin', displayName: '管理员', officeIds: [office.id] });
      console.log('DEMO ' + JSON.stringify({ office: office.name, username: 'admin', password }));
    }
    await db.close();`], { cwd: root, env, encoding: 'utf8' });
  const loginFile = join(root, '.data', 'demo-login.txt');
  const demo = seed.stdout?.split('\n').find((l) => l.startsWith('DEMO '));
  if (seed.status !== 0) console.error(`The sync server's data could not be prepared:\n${seed.stderr}`);
  if (demo) {
    const d = JSON.parse(demo.slice(5));
    writeFileSync(loginFile, `${url}\n${d.office}: ${d.username} / ${d.password}\n`);
  }
  if (existsSync(loginFile)) console.log(`> demo sync login (${loginFile}):\n  ${readFileSync(loginFile, 'utf8').trim().split('\n').join('\n  ')}`);

  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/cli.ts', 'serve'], { cwd: root, env, stdio: ['ignore', 'inherit', 'inherit'] });
  const exited = new Promise((r) => child.once('exit', r));
  for (let i = 0; i < 240 && child.exitCode === null && !(await ready()); i++) await new Promise((r) => setTimeout(r, 250));
  if (child.exitCode !== null || !(await ready())) {
    console.error(`The sync server did not start on ${url}; the app works offline and syncs once a server answers.`);
  } else {
    console.log(`> sync server at ${url} (data in ${dataDir})`);
  }
  return {
    url,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        await exited;
      }
    },
  };
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
