import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { _electron, type ElectronApplication } from 'playwright-core';
import { electronSqliteBinding } from '../../electron/core/paths.js';
import { tempDir } from '../support/backend.js';

function electronBinary(): string | null {
  try {
    const path = createRequire(import.meta.url)('electron') as string;
    return existsSync(path) && existsSync(electronSqliteBinding) ? path : null;
  } catch {
    return null;
  }
}

const binary = electronBinary();
if (!binary) console.log('Electron E2E skipped: no Electron binary installed (see build/fetch-electron.mjs).');

// Runs where an Electron binary exists; on build machines without one it reports itself skipped.
describe.skipIf(!binary)('the Electron window', () => {
  let app: ElectronApplication | undefined;
  afterAll(async () => app?.close());

  it('opens the hardened window on the setup wizard and talks to the backend over IPC', async () => {
    app = await _electron.launch({
      executablePath: binary!,
      args: [fileURLToPath(new URL('../../dist/electron/main.js', import.meta.url))],
      env: { ...process.env, GONGKAI_DATA_DIR: tempDir() },
    });
    const page = await app.firstWindow();
    expect(page.url()).toBe('app://gongkai/index.html');
    // No Node in the page: neither require nor process leak through the isolated preload.
    expect(await page.evaluate(() => [typeof (window as unknown as { require?: unknown }).require, typeof (globalThis as { process?: unknown }).process])).toEqual([
      'undefined',
      'undefined',
    ]);
    const status = await page.evaluate(() => (window as unknown as { gongkai: { call: (n: string, i: unknown, s: null) => Promise<unknown> } }).gongkai.call('setup.status', {}, null));
    expect(status).toMatchObject({ ok: true, value: { needsSetup: true } });
  });
});
