// Is there an Electron binary that can run here? Used by `npm start` (scripts/start.mjs) and the
// launch test (tests/electron-launch.spec.ts), so both decide the same way and say why.
//
// The electron npm package downloads its binary at install time; with
// ELECTRON_SKIP_BINARY_DOWNLOAD=1 (as on machines without internet) `require('electron')` throws
// "Electron failed to install correctly". Never fall back to another Chromium: it is not Electron.
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

/** @returns {{ ok: true, path: string, version: string } | { ok: false, reason: string }} */
export function findElectron() {
  let binary;
  try {
    binary = createRequire(import.meta.url)('electron');
  } catch (error) {
    const first = String(error?.message ?? error).split('\n')[0];
    return { ok: false, reason: `no Electron binary is installed (require('electron') says: ${first}); installs without internet skip its download with ELECTRON_SKIP_BINARY_DOWNLOAD=1` };
  }
  if (typeof binary !== 'string' || !existsSync(binary)) {
    return { ok: false, reason: `the Electron binary ${binary} does not exist` };
  }
  const probe = spawnSync(binary, ['--version'], { encoding: 'utf8', timeout: 30_000 });
  const version = probe.stdout?.trim();
  if (probe.status !== 0 || !/^v\d+\./.test(version ?? '')) {
    const why = probe.error?.message ?? (probe.stderr?.trim() || `exit code ${probe.status}`);
    return { ok: false, reason: `the Electron binary ${binary} does not run here (${why})` };
  }
  return { ok: true, path: binary, version };
}

/** Electron on Linux needs an X or Wayland display (use xvfb-run where there is none). */
export function displayProblem(env = process.env, platform = process.platform) {
  if (platform !== 'linux' || env.DISPLAY || env.WAYLAND_DISPLAY) return null;
  return 'no display ($DISPLAY and $WAYLAND_DISPLAY are unset); run it under xvfb-run';
}
