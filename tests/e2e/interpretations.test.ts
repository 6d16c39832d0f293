import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startApp, type RunningApp } from '../support/app.js';
import { TestClock } from '../support/backend.js';
import { INTERPRETATION_ELEMENTS } from '../../shared/domain/interpretation-rules.js';

let app: RunningApp;
let page: Page;

const DOCUMENT = '雷州市优化营商环境办法';
const INTERPRETATION = '《雷州市优化营商环境办法》政策解读';

beforeAll(async () => {
  app = await startApp({ clock: new TestClock() });
  await app.setUpOffice([{ username: 'xiaoli', displayName: '李小丽', roles: ['officer'] }]);
  page = await app.openAs('xiaoli');
  await page.getByTestId('nav-drafts').click();
}, 60_000);
afterAll(async () => app?.close());

async function chooseOption(selectTestId: string, name: string): Promise<void> {
  await page.getByTestId(selectTestId).click();
  await page.getByRole('option', { name, exact: true }).click();
}

/** The editor has this item open (titles are unique here). */
async function editorShows(title: string): Promise<void> {
  await expect.poll(() => page.getByTestId('field-title').inputValue()).toBe(title);
}

function statuses(): Record<string, string> {
  const rows = app.backend.db.prepare('SELECT title, status FROM editions').all() as { title: string; status: string }[];
  return Object.fromEntries(rows.map((r) => [r.title, r.status]));
}

describe('三同步: an officer writes a 规范性文件 with its interpretation and submits both', () => {
  it('writes a 规范性文件 and is told it cannot be submitted without an interpretation', async () => {
    await page.getByTestId('new-draft').click();
    await chooseOption('new-draft-category', '政府文件');
    await page.getByTestId('new-draft-start').click();
    await page.getByTestId('field-title').fill(DOCUMENT);
    await page.getByTestId('field-writtenDate').fill('2026-02-27');
    await page.getByTestId('field-documentNumber').fill('雷府〔2026〕8号');
    await page.getByTestId('field-normative').check();
    await page.getByTestId('body-content').locator('[contenteditable="true"]').click();
    await page.keyboard.type('第一条 本办法适用于本市行政区域内的市场主体登记、许可和监管活动。');
    await page.getByTestId('save-draft').click();
    await expect.poll(() => page.getByTestId('index-number').textContent()).toContain('11441700007280420Y/2026-');

    const reason = page.getByTestId('submit-blocking-reason');
    await expect.poll(() => reason.first().getAttribute('data-code')).toBe('interpretation.missing');
    expect(await reason.count()).toBe(1);
    expect(await reason.first().textContent()).toContain('三同步');
    expect(await page.getByTestId('submit-review').isDisabled()).toBe(true);
  });

  it('starts the interpretation from the document; it is linked at its first save', async () => {
    await page.getByTestId('new-interpretation').click();
    // Titled after the document, in the 政策解读 category, starting from the elements of a good interpretation.
    await editorShows(INTERPRETATION);
    expect(await page.getByTestId('field-category').inputValue()).toBe('政策解读');
    await expect.poll(() => page.getByTestId('body-content').locator('h2').allTextContents()).toEqual(INTERPRETATION_ELEMENTS);
    expect(await page.getByTestId('pending-document').textContent()).toContain(DOCUMENT);

    await page.getByTestId('field-writtenDate').fill('2026-02-27');
    await chooseOption('field-interpretationForm', '文字解读');
    await page.getByTestId('body-content').locator('[contenteditable="true"] p').first().click();
    await page.keyboard.type('近年来我市企业反映开办手续多、跑腿次数多，今后在网上提交材料后，当天即可领取营业执照。');
    await page.getByTestId('save-draft').click();

    await expect.poll(() => page.getByTestId('linked-document').textContent()).toBe(DOCUMENT);
    // Its own words, not the document's: the copy check says how much it repeats.
    const copy = page.getByTestId('copy-check');
    await expect.poll(() => copy.getAttribute('data-too-similar')).toBe('false');
    expect(await copy.textContent()).toMatch(new RegExp(`与《${DOCUMENT}》重复度 \\d+%`));
  });

  it('shows the link both ways, and each end opens the other', async () => {
    await page.getByTestId('linked-document').click();
    await editorShows(DOCUMENT);
    await expect.poll(() => page.getByTestId('linked-interpretation').textContent()).toBe(INTERPRETATION);

    await page.getByTestId('linked-interpretation').click();
    await editorShows(INTERPRETATION);
    await expect.poll(() => page.getByTestId('linked-document').textContent()).toBe(DOCUMENT);

    await page.getByTestId('linked-document').click();
    await editorShows(DOCUMENT);
  });

  it('submits the document, which takes its interpretation along', async () => {
    await expect.poll(() => page.getByTestId('submit-panel').getAttribute('data-ready')).toBe('true');
    expect(await page.getByTestId('submit-blocking').count()).toBe(0);
    expect(await page.getByTestId('submit-together').textContent()).toContain(INTERPRETATION);

    await page.getByTestId('submit-review').click();
    await page.getByTestId('submit-confirm').click();
    await expect.poll(() => page.getByTestId('editor-status').getAttribute('data-status')).toBe('submitted');
    expect(await page.getByTestId('editor-status').textContent()).toBe('送审');
    expect(await page.getByTestId('read-only-notice').isVisible()).toBe(true);
    const linkedStatus = page.getByTestId('linked-interpretation-row').locator('[data-status]');
    expect(await linkedStatus.getAttribute('data-status')).toBe('submitted');

    await page.getByTestId('linked-interpretation').click();
    await editorShows(INTERPRETATION);
    await expect.poll(() => page.getByTestId('editor-status').getAttribute('data-status')).toBe('submitted');
    expect(await page.getByTestId('editor-status').textContent()).toBe('送审');
    expect(statuses()).toEqual({ [DOCUMENT]: 'submitted', [INTERPRETATION]: 'submitted' });
  });

  it('marks both in the list with their link', async () => {
    await page.getByTestId('editor-back').click();
    const rows = page.getByTestId('item-row');
    await expect.poll(() => rows.count()).toBe(2);
    for (const row of await rows.all()) expect(await row.getByTestId('link-count').getAttribute('data-count')).toBe('1');
  });
});
