/**
 * The desktop app's hardening, checked where our build machines can check it (no Electron binary):
 * the window options, the CSP and headers of the renderer, the handlers every web contents gets
 * (driven through an event emitter with the web contents' API), the permission handlers, that
 * main.ts wires all of these, and the electron-builder fuses of the packaged app.
 */
import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Session, WebContents } from 'electron';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../shared/content-security-policy.js';
import { denyPermissions, hardenWebContents, RENDERER_HEADERS, rendererFile, windowOptions } from '../../electron/window-policy.js';

const root = (path: string) => new URL(`../../${path}`, import.meta.url);

describe('the window', () => {
  it('isolates and sandboxes the page, with no Node, no webviews and no experimental features', () => {
    const { webPreferences } = windowOptions('/app/preload.cjs', 'x');
    expect(webPreferences).toEqual({
      preload: '/app/preload.cjs',
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
    });
  });
});

describe('the renderer content security policy', () => {
  const directives = new Map(CONTENT_SECURITY_POLICY.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name!, values]));

  it('runs only our own scripts: no inline script, no eval, no plugins, no framing, no base or form tricks', () => {
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(directives.get('form-action')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(directives.get('connect-src')).toEqual(["'self'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|\*|http:|https:/);
  });

  it('is sent with every renderer file, which never comes from outside the renderer folder', () => {
    expect(RENDERER_HEADERS).toEqual({ 'content-security-policy': CONTENT_SECURITY_POLICY, 'x-content-type-options': 'nosniff' });
    const dir = join('/opt', 'app', 'renderer');
    expect(rendererFile(dir, 'app://gongkai/')).toBe(join(dir, 'index.html'));
    expect(rendererFile(dir, 'app://gongkai/assets/index-abc.js')).toBe(join(dir, 'assets', 'index-abc.js'));
    // The URL parser already folds ../ and %2e%2e/; encoded slashes and malformed escapes are ours to refuse.
    expect(rendererFile(dir, 'app://gongkai/../secret.txt')).toBe(join(dir, 'secret.txt'));
    for (const url of ['app://gongkai/assets/..%2f..%2f..%2fetc%2fpasswd', 'app://gongkai/..%2Fsecret.txt', 'app://gongkai/%E0%A4%A']) {
      expect(rendererFile(dir, url), url).toBeNull();
    }
  });
});

/** The parts of Electron's WebContents that hardenWebContents uses, on a real event emitter. */
function contents() {
  const emitter = new EventEmitter();
  let openHandler: ((details: { url: string }) => { action: string }) | null = null;
  const fake = Object.assign(emitter, {
    setWindowOpenHandler: (handler: typeof openHandler) => {
      openHandler = handler;
    },
  });
  /** Emits an event the way Electron does and says whether the default action was prevented. */
  const prevented = (event: string, url?: string) => {
    let stopped = false;
    emitter.emit(event, { preventDefault: () => (stopped = true) }, url);
    return stopped;
  };
  return { webContents: fake as unknown as WebContents, prevented, open: (url: string) => openHandler!({ url }) };
}

describe('every web contents', () => {
  const opened: string[] = [];
  const { webContents, prevented, open } = contents();
  hardenWebContents(webContents, (url) => opened.push(url), () => 'https://www.leizhou.gov.cn');

  it.each(['will-navigate', 'will-redirect'])('%s: stays on app://gongkai and nowhere else', (event) => {
    expect(prevented(event, 'app://gongkai/index.html#/items')).toBe(false);
    for (const url of ['https://evil.example/', 'file:///etc/passwd', 'app://evil/index.html', 'javascript:alert(1)', 'http://127.0.0.1:8080/']) expect(prevented(event, url), url).toBe(true);
  });

  it('refuses every webview', () => {
    expect(prevented('will-attach-webview')).toBe(true);
  });

  it('denies every new window, handing only safe links to the system browser', () => {
    for (const url of ['https://www.gov.cn/zhengce/', 'https://www.leizhou.gov.cn/x', 'https://evil.example/', 'file:///C:/Windows/system32/calc.exe', 'javascript:alert(1)', 'app://gongkai/index.html']) {
      expect(open(url)).toEqual({ action: 'deny' });
    }
    expect(opened).toEqual(['https://www.gov.cn/zhengce/', 'https://www.leizhou.gov.cn/x']);
  });

  it('grants no permission, asked or checked', () => {
    let request: ((contents: unknown, permission: string, callback: (granted: boolean) => void) => void) | null = null;
    let check: (() => boolean) | null = null;
    denyPermissions({ setPermissionRequestHandler: (h: typeof request) => (request = h), setPermissionCheckHandler: (h: typeof check) => (check = h) } as unknown as Session);
    const answers: boolean[] = [];
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) request!(null, permission, (granted) => answers.push(granted));
    expect(answers).toEqual([false, false, false, false, false]);
    expect(check!()).toBe(false);
  });

  it('is what main.ts installs: the window options, the renderer files and headers, the handlers and permissions', () => {
    const main = readFileSync(root('electron/main.ts'), 'utf8');
    expect(main).toMatch(/new BrowserWindow\(windowOptions\(/);
    expect(main).toMatch(/rendererFile\(root, request\.url\)/);
    expect(main).toMatch(/RENDERER_HEADERS/);
    expect(main).toMatch(/app\.on\('web-contents-created', \(_event, contents\) => hardenWebContents\(contents,/);
    expect(main).toMatch(/denyPermissions\(session\.defaultSession\)/);
    expect(main).toMatch(/requestSingleInstanceLock\(\)/);
  });
});

describe('the packaged app (electron-builder fuses)', () => {
  const yml = readFileSync(root('build/electron-builder.yml'), 'utf8');
  const block = /^electronFuses:\n((?:[ \t]+.+\n)+)/m.exec(yml)?.[1] ?? '';
  const fuses = Object.fromEntries([...block.matchAll(/^\s+(\w+):\s*(true|false)\s*$/gm)].map(([, name, value]) => [name!, value === 'true']));

  it('cannot be run as plain Node, with NODE_OPTIONS or --inspect, and loads only its own checked asar', () => {
    expect(fuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      grantFileProtocolExtraPrivileges: false,
    });
    expect(yml).toMatch(/^asar: true$/m);
  });

  it('names only fuses electron-builder knows (a misspelt fuse would be silently ignored)', () => {
    const scheme = JSON.parse(readFileSync(root('node_modules/app-builder-lib/scheme.json'), 'utf8')) as { definitions: Record<string, { properties: Record<string, unknown> }> };
    const known = Object.keys(scheme.definitions.FuseOptionsV1!.properties);
    expect(Object.keys(fuses).length).toBeGreaterThanOrEqual(6);
    for (const name of Object.keys(fuses)) expect(known, name).toContain(name);
  });
});
