import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { PASSWORD, startApp, type RunningApp } from '../support/app.js';
import { TestClock, tempDir } from '../support/backend.js';
import { fields } from '../support/items.js';
import { startReferenceSite, type ReferenceSite } from '../../electron/reference-site/site.js';
import { SyncWorker } from '../../electron/core/sync/worker.js';
import { httpSiteClient } from '../../electron/core/sync/site-client.js';
import { contentHash } from '../../electron/core/services/review.js';
import { findEdition } from '../../electron/core/db/items-repo.js';

const TOKEN = 'site-token-for-e2e-0123456789';
const TITLE = '关于2026年春季学期中小学开学安排的通知';

let app: RunningApp;
let site: ReferenceSite;
let page: Page;
let editionId: string;
let itemId: string;

/** The review screens are tested in review.test.ts; here the sign-off is recorded as the review would. */
function signOff(id: string, reviewerId: string): void {
  const backend = app.backend;
  const hash = contentHash(backend.context(null), findEdition(backend.db, id)!);
  backend.db.prepare("INSERT INTO reviews (edition_id, decision, reviewer_id, decided_at, content_hash) VALUES (?, 'approve', ?, ?, ?)").run(id, reviewerId, new Date().toISOString(), hash);
  backend.db.prepare("UPDATE editions SET status = 'reviewed' WHERE id = ?").run(id);
}

beforeAll(async () => {
  app = await startApp({ clock: new TestClock() });
  site = await startReferenceSite({ dataDir: tempDir('gongkai-site-'), token: TOKEN, onError: () => undefined });
  const admin = await app.setUpOffice([
    { username: 'xiaoli', displayName: '李小丽', roles: ['officer'] },
    { username: 'qianfa', displayName: '钱发', roles: ['approver'] },
  ]);
  const reviewer = await app.call<{ id: string }>('users.create', { username: 'zhangsh', displayName: '张审', roles: ['reviewer'], password: PASSWORD }, admin);
  await app.call('publishing.configure', { siteUrl: site.url, token: TOKEN }, admin);
  const categories = await app.call<{ id: string }[]>('categories.list', {}, admin);
  await app.call('categories.save', { ...categories.find((c) => c.id === 'notice')!, columnId: 'tzgg' }, admin);

  const { sessionId: officer } = await app.call<{ sessionId: string }>('auth.login', { username: 'xiaoli', password: PASSWORD });
  const edition = await app.call<{ id: string; itemId: string }>('items.create', { categoryId: 'notice', fields: fields({ title: TITLE, documentNumber: '' }), bodyHtml: '<p>春季学期于3月2日开学。</p>' }, officer);
  editionId = edition.id;
  itemId = edition.itemId;
  await app.call('workflow.submit', { editionId }, officer);
  signOff(editionId, reviewer.id);

  page = await app.openAs('qianfa');
  await page.getByTestId('nav-publishing').click();
}, 60_000);
afterAll(async () => {
  await app?.close();
  await site?.close();
});

describe('an approver signs off a reviewed item and follows it to the website', () => {
  it('finds the item awaiting sign-off and signs it off with the password', async () => {
    await page.getByTestId('publishing-tab-approve').click();
    const row = page.locator(`[data-testid="approval-row"][data-edition-id="${editionId}"]`);
    await expect.poll(() => row.textContent()).toContain(TITLE);
    expect(await row.textContent()).toContain('李小丽');
    await row.click();
    await expect.poll(() => page.getByTestId('approval-title').textContent()).toBe(TITLE);
    await page.getByTestId('approval-password').fill(PASSWORD);
    await page.getByTestId('approval-submit').click();
    await expect.poll(() => page.getByText('已签发，1 项已加入发布队列。').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await expect.poll(() => row.count()).toBe(0);
  });

  it('sees the job in the publishing queue, then done with the website link once the worker has run', async () => {
    await page.getByTestId('publishing-tab-jobs').click();
    const job = page.locator(`[data-testid="job-row"][data-edition-id="${editionId}"]`);
    await expect.poll(() => job.getAttribute('data-state')).toBe('pending');
    expect(await job.getByTestId('job-title').textContent()).toBe(TITLE);
    expect(await job.getByTestId('job-state').textContent()).toBe('待发布');

    await new SyncWorker(app.backend.context(null), httpSiteClient(site.url, TOKEN), { baseBackoffMs: 1 }).drain();

    await page.getByTestId('jobs-refresh').click();
    await expect.poll(() => job.getAttribute('data-state')).toBe('done');
    expect(await job.getByTestId('job-state').textContent()).toBe('已完成');
    expect(await job.getByTestId('job-attempts').textContent()).toBe('1');
    const link = job.getByTestId('job-link');
    expect(await link.getAttribute('href')).toMatch(/^https?:\/\//);
    expect(await link.getAttribute('target')).toBe('_blank');
    expect(site.store.editionCount(itemId)).toBe(1);

    await job.getByTestId('job-toggle').click();
    const attempt = page.locator(`[data-testid="job-history"][data-job-id="${await job.getAttribute('data-job-id')}"] [data-testid="job-attempt"]`);
    await expect.poll(() => attempt.count()).toBe(1);
    expect(await attempt.getAttribute('data-outcome')).toBe('done');
    expect(await attempt.getByTestId('job-attempt-status').textContent()).toMatch(/^2\d\d$/);
  });
});
