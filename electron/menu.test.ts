import { describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { buildMenuTemplate, fileNameFromTitle } from './menu';
import { SuggestedFileName } from '../shared/ipc';

function items(menu: MenuItemConstructorOptions): MenuItemConstructorOptions[] {
  return Array.isArray(menu.submenu) ? menu.submenu : [];
}

function find(template: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions | undefined {
  return template.flatMap(items).find((item) => item.label === label);
}

const actions = () => ({ printView: vi.fn(), printViewToPdf: vi.fn(), showAbout: vi.fn() });

describe('application menu', () => {
  it('has the zh-CN top-level menus on Windows and Linux', () => {
    const template = buildMenuTemplate(actions(), { platform: 'win32', appName: 'Hotline Office', isPackaged: true });
    expect(template.map((m) => m.label)).toEqual(['文件', '编辑', '视图', '窗口', '帮助']);
  });

  it('puts the application menu first on macOS, with quit there', () => {
    const template = buildMenuTemplate(actions(), { platform: 'darwin', appName: 'Hotline Office', isPackaged: true });
    expect(template.map((m) => m.label)).toEqual(['Hotline Office', '文件', '编辑', '视图', '窗口', '帮助']);
    expect(items(template[0]!).some((i) => i.role === 'quit')).toBe(true);
    expect(find(template.slice(1), '退出')).toBeUndefined();
  });

  it('wires 打印… and 打印为 PDF… to the print actions, and 退出 to quit', () => {
    const a = actions();
    const template = buildMenuTemplate(a, { platform: 'linux', appName: 'Hotline Office', isPackaged: true });
    const print = find(template, '打印…');
    const pdf = find(template, '打印为 PDF…');
    expect(print?.accelerator).toBe('CmdOrCtrl+P');
    (print?.click as () => void)();
    (pdf?.click as () => void)();
    expect(a.printView).toHaveBeenCalledTimes(1);
    expect(a.printViewToPdf).toHaveBeenCalledTimes(1);
    expect(find(template, '退出')?.role).toBe('quit');
    (find(template, '关于 Hotline Office')?.click as () => void)();
    expect(a.showAbout).toHaveBeenCalledTimes(1);
  });

  it('offers the macOS-only zoom role only on macOS', () => {
    expect(find(buildMenuTemplate(actions(), { platform: 'win32', appName: 'H', isPackaged: true }), '缩放')).toBeUndefined();
    expect(find(buildMenuTemplate(actions(), { platform: 'darwin', appName: 'H', isPackaged: true }), '缩放')?.role).toBe('zoom');
  });

  it('offers developer tools only in development', () => {
    const packaged = buildMenuTemplate(actions(), { platform: 'linux', appName: 'H', isPackaged: true });
    const dev = buildMenuTemplate(actions(), { platform: 'linux', appName: 'H', isPackaged: false });
    expect(find(packaged, '开发者工具')).toBeUndefined();
    expect(find(dev, '开发者工具')?.role).toBe('toggleDevTools');
  });
});

describe('fileNameFromTitle', () => {
  it.each([
    ['客户 / 详情', '客户 _ 详情'],
    ['合同: HT*001?', '合同_ HT_001_'],
    ['  .. ', 'Hotline Office'],
    ['', 'Hotline Office'],
  ])('%j → %j, a name the IPC schema accepts', (title, expected) => {
    const name = fileNameFromTitle(title);
    expect(name).toBe(expected);
    expect(SuggestedFileName.safeParse(name).success).toBe(true);
  });
});
