import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startApp, type RunningApp } from '../support/app.js';
import { TestClock } from '../support/backend.js';
import { walkSetupWizard } from '../support/setup-wizard.js';

let app: RunningApp;
let page: Page;

beforeAll(async () => {
  app = await startApp({ clock: new TestClock() }); // 2026-03-02: "this year" is 2026, the demo year 2018
  page = await app.open();
}, 60_000);
afterAll(async () => app?.close());

const text = (testId: string) => page.getByTestId(testId).first().textContent();

describe('the 雷州市 2018 demo data on the 工作台', () => {
  it('loads the demo data from the first-run wizard', async () => {
    await walkSetupWizard(page, { loadDemo: true });
    await expect.poll(() => page.getByTestId('header-unit-name').textContent(), { timeout: 60_000 }).toContain('雷州市人民政府办公室');
    // This year (by the clock) has nothing published yet; the queues are empty.
    await expect.poll(() => text('figure-total-value')).toBe('0 条');
    expect(await text('queue-awaitingReview-count')).toBe('0');
    expect(await text('queue-syncFailures-count')).toBe('0');
  }, 120_000);

  it('shows the 2018 figures of the city’s report when 2018 is chosen', async () => {
    await page.getByTestId('dashboard-year').click();
    await page.getByRole('option', { name: '2018 年' }).click();
    await expect.poll(() => text('figure-total-value')).toBe('5090 条');
    const row = (id: string) => page.getByTestId(`category-${id}`).textContent();
    expect(await row('gov_document')).toBe('政府文件66');
    expect(await row('interpretation')).toBe('政策解读22');
    expect(await row('news')).toBe('动态信息1078');
    expect(await row('notice')).toBe('公告公示46');
    expect(await row('key_area')).toBe('重点领域信息441');
    expect(await row('special_topic')).toBe('专题124');
    expect(await text('figure-interpretations-national')).toBe('国家：4');
    expect(await text('figure-interpretations-provincial')).toBe('省：16');
    expect(await text('figure-interpretations-local')).toBe('本级：2');
    expect(await text('figure-interviews-held')).toBe('开展 3 期');
    expect(await text('figure-interviews-reposted')).toBe('转载 3 期');
    expect(await text('figure-requests-received')).toBe('收到 0 件');
    expect(await text('figure-error-reports-received')).toBe('收到 1 宗');
    expect(await text('figure-error-reports-handled')).toBe('已答复 1 宗');
  }, 60_000);
});
