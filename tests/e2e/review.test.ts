import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { PASSWORD, startApp, type RunningApp } from '../support/app.js';
import { TestClock } from '../support/backend.js';
import { validIdNumber } from '../support/identity.js';
import { fields } from '../support/items.js';

let app: RunningApp;
let page: Page;
let editionId: string;

const ID = validIdNumber('44088219850312123');
const MOBILE = '13912345678';
const TITLE = '2026年第一季度低保金发放名单公示';
const BODY = `<p>2026年第一季度低保金发放名单公示如下：</p><table><tr><td>张三</td><td>${ID}</td><td>附城镇</td></tr></table><p>联系人：李四，手机 ${MOBILE}。</p>`;

beforeAll(async () => {
  app = await startApp({ clock: new TestClock() });
  await app.setUpOffice([
    { username: 'xiaoli', displayName: '李小丽', roles: ['officer'] },
    { username: 'zhangsh', displayName: '张审', roles: ['reviewer'] },
  ]);
  const { sessionId: officer } = await app.call<{ sessionId: string }>('auth.login', { username: 'xiaoli', password: PASSWORD });
  const edition = await app.call<{ id: string }>('items.create', { categoryId: 'notice', fields: fields({ title: TITLE, documentNumber: '' }), bodyHtml: BODY }, officer);
  editionId = edition.id;
  await app.call('workflow.submit', { editionId }, officer);

  page = await app.openAs('zhangsh');
  await page.getByTestId('nav-review').click();
}, 60_000);
afterAll(async () => app?.close());

const findings = (severity: string) => page.locator(`[data-testid="finding"][data-severity="${severity}"]`);

describe('a reviewer reviews, masks and signs off a submitted edition', () => {
  it('finds the edition in the queue and opens it', async () => {
    const row = page.locator(`[data-testid="review-queue-row"][data-edition-id="${editionId}"]`);
    await expect.poll(() => row.textContent()).toContain(TITLE);
    expect(await row.textContent()).toContain('李小丽');
    await row.click();
    await expect.poll(() => page.getByTestId('review-title').textContent()).toBe(TITLE);
    expect(await page.getByTestId('review-disclaimer').textContent()).toContain('自动检测不能替代人工审查');
  });

  it('shows the ID number as a blocking finding in the body', async () => {
    const id = page.locator('[data-testid="finding"][data-kind="id_card"]');
    await expect.poll(() => id.getAttribute('data-severity')).toBe('block');
    expect(await id.getByTestId('finding-text').textContent()).toBe(ID);
    expect(await id.getByTestId('finding-kind').textContent()).toBe('身份证号');
    expect(await id.getByTestId('finding-place').textContent()).toBe('正文');
    expect(await page.locator('[data-testid="finding"][data-kind="mobile"]').getAttribute('data-severity')).toBe('block');
    expect(await page.getByTestId('review-body').textContent()).toContain(ID);
  });

  it('masks them with one click: the blocking findings disappear and the body no longer holds the number', async () => {
    await page.getByTestId('review-mask').click();
    await page.getByTestId('review-mask-confirm').click();
    await expect.poll(() => findings('block').count()).toBe(0);
    await expect.poll(() => page.getByTestId('review-body').textContent()).toContain(`${ID.slice(0, 6)}********${ID.slice(14)}`);
    expect(await page.getByTestId('review-body').textContent()).not.toContain(ID);
  });

  it('answers every checklist item 是', async () => {
    const items = page.getByTestId('checklist-item');
    const total = await items.count();
    expect(total).toBeGreaterThan(0);
    for (let i = 0; i < total; i++) {
      const item = items.nth(i);
      await item.getByTestId('checklist-yes').click();
      await expect.poll(() => item.getAttribute('data-answer')).toBe('yes');
    }
    expect(await page.getByTestId('checklist-progress').textContent()).toBe(`已确认 ${total} / ${total}`);
  });

  it('approves with the password and sees the sign-off valid', async () => {
    await page.getByTestId('decision-approve').check();
    await page.getByTestId('decision-password').fill('Passw0rd!');
    await expect.poll(() => page.getByTestId('decision-blockers').count()).toBe(0);
    await expect.poll(() => page.getByTestId('decision-submit').isEnabled()).toBe(true);
    await page.getByTestId('decision-submit').click();
    const validity = page.getByTestId('sign-off-validity');
    await expect.poll(() => validity.getAttribute('data-valid')).toBe('true');
    expect(await validity.textContent()).toContain('有效');
    expect(await page.getByTestId('decision-summary-decision').textContent()).toBe('同意公开');
    expect(await page.getByTestId('decision-summary-reviewer').textContent()).toBe('张审');
    // The edition is read again after the decision: its status follows.
    await expect.poll(() => page.getByTestId('review-status').getAttribute('data-status')).toBe('reviewed');
  });

  it('exports the 保密审查表 as a Word file', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('review-export').click()]);
    expect(download.suggestedFilename()).toMatch(/\.docx$/);
    const bytes = await readFile(await download.path());
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
  });
});
