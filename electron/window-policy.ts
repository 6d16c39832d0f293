/**
 * The security policy of the desktop window, kept free of Electron imports so it is unit-tested:
 * the BrowserWindow options, the renderer's files and headers, which URLs are our own page, which
 * links may open outside, and the handlers every web contents gets.
 */
import { join, normalize, sep } from 'node:path';
import type { BrowserWindowConstructorOptions, Session, WebContents } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../shared/content-security-policy.js';

export const APP_SCHEME = 'app';
export const APP_HOST = 'gongkai';
export const APP_ENTRY = `${APP_SCHEME}://${APP_HOST}/index.html`;

export function windowOptions(preloadPath: string, title: string): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 820,
    minWidth: 1024,
    minHeight: 640,
    title,
    show: false,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
    },
  };
}

/** Headers on every file of the renderer served from app://gongkai/. */
export const RENDERER_HEADERS = { 'content-security-policy': CONTENT_SECURITY_POLICY, 'x-content-type-options': 'nosniff' } as const;

/** The renderer file an app:// request asks for, or null when the path leads outside its folder. */
export function rendererFile(root: string, requestUrl: string): string | null {
  const { pathname } = new URL(requestUrl);
  let path: string;
  try {
    path = decodeURIComponent(pathname === '/' ? '/index.html' : pathname);
  } catch {
    return null;
  }
  const file = normalize(join(root, path));
  return file.startsWith(root + sep) ? file : null;
}

/**
 * Every web contents stays on our page: navigations and redirects elsewhere are stopped, webviews
 * refused, and new windows denied, a safe link being handed to the system browser instead.
 */
export function hardenWebContents(contents: WebContents, openExternal: (url: string) => void, unitWebsite: () => string | null): void {
  const stayOnOurPage = (event: { preventDefault(): void }, url: string) => {
    if (!isAppUrl(url)) event.preventDefault();
  };
  contents.on('will-navigate', stayOnOurPage);
  contents.on('will-redirect', stayOnOurPage);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isSafeExternalUrl(url, unitWebsite())) openExternal(url);
    return { action: 'deny' };
  });
}

/** Camera, microphone, notifications, geolocation …: the app needs none, so none is granted. */
export function denyPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

/** Our own page: app://gongkai/… (compared by parts, since non-special schemes have an opaque origin). */
export function isAppUrl(raw: string): boolean {
  try {
    const url = new URL(raw);
    return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST;
  } catch {
    return false;
  }
}

/**
 * Links that may open in the system browser: https only, to a government site (*.gov.cn) or the
 * unit's own website. Everything else is dropped rather than handed to the OS.
 */
export function isSafeExternalUrl(raw: string, unitWebsite: string | null): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.protocol !== 'https:' || url.username || url.password) return false;
  const host = url.hostname.toLowerCase();
  if (host === 'gov.cn' || host.endsWith('.gov.cn')) return true;
  if (!unitWebsite) return false;
  try {
    return host === new URL(unitWebsite).hostname.toLowerCase();
  } catch {
    return false;
  }
}
