import { IPC_ACTIONS, ipcChannel, parseIpcRequest } from '../../shared/ipc';
import type { IpcAction } from '../../shared/ipc';
import type { SenderCheck } from './guard';
import type { IpcHandlers, IpcInvokeEvent, IpcMainLike } from './types';

/**
 * Registers one ipcMain.handle per action. Every call is checked in the same order: the sender
 * first, then the arguments against the shared zod schema; only then does the handler run.
 * A refused call rejects the renderer's promise with a clear message and does nothing.
 */
export function registerIpcHandlers(
  ipcMain: IpcMainLike,
  handlers: IpcHandlers,
  checkSender: (event: IpcInvokeEvent) => SenderCheck,
  log: (message: string) => void = console.warn,
): void {
  for (const action of IPC_ACTIONS) {
    ipcMain.handle(ipcChannel(action), (event, ...args) => invoke(action, handlers, checkSender, log, event, args));
  }
}

async function invoke<A extends IpcAction>(
  action: A,
  handlers: IpcHandlers,
  checkSender: (event: IpcInvokeEvent) => SenderCheck,
  log: (message: string) => void,
  event: IpcInvokeEvent,
  args: unknown[],
): Promise<unknown> {
  const sender = checkSender(event);
  if (!sender.ok) {
    log(`[ipc] refused ${action}: ${sender.reason}`);
    throw new Error(`${action}：调用被拒绝（${sender.reason}）`);
  }
  const request = parseIpcRequest(action, args);
  if (!request.ok) {
    log(`[ipc] ${request.message}`);
    throw new Error(request.message);
  }
  const handler = handlers[action] as (request: unknown) => Promise<unknown>;
  return handler(request.value);
}
