import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startApp, type RunningApp } from '../support/app.js';
import { TestClock, UNIT } from '../support/backend.js';

let app: RunningApp;
let page: Page;

/** The Leizhou 2018 demo set (electron/core/demo), then the 2018 report as an officer sees it. */
beforeAll(async () => {
  app = await startApp({ clock: new TestClock() });
  const admin = await app.setUpOffice([{ username: 'nianbao', displayName: '年报专员', roles: ['officer'] }]);
  await app.call('demo.load', { name: 'leizhou-2018' }, admin);
  page = await app.openAs('nianbao');
  await page.getByTestId('nav-annualReport').click();
  await page.getByTestId('report-year').fill('2018');
}, 120_000);
afterAll(async () => {
  await app?.close();
});

describe('the 2018 annual report of the demo city', () => {
  it('shows 5090 items and 66 government documents in the tables and the draft text', async () => {
    const proactive = page.getByTestId('report-proactive');
    await expect.poll(() => proactive.textContent(), { timeout: 15_000 }).toContain('5090');
    expect(await page.getByTestId('figure-p.total').textContent()).toBe('5090');
    expect(await page.getByTestId('figure-p.cat.gov_document').textContent()).toBe('66');
    const overview = await page.getByTestId('report-narrative-overview').inputValue();
    expect(overview).toContain('全年共发布各类信息5090条，其中政府文件类66条、政策解读类22条');
    expect(overview).toContain('开展在线访谈3期，转载上级部门在线访谈3期');
    expect(await page.getByTestId('report-table3').textContent()).toContain('一、本年新收政府信息公开申请数量');
    expect(await page.getByTestId('report-checks').textContent()).toBe('勾稽关系全部相符。');
  });

  it('lists the records behind a figure', async () => {
    await page.getByTestId('figure-p.cat.gov_document').click();
    await expect.poll(() => page.getByTestId('report-sources-count').textContent()).toContain('66');
    await page.keyboard.press('Escape');
  });

  it('exports the .docx, files a snapshot, and the file is there', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('report-export').click()]);
    expect(download.suggestedFilename()).toBe(`${UNIT.name}2018年政府信息公开工作年度报告.docx`);
    const bytes = readFileSync((await download.path())!);
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
    await expect.poll(() => page.getByTestId('report-snapshot').count()).toBe(1);
  });
});
