// The Electron shell: window, security settings, the `vkz://` protocol and IPC wiring. Everything
// else lives in electron/services (plain Node, tested without Electron).
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol } from 'electron';
import path from 'node:path';
import type { AppEvent } from '../../shared/contract';
import { handleAppRequest } from '../services/app-request';
import { createBackend, type Backend } from '../services/backend/backend';
import { MEDIA_EXTENSIONS } from '../../shared/media-files';
import { applySecurityPolicy, isTrustedSender } from './security';
import { APP_ENTRY, APP_SCHEME } from './url-policy';

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
]);
app.enableSandbox();

// Tests give each run its own data folder.
if (process.env.VKZ_DATA_DIR) app.setPath('userData', process.env.VKZ_DATA_DIR);

const appRoot = app.getAppPath();
const resourcesPath = app.isPackaged ? path.join(process.resourcesPath, 'resources') : path.join(appRoot, 'resources');
let mainWindow: BrowserWindow | null = null;
let backend: Backend | null = null;

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

function createWindow(): void {
  mainWindow = new BrowserWindow({
    width: 1400,
    height: 900,
    minWidth: 960,
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

app.whenReady().then(() => {
  applySecurityPolicy();
  const ready = createBackend({
    dataDir: app.getPath('userData'),
    resourcesPath,
    binariesResourcesPath: app.isPackaged ? process.resourcesPath : undefined,
    appVersion: app.getVersion(),
    pickMediaFiles,
    mediaUrlFor: (id, version) => `/media/${id}?v=${version}`,
    emit,
  });
  backend = ready;

  protocol.handle(APP_SCHEME, (request) =>
    handleAppRequest(request, {
      rendererDir: path.join(appRoot, 'out/renderer'),
      resolveMediaPath: (id) => ready.resolveMediaPath(id),
    }),
  );

  ipcMain.handle('vkz:invoke', (event, channel: unknown, request: unknown) => {
    if (!isTrustedSender(event.senderFrame)) {
      return { ok: false, error: { code: 'forbidden', message: 'IPC from an untrusted frame' } };
    }
    return ready.handle(channel, request);
  });

  if (process.platform !== 'darwin') Menu.setApplicationMenu(null);
  createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

app.on('will-quit', () => backend?.close());
