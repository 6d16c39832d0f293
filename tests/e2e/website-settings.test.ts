import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startApp, type RunningApp } from '../support/app.js';
import { ADMIN } from '../support/backend.js';
import { makeTestCertificates, type TestCertificates } from '../support/network.js';
import { startWordPress, type WordPressServer } from '../support/wordpress-server.js';

const APP_PASSWORD = 'abcd efgh ijkl mnop qrst uvwx';
let app: RunningApp;
let wp: WordPressServer;
let certs: TestCertificates;
let page: Page;

beforeAll(async () => {
  certs = makeTestCertificates(30);
  // The real clock: the test CA is valid from now on.
  app = await startApp();
  wp = await startWordPress({
    users: [{ id: 2, username: 'gongkai', applicationPassword: APP_PASSWORD, role: 'editor' }],
    categories: [{ id: 7, name: '政府文件', slug: 'zfwj', parent: 0 }],
    tls: { key: certs.serverKey, cert: certs.serverCert },
  });
  await app.setUpOffice([]);
  page = await app.openAs(ADMIN.username, ADMIN.password);
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('settings-tab-website').click();
}, 60_000);
afterAll(async () => {
  await app?.close();
  await wp?.close();
});

describe('the website settings screen', () => {
  it('says how the credential is kept in browser mode', async () => {
    const storage = page.getByTestId('website-token-storage');
    await expect.poll(() => storage.getAttribute('data-storage')).toBe('file');
    expect(await storage.textContent()).toContain('只有当前操作系统用户可以读取（权限 0600，所在文件夹 0700）');
  });

  it('sets up a WordPress site, refusing an insecure address first', async () => {
    await page.getByTestId('website-target').getByText('WordPress 网站').click();
    await page.getByTestId('website-url').fill('http://www.leizhou.gov.cn');
    await page.getByTestId('website-username').fill('gongkai');
    await page.getByTestId('website-token').fill(APP_PASSWORD);
    await page.getByTestId('website-save').click();
    await expect.poll(() => page.getByTestId('website-settings-form').textContent()).toContain('网站地址须以 https:// 开头');

    await page.getByTestId('website-url').fill(wp.url);
    await page.getByTestId('website-save').click();
    await expect.poll(() => page.getByTestId('website-token-state').getAttribute('data-set')).toBe('true');
    expect(await page.getByTestId('website-username').inputValue()).toBe('gongkai');
  });

  it('shows the certificate error, then connects once the CA certificate is uploaded, with its subject and expiry', async () => {
    await page.getByTestId('website-test').click();
    const error = page.getByTestId('error-alert').filter({ hasText: '网站的证书不受信任' });
    await expect.poll(() => error.count()).toBe(1);

    await page.getByTestId('website-ca-input').setInputFiles({ name: 'gov-root-ca.pem', mimeType: 'application/x-pem-file', buffer: Buffer.from(certs.caPem) });
    await expect.poll(() => page.getByTestId('website-ca-pending').textContent()).toBe('待保存：gov-root-ca.pem');
    await page.getByTestId('website-network-save').click();
    const info = page.getByTestId('website-ca-info');
    await expect.poll(() => info.textContent()).toContain('CN=Gongkai Test Root CA');
    expect(await page.getByTestId('website-ca-valid-to').textContent()).toMatch(/^有效期至: 20\d\d/);

    await page.getByTestId('website-test').click();
    const result = page.getByTestId('website-test-result');
    await expect.poll(() => result.textContent()).toContain('连接成功，WordPress 网站共有 1 个分类');
    expect(await page.getByTestId('website-test-columns').textContent()).toBe('7政府文件');
  });
});
