/**
 * Settings → 数据: the administrator backs up, a user is added afterwards, and restoring the
 * backup (password asked, the current database kept first) brings back the data as it was.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startApp, type RunningApp } from '../support/app.js';
import { walkSetupWizard } from '../support/setup-wizard.js';
import { translator } from '../../shared/i18n/index.js';

const zh = translator('zh-CN');

let app: RunningApp;
let page: Page;

beforeAll(async () => {
  app = await startApp();
  page = await app.open();
  await walkSetupWizard(page);
}, 60_000);
afterAll(async () => app?.close());

async function openDataTab(): Promise<void> {
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('settings-tab-data').click();
}

describe('restoring a backup from settings', () => {
  it('backs up, then restores that backup after a change, keeping the current database', async () => {
    await openDataTab();
    await page.getByTestId('backup-form').getByRole('button').click();
    await expect.poll(() => page.getByTestId('backup-row').count()).toBe(1);

    // A change after the backup: a new user.
    await page.getByTestId('settings-tab-users').click();
    await page.getByTestId('add-user').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('user-username').fill('xiaoli');
    await dialog.getByTestId('user-display-name').fill('李小丽');
    await dialog.getByTestId('user-password').fill('Officer2026');
    await dialog.getByTestId('dialog-submit').click();
    await expect.poll(() => page.getByTestId('user-row-xiaoli').count()).toBe(1);

    await page.getByTestId('settings-tab-data').click();
    await page.getByTestId('restore-backup').click();
    const form = page.getByTestId('restore-form');
    await form.getByLabel(zh('data.restore_password')).fill('wrong-password');
    await form.getByRole('button', { name: zh('data.restore_confirm') }).click();
    await expect.poll(() => form.getByTestId('error-alert').textContent()).toContain(zh('error.auth.wrong_password'));
    expect(await app.backend.db.prepare("SELECT count(*) AS n FROM users WHERE username = 'xiaoli'").get()).toEqual({ n: 1 });

    await form.getByLabel(zh('data.restore_password')).fill('Admin12345');
    await form.getByRole('button', { name: zh('data.restore_confirm') }).click();
    // The app reloads on the restored data, still signed in.
    await page.getByTestId('status-bar').waitFor({ state: 'visible' });
    await openDataTab();
    await expect.poll(() => page.getByTestId('backup-row').count()).toBe(2);
    expect(await page.getByTestId('backup-list').textContent()).toContain(zh('data.restore_kind.prerestore'));
    await page.getByTestId('settings-tab-users').click();
    await page.getByTestId('user-row-admin').waitFor({ state: 'visible' });
    expect(await page.getByTestId('user-row-xiaoli').count()).toBe(0);
  });
});
