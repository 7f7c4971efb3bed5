import type { IpcHandlers, ShellDeps } from './types';

/** The system print dialog for what the window shows; closing the dialog is not an error. */
export function createPrintViewHandler(deps: Pick<ShellDeps, 'print'>): IpcHandlers['printView'] {
  return async () => {
    const { success, failureReason } = await deps.print();
    return success ? { printed: true } : { printed: false, failureReason: failureReason || 'failed' };
  };
}
