/**
 * Where the app's windows may go. Pure, so the allow-list is unit-tested rather than trusted.
 *
 * The only pages the app loads are its own: the built index.html over file:// (hash routes keep every
 * screen on that one file), or, in development, the Vite dev server. Anything else is refused.
 * External links: an https URL on an exact host of EXTERNAL_LINK_HOSTS is handed to the system
 * browser (never opened inside the app); everything else is simply denied.
 */

export interface AppLocation {
  /** file:// URL of the built renderer's index.html. */
  indexUrl: string;
  /** http://127.0.0.1:5173/ style origin of the dev server, when running in development. */
  devServerUrl?: string;
}

export type NavigationDecision = 'allow' | 'open-external' | 'deny';

/**
 * Hosts whose https pages may open in the user's browser. Empty on purpose: the product has no
 * public help site yet, so every external link is denied. Add the help site's exact host here.
 */
export const EXTERNAL_LINK_HOSTS: readonly string[] = [];

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

function decodedPath(url: URL): string | null {
  try {
    return decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
}

/** True for the app's own page: its index.html (any hash or query), or any page of the dev server. */
export function isAppUrl(url: string, location: AppLocation): boolean {
  const target = parse(url);
  if (!target) return false;
  if (location.devServerUrl) {
    const dev = parse(location.devServerUrl);
    if (dev && (target.protocol === 'http:' || target.protocol === 'https:') && target.origin === dev.origin) return true;
  }
  const index = parse(location.indexUrl);
  if (!index || index.protocol !== 'file:') return false;
  if (target.protocol !== 'file:' || target.host !== index.host || target.username || target.password) return false;
  const targetPath = decodedPath(target);
  return targetPath !== null && targetPath === decodedPath(index);
}

/** An https URL on exactly one of the given hosts, on the default port, without credentials. */
export function isAllowedExternalUrl(url: string, externalHosts: readonly string[]): boolean {
  const target = parse(url);
  if (!target || target.protocol !== 'https:' || target.port !== '' || target.username || target.password) return false;
  return externalHosts.some((host) => host.toLowerCase() === target.hostname);
}

export function decideNavigation(url: string, location: AppLocation, externalHosts: readonly string[] = EXTERNAL_LINK_HOSTS): NavigationDecision {
  if (isAppUrl(url, location)) return 'allow';
  if (isAllowedExternalUrl(url, externalHosts)) return 'open-external';
  return 'deny';
}

/**
 * window.open never creates a second app window (the app has one window); an allowed external
 * link goes to the system browser, everything else is denied.
 */
export function decideWindowOpen(url: string, externalHosts: readonly string[] = EXTERNAL_LINK_HOSTS): 'open-external' | 'deny' {
  return isAllowedExternalUrl(url, externalHosts) ? 'open-external' : 'deny';
}
