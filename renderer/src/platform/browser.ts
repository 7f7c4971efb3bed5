import type { Platform } from './types';
import { BUILD_VERSION } from './version';

/** The few browser facilities the fallbacks use, injectable so tests can watch them. */
export interface BrowserEnv {
  document: Pick<Document, 'createElement' | 'title'> & { body: Pick<HTMLElement, 'append'> };
  createObjectURL(blob: Blob): string;
  revokeObjectURL(url: string): void;
  print(): void;
  /** Defers the URL's revocation so the download has started before the URL dies. */
  later(callback: () => void): void;
  version: string;
}

export function defaultBrowserEnv(): BrowserEnv {
  return {
    document,
    createObjectURL: (blob) => URL.createObjectURL(blob),
    revokeObjectURL: (url) => URL.revokeObjectURL(url),
    print: () => window.print(),
    later: (callback) => void setTimeout(callback, 10_000),
    version: BUILD_VERSION,
  };
}

function withoutPdfExtension(name: string): string {
  return name.replace(/\.pdf$/i, '');
}

/**
 * A plain browser: a file is "saved" by downloading it (the browser decides where), printing is
 * window.print(), and a PDF comes from the print dialog's "Save as PDF" destination.
 */
export function createBrowserPlatform(env: BrowserEnv = defaultBrowserEnv()): Platform {
  return {
    kind: 'browser',
    allowSyncServer: async (url) => ({ url, reload: false }),
    appVersion: async () => env.version,
    async saveFile({ suggestedName, data, mimeType }) {
      // Copy into a fresh ArrayBuffer-backed array: a Blob part may not be a view on a SharedArrayBuffer.
      const blob = new Blob([new Uint8Array(data)], { type: mimeType });
      const url = env.createObjectURL(blob);
      const link = env.document.createElement('a');
      link.href = url;
      link.download = suggestedName;
      link.rel = 'noopener';
      link.style.display = 'none';
      env.document.body.append(link);
      link.click();
      link.remove();
      env.later(() => env.revokeObjectURL(url));
      return { saved: true };
    },
    async printView() {
      env.print();
    },
    async printViewToPdf(suggestedName) {
      // Chromium proposes the document title as the PDF's file name: lend it the suggested name.
      const title = env.document.title;
      env.document.title = withoutPdfExtension(suggestedName);
      try {
        env.print();
      } finally {
        env.document.title = title;
      }
      return { saved: false, hint: 'browser-print-to-pdf' };
    },
  };
}
