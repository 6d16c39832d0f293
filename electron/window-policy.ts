/**
 * The security policy of the desktop window, kept free of Electron imports so it is unit-tested:
 * the BrowserWindow options, which URLs are our own page, and which links may open outside.
 */
import type { BrowserWindowConstructorOptions } from 'electron';

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
