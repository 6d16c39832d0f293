import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { openBackend, type Backend } from '../../electron/core/backend.js';
import type { Clock } from '../../electron/core/context.js';
import { rendererDir } from '../../electron/core/paths.js';
import { startServer, type RunningServer } from '../../electron/core/server.js';
import { launchChromium } from './chromium.js';
import { silentLog, tempDir } from './backend.js';

export interface RunningApp {
  backend: Backend;
  server: RunningServer;
  browser: Browser;
  dataDir: string;
  /** A fresh browser tab on the app's address (with its token). */
  open(): Promise<Page>;
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
  return {
    backend,
    server,
    browser,
    dataDir,
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
}
