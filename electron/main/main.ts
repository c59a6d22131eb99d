// The Electron shell: window, security settings, the `vkz://` protocol and IPC wiring. Everything
// else lives in electron/services (plain Node, tested without Electron).
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol } from 'electron';
import path from 'node:path';
import type { AppEvent } from '../../shared/contract';
import { handleAppRequest } from '../services/app-request';
import { createAppRuntime, type AppRuntime } from '../services/startup/app-runtime';
import { dataFolderChoice } from './data-folder-choice';
import { createPrintPages } from './print-pages';
import { MEDIA_EXTENSIONS } from '../../shared/media-files';
import { applySecurityPolicy, isTrustedSender } from './security';
import { APP_ENTRY, APP_SCHEME } from './url-policy';

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
]);
app.enableSandbox();

// One app at a time: a second start hands over to the first, which comes to the front.
if (!app.requestSingleInstanceLock()) {
  app.quit();
  process.exit(0);
}
app.on('second-instance', () => {
  if (!mainWindow) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
});

// Tests give each run its own data folder.
if (process.env.VKZ_DATA_DIR) app.setPath('userData', process.env.VKZ_DATA_DIR);

const appRoot = app.getAppPath();
const resourcesPath = app.isPackaged ? path.join(process.resourcesPath, 'resources') : path.join(appRoot, 'resources');
let mainWindow: BrowserWindow | null = null;
let runtime: AppRuntime | null = null;

function emit(event: AppEvent): void {
  mainWindow?.webContents.send('vkz:event', event);
}

async function pickMediaFiles({ multiple }: { multiple: boolean }): Promise<string[]> {
  const options: Electron.OpenDialogOptions = {
    properties: multiple ? ['openFile', 'multiSelections'] : ['openFile'],
    filters: [
      { name: 'Video / audio', extensions: [...MEDIA_EXTENSIONS] },
      { name: '*', extensions: ['*'] },
    ],
  };
  const result = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
  return result.canceled ? [] : result.filePaths;
}

async function pickSavePath({ defaultName, extensions }: { defaultName: string; extensions: string[] }): Promise<string | null> {
  const options: Electron.SaveDialogOptions = {
    defaultPath: path.join(app.getPath('documents'), defaultName),
    filters: [{ name: extensions.map((e) => `.${e}`).join(', '), extensions }],
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  };
  const result = mainWindow ? await dialog.showSaveDialog(mainWindow, options) : await dialog.showSaveDialog(options);
  return result.canceled || !result.filePath ? null : result.filePath;
}

async function pickOpenFile({ extensions }: { extensions: string[] }): Promise<string | null> {
  const options: Electron.OpenDialogOptions = {
    properties: ['openFile'],
    filters: [{ name: extensions.map((e) => `.${e}`).join(', '), extensions }],
  };
  const result = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
  return result.canceled ? null : (result.filePaths[0] ?? null);
}

async function pickDataFolder(): Promise<string | null> {
  const options: Electron.OpenDialogOptions = { properties: ['openDirectory', 'createDirectory'] };
  const result = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
  return result.canceled ? null : (result.filePaths[0] ?? null);
}

/** The ffmpeg or ffprobe program, chosen by the user in main's own dialog (checked by the backend before it is stored). */
async function pickBinaryFile({ which }: { which: 'ffmpeg' | 'ffprobe' }): Promise<string | null> {
  const options: Electron.OpenDialogOptions = { title: which, properties: ['openFile', 'dontAddToRecent'] };
  const result = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
  return result.canceled ? null : (result.filePaths[0] ?? null);
}

const printPages = createPrintPages();

/**
 * The report's HTML as PDF: a hidden, sandboxed window with JavaScript off loads it through the
 * app's own protocol (print-pages.ts; never file://) and prints it (A4 and margins come from
 * the report's CSS @page rule).
 */
async function printHtmlToPdf(html: string): Promise<Buffer> {
  const page = printPages.add(html);
  const printer = new BrowserWindow({
    show: false,
    webPreferences: { sandbox: true, javascript: false, contextIsolation: true, nodeIntegration: false, webSecurity: true },
  });
  try {
    await printer.loadURL(page.url);
    return await printer.webContents.printToPDF({ pageSize: 'A4', printBackground: true, preferCSSPageSize: true });
  } finally {
    printer.destroy();
    page.remove();
  }
}

function createWindow(): void {
  mainWindow = new BrowserWindow({
    width: 1400,
    height: 900,
    minWidth: 1024, // the smallest size the layout is made and tested for (tests/e2e/layout.spec.ts)
    minHeight: 640,
    title: 'VKZ',
    backgroundColor: '#f6f5f2',
    webPreferences: {
      preload: path.join(appRoot, 'out/preload/preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: true,
    },
  });
  mainWindow.on('closed', () => (mainWindow = null));
  void mainWindow.loadURL(APP_ENTRY);
}

function start(): void {
  applySecurityPolicy();
  const folders = dataFolderChoice(app.getPath('userData'), Boolean(process.env.VKZ_DATA_DIR));
  const ready = createAppRuntime({
    dataDir: folders.current(),
    pickDataFolder,
    quit: () => app.quit(),
    onDataFolderChanged: (dir) => folders.remember(dir),
    shellVersions: { electron: process.versions.electron, chromium: process.versions.chrome },
    resourcesPath,
    binariesResourcesPath: app.isPackaged ? process.resourcesPath : undefined,
    appVersion: app.getVersion(),
    pickMediaFiles,
    pickSavePath,
    pickOpenFile,
    pickBinaryFile,
    printHtmlToPdf,
    mediaUrlFor: (id, version) => `/media/${id}?v=${version}`,
    emit,
  });
  runtime = ready;

  protocol.handle(APP_SCHEME, (request) =>
    printPages.respond(request) ??
    handleAppRequest(request, {
      rendererDir: path.join(appRoot, 'out/renderer'),
      resolveMediaPath: (id) => ready.resolveMediaPath(id),
      resolveTimelineFile: (id, file) => ready.resolveTimelineFile(id, file),
      resolveClipPath: (id) => ready.resolveClipPath(id),
    }),
  );

  const forbidden = { ok: false, error: { code: 'forbidden', message: 'IPC from an untrusted frame' } };
  // The page's relay: backend.handle answers only the contract's channels (the page's allow-list).
  ipcMain.handle('vkz:invoke', (event, channel: unknown, request: unknown) =>
    isTrustedSender(event.senderFrame) ? ready.handle(channel, request) : forbidden,
  );
  // Dropped files: paths only the preload can take from its own File objects, on a channel the
  // relay above cannot reach.
  ipcMain.handle('vkz:drop', (event, request: unknown) => (isTrustedSender(event.senderFrame) ? ready.addDropped(request) : forbidden));

  if (process.platform !== 'darwin') Menu.setApplicationMenu(null);
  // When the data can't be opened, this same window shows the recovery page (the runtime's
  // 'app.startup' answer): never a process without a window.
  createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
}

app
  .whenReady()
  .then(start)
  .catch((error: unknown) => {
    // Something the recovery page can't show (the window itself failed): say so, then quit.
    console.error('[main] start failed:', error);
    dialog.showErrorBox('VKZ kan niet starten', error instanceof Error ? error.message : String(error));
    app.exit(1);
  });

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

let closing = false;
app.on('will-quit', (event) => {
  if (!runtime || closing) return;
  // Let a backup in progress finish before the database closes.
  closing = true;
  event.preventDefault();
  void runtime.close().finally(() => app.quit());
});
