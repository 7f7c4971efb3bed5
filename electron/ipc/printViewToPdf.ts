import path from 'node:path';
import type { IpcHandlers, ShellDeps } from './types';

export function withPdfExtension(name: string): string {
  return /\.pdf$/i.test(name) ? name : `${name}.pdf`;
}

/**
 * Asks where to save first, so a cancelled dialog costs nothing, then renders the window to PDF
 * (the print stylesheet decides what that contains) and writes it.
 */
export function createPrintViewToPdfHandler(
  deps: Pick<ShellDeps, 'showSaveDialog' | 'writeFile' | 'defaultSaveDirectory' | 'printToPdf'>,
): IpcHandlers['printViewToPdf'] {
  return async ({ suggestedName }) => {
    const choice = await deps.showSaveDialog({
      title: '打印为 PDF',
      defaultPath: path.join(deps.defaultSaveDirectory(), withPdfExtension(suggestedName)),
      filters: [{ name: 'PDF 文档', extensions: ['pdf'] }],
    });
    if (choice.canceled || !choice.filePath) return { saved: false };
    const pdf = await deps.printToPdf();
    try {
      await deps.writeFile(choice.filePath, pdf);
    } catch (error) {
      throw new Error(`printViewToPdf：无法写入 ${choice.filePath} — ${(error as Error).message}`, { cause: error });
    }
    return { saved: true, path: choice.filePath };
  };
}
