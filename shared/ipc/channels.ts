/**
 * The names of the desktop-shell actions and the one place their IPC channel names come from.
 * Kept apart from the schemas so the preload can import channel names without bundling zod.
 */
export const IPC_ACTIONS = ['appVersion', 'saveFile', 'printView', 'printViewToPdf', 'setSyncServerUrl'] as const;

export type IpcAction = (typeof IPC_ACTIONS)[number];

/** Every channel starts with this prefix, so a stray `hotline:*` message is recognisably ours. */
export const IPC_CHANNEL_PREFIX = 'hotline:';

export type IpcChannel<A extends IpcAction = IpcAction> = `${typeof IPC_CHANNEL_PREFIX}${A}`;

export function ipcChannel<A extends IpcAction>(action: A): IpcChannel<A> {
  return `${IPC_CHANNEL_PREFIX}${action}`;
}

export function isIpcAction(value: unknown): value is IpcAction {
  return typeof value === 'string' && (IPC_ACTIONS as readonly string[]).includes(value);
}

/** The global name the preload exposes the bridge under: `window.hotline`. */
export const BRIDGE_GLOBAL_NAME = 'hotline';
