import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startApp, type RunningApp } from '../support/app.js';
import { TestClock } from '../support/backend.js';
import { sampleDocx } from '../support/docx-fixture.js';

let app: RunningApp;
let page: Page;

const TITLE = '雷州市人民政府办公室关于做好2026年春耕生产工作的通知';

beforeAll(async () => {
  // Monday 2026-03-02 in Shanghai, so the due date below is always four working days away.
  app = await startApp({ clock: new TestClock() });
  await app.setUpOffice([{ username: 'xiaoli', displayName: '李小丽', roles: ['officer'] }]);
  page = await app.openAs('xiaoli');
  await page.getByTestId('nav-drafts').click();
}, 60_000);
afterAll(async () => app?.close());

async function chooseCategory(selectTestId: string, name: string): Promise<void> {
  await page.getByTestId(selectTestId).click();
  await page.getByRole('option', { name, exact: true }).click();
}

describe('an officer drafts, imports, attaches and finds', () => {
  it('creates a draft, accepting the one-click 文号 correction', async () => {
    await page.getByTestId('new-draft').click();
    await chooseCategory('new-draft-category', '政府文件');
    await page.getByTestId('new-draft-start').click();
    await page.getByTestId('field-title').fill(TITLE);
    await page.getByTestId('field-writtenDate').fill('2026-02-02');
    await page.getByTestId('field-documentNumber').fill('雷府办[2026]第03号');
    await page.getByTestId('document-number-fix').click();
    await expect.poll(() => page.getByTestId('field-documentNumber').inputValue()).toBe('雷府办〔2026〕3号');
    await page.getByTestId('body-content').locator('[contenteditable="true"]').click();
    await page.keyboard.type('各镇人民政府：为做好春耕生产，全面推进高标准农田建设，现通知如下。');
    await page.getByTestId('save-draft').click();
    await expect.poll(() => page.getByTestId('index-number').textContent()).toContain('11441700007280420Y/2026-00001');
    const saved = app.backend.db.prepare("SELECT e.document_number AS n, b.body_text AS body FROM editions e JOIN edition_bodies b ON b.edition_id = e.id").get() as { n: string; body: string };
    expect(saved).toEqual({ n: '雷府办〔2026〕3号', body: expect.stringContaining('高标准农田建设') });
  });

  it('attaches a file to the draft', async () => {
    await page.getByTestId('attachment-input').setInputFiles({ name: '春耕物资清单.txt', mimeType: 'text/plain', buffer: Buffer.from('化肥 200 吨') });
    await expect.poll(() => page.getByTestId('attachment-row').getAttribute('data-name')).toBe('春耕物资清单.txt');
    // Browser mode cannot open it with a system application, so opening it downloads it.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('attachment-download').click()]);
    expect(download.suggestedFilename()).toBe('春耕物资清单.txt');
    expect(readFileSync((await download.path())!, 'utf8')).toBe('化肥 200 吨');
  });

  it('shows the statutory 20-working-day due date in the editor', async () => {
    // 02-02 + 20 working days across Spring Festival and its two 调休 Saturdays = 03-06.
    expect(await page.getByTestId('due-notice').getAttribute('data-due')).toBe('2026-03-06');
  });

  it('imports a Word document as a new draft', async () => {
    await page.getByTestId('editor-back').click();
    await page.getByTestId('import-docx').click();
    await chooseCategory('import-docx-category', '通知公告');
    await page.getByTestId('import-docx-input').setInputFiles({
      name: '森林防火通知.docx',
      mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      buffer: await sampleDocx(),
    });
    await expect.poll(() => page.getByTestId('field-title').inputValue()).toBe('关于做好2026年秋冬季森林防火工作的通知');
    expect(await page.getByTestId('body-content').locator('table').count()).toBe(1);
    await page.getByTestId('editor-back').click();
  });

  it.each([
    ['春耕', TITLE],
    ['高标准农田', TITLE],
    ['森林防火', '关于做好2026年秋冬季森林防火工作的通知'],
  ])('searches for %s and finds the item, highlighted', async (query, title) => {
    await page.getByTestId('search-input').fill(query);
    const hit = page.getByTestId('search-hit').first();
    // Wait for this query's results, not the previous query's.
    await expect.poll(() => hit.getByTestId('search-mark').first().textContent()).toBe(query);
    expect(await hit.textContent()).toContain(title);
  });

  it('lists the draft on the dashboard with its due date', async () => {
    await page.getByTestId('search-input').fill('');
    await page.getByTestId('nav-dashboard').click();
    const row = page.getByTestId('deadline-row-due-soon').first();
    await expect.poll(() => row.textContent()).toContain(TITLE);
    expect(await row.textContent()).toContain('2026-03-06');
  });
});
