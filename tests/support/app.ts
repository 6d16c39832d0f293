import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { openBackend, type Backend } from '../../electron/core/backend.js';
import type { Clock } from '../../electron/core/context.js';
import { rendererDir } from '../../electron/core/paths.js';
import { startServer, type RunningServer } from '../../electron/core/server.js';
import { launchChromium } from './chromium.js';
import { ADMIN, silentLog, tempDir, UNIT } from './backend.js';

export const PASSWORD = 'Passw0rd!';

export interface RunningApp {
  backend: Backend;
  server: RunningServer;
  browser: Browser;
  dataDir: string;
  /** Calls the gate directly, for the set-up a test is not about; throws on an error. */
  call<T = unknown>(name: string, input: unknown, session?: string | null): Promise<T>;
  /** Completes first-run setup and adds these users (password PASSWORD); returns the admin's session. */
  setUpOffice(users: { username: string; displayName: string; roles: string[] }[]): Promise<string>;
  /** A fresh browser tab on the app's address (with its token). */
  open(): Promise<Page>;
  /** A fresh tab, signed in through the login screen. */
  openAs(username: string, password?: string): Promise<Page>;
  close(): Promise<void>;
}

/**
 * Browser mode for real: a temp data directory, the built renderer on 127.0.0.1, and Chromium.
 * A fixed clock keeps date-dependent screens (due dates, dashboards) the same on any day.
 */
export async function startApp(options: { dataDir?: string; clock?: Clock } = {}): Promise<RunningApp> {
  if (!existsSync(join(rendererDir, 'index.html'))) throw new Error(`No built renderer in ${rendererDir}: run npm run build first.`);
  const dataDir = options.dataDir ?? tempDir('gongkai-e2e-');
  const backend = openBackend({ dataDir, mode: 'browser', log: silentLog, ...(options.clock ? { clock: options.clock } : {}) });
  const server = await startServer({ backend, rendererDir });
  const browser = await launchChromium();
  const app: RunningApp = {
    backend,
    server,
    browser,
    dataDir,
    async call<T>(name: string, input: unknown, session: string | null = null) {
      const result = await backend.call(name, input, session);
      if (!result.ok) throw new Error(`${name}: ${JSON.stringify(result.error)}`);
      return result.value as T;
    },
    async setUpOffice(users) {
      const { sessionId } = await app.call<{ sessionId: string }>('setup.complete', { unit: UNIT, admin: ADMIN, language: 'zh-CN' });
      for (const user of users) await app.call('users.create', { ...user, password: PASSWORD }, sessionId);
      return sessionId;
    },
    async openAs(username, password = PASSWORD) {
      const page = await app.open();
      await page.getByTestId('login-username').fill(username);
      await page.getByTestId('login-password').fill(password);
      await page.getByTestId('login-submit').click();
      return page;
    },
    async open() {
      const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1366, height: 860 } });
      const page = await context.newPage();
      page.on('pageerror', (error) => console.error('page error:', error.message));
      await page.goto(server.url);
      return page;
    },
    async close() {
      await browser.close();
      await server.close();
      backend.close();
    },
  };
  return app;
}
