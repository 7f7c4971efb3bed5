import type { PlatformHint } from './types';

/** The text of each platform hint, per UI language (zh-CN is the default language). */
export const PLATFORM_HINTS: Record<PlatformHint, { 'zh-CN': string; en: string }> = {
  'browser-print-to-pdf': {
    'zh-CN': '浏览器的打印对话框中，把“目标打印机”选为“另存为 PDF”即可保存 PDF 文件。',
    en: 'In the browser’s print dialog, choose “Save as PDF” as the destination to save a PDF file.',
  },
};
