/** The Electron main process: one hardened window, the app:// protocol, and the IPC gate. */
import { app, BrowserWindow, dialog, net, protocol, safeStorage, session, shell } from 'electron';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { openBackend, type Backend } from './core/backend.js';
import { defaultDataDir, electronSqliteBinding, rendererDir } from './core/paths.js';
import { registerIpc } from './ipc.js';
import { electronPlatform } from './platform/open-file.js';
import { safeStorageSecrets } from './platform/secrets.js';
import { APP_ENTRY, APP_SCHEME, denyPermissions, hardenWebContents, RENDERER_HEADERS, rendererFile, windowOptions } from './window-policy.js';
import { AppError } from '../shared/errors.js';
import { errorMessage, translator } from '../shared/i18n/index.js';
import { readUnit } from './core/services/setup.js';

const dataDir = process.env.GONGKAI_DATA_DIR ?? defaultDataDir();
app.setPath('userData', dataDir);

protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

/** Serves the built renderer from app://gongkai/ with the CSP; nothing outside its folder. */
function serveRenderer(root: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const file = rendererFile(root, request.url);
    if (!file) return new Response('not found', { status: 404 });
    const response = await net.fetch(pathToFileURL(file).toString());
    const headers = new Headers(response.headers);
    for (const [name, value] of Object.entries(RENDERER_HEADERS)) headers.set(name, value);
    return new Response(response.body, { status: response.status, headers });
  });
}

function hardenContents(backend: Backend): void {
  const unitWebsite = () => readUnit(backend.context(null))?.websiteUrl || null;
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, (url) => void shell.openExternal(url), unitWebsite));
  denyPermissions(session.defaultSession);
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
      backend = openBackend({ dataDir, mode: 'electron', platform: { ...electronPlatform, secrets: safeStorageSecrets(safeStorage) }, sync: true, ...(app.isPackaged ? {} : { sqliteBinding: electronSqliteBinding }) });
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
