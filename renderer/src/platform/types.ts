/**
 * The renderer's one seam to the desktop shell. In Electron it is backed by the preload bridge
 * (window.hotline, typed by shared/ipc); in a plain browser by web fallbacks
 * (a download instead of a save dialog, window.print() instead of webContents.print).
 */
export interface SaveFileRequest {
  suggestedName: string;
  data: Uint8Array;
  mimeType: string;
  filters?: { name: string; extensions: string[] }[];
}

export interface SaveFileResult {
  saved: boolean;
  /** Where the file went, when the shell knows (Electron); undefined for a browser download. */
  path?: string;
  /** Something the user should be told to finish the job (see PLATFORM_HINTS in ./hints). */
  hint?: PlatformHint;
}

/** Codes of the hints a platform can return; the UI shows the text in the user's language. */
export type PlatformHint = 'browser-print-to-pdf';

export interface Platform {
  kind: 'electron' | 'browser';
  appVersion(): Promise<string>;
  saveFile(request: SaveFileRequest): Promise<SaveFileResult>;
  /** Print what the window shows now (the print stylesheet decides what that is). */
  printView(): Promise<void>;
  /** Print what the window shows now to a PDF file. */
  printViewToPdf(suggestedName: string): Promise<SaveFileResult>;
  /**
   * Let the window reach this sync server. The desktop shell keeps the address and builds its CSP
   * from it; `reload` says the page must load again before it can connect (a page keeps the policy
   * it was loaded with). A browser has no such policy: nothing to do, never a reload.
   */
  allowSyncServer(url: string): Promise<{ url: string; reload: boolean }>;
}
