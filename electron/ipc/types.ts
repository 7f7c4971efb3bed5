/**
 * What the IPC handlers need from Electron and Node, as plain function types, so the handlers are
 * plain functions that tests call with fakes (main.ts wires the real dialog, fs and webContents).
 */
import type { IpcAction, IpcParsedRequest, IpcResponse } from '../../shared/ipc';

export interface SaveDialogOptions {
  title: string;
  defaultPath: string;
  filters: { name: string; extensions: string[] }[];
}

export interface SaveDialogResult {
  canceled: boolean;
  filePath?: string;
}

export interface ShellDeps {
  appVersion(): string;
  /** The native save dialog, parented to the main window. */
  showSaveDialog(options: SaveDialogOptions): Promise<SaveDialogResult>;
  writeFile(filePath: string, data: Uint8Array): Promise<void>;
  /** Where the save dialog starts (the user's documents folder). */
  defaultSaveDirectory(): string;
  /** Print the main window with the system print dialog. */
  print(): Promise<{ success: boolean; failureReason: string }>;
  /** Render the main window to PDF bytes. */
  printToPdf(): Promise<Uint8Array>;
  /** The sync server the window's CSP allows now. */
  syncServerUrl(): string;
  /** Persist another sync server (userData) and build the CSP for it from now on; returns it as stored. */
  setSyncServerUrl(url: string): Promise<string>;
}

/** One handler per action: takes the already validated request, returns the contract's response. */
export type IpcHandlers = {
  [A in IpcAction]: (request: IpcParsedRequest<A>) => Promise<IpcResponse<A>>;
};

/** The parts of Electron's IpcMainInvokeEvent the sender check reads. */
export interface IpcInvokeEvent {
  sender: { id: number };
  senderFrame: { url: string; parent: unknown } | null;
}

/** The part of Electron's ipcMain used to register handlers. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcInvokeEvent, ...args: unknown[]) => Promise<unknown>): void;
}
