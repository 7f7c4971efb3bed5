/**
 * The zh-CN application menu. A pure template builder (Electron's types only), so the labels and
 * the wiring of the print commands are unit-tested; main.ts turns it into a Menu.
 */
import type { MenuItemConstructorOptions } from 'electron';

export interface MenuActions {
  printView(): void;
  printViewToPdf(): void;
  showAbout(): void;
}

export interface MenuOptions {
  platform: string;
  appName: string;
  /** Developer tools only in development builds. */
  isPackaged: boolean;
}

export function buildMenuTemplate(actions: MenuActions, { platform, appName, isPackaged }: MenuOptions): MenuItemConstructorOptions[] {
  const isMac = platform === 'darwin';
  const about: MenuItemConstructorOptions = { label: `关于 ${appName}`, click: () => actions.showAbout() };

  const template: MenuItemConstructorOptions[] = [];
  if (isMac) {
    template.push({
      label: appName,
      submenu: [
        about,
        { type: 'separator' },
        { role: 'hide', label: `隐藏 ${appName}` },
        { role: 'hideOthers', label: '隐藏其他' },
        { role: 'unhide', label: '全部显示' },
        { type: 'separator' },
        { role: 'quit', label: `退出 ${appName}` },
      ],
    });
  }
  template.push(
    {
      label: '文件',
      submenu: [
        { label: '打印…', accelerator: 'CmdOrCtrl+P', click: () => actions.printView() },
        { label: '打印为 PDF…', accelerator: 'CmdOrCtrl+Shift+P', click: () => actions.printViewToPdf() },
        ...(isMac ? [] : ([{ type: 'separator' }, { role: 'quit', label: '退出', accelerator: 'CmdOrCtrl+Q' }] as MenuItemConstructorOptions[])),
      ],
    },
    {
      label: '编辑',
      submenu: [
        { role: 'undo', label: '撤销' },
        { role: 'redo', label: '重做' },
        { type: 'separator' },
        { role: 'cut', label: '剪切' },
        { role: 'copy', label: '复制' },
        { role: 'paste', label: '粘贴' },
        { role: 'selectAll', label: '全选' },
      ],
    },
    {
      label: '视图',
      submenu: [
        { role: 'reload', label: '重新加载' },
        ...(isPackaged ? [] : ([{ role: 'toggleDevTools', label: '开发者工具' }] as MenuItemConstructorOptions[])),
        { type: 'separator' },
        { role: 'resetZoom', label: '实际大小' },
        { role: 'zoomIn', label: '放大' },
        { role: 'zoomOut', label: '缩小' },
        { type: 'separator' },
        { role: 'togglefullscreen', label: '全屏' },
      ],
    },
    {
      label: '窗口',
      submenu: [
        { role: 'minimize', label: '最小化' },
        // The zoom role exists only on macOS (the green title-bar button).
        ...(isMac ? ([{ role: 'zoom', label: '缩放' }] as MenuItemConstructorOptions[]) : []),
        { role: 'close', label: '关闭窗口' },
      ],
    },
    { label: '帮助', role: 'help', submenu: [about] },
  );
  return template;
}

/** Characters a file name may not contain on any desktop system, replaced when a title becomes a name. */
// eslint-disable-next-line no-control-regex
const UNSAFE_FILE_NAME_CHARS = /[/\\:*?"<>|\u0000-\u001f\u007f]+/g;

/** A PDF file name from the window title: "客户 / 详情" → "客户 _ 详情". */
export function fileNameFromTitle(title: string, fallback = 'Hotline Office'): string {
  const cleaned = title.replace(UNSAFE_FILE_NAME_CHARS, '_').replace(/^[\s.]+|[\s.]+$/g, '').slice(0, 120);
  return cleaned || fallback;
}
