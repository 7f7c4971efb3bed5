/**
 * The only bridge between the sandboxed renderer and the desktop shell: `window.hotline`, one named
 * function per action of the shared contract, each passing exactly its one argument to the main
 * process (which checks the sender and validates it). ipcRenderer itself is never exposed.
 *
 * A sandboxed preload cannot require local files, so scripts/build-electron.mjs bundles this file
 * (with shared/ipc/channels) into dist/electron/preload.cjs.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { BRIDGE_GLOBAL_NAME, ipcChannel } from '../shared/ipc/channels';
import type { HotlineBridge } from '../shared/ipc/contract';

const bridge: HotlineBridge = {
  appVersion: () => ipcRenderer.invoke(ipcChannel('appVersion')),
  saveFile: (request) => ipcRenderer.invoke(ipcChannel('saveFile'), request),
  printView: () => ipcRenderer.invoke(ipcChannel('printView')),
  printViewToPdf: (request) => ipcRenderer.invoke(ipcChannel('printViewToPdf'), request),
  setSyncServerUrl: (request) => ipcRenderer.invoke(ipcChannel('setSyncServerUrl'), request),
};

contextBridge.exposeInMainWorld(BRIDGE_GLOBAL_NAME, bridge);
