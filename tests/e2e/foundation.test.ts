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
}, 60_000);
afterAll(async () => app?.close());

async function login(username: string, password: string): Promise<void> {
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
}

describe('first run to audit log, the way a new office sets up', () => {
  it('walks the setup wizard and reaches the dashboard', async () => {
    await walkSetupWizard(page, { website: { name: '雷州市人民政府门户网站', url: 'http://www.leizhou.gov.cn' } });
    await expect.poll(() => page.getByTestId('header-unit-name').textContent()).toContain('雷州市人民政府办公室');
    expect(await page.getByTestId('status-bar').textContent()).toContain('王管理');
    // The token left the address bar once the page had it.
    expect(page.url()).not.toContain('token=');
  });

  it('adds a reviewer in settings', async () => {
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('settings-tab-users').click();
    await page.getByTestId('add-user').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('user-username').fill('zhangsh');
    await dialog.getByTestId('user-display-name').fill('张审核');
    await dialog.getByTestId('user-password').fill('Review2026');
    await dialog.getByTestId('role-officer').click(); // officer is ticked by default
    await dialog.getByTestId('role-reviewer').click();
    await dialog.getByTestId('dialog-submit').click();
    await expect.poll(() => page.getByTestId('user-row-zhangsh').textContent()).toContain('审核人');
    expect(await page.getByTestId('user-row-zhangsh').textContent()).not.toContain('信息员');
  });

  it('signs in as the reviewer, who sees no admin areas, and switches to English', async () => {
    await page.getByTestId('logout').click();
    // The sign-in screen names the unit set up in this same session.
    await expect.poll(() => page.getByTestId('entry-subtitle').textContent()).toBe('雷州市人民政府办公室');
    await login('zhangsh', 'Review2026');
    await expect.poll(() => page.getByTestId('status-bar').textContent()).toContain('张审核');
    expect(await page.getByTestId('status-bar').textContent()).toContain('审核人');
    expect(await page.getByTestId('nav-audit').count()).toBe(0);
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('language-switch').getByText('English').click();
    await expect.poll(() => page.getByTestId('nav-settings').textContent()).toBe('Settings');
    expect(await page.getByTestId('status-bar').textContent()).toContain('Reviewer');
    const session = await app.backend.db.prepare("SELECT language FROM users WHERE username = 'zhangsh'").get();
    expect(session).toEqual({ language: 'en' });
  });

  it('refuses a wrong password with a translated message', async () => {
    await page.getByTestId('logout').click();
    await login('admin', 'wrong-password');
    await expect.poll(() => page.getByTestId('error-alert').textContent()).toMatch(/Wrong user name or password|用户名或密码错误/);
  });

  it('shows the administrator every step in the audit log, with an intact chain', async () => {
    await login('admin', 'Admin12345');
    await page.getByTestId('nav-audit').click();
    const table = page.getByTestId('audit-table');
    await expect.poll(() => table.textContent()).toContain('zhangsh');
    const text = (await table.textContent()) ?? '';
    for (const action of ['setup.complete', 'users.create', 'auth.login', 'auth.setLanguage', 'auth.login_failed'] as const) {
      expect(text, action).toContain(zh(`audit.action.${action}`));
    }
    await page.getByTestId('audit-verify').click();
    const total = (app.backend.db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
    await expect.poll(() => page.getByTestId('audit-verify-result').textContent()).toBe(zh('audit.verify_ok', { count: total }));
  });
});
