/**
 * The whole loop in a real browser against the local demo website: an administrator turns it on
 * in settings, an approver signs off a document with its interpretation (the status bar counts
 * them queued, then shows the last sync), exports the offline package, opens the document's page
 * on the website and follows the 解读 link to the interpretation and back, then withdraws one.
 */
import { readFileSync } from 'node:fs';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { PASSWORD, startApp, type RunningApp } from '../support/app.js';
import { ADMIN, TestClock } from '../support/backend.js';
import { fields } from '../support/items.js';
import { SyncWorker } from '../../electron/core/sync/worker.js';
import { configuredClient } from '../../electron/core/services/site-settings.js';
import { contentHash } from '../../electron/core/services/review.js';
import { findEdition } from '../../electron/core/db/items-repo.js';
import { PackageManifestSchema } from '../../shared/publishing-api.js';

const DOCUMENT = '关于推进政务公开标准化规范化工作的实施意见';
const INTERPRETATION = '《关于推进政务公开标准化规范化工作的实施意见》政策解读';

let app: RunningApp;
let page: Page;
let document: { id: string; itemId: string };
let interpretation: { id: string; itemId: string };

function signOff(editionId: string, reviewerId: string): void {
  const backend = app.backend;
  const hash = contentHash(backend.context(null), findEdition(backend.db, editionId)!);
  backend.db.prepare("INSERT INTO reviews (edition_id, decision, reviewer_id, decided_at, content_hash) VALUES (?, 'approve', ?, ?, ?)").run(editionId, reviewerId, new Date().toISOString(), hash);
  backend.db.prepare("UPDATE editions SET status = 'reviewed' WHERE id = ?").run(editionId);
}

/** What the app's sync loop does every few seconds (not running in browser-mode tests). */
async function syncNow(): Promise<void> {
  const ctx = app.backend.context(null);
  await new SyncWorker(ctx, configuredClient(ctx)!, { baseBackoffMs: 1 }).drain();
}

beforeAll(async () => {
  app = await startApp({ clock: new TestClock() });
  const admin = await app.setUpOffice([
    { username: 'xiaoli', displayName: '李小丽', roles: ['officer'] },
    { username: 'qianfa', displayName: '钱发', roles: ['approver'] },
  ]);
  const reviewer = await app.call<{ id: string }>('users.create', { username: 'zhangsh', displayName: '张审', roles: ['reviewer'], password: PASSWORD }, admin);
  const categories = await app.call<{ id: string }[]>('categories.list', {}, admin);
  for (const [id, columnId] of [['gov_document', 'zfwj'], ['interpretation', 'zcjd']] as const) {
    await app.call('categories.save', { ...categories.find((c) => c.id === id)!, columnId }, admin);
  }
  const { sessionId: officer } = await app.call<{ sessionId: string }>('auth.login', { username: 'xiaoli', password: PASSWORD });
  document = await app.call('items.create', { categoryId: 'gov_document', fields: fields({ title: DOCUMENT, normative: true, documentNumber: '雷府〔2026〕12号' }), bodyHtml: '<p>实施意见正文。</p>' }, officer);
  interpretation = await app.call('items.create', { categoryId: 'interpretation', fields: fields({ title: INTERPRETATION, documentNumber: '' }), bodyHtml: '<p>解读正文。</p>' }, officer);
  await app.call('interpretations.link', { interpretationItemId: interpretation.itemId, documentItemId: document.itemId }, officer);
  await app.call('workflow.submit', { editionId: document.id }, officer);
  signOff(document.id, reviewer.id);
  signOff(interpretation.id, reviewer.id);
}, 90_000);
afterAll(async () => {
  await app?.close();
});

describe('publishing to the local demo website, seen in the browser', () => {
  let siteUrl: string;

  it('an administrator turns on the local demo website in settings and sees its address', async () => {
    const adminPage = await app.openAs(ADMIN.username, ADMIN.password);
    await adminPage.getByTestId('nav-settings').click();
    await adminPage.getByTestId('settings-tab-website').click();
    const card = adminPage.getByTestId('demo-site-card');
    await expect.poll(() => card.getAttribute('data-in-use')).toBe('false');
    await adminPage.getByTestId('demo-site-use').click();
    await expect.poll(() => card.getAttribute('data-running'), { timeout: 15_000 }).toBe('true');
    const link = adminPage.getByTestId('demo-site-link');
    siteUrl = (await link.getAttribute('href'))!;
    expect(siteUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(await link.getAttribute('target')).toBe('_blank');
    expect(await adminPage.getByTestId('demo-site-state').textContent()).toBe('正在使用');
    await adminPage.context().close();
  });

  it('the approver checks the schedule, signs off the document with its interpretation, and the status bar counts them queued', async () => {
    page = await app.openAs('qianfa');
    await page.getByTestId('nav-publishing').click();
    await page.getByTestId('publishing-tab-approve').click();
    await page.locator(`[data-testid="approval-row"][data-edition-id="${document.id}"]`).click();
    await page.getByTestId('approval-password').fill(PASSWORD);
    // 定时发布 switched on without a time is refused before anything is sent; switched off, it goes now.
    await page.getByTestId('approval-schedule').click();
    await page.getByTestId('approval-submit').click();
    await expect.poll(() => page.getByTestId('approval-schedule-help').textContent()).toBe('请选择定时发布的日期和时间。');
    await page.getByTestId('approval-schedule-date').fill('2020-01-01');
    await page.getByTestId('approval-schedule-time').fill('09:00');
    await page.getByTestId('approval-submit').click();
    await expect.poll(() => page.getByTestId('approval-schedule-help').textContent()).toBe('定时发布的时间须晚于现在。');
    await page.getByTestId('approval-schedule').click();
    await page.getByTestId('approval-submit').click();
    await expect.poll(() => page.getByText('已签发，2 项已加入发布队列。').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await expect.poll(() => page.getByTestId('sync-status').textContent(), { timeout: 15_000 }).toBe('网站同步：正常，2 项待发布，最近成功 暂无');
  });

  it('exports the waiting items as an offline package', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('publishing-export-package').click()]);
    expect(download.suggestedFilename()).toMatch(/^offline-package-\d{8}-\d{6}\.zip$/);
    const files = unzipSync(readFileSync((await download.path())!));
    const manifest = PackageManifestSchema.parse(JSON.parse(Buffer.from(files['manifest.json']!).toString('utf8')));
    expect(manifest.items.map((i) => [i.itemId, i.title])).toEqual([
      [document.itemId, DOCUMENT],
      [interpretation.itemId, INTERPRETATION],
    ]);
    await expect.poll(() => page.getByText('已导出离线发布包：2 条信息、0 条撤稿、0 个附件。').count(), { timeout: 10_000 }).toBeGreaterThan(0);
  });

  it('after a sync the status bar shows the last success, and the website pages link 文件 ↔ 解读 both ways', async () => {
    await syncNow();
    await expect.poll(() => page.getByTestId('sync-status').textContent(), { timeout: 15_000 }).toMatch(/^网站同步：正常，0 项待发布，最近成功 \d/);

    await page.getByTestId('publishing-tab-published').click();
    const row = page.locator(`[data-testid="published-row"][data-item-id="${document.itemId}"]`);
    const href = (await row.getByTestId('published-link').getAttribute('href'))!;
    expect(href).toBe(`${siteUrl}/items/${document.itemId}`);

    const site = await page.context().newPage();
    await site.goto(href);
    expect(await site.locator('h1').first().textContent()).toBe(DOCUMENT);
    await site.locator('section.interpretations a', { hasText: INTERPRETATION }).click();
    await expect.poll(() => site.url()).toBe(`${siteUrl}/items/${interpretation.itemId}`);
    expect(await site.locator('h1').first().textContent()).toBe(INTERPRETATION);
    await site.locator('section.documents a', { hasText: DOCUMENT }).click();
    await expect.poll(() => site.url()).toBe(href);
    expect(await site.locator('h1').first().textContent()).toBe(DOCUMENT);
    await site.close();
  });

  it('the officer sees the website page in the editor once the item is published', async () => {
    const officer = await app.openAs('xiaoli');
    await officer.getByTestId('nav-drafts').click();
    await officer.locator(`[data-testid="item-row"][data-edition-id="${document.id}"]`).click();
    const link = officer.getByTestId('website-link');
    await expect.poll(() => link.getAttribute('href'), { timeout: 10_000 }).toBe(`${siteUrl}/items/${document.itemId}`);
    expect(await link.getAttribute('target')).toBe('_blank');
    expect(await officer.getByTestId('website-link-row').textContent()).toMatch(/^已发布到网站（第 1 版，.+）网站页面\s*$/);
    await officer.context().close();
  });

  it('withdraws the interpretation with a typed reason and a note; the website shows the notice', async () => {
    await page.locator(`[data-testid="published-row"][data-item-id="${interpretation.itemId}"]`).getByTestId('published-select').click();
    await page.getByTestId('published-withdraw').click();
    const dialog = page.getByRole('dialog');
    expect(await dialog.getByTestId('withdraw-items').textContent()).toBe(INTERPRETATION);
    // 被新信息替代 asks for the replacing item; 已失效/废止 does not.
    await dialog.getByTestId('withdraw-reason-superseded').click();
    await expect.poll(() => dialog.getByTestId('withdraw-replaced-by').count()).toBe(1);
    await dialog.getByTestId('withdraw-reason-expired_or_repealed').click();
    await expect.poll(() => dialog.getByTestId('withdraw-replaced-by').count()).toBe(0);
    await dialog.getByTestId('withdraw-password').fill(PASSWORD);
    await dialog.getByTestId('withdraw-submit').click();
    await expect.poll(() => dialog.getByText('请填写撤稿说明。').count()).toBe(1);
    await dialog.getByTestId('withdraw-note').fill('该解读所依据的文件已修订。');
    await dialog.getByTestId('withdraw-submit').click();
    await expect.poll(() => page.getByText('已撤稿，1 项已加入发布队列。').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await expect.poll(() => page.locator(`[data-testid="published-row"][data-item-id="${interpretation.itemId}"]`).count()).toBe(0);

    await syncNow();
    const site = await page.context().newPage();
    await site.goto(`${siteUrl}/items/${interpretation.itemId}`);
    expect(await site.locator('.withdrawn').textContent()).toContain('该信息已撤回：已失效或废止');
    await site.close();
  });
});
