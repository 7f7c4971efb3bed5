/**
 * The Electron main process. Thin on purpose: it wires Electron to the pure, unit-tested modules
 * beside it (navigation allow-list, CSP, window placement, IPC handlers, menu) and holds no logic
 * of its own that a test would need to reach.
 *
 * Bundled by scripts/build-electron.mjs into dist/electron/main.cjs (CommonJS, electron external).
 */
import { BrowserWindow, Menu, app, dialog, ipcMain, screen, session, shell } from 'electron';
import type { WebContents } from 'electron';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { resolveShellConfig } from './config';
import { buildContentSecurityPolicy, withContentSecurityPolicy } from './csp';
import { checkSender, createIpcHandlers, registerIpcHandlers } from './ipc';
import type { ShellDeps } from './ipc';
import { buildMenuTemplate, fileNameFromTitle } from './menu';
import { decideNavigation, decideWindowOpen, isAppUrl } from './navigation';
import type { AppLocation } from './navigation';
import { loadWindowState, placeWindow, saveWindowState, MIN_WINDOW_SIZE } from './windowState';
import { SyncServerSetting, syncServerSettingFile } from './syncServerSetting';

const APP_NAME = 'Hotline Office';
const config = resolveShellConfig(process.env, __dirname);
for (const warning of config.warnings) console.warn(`[config] ${warning}`);

const appLocation: AppLocation = {
  indexUrl: config.rendererIndexUrl,
  ...(config.devServerUrl ? { devServerUrl: config.devServerUrl } : {}),
};

let mainWindow: BrowserWindow | null = null;

/**
 * The sync server the window may reach: the user's choice (setSyncServerUrl, kept in userData),
 * else HOTLINE_SYNC_URL / the loopback default. Made once the profile folder is final (ready).
 */
let syncServer: SyncServerSetting | null = null;
/** The CSP for the current sync server; rebuilt when the user chooses another one. */
let policy = '';

function currentPolicy(): string {
  return buildContentSecurityPolicy({
    syncServerUrl: syncServer?.get() ?? config.syncServerUrl,
    ...(config.devServerUrl ? { devServerUrl: config.devServerUrl } : {}),
  });
}

/** Applies the navigation allow-list to every webContents the app ever creates. */
function hardenWebContents(contents: WebContents): void {
  const guard = (event: { preventDefault(): void }, url: string) => {
    const decision = decideNavigation(url, appLocation);
    if (decision === 'allow') return;
    event.preventDefault();
    if (decision === 'open-external') void shell.openExternal(url);
    // The launch test waits for this line to know the refusal happened.
    else console.warn(`[navigation] denied ${url}`);
  };
  contents.on('will-navigate', (event) => guard(event, event.url));
  contents.on('will-redirect', (event) => guard(event, event.url));
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (decideWindowOpen(url) === 'open-external') void shell.openExternal(url);
    else console.warn(`[navigation] denied window.open ${url}`);
    return { action: 'deny' };
  });
}

function displayWorkAreas() {
  const primary = screen.getPrimaryDisplay();
  return [primary, ...screen.getAllDisplays().filter((d) => d.id !== primary.id)].map((d) => d.workArea);
}

function createMainWindow(): BrowserWindow {
  const stateFile = path.join(app.getPath('userData'), 'window-state.json');
  const placed = placeWindow(loadWindowState(stateFile), displayWorkAreas());
  const win = new BrowserWindow({
    ...placed.bounds,
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
    title: APP_NAME,
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: config.preloadFile,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
    },
  });
  if (placed.maximized) win.maximize();
  win.once('ready-to-show', () => win.show());

  // Remember size and position: on close, and shortly after the user stops moving or resizing.
  let saveTimer: NodeJS.Timeout | undefined;
  const save = () => {
    clearTimeout(saveTimer);
    if (win.isDestroyed() || win.isMinimized()) return;
    try {
      saveWindowState(stateFile, { bounds: win.getNormalBounds(), maximized: win.isMaximized() });
    } catch (error) {
      console.warn(`[window] could not save ${stateFile}: ${(error as Error).message}`);
    }
  };
  const saveSoon = () => {
    clearTimeout(saveTimer);
    saveTimer = setTimeout(save, 500);
  };
  win.on('resize', saveSoon);
  win.on('move', saveSoon);
  win.on('close', save);
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
  });

  if (config.devServerUrl) void win.loadURL(config.devServerUrl);
  else void win.loadFile(config.rendererIndexFile);
  return win;
}

function requireMainWindow(): BrowserWindow {
  if (!mainWindow || mainWindow.isDestroyed()) throw new Error('主窗口不存在');
  return mainWindow;
}

/** The real dialog, file system and webContents behind the IPC handlers. */
const shellDeps: ShellDeps = {
  appVersion: () => app.getVersion(),
  showSaveDialog: (options) =>
    dialog.showSaveDialog(requireMainWindow(), { ...options, properties: ['createDirectory', 'showOverwriteConfirmation'] }),
  writeFile: (filePath, data) => writeFile(filePath, data),
  defaultSaveDirectory: () => {
    try {
      return app.getPath('documents');
    } catch {
      return app.getPath('home');
    }
  },
  print: () =>
    new Promise((resolve) => {
      requireMainWindow().webContents.print({ printBackground: true }, (success, failureReason) => resolve({ success, failureReason }));
    }),
  printToPdf: () => requireMainWindow().webContents.printToPDF({ printBackground: true, pageSize: 'A4' }),
  syncServerUrl: () => syncServer?.get() ?? config.syncServerUrl,
  setSyncServerUrl: async (url) => {
    if (!syncServer) throw new Error('应用尚未就绪');
    const stored = syncServer.set(url);
    policy = currentPolicy();
    console.info(`[sync-server] ${stored}; connect-src now allows it`);
    return stored;
  },
};

function installMenu(handlers: ReturnType<typeof createIpcHandlers>): void {
  const report = (error: unknown) => dialog.showErrorBox('操作失败', (error as Error).message);
  const template = buildMenuTemplate(
    {
      printView: () => void handlers.printView(undefined).catch(report),
      printViewToPdf: () =>
        void handlers.printViewToPdf({ suggestedName: fileNameFromTitle(mainWindow?.getTitle() ?? APP_NAME) }).catch(report),
      showAbout: () =>
        void dialog.showMessageBox({
          type: 'info',
          title: `关于 ${APP_NAME}`,
          message: `${APP_NAME} ${app.getVersion()}`,
          detail: '400 号码代理商业务系统：实名客户、号码池、受理单、合同、计费与离线同步。',
        }),
    },
    { platform: process.platform, appName: APP_NAME, isPackaged: app.isPackaged },
  );
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

function start(): void {
  // Windows groups the taskbar button and notifications by this id: the installer's appId.
  if (process.platform === 'win32') app.setAppUserModelId('com.hotlineoffice.desktop');
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.show();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));

  void app.whenReady().then(() => {
    syncServer = new SyncServerSetting(syncServerSettingFile(app.getPath('userData')), config.syncServerUrl);
    policy = currentPolicy();
    session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
      callback({ responseHeaders: withContentSecurityPolicy(details.responseHeaders, policy) });
    });
    // The app asks for no browser permission (camera, geolocation, notifications…): deny them all.
    session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));

    const handlers = createIpcHandlers(shellDeps);
    registerIpcHandlers(ipcMain, handlers, (event) =>
      checkSender(event, {
        mainWebContentsId: () => (mainWindow && !mainWindow.isDestroyed() ? mainWindow.webContents.id : undefined),
        isAppUrl: (url) => isAppUrl(url, appLocation),
      }),
    );
    installMenu(handlers);
    mainWindow = createMainWindow();

    app.on('activate', () => {
      if (!mainWindow) mainWindow = createMainWindow();
    });
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}

// Before the lock: the lock, like everything in the profile, belongs to the userData folder.
if (config.userDataDir) app.setPath('userData', config.userDataDir);

// One running copy: a second launch focuses the first window and exits.
if (app.requestSingleInstanceLock()) start();
else app.quit();
