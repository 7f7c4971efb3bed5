/**
 * The typed IPC contract: types derived from the schemas, the bridge object the preload exposes
 * on `window.hotline`, and the one request parser the main process uses.
 */
import type { z } from 'zod';
import type { IpcAction } from './channels';
import { ipcContract } from './schemas';

// A compile-time check that the contract covers exactly the declared actions.
type _ContractCoversActions = [IpcAction] extends [keyof typeof ipcContract]
  ? [keyof typeof ipcContract] extends [IpcAction] ? true : never
  : never;
const _contractCoversActions: _ContractCoversActions = true;
void _contractCoversActions;

export type IpcRequest<A extends IpcAction> = z.input<(typeof ipcContract)[A]['request']>;
export type IpcResponse<A extends IpcAction> = z.output<(typeof ipcContract)[A]['response']>;

/** An action without arguments is a function of none; any other takes its one request object. */
type BridgeFunction<A extends IpcAction> = [IpcRequest<A>] extends [undefined]
  ? () => Promise<IpcResponse<A>>
  : (request: IpcRequest<A>) => Promise<IpcResponse<A>>;

/** What the preload exposes as `window.hotline`: one named function per action, nothing generic. */
export type HotlineBridge = { readonly [A in IpcAction]: BridgeFunction<A> };

export type SaveFileRequestInput = IpcRequest<'saveFile'>;
export type SaveFileResult = IpcResponse<'saveFile'>;
export type PrintViewResult = IpcResponse<'printView'>;

/** A request after validation (defaults applied). */
export type IpcParsedRequest<A extends IpcAction> = z.output<(typeof ipcContract)[A]['request']>;

export type ParsedRequest<A extends IpcAction> =
  | { ok: true; value: IpcParsedRequest<A> }
  | { ok: false; message: string };

/**
 * Validates what arrived over IPC for one action. `args` is the list after the event: an action
 * takes at most one argument, so anything beyond it is refused rather than silently ignored.
 */
export function parseIpcRequest<A extends IpcAction>(action: A, args: readonly unknown[]): ParsedRequest<A> {
  if (args.length > 1) return { ok: false, message: `${action}：参数过多（最多 1 个，收到 ${args.length} 个）` };
  const schema: z.ZodType = ipcContract[action].request;
  const result = schema.safeParse(args[0]);
  if (result.success) return { ok: true, value: result.data as IpcParsedRequest<A> };
  const details = result.error.issues
    .map((issue) => (issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('；');
  return { ok: false, message: `${action}：参数无效 — ${details}` };
}
