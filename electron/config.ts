/**
 * The desktop shell's settings, read once at start from the environment with safe defaults.
 * Pure (takes the environment and the folder of the built main file) so it is unit-tested.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export const DEFAULT_SYNC_SERVER_URL = 'http://127.0.0.1:8787';

export interface ShellConfig {
  /**
   * The start-up sync server (HOTLINE_SYNC_URL or the loopback default). The CSP's connect-src uses
   * the user's saved choice instead when there is one (syncServerSetting.ts, set over IPC).
   */
  syncServerUrl: string;
  /** Development only: load the renderer from this Vite dev server instead of the built files. */
  devServerUrl?: string;
  /** The built renderer's index.html. */
  rendererIndexFile: string;
  rendererIndexUrl: string;
  /** The bundled preload next to the bundled main file. */
  preloadFile: string;
  /** Tests only: a separate profile folder (window state, storage, single-instance lock). */
  userDataDir?: string;
  /** Problems with the environment that were replaced by defaults (logged by main). */
  warnings: string[];
}

function httpUrl(value: string | undefined): URL | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

/**
 * @param env       process.env
 * @param mainDir   the folder of the built main file (dist/electron); the renderer is built to
 *                  dist/renderer beside it.
 */
export function resolveShellConfig(env: Record<string, string | undefined>, mainDir: string): ShellConfig {
  const warnings: string[] = [];

  let syncServerUrl = DEFAULT_SYNC_SERVER_URL;
  if (env.HOTLINE_SYNC_URL) {
    const url = httpUrl(env.HOTLINE_SYNC_URL);
    if (url) syncServerUrl = url.href.replace(/\/$/, '');
    else warnings.push(`HOTLINE_SYNC_URL is not an http(s) URL; using ${DEFAULT_SYNC_SERVER_URL}`);
  }

  // The dev server is trusted like the app's own files, so only a loopback address is accepted.
  let devServerUrl: string | undefined;
  if (env.HOTLINE_DEV_SERVER_URL) {
    const url = httpUrl(env.HOTLINE_DEV_SERVER_URL);
    if (url && (url.hostname === '127.0.0.1' || url.hostname === 'localhost')) devServerUrl = url.href;
    else warnings.push('HOTLINE_DEV_SERVER_URL must be an http URL on 127.0.0.1 or localhost; loading the built renderer');
  }

  const rendererDir = env.HOTLINE_RENDERER_DIR ? path.resolve(env.HOTLINE_RENDERER_DIR) : path.join(mainDir, '..', 'renderer');
  const rendererIndexFile = path.join(rendererDir, 'index.html');
  return {
    syncServerUrl,
    ...(devServerUrl ? { devServerUrl } : {}),
    rendererIndexFile,
    rendererIndexUrl: pathToFileURL(rendererIndexFile).href,
    preloadFile: path.join(mainDir, 'preload.cjs'),
    ...(env.HOTLINE_USER_DATA_DIR ? { userDataDir: path.resolve(env.HOTLINE_USER_DATA_DIR) } : {}),
    warnings,
  };
}
