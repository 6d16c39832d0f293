/**
 * The reference website (electron/reference-site) as a client sees it: a real HTTP server on
 * 127.0.0.1, reached with fetch, checked through its API and through the pages a citizen reads.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startReferenceSite, type Faults, type ReferenceSite } from '../../electron/reference-site/site.js';
import { importOfflinePackage, PackageRejected } from '../../electron/reference-site/import-package.js';
import { tempDir } from '../support/backend.js';

const TOKEN = 'gk-test-token-4f7d1c0e9a';
let site: ReferenceSite;
let dataDir: string;
/** Unexpected server errors (answered 500): every test ends with none. */
let serverErrors: unknown[] = [];

beforeEach(async () => {
  dataDir = tempDir('gongkai-site-');
  serverErrors = [];
  site = await startReferenceSite({ dataDir, token: TOKEN, onError: (e) => serverErrors.push(e) });
});
afterEach(async () => {
  await site.close();
  expect(serverErrors).toEqual([]);
});

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

interface Answer {
  status: number;
  headers: Headers;
  body: unknown;
  text: string;
}

async function call(method: string, path: string, body?: unknown, options: { token?: string | null; raw?: Buffer } = {}): Promise<Answer> {
  const headers: Record<string, string> = {};
  const token = options.token === undefined ? TOKEN : options.token;
  if (token !== null) headers.authorization = `Bearer ${token}`;
  let payload: BodyInit | undefined;
  if (options.raw) {
    headers['content-type'] = 'application/octet-stream';
    payload = new Uint8Array(options.raw);
  } else if (body !== undefined) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  const res = await fetch(site.url + path, { method, headers, body: payload });
  const text = await res.text();
  let parsed: unknown = text;
  if (res.headers.get('content-type')?.startsWith('application/json') && text) parsed = JSON.parse(text);
  return { status: res.status, headers: res.headers, body: parsed, text };
}

const page = async (path: string) => {
  const res = await fetch(site.url + path);
  return { status: res.status, headers: res.headers, html: await res.text() };
};

const upload = (data: Buffer, hash = sha256(data)) => call('PUT', `/api/v1/attachments/${hash}`, undefined, { raw: data });

interface Attachment {
  sha256: string;
  name: string;
  size: number;
  mime: string;
}

/** A PUT body as the app's sync worker would send it, with a contentHash over the content. */
function item(
  options: {
    edition?: number;
    previousEdition?: number | null;
    title?: string;
    columnId?: string;
    bodyHtml?: string;
    attachments?: Attachment[];
    related?: { itemId: string; relation: 'interprets' | 'interpreted_by' }[];
    catalogue?: Record<string, unknown>;
    changeNote?: string;
  } = {},
) {
  const title = options.title ?? '雷州市人民政府办公室关于印发雷州市城乡生活垃圾分类工作实施方案的通知';
  const catalogue = {
    indexNumber: '11441700007280420Y/2026-00012',
    topic: '城乡建设、环境保护',
    publisher: '雷州市人民政府办公室',
    writtenDate: '2026-02-26',
    documentNumber: '雷府办〔2026〕3号',
    publishDate: '2026-03-02',
    validity: 'valid',
    repealedDate: null,
    disclosure: 'proactive',
    ...options.catalogue,
  };
  const bodyHtml = options.bodyHtml ?? '<p>各镇人民政府、街道办事处，市府直属各单位：</p><p>现将《雷州市城乡生活垃圾分类工作实施方案》印发给你们，请认真贯彻执行。</p>';
  const attachments = options.attachments ?? [];
  const columnId = options.columnId ?? 'zfwj_szfbwj';
  const contentHash = sha256(JSON.stringify({ columnId, title, catalogue, bodyHtml, attachments }));
  return {
    edition: options.edition ?? 1,
    previousEdition: options.previousEdition ?? null,
    columnId,
    title,
    catalogue,
    bodyHtml,
    attachments,
    related: options.related ?? [],
    contentHash,
    review: { reviewer: '李审核', signedAt: '2026-03-01T08:00:00.000Z', contentHash },
    approval: { approver: '陈主任', approvedAt: '2026-03-01T09:00:00.000Z', contentHash },
    changeNote: options.changeNote ?? '',
    minorChange: false,
  };
}

const put = (itemId: string, body: unknown) => call('PUT', `/api/v1/items/${itemId}`, body);

describe('authentication', () => {
  it('answers 401 without a token or with a wrong one, on every endpoint', async () => {
    for (const token of [null, 'wrong-token', `${TOKEN}x`]) {
      for (const [method, path, body] of [
        ['GET', '/api/v1/columns', undefined],
        ['PUT', '/api/v1/items/doc-1', item()],
        ['GET', '/api/v1/items/doc-1', undefined],
        ['POST', '/api/v1/items/doc-1/withdrawal', { edition: 1, reason: 'superseded', note: '' }],
        ['PUT', `/api/v1/attachments/${sha256('x')}`, undefined],
      ] as const) {
        const answer = await call(method, path, body, { token });
        expect(answer.status, `${method} ${path} with ${token}`).toBe(401);
        expect(answer.body).toMatchObject({ code: 'unauthorized' });
        expect(answer.headers.get('www-authenticate')).toBe('Bearer');
      }
    }
    expect(site.store.editionCount('doc-1')).toBe(0);
    expect((await call('GET', '/api/v1/columns', undefined, { token: 'Bearer' })).status).toBe(401);
  });

  it('needs no token for the public pages', async () => {
    expect((await page('/')).status).toBe(200);
  });
});

describe('columns', () => {
  it('lists the site’s columns with their parents, and the home page shows them', async () => {
    const answer = await call('GET', '/api/v1/columns');
    expect(answer.status).toBe(200);
    const columns = answer.body as { id: string; name: string; parentId: string | null }[];
    const byName = new Map(columns.map((c) => [c.name, c]));
    for (const name of ['政府文件', '政策解读', '通知公告', '动态信息', '重点领域信息', '政府信息公开年度报告']) expect(byName.has(name), name).toBe(true);
    expect(byName.get('市政府文件')!.parentId).toBe(byName.get('政府文件')!.id);
    for (const c of columns) expect(Object.keys(c).sort()).toEqual(['id', 'name', 'parentId']);
    const ids = new Set(columns.map((c) => c.id));
    for (const c of columns) if (c.parentId !== null) expect(ids.has(c.parentId)).toBe(true);

    const home = await page('/');
    expect(home.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(home.html).toContain('<a href="/columns/zcjd">政策解读</a>');
  });
});

describe('attachments', () => {
  const pdf = Buffer.from('%PDF-1.7\n雷州市城乡生活垃圾分类工作实施方案\n%%EOF\n');

  it('stores bytes under their SHA-256: 201, then 200 for the same bytes again', async () => {
    const hash = sha256(pdf);
    expect((await call('HEAD', `/api/v1/attachments/${hash}`)).status).toBe(404);
    const first = await upload(pdf);
    expect(first.status).toBe(201);
    expect(first.body).toEqual({ sha256: hash, size: pdf.length });
    const again = await upload(pdf);
    expect(again.status).toBe(200);
    expect(again.body).toEqual({ sha256: hash, size: pdf.length });
    expect((await call('HEAD', `/api/v1/attachments/${hash}`)).status).toBe(200);
    expect(existsSync(site.store.blobPath(hash))).toBe(true);
  });

  it('refuses bytes that do not match the hash in the address (400), and keeps nothing', async () => {
    const claimed = sha256('something else');
    const answer = await upload(pdf, claimed);
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ code: 'hash_mismatch', field: 'sha256' });
    expect((await call('HEAD', `/api/v1/attachments/${claimed}`)).status).toBe(404);
    expect(existsSync(site.store.blobPath(claimed))).toBe(false);

    const malformed = await upload(pdf, 'ABC');
    expect(malformed.status).toBe(400);
    expect(malformed.body).toMatchObject({ field: 'sha256' });
  });
});

describe('publishing an item', () => {
  it('renders the page with the catalogue header, the sanitised body, attachments and escaped fields', async () => {
    const data = Buffer.from('%PDF-1.7 实施方案 %%EOF');
    await upload(data);
    const attachment = { sha256: sha256(data), name: '雷州市城乡生活垃圾分类工作实施方案.pdf', size: data.length, mime: 'application/pdf' };
    const body = item({
      title: '<script>alert(1)</script>关于垃圾分类的通知',
      attachments: [attachment],
      bodyHtml:
        '<p>正文第一段</p><script>alert(2)</script><img src="x" onerror="alert(3)"><a href="javascript:alert(4)">坏链接</a>' +
        `<p><a href="https://www.gov.cn/">中国政府网</a></p><p><img src="attachments/${attachment.sha256}" alt="附图"></p><div style="color:red" onclick="alert(6)">样式</div>`,
      catalogue: { documentNumber: '"><svg onload=alert(5)>', topic: '城乡建设' },
    });
    const answer = await put('doc-1', body);
    expect(answer.status).toBe(201);
    const result = answer.body as { itemId: string; edition: number; url: string; publishedAt: string };
    expect(result).toEqual({ itemId: 'doc-1', edition: 1, url: `${site.url}/items/doc-1`, publishedAt: expect.any(String) });

    const { status, headers, html } = await page('/items/doc-1');
    expect(status).toBe(200);
    expect(headers.get('content-type')).toBe('text/html; charset=utf-8');
    const csp = headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toContain('script-src');
    expect(headers.get('x-content-type-options')).toBe('nosniff');

    for (const label of ['索引号', '主题分类', '发布机构', '成文日期', '发文字号', '发布日期', '有效性']) expect(html).toContain(`>${label}</th>`);
    for (const value of ['11441700007280420Y/2026-00012', '城乡建设', '雷州市人民政府办公室', '2026-02-26', '2026-03-02', '>有效<']) expect(html).toContain(value);

    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;关于垃圾分类的通知');
    expect(html).toContain('&quot;&gt;&lt;svg onload=alert(5)&gt;');
    expect(html).not.toMatch(/<script|<svg|onerror|onclick|javascript:|style="|alert\(2\)/i);
    expect(html).toContain('<p>正文第一段</p>');
    expect(html).toContain('<a href="https://www.gov.cn/" rel="noopener noreferrer" target="_blank">中国政府网</a>');
    expect(html).toContain(`<img src="/attachments/${attachment.sha256}/${encodeURIComponent(attachment.name)}" alt="附图" />`);

    const href = `/attachments/${attachment.sha256}/${encodeURIComponent(attachment.name)}`;
    expect(html).toContain(`href="${href}"`);
    const download = await fetch(site.url + href);
    expect(download.status).toBe(200);
    expect(Buffer.from(await download.arrayBuffer())).toEqual(data);
    expect(download.headers.get('content-type')).toBe('application/pdf');
    expect(download.headers.get('content-disposition')).toContain(`filename*=UTF-8''${encodeURIComponent(attachment.name)}`);
    expect(download.headers.get('content-security-policy')).toContain('sandbox');
    expect((await fetch(`${site.url}/attachments/${attachment.sha256}/other.pdf`)).status).toBe(404);

    const state = await call('GET', '/api/v1/items/doc-1');
    expect(state.body).toMatchObject({ itemId: 'doc-1', edition: 1, contentHash: body.contentHash, columnId: 'zfwj_szfbwj', url: result.url, withdrawal: null });
    expect((state.body as { history: unknown[] }).history).toHaveLength(1);
    expect((await call('GET', '/api/v1/items/nothing-here')).status).toBe(404);
    expect((await page('/items/nothing-here')).status).toBe(404);
  });

  it('lists a column’s items newest first, with 发布日期', async () => {
    await put('older', item({ title: '较早的通知', catalogue: { publishDate: '2026-01-05' } }));
    await put('newer', item({ title: '较新的通知', catalogue: { publishDate: '2026-02-20' } }));
    await put('elsewhere', item({ title: '其他栏目的信息', columnId: 'tzgg' }));
    const { html } = await page('/columns/zfwj_szfbwj');
    expect(html).toContain('<time>2026-02-20</time>');
    expect(html.indexOf('较新的通知')).toBeGreaterThan(0);
    expect(html.indexOf('较新的通知')).toBeLessThan(html.indexOf('较早的通知'));
    expect(html).not.toContain('其他栏目的信息');
    expect((await page('/columns/no-such-column')).status).toBe(404);
  });

  it('is exactly-once: the same edition and contentHash again gives the same result and one history row', async () => {
    const body = item();
    const first = await put('doc-1', body);
    const second = await put('doc-1', body);
    expect(first.status).toBe(201);
    expect(second.status).toBe(200);
    expect(second.body).toEqual(first.body);
    expect(site.store.editionCount('doc-1')).toBe(1);
  });

  it('stays exactly-once when the same edition and the same attachment arrive at once', async () => {
    const data = Buffer.alloc(256 * 1024, '并发');
    const uploads = await Promise.all(Array.from({ length: 5 }, () => upload(data)));
    expect(uploads.map((a) => a.status).sort()).toEqual([200, 200, 200, 200, 201]);
    const body = item({ attachments: [{ sha256: sha256(data), name: '并发.pdf', size: data.length, mime: 'application/pdf' }] });
    const puts = await Promise.all(Array.from({ length: 5 }, () => put('doc-1', body)));
    expect(puts.map((a) => a.status).sort()).toEqual([200, 200, 200, 200, 201]);
    for (const a of puts) expect(a.body).toEqual(puts[0]!.body);
    expect(site.store.editionCount('doc-1')).toBe(1);
  });

  it('answers 409 with the current edition to a stale previousEdition or a reused edition number', async () => {
    await put('doc-1', item());
    const two = item({ edition: 2, previousEdition: 1, title: '第二版标题', changeNote: '更正附件' });
    expect((await put('doc-1', two)).status).toBe(201);

    const stale = await put('doc-1', item({ edition: 3, previousEdition: 1, title: '基于旧版的修改' }));
    expect(stale.status).toBe(409);
    expect(stale.body).toEqual({
      code: 'conflict',
      message: expect.any(String),
      current: { edition: 2, contentHash: two.contentHash, title: '第二版标题', updatedAt: expect.any(String) },
    });

    const reused = await put('doc-1', item({ edition: 2, previousEdition: 1, title: '同一版次、不同内容' }));
    expect(reused.status).toBe(409);
    expect(reused.body).toMatchObject({ code: 'conflict', current: { edition: 2, contentHash: two.contentHash } });

    const fresh = await put('doc-2', item({ edition: 2, previousEdition: 1 }));
    expect(fresh.status).toBe(409);
    expect(fresh.body).toMatchObject({ code: 'conflict', current: null });

    expect(site.store.editionCount('doc-1')).toBe(2);
    expect(site.store.editionCount('doc-2')).toBe(0);
    expect((await page('/items/doc-1')).html).toContain('更正附件');
  });

  it('answers 422 when a referenced attachment was not uploaded, and accepts the same PUT after the upload', async () => {
    const data = Buffer.from('附件内容');
    const body = item({ attachments: [{ sha256: sha256(data), name: '附件.docx', size: data.length, mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' }] });
    const refused = await put('doc-1', body);
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ code: 'attachment_missing', field: 'attachments[0].sha256', missing: [sha256(data)] });
    expect(site.store.editionCount('doc-1')).toBe(0);
    await upload(data);
    expect((await put('doc-1', body)).status).toBe(201);
  });

  it('validates: 400 for a malformed field, 422 for an unknown column or a sign-off of other content', async () => {
    const badDate = await put('doc-1', item({ catalogue: { writtenDate: '2026-02-30' } }));
    expect(badDate.status).toBe(400);
    expect(badDate.body).toMatchObject({ code: 'invalid_request', field: 'catalogue.writtenDate' });

    const backwards = await put('doc-1', item({ edition: 1, previousEdition: 1 }));
    expect(backwards.body).toMatchObject({ field: 'previousEdition' });

    const notJson = await fetch(`${site.url}/api/v1/items/doc-1`, { method: 'PUT', headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' }, body: '{' });
    expect(notJson.status).toBe(400);

    expect((await put('bad id!', item())).body).toMatchObject({ field: 'itemId' });

    const column = await put('doc-1', item({ columnId: 'no_such_column' }));
    expect(column.status).toBe(422);
    expect(column.body).toMatchObject({ code: 'unknown_column', field: 'columnId' });

    const body = item();
    const signed = await put('doc-1', { ...body, review: { ...body.review, contentHash: sha256('an earlier draft') } });
    expect(signed.status).toBe(422);
    expect(signed.body).toMatchObject({ code: 'signoff_mismatch', field: 'review.contentHash' });

    const secret = await put('doc-1', item({ catalogue: { disclosure: 'not_disclosed' } }));
    expect(secret.body).toMatchObject({ code: 'not_disclosable', field: 'catalogue.disclosure' });
    expect(site.store.editionCount('doc-1')).toBe(0);
  });
});

describe('withdrawal', () => {
  it('shows a withdrawal notice and keeps the page; a repeat is answered the same', async () => {
    await put('doc-1', item());
    const request = { edition: 1, reason: 'expired_or_repealed', note: '该文件有效期已届满。' };
    const first = await call('POST', '/api/v1/items/doc-1/withdrawal', request);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ itemId: 'doc-1', edition: 1, reason: 'expired_or_repealed', replacedBy: null, url: `${site.url}/items/doc-1` });
    const again = await call('POST', '/api/v1/items/doc-1/withdrawal', request);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);

    const { status, html } = await page('/items/doc-1');
    expect(status).toBe(200);
    expect(html).toContain('该信息已撤回：已失效或废止');
    expect(html).toContain('该文件有效期已届满。');
    expect(html).toContain('现将《雷州市城乡生活垃圾分类工作实施方案》印发给你们');
    expect((await page('/columns/zfwj_szfbwj')).html).toContain('已撤回');

    const different = await call('POST', '/api/v1/items/doc-1/withdrawal', { ...request, note: '另一说明' });
    expect(different.status).toBe(409);
    const stale = await call('POST', '/api/v1/items/doc-1/withdrawal', { ...request, edition: 2 });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ current: { edition: 1 } });
    expect((await call('POST', '/api/v1/items/nobody/withdrawal', request)).status).toBe(404);
  });

  it('hides the body and attachments of an item published in error, and links a superseded one to its replacement', async () => {
    const data = Buffer.from('含有个人信息的附件');
    await upload(data);
    const attachment = { sha256: sha256(data), name: '名单.xlsx', size: data.length, mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' };
    await put('err-1', item({ title: '误发的名单', attachments: [attachment], bodyHtml: '<p>张三 身份证号</p>' }));
    const href = `/attachments/${attachment.sha256}/${encodeURIComponent(attachment.name)}`;
    expect((await fetch(site.url + href)).status).toBe(200);
    expect((await call('POST', '/api/v1/items/err-1/withdrawal', { edition: 1, reason: 'published_in_error', note: '' })).status).toBe(201);
    const { html } = await page('/items/err-1');
    expect(html).toContain('该信息已撤回：发布有误');
    expect(html).toContain('误发的名单');
    expect(html).not.toContain('张三');
    expect(html).not.toContain(href);
    expect((await fetch(site.url + href)).status).toBe(404);

    await put('old', item({ title: '旧办法' }));
    const missing = await call('POST', '/api/v1/items/old/withdrawal', { edition: 1, reason: 'superseded', note: '' });
    expect(missing.body).toMatchObject({ field: 'replacedBy' });
    await put('new', item({ title: '新办法' }));
    expect((await call('POST', '/api/v1/items/old/withdrawal', { edition: 1, reason: 'superseded', replacedBy: 'new', note: '' })).status).toBe(201);
    const old = (await page('/items/old')).html;
    expect(old).toContain('该信息已撤回：已被新的信息替代');
    expect(old).toContain('替代信息：<a href="/items/new">新办法</a>');
  });
});

describe('related items', () => {
  it('links a document and its interpretation both ways, whichever side declares it and in either order', async () => {
    await put('interp-1', item({ title: '《垃圾分类实施方案》政策解读', columnId: 'zcjd', related: [{ itemId: 'doc-1', relation: 'interprets' }] }));
    await put('doc-1', item({ title: '垃圾分类实施方案' }));
    const doc = (await page('/items/doc-1')).html;
    expect(doc).toContain('相关解读');
    expect(doc).toContain('<a href="/items/interp-1">《垃圾分类实施方案》政策解读</a>');
    const interp = (await page('/items/interp-1')).html;
    expect(interp).toContain('解读的政策文件');
    expect(interp).toContain('<a href="/items/doc-1">垃圾分类实施方案</a>');

    // Declared on the document's side only.
    await put('doc-2', item({ title: '第二个文件', related: [{ itemId: 'interp-2', relation: 'interpreted_by' }] }));
    await put('interp-2', item({ title: '第二个解读', columnId: 'zcjd' }));
    expect((await page('/items/interp-2')).html).toContain('<a href="/items/doc-2">第二个文件</a>');
    expect((await page('/items/doc-2')).html).toContain('<a href="/items/interp-2">第二个解读</a>');

    // A link exists only while the declaring edition is current.
    await put('interp-1', item({ edition: 2, previousEdition: 1, title: '《垃圾分类实施方案》政策解读', columnId: 'zcjd' }));
    expect((await page('/items/doc-1')).html).not.toContain('相关解读');

    expect((await put('self', item({ related: [{ itemId: 'self', relation: 'interprets' }] }))).status).toBe(422);
  });
});

describe('fault injection', () => {
  const data = Buffer.from('faulty attachment');

  it('with errorRate 1 fails every request with 500 or 503 and stores nothing', async () => {
    site.setFaults({ errorRate: 1 });
    const statuses = new Set<number>();
    for (let i = 0; i < 6; i++) {
      const answers = [await upload(data), await put('doc-1', item()), await call('POST', '/api/v1/items/doc-1/withdrawal', { edition: 1, reason: 'superseded', note: '' })];
      for (const a of answers) {
        expect([500, 503]).toContain(a.status);
        expect(a.body).toMatchObject({ code: expect.stringMatching(/^(internal|unavailable)$/) });
        statuses.add(a.status);
      }
    }
    expect([...statuses].sort()).toEqual([500, 503]);
    site.setFaults({});
    expect((await call('GET', '/api/v1/items/doc-1')).status).toBe(404);
    expect((await call('HEAD', `/api/v1/attachments/${sha256(data)}`)).status).toBe(404);
    expect(site.store.editionCount('doc-1')).toBe(0);
    expect(existsSync(site.store.blobPath(sha256(data)))).toBe(false);
  });

  it('with commitThenDrop 1 commits, drops the connection, and the retry of the same edition returns 200 once', async () => {
    site.setFaults({ commitThenDrop: 1 });
    await expect(upload(data)).rejects.toThrow();
    const body = item({ attachments: [{ sha256: sha256(data), name: 'a.pdf', size: data.length, mime: 'application/pdf' }] });
    await expect(put('doc-1', body)).rejects.toThrow();

    site.setFaults({});
    expect((await upload(data)).status).toBe(200);
    const retry = await put('doc-1', body);
    expect(retry.status).toBe(200);
    expect(retry.body).toMatchObject({ itemId: 'doc-1', edition: 1 });
    expect(site.store.editionCount('doc-1')).toBe(1);
    expect((await page('/items/doc-1')).status).toBe(200);
  });

  it('answers 429 with Retry-After: 1 and does nothing', async () => {
    site.setFaults({ rate429: 1 });
    const answer = await put('doc-1', item());
    expect(answer.status).toBe(429);
    expect(answer.headers.get('retry-after')).toBe('1');
    expect(answer.body).toMatchObject({ code: 'rate_limited' });
    expect(site.store.editionCount('doc-1')).toBe(0);
  });

  it('delays by latencyMs, and the same seed gives the same faults', async () => {
    site.setFaults({ latencyMs: 120 });
    const start = performance.now();
    expect((await call('GET', '/api/v1/columns')).status).toBe(200);
    expect(performance.now() - start).toBeGreaterThanOrEqual(110);

    const run = async (faults: Faults) => {
      site.setFaults(faults);
      const statuses: number[] = [];
      for (let i = 0; i < 24; i++) statuses.push((await call('GET', '/api/v1/columns')).status);
      return statuses;
    };
    const a = await run({ errorRate: 0.3, rate429: 0.2, seed: 42 });
    const b = await run({ errorRate: 0.3, rate429: 0.2, seed: 42 });
    const c = await run({ errorRate: 0.3, rate429: 0.2, seed: 7 });
    expect(b).toEqual(a);
    expect(c).not.toEqual(a);
    expect(new Set(a)).toEqual(new Set([200, 429, 500, 503]));
  });
});

describe('offline package (离线发布包)', () => {
  function writePackage(files: Record<string, Buffer>, items: { itemId: string; [key: string]: unknown }[], withdrawals: unknown[] = []): string {
    const dir = tempDir('gongkai-package-');
    mkdirSync(join(dir, 'attachments'));
    for (const [hash, bytes] of Object.entries(files)) writeFileSync(join(dir, 'attachments', hash), bytes);
    const manifest = {
      format: 'gongkai-offline-package',
      version: 1,
      createdAt: '2026-03-02T02:00:00.000Z',
      attachments: Object.entries(files).map(([hash, bytes]) => ({ sha256: hash, size: bytes.length })),
      items,
      withdrawals,
    };
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
    return dir;
  }

  const one = Buffer.from('%PDF-1.7 附件一');
  const two = Buffer.from('%PDF-1.7 附件二');
  const ref = (bytes: Buffer, name: string) => ({ sha256: sha256(bytes), name, size: bytes.length, mime: 'application/pdf' });
  const packageItems = () => [
    { itemId: 'pkg-doc', ...item({ title: '离线发布的文件', attachments: [ref(one, '附件一.pdf')] }) },
    { itemId: 'pkg-interp', ...item({ title: '离线发布的解读', columnId: 'zcjd', attachments: [ref(two, '附件二.pdf')], related: [{ itemId: 'pkg-doc', relation: 'interprets' }] }) },
  ];

  it('imports a good package, and importing it again changes nothing', async () => {
    const dir = writePackage({ [sha256(one)]: one, [sha256(two)]: two }, packageItems());
    expect(await importOfflinePackage(site, dir)).toEqual({ published: 2, alreadyPublished: 0, attachments: 2, withdrawals: 0 });
    const doc = (await page('/items/pkg-doc')).html;
    expect(doc).toContain('离线发布的文件');
    expect(doc).toContain('<a href="/items/pkg-interp">离线发布的解读</a>');
    expect((await fetch(`${site.url}/attachments/${sha256(one)}/${encodeURIComponent('附件一.pdf')}`)).status).toBe(200);

    expect(await importOfflinePackage(site, dir)).toEqual({ published: 0, alreadyPublished: 2, attachments: 0, withdrawals: 0 });
    expect(site.store.editionCount('pkg-doc')).toBe(1);
  });

  it('refuses the whole package when one attachment is corrupted, and imports nothing', async () => {
    const corrupted = Buffer.from(two);
    corrupted.writeUInt8(corrupted.readUInt8(corrupted.length - 1) ^ 0x01, corrupted.length - 1); // one bit flipped
    const dir = writePackage({ [sha256(one)]: one, [sha256(two)]: corrupted }, packageItems());
    const error = await importOfflinePackage(site, dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PackageRejected);
    expect((error as PackageRejected).problems).toEqual([{ path: `attachments/${sha256(two)}`, code: 'hash_mismatch', message: expect.any(String) }]);
    expect(site.store.editionCount('pkg-doc')).toBe(0);
    expect(site.store.editionCount('pkg-interp')).toBe(0);
    expect(site.store.attachment(sha256(one))).toBeNull();
    expect(existsSync(site.store.blobPath(sha256(one)))).toBe(false);
  });

  it('refuses the whole package when an item conflicts with the site, removing the bytes it brought', async () => {
    await put('pkg-interp', item({ title: '网站上已有的另一版本', columnId: 'zcjd' }));
    const dir = writePackage({ [sha256(one)]: one, [sha256(two)]: two }, packageItems());
    const error = await importOfflinePackage(site, dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PackageRejected);
    expect((error as PackageRejected).problems[0]).toMatchObject({ path: 'items[1]', code: 'conflict' });
    expect(site.store.editionCount('pkg-doc')).toBe(0);
    expect(site.store.attachment(sha256(one))).toBeNull();
    expect(existsSync(site.store.blobPath(sha256(one)))).toBe(false);
  });

  it('refuses an item whose attachment is neither in the package nor on the site', async () => {
    const dir = writePackage({ [sha256(one)]: one }, packageItems());
    const error = (await importOfflinePackage(site, dir).catch((e: unknown) => e)) as PackageRejected;
    expect(error.problems).toEqual([{ path: 'items[1].attachments[0].sha256', code: 'attachment_missing', message: expect.any(String) }]);
    expect(site.store.editionCount('pkg-doc')).toBe(0);
  });
});

describe('storage', () => {
  it('is one WAL SQLite file with STRICT tables and append-only history', () => {
    const db = site.store.db;
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    const tables = db.prepare("SELECT name, strict FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite_%'").all() as { name: string; strict: number }[];
    expect(tables.map((t) => t.name).sort()).toEqual(['attachments', 'columns', 'edition_attachments', 'editions', 'items', 'relations', 'withdrawals']);
    expect(tables.filter((t) => t.strict !== 1)).toEqual([]);
  });

  it('refuses to change or delete history', async () => {
    await put('doc-1', item());
    expect(() => site.store.db.prepare("UPDATE editions SET title = 'x'").run()).toThrow(/append-only/);
    expect(() => site.store.db.prepare('DELETE FROM editions').run()).toThrow(/append-only/);
  });

  it('keeps everything across a restart', async () => {
    await put('doc-1', item());
    await site.close();
    site = await startReferenceSite({ dataDir, token: TOKEN, onError: (e) => serverErrors.push(e) });
    expect((await put('doc-1', item())).status).toBe(200);
    expect((await page('/items/doc-1')).status).toBe(200);
  });
});
