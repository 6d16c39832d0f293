/** The Electron main process: one hardened window, the app:// protocol, and the IPC gate. */
import { app, BrowserWindow, dialog, net, protocol, session, shell } from 'electron';
import { join, normalize, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { openBackend, type Backend } from './core/backend.js';
import { defaultDataDir, electronSqliteBinding, rendererDir } from './core/paths.js';
import { registerIpc } from './ipc.js';
import { electronPlatform } from './platform/open-file.js';
import { APP_ENTRY, APP_SCHEME, isAppUrl, isSafeExternalUrl, windowOptions } from './window-policy.js';
import { CONTENT_SECURITY_POLICY } from '../shared/content-security-policy.js';
import { AppError } from '../shared/errors.js';
import { errorMessage, translator } from '../shared/i18n/index.js';
import { readUnit } from './core/services/setup.js';

const dataDir = process.env.GONGKAI_DATA_DIR ?? defaultDataDir();
app.setPath('userData', dataDir);

protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

/** Serves the built renderer from app://gongkai/ with the CSP; nothing outside its folder. */
function serveRenderer(root: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const { pathname } = new URL(request.url);
    const file = normalize(join(root, decodeURIComponent(pathname === '/' ? '/index.html' : pathname)));
    if (!file.startsWith(root + sep)) return new Response('not found', { status: 404 });
    const response = await net.fetch(pathToFileURL(file).toString());
    const headers = new Headers(response.headers);
    headers.set('content-security-policy', CONTENT_SECURITY_POLICY);
    headers.set('x-content-type-options', 'nosniff');
    return new Response(response.body, { status: response.status, headers });
  });
}

function hardenContents(backend: Backend): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isAppUrl(url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      const website = readUnit(backend.context(null))?.websiteUrl || null;
      if (isSafeExternalUrl(url, website)) void shell.openExternal(url);
      return { action: 'deny' };
    });
  });
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
}

async function createWindow(): Promise<void> {
  const preload = fileURLToPath(new URL('./preload.cjs', import.meta.url));
  const window = new BrowserWindow(windowOptions(preload, translator('zh-CN')('app.name')));
  window.once('ready-to-show', () => window.show());
  await window.loadURL(APP_ENTRY);
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => BrowserWindow.getAllWindows()[0]?.focus());
  app.whenReady().then(async () => {
    let backend: Backend;
    try {
      backend = openBackend({ dataDir, mode: 'electron', platform: electronPlatform, sync: true, ...(app.isPackaged ? {} : { sqliteBinding: electronSqliteBinding }) });
    } catch (error) {
      const t = translator('zh-CN');
      const message = error instanceof AppError ? errorMessage(t, error.toApiError()) : String(error);
      dialog.showErrorBox(t('app.name'), message);
      app.exit(1);
      return;
    }
    serveRenderer(rendererDir);
    hardenContents(backend);
    registerIpc(backend);
    await createWindow();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) void createWindow();
    });
    app.on('will-quit', () => backend.close());
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}
