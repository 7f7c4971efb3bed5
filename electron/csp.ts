/**
 * The Content-Security-Policy the main process puts on every response the app window receives.
 * Pure so its directives are unit-tested. The sync server comes from the user (setSyncServerUrl),
 * so it passes the shared strict check first: an http(s) origin, never a wildcard or a source list.
 */
import { checkSyncServerUrl } from '../shared/ipc/syncServerUrl';

export interface CspOptions {
  /** The sync server the renderer talks to (http or https URL). */
  syncServerUrl: string;
  /** The Vite dev server, in development only: it needs an inline preamble and a websocket. */
  devServerUrl?: string;
}

const LOOPBACK_HOSTS = ['127.0.0.1', 'localhost'];

function originOf(url: string): URL | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed : null;
  } catch {
    return null;
  }
}

/** The sync server's origin, plus its 127.0.0.1/localhost twin when it is on this machine; none for a bad address. */
export function syncServerSources(syncServerUrl: string): string[] {
  const check = checkSyncServerUrl(syncServerUrl);
  if (!check.ok) return [];
  const url = new URL(check.origin);
  if (!LOOPBACK_HOSTS.includes(url.hostname)) return [url.origin];
  const port = url.port ? `:${url.port}` : '';
  return LOOPBACK_HOSTS.map((host) => `${url.protocol}//${host}${port}`);
}

export function buildContentSecurityPolicy({ syncServerUrl, devServerUrl }: CspOptions): string {
  const dev = devServerUrl ? originOf(devServerUrl) : null;
  const connect = ["'self'", ...syncServerSources(syncServerUrl)];
  const script = ["'self'"];
  if (dev) {
    connect.push(dev.origin, `${dev.protocol === 'https:' ? 'wss' : 'ws'}://${dev.host}`);
    // @vitejs/plugin-react injects an inline React Refresh preamble in development only.
    script.push("'unsafe-inline'");
  }
  const directives: [string, string[]][] = [
    ['default-src', ["'none'"]],
    ['script-src', script],
    // MUI's emotion inserts <style> elements at run time; styles cannot run code.
    ['style-src', ["'self'", "'unsafe-inline'"]],
    ['img-src', ["'self'", 'blob:', 'data:']],
    ['font-src', ["'self'", 'data:']],
    ['connect-src', [...new Set(connect)]],
    ['worker-src', ["'self'", 'blob:']],
    ['manifest-src', ["'self'"]],
    ['object-src', ["'none'"]],
    ['base-uri', ["'none'"]],
    ['form-action', ["'none'"]],
    ['frame-ancestors', ["'none'"]],
  ];
  return directives.map(([name, sources]) => `${name} ${sources.join(' ')}`).join('; ');
}

/**
 * Response headers with our policy in place of any the response carried (the dev server's or a
 * file's), keeping every other header. Header names are case-insensitive, so all spellings go.
 */
export function withContentSecurityPolicy(
  headers: Record<string, string[] | string> | undefined,
  policy: string,
): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() === 'content-security-policy') continue;
    result[name] = Array.isArray(value) ? value : [value];
  }
  result['Content-Security-Policy'] = [policy];
  return result;
}
