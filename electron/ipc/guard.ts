import type { IpcInvokeEvent } from './types';

export interface TrustedSender {
  /** The id of the main window's webContents; undefined while no window exists. */
  mainWebContentsId(): number | undefined;
  /** The navigation allow-list: is this URL the app's own page? */
  isAppUrl(url: string): boolean;
}

export type SenderCheck = { ok: true } | { ok: false; reason: string };

/**
 * Only the main window's own top-level page may call the shell: not another webContents, not a
 * sub-frame, not a page that somehow got navigated elsewhere.
 */
export function checkSender(event: IpcInvokeEvent, trusted: TrustedSender): SenderCheck {
  const frame = event.senderFrame;
  if (!frame) return { ok: false, reason: 'the calling frame no longer exists' };
  if (event.sender.id !== trusted.mainWebContentsId()) return { ok: false, reason: `webContents ${event.sender.id} is not the main window` };
  if (frame.parent) return { ok: false, reason: `a sub-frame (${frame.url}) may not call the shell` };
  if (!trusted.isAppUrl(frame.url)) return { ok: false, reason: `${frame.url} is not the app's page` };
  return { ok: true };
}
