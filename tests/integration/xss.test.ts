/**
 * The XSS corpus (tests/fixtures/xss/payloads.json) in every place a body goes: saved through the
 * gate, shown by the renderer (the review screen sets it as innerHTML), exported (the 保密审查表 and
 * the HTML sent to the website) and rendered on the reference site's item pages. Each payload, if it
 * ran, would set window.__xss or open a dialog; a real Chromium watches for both. Pages are rendered
 * without a CSP on purpose: the CSP is the second line, and this tests the first.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startReferenceSite } from '../../electron/reference-site/site.js';
import { makeBackend, tempDir, type TestBackend } from '../support/backend.js';
import { fields } from '../support/items.js';
import { launchChromium } from '../support/chromium.js';
import { PASSWORD, signOff } from '../support/office-world.js';

const PAYLOADS = JSON.parse(readFileSync(new URL('../fixtures/xss/payloads.json', import.meta.url), 'utf8')) as string[];

/** Markup that could run script or load something remote, in HTML the app produced. */
function expectInert(html: string): void {
  expect(html).not.toMatch(/<(script|style|iframe|object|embed|svg|math|form|input|button|meta|link|base|body|video|audio|source|details|marquee|template|xmp|noscript|select|isindex)\b/i);
  expect(html).not.toMatch(/<[^>]+\son[a-z]+\s*=/i);
  expect(html).not.toMatch(/(href|src|action|background|data)\s*=\s*["']?\s*(javascript|vbscript|data:text)/i);
  expect(html).not.toMatch(/expression\(|srcdoc|style\s*=|@import/i);
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
}, 60_000);
afterAll(async () => {
  await browser?.close();
});

/** A blank page that records dialogs; `render` puts HTML in it and reports whether anything ran. */
async function watchedPage(): Promise<{ page: Page; ran: (html: string) => Promise<boolean>; close: () => Promise<void> }> {
  const page = await browser.newPage();
  let dialogs = 0;
  page.on('dialog', (dialog) => {
    dialogs++;
    void dialog.dismiss();
  });
  await page.setContent('<!doctype html><html><body><main id="body"></main></body></html>');
  const ran = async (html: string) => {
    await page.evaluate((markup) => {
      (window as unknown as { __xss?: number }).__xss = undefined;
      document.getElementById('body')!.innerHTML = markup;
    }, html);
    // Error and load handlers fire asynchronously; give them time, and focus/toggle handlers a nudge.
    await page.waitForTimeout(150);
    const flag = await page.evaluate(() => (window as unknown as { __xss?: number }).__xss);
    return flag !== undefined || dialogs > 0;
  };
  return { page, ran, close: () => page.close() };
}

describe('XSS payloads in item bodies', () => {
  let t: TestBackend;
  let officer: string;
  let reviewer: { id: string; session: string };
  const stored: string[] = [];

  beforeAll(async () => {
    t = makeBackend();
    const admin = await t.setup();
    officer = (await t.userWith(admin, 'xiaoli', ['officer'])).session;
    reviewer = await t.userWith(admin, 'zhangsh', ['reviewer']);
  }, 60_000);
  afterAll(() => t.close());

  it('are sanitised on save, on create and on every later save', async () => {
    expect(PAYLOADS.length).toBeGreaterThanOrEqual(50);
    for (const payload of PAYLOADS) {
      const created = await t.ok('items.create', { categoryId: 'notice', fields: fields({ documentNumber: '' }), bodyHtml: payload }, officer);
      expectInert(created.bodyHtml);
      const saved = await t.ok('items.saveDraft', { editionId: created.id, categoryId: 'notice', fields: fields({ documentNumber: '' }), bodyHtml: `<p>前文</p>${payload}<p>后文</p>` }, officer);
      const reread = await t.ok('items.edition', { editionId: saved.id }, officer);
      expectInert(reread.bodyHtml);
      stored.push(reread.bodyHtml);
    }
  });

  it('do not run when the renderer shows the stored body (innerHTML, as the review screen does)', async () => {
    const { ran, close } = await watchedPage();
    try {
      // The harness can fail: an unsanitised payload does run in it.
      expect(await ran('<img src=x onerror=window.__xss=1>')).toBe(true);
      const running = [];
      for (const [i, html] of stored.entries()) if (await ran(html)) running.push(PAYLOADS[i]);
      expect(running).toEqual([]);
    } finally {
      await close();
    }
  });

  it('do not reach the exports: the 保密审查表 .docx and the HTML queued for the website', async () => {
    const body = PAYLOADS.join('<p>分隔</p>');
    const e = await t.ok('items.create', { categoryId: 'notice', fields: fields({ title: '<script>alert(1)</script>标题', summary: '<img src=x onerror=alert(1)>', documentNumber: '' }), bodyHtml: body }, officer);
    await t.ok('workflow.submit', { editionId: e.id }, officer);
    const { dataBase64 } = await t.ok('review.exportRecord', { editionId: e.id }, reviewer.session);
    const files = unzipSync(new Uint8Array(Buffer.from(dataBase64, 'base64')));
    for (const [name, bytes] of Object.entries(files)) {
      const xml = strFromU8(bytes);
      expect(xml, name).not.toMatch(/<script|javascript:|vbscript:|altChunk|TargetMode="External"/i);
    }
    // The title is plain text: kept as the officer typed it, escaped in the XML.
    expect(strFromU8(files['word/document.xml']!)).toContain('&lt;script&gt;alert(1)&lt;/script&gt;标题');

    signOff(t.backend, e.id, reviewer.id);
    const admin = (await t.ok('auth.login', { username: 'admin', password: 'Admin12345' })).sessionId;
    const approver = await t.userWith(admin, 'qianfa', ['approver']);
    const category = (await t.ok('categories.list', {}, admin)).find((c) => c.id === 'notice')!;
    await t.ok('categories.save', { ...category, columnId: 'tzgg' }, admin);
    await t.ok('publishing.configure', { siteUrl: 'http://127.0.0.1:9/', token: 'site-token-0123456789' }, admin);
    await t.ok('publishing.approve', { editionId: e.id, password: PASSWORD }, approver.session);
    const { payload } = t.backend.db.prepare('SELECT payload FROM outbox WHERE edition_id = ?').get(e.id) as { payload: string };
    expectInert((JSON.parse(payload) as { bodyHtml: string }).bodyHtml);
  });
});

describe('XSS payloads on the reference website', () => {
  const TOKEN = 'site-token-for-xss-0123456789';

  it('are sanitised on its item pages even when a client sends them raw through the API', async () => {
    const site = await startReferenceSite({ dataDir: tempDir('gongkai-site-'), token: TOKEN, onError: () => undefined });
    const { page, ran, close } = await watchedPage();
    try {
      const running: string[] = [];
      for (const [i, bodyHtml] of PAYLOADS.entries()) {
        const itemId = `xss-${i}`;
        const put = await fetch(`${site.url}/api/v1/items/${itemId}`, { method: 'PUT', headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' }, body: JSON.stringify(siteItem(bodyHtml)) });
        expect(put.status, await put.clone().text()).toBeLessThan(300);
        const response = await fetch(`${site.url}/items/${itemId}`);
        expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
        const html = await response.text();
        const body = /<div class="body">([\s\S]*)<\/div>/.exec(html)?.[1] ?? '';
        expectInert(body);
        if (await ran(body)) running.push(bodyHtml);
      }
      expect(running).toEqual([]);
      // And as a citizen's browser loads it, with the site's own headers.
      await page.goto(`${site.url}/items/xss-0`);
      expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    } finally {
      await close();
      await site.close();
    }
  });
});

/** An item as the publishing API takes it (docs/publishing-api.md), with the given body. */
function siteItem(bodyHtml: string) {
  const columnId = 'zfwj_szfbwj';
  const title = '关于测试页面安全的通知';
  const catalogue = { indexNumber: '11441700007280420Y/2026-00012', topic: '其他', publisher: '雷州市人民政府办公室', writtenDate: '2026-02-26', documentNumber: '', publishDate: '2026-03-02', validity: 'valid', repealedDate: null, disclosure: 'proactive' };
  const attachments: never[] = [];
  const contentHash = createHash('sha256').update(JSON.stringify({ columnId, title, catalogue, bodyHtml, attachments })).digest('hex');
  return {
    edition: 1,
    previousEdition: null,
    columnId,
    title,
    catalogue,
    bodyHtml,
    attachments,
    related: [],
    contentHash,
    review: { reviewer: '李审核', signedAt: '2026-03-01T08:00:00.000Z', contentHash },
    approval: { approver: '陈主任', approvedAt: '2026-03-01T09:00:00.000Z', contentHash },
    changeNote: '',
    minorChange: false,
  };
}
