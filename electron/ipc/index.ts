import { createAppVersionHandler } from './appVersion';
import { createPrintViewHandler } from './printView';
import { createPrintViewToPdfHandler } from './printViewToPdf';
import { createSaveFileHandler } from './saveFile';
import { createSetSyncServerUrlHandler } from './setSyncServerUrl';
import type { IpcHandlers, ShellDeps } from './types';

export { checkSender } from './guard';
export type { TrustedSender, SenderCheck } from './guard';
export { registerIpcHandlers } from './register';
export type { ShellDeps, IpcHandlers, IpcInvokeEvent, IpcMainLike } from './types';

export function createIpcHandlers(deps: ShellDeps): IpcHandlers {
  return {
    appVersion: createAppVersionHandler(deps),
    saveFile: createSaveFileHandler(deps),
    printView: createPrintViewHandler(deps),
    printViewToPdf: createPrintViewToPdfHandler(deps),
    setSyncServerUrl: createSetSyncServerUrlHandler(deps),
  };
}
