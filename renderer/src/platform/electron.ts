import type { HotlineBridge } from '../../../shared/ipc';
import type { Platform } from './types';

/** The desktop shell: every call goes through the preload bridge to the main process. */
export function createElectronPlatform(bridge: HotlineBridge): Platform {
  return {
    kind: 'electron',
    appVersion: () => bridge.appVersion(),
    async saveFile({ suggestedName, data, filters }) {
      // The MIME type only matters to a browser download; the desktop writes the bytes as they are.
      return bridge.saveFile({ suggestedName, data, ...(filters ? { filters } : {}) });
    },
    async printView() {
      const result = await bridge.printView();
      // Closing the print dialog is the user's choice, not an error.
      if (!result.printed && result.failureReason !== 'cancelled') {
        throw new Error(`打印失败：${result.failureReason ?? '未知原因'}`);
      }
    },
    printViewToPdf: (suggestedName) => bridge.printViewToPdf({ suggestedName }),
    allowSyncServer: (url) => bridge.setSyncServerUrl({ url }),
  };
}
