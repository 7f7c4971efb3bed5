import path from 'node:path';
import type { IpcHandlers, ShellDeps } from './types';

/**
 * Asks the user where to save (the renderer only suggests a bare file name; it never chooses a
 * path), then writes the bytes there. Cancelling writes nothing.
 */
export function createSaveFileHandler(
  deps: Pick<ShellDeps, 'showSaveDialog' | 'writeFile' | 'defaultSaveDirectory'>,
): IpcHandlers['saveFile'] {
  return async ({ suggestedName, data, filters }) => {
    const choice = await deps.showSaveDialog({
      title: '保存文件',
      defaultPath: path.join(deps.defaultSaveDirectory(), suggestedName),
      filters: [...(filters ?? []), { name: '所有文件', extensions: ['*'] }],
    });
    if (choice.canceled || !choice.filePath) return { saved: false };
    try {
      await deps.writeFile(choice.filePath, data);
    } catch (error) {
      throw new Error(`saveFile：无法写入 ${choice.filePath} — ${(error as Error).message}`, { cause: error });
    }
    return { saved: true, path: choice.filePath };
  };
}
