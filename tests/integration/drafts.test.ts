import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CommandInput } from '../../shared/contract.js';
import { makeBackend, tempDir, type TestBackend } from '../support/backend.js';
import { fields } from '../support/items.js';
import { sampleDocx } from '../support/docx-fixture.js';

let t: TestBackend;
let admin: string;
let officer: string;

const BODY = '<p>各镇人民政府、街道办事处：</p><p>为切实做好春耕生产工作，确保粮食安全，现就有关事项通知如下。</p>';

async function create(overrides: Partial<CommandInput<'items.create'>['fields']> = {}, bodyHtml = BODY, categoryId = 'gov_document') {
  return t.ok('items.create', { categoryId, fields: fields(overrides), bodyHtml }, officer);
}

beforeEach(async () => {
  t = makeBackend();
  admin = await t.setup();
  officer = (await t.userWith(admin, 'xiaoli', ['officer'])).session;
});
afterEach(() => t.close());

describe('items and editions', () => {
  it('assigns 索引号 from the unit code, the year and a serial that is never reused', async () => {
    const first = await create();
    const second = await create();
    const older = await create({ writtenDate: '2025-12-30' });
    expect([first.indexNumber, second.indexNumber, older.indexNumber]).toEqual([
      '11441700007280420Y/2026-00001',
      '11441700007280420Y/2026-00002',
      '11441700007280420Y/2025-00001',
    ]);
    expect(first).toMatchObject({ number: 1, status: 'draft', authorName: 'xiaoli', problems: [] });
  });

  it('uses the configured index pattern', async () => {
    await t.ok('catalogue.updateSettings', { ...(await t.ok('catalogue.settings', {}, admin)), indexPattern: '{code}-{yearmonth}-{serial:4}' }, admin);
    expect((await create()).indexNumber).toBe('11441700007280420Y-202602-0001');
    expect((await t.fails('catalogue.updateSettings', { ...(await t.ok('catalogue.settings', {}, admin)), indexPattern: '{year}' }, admin)).code).toBe('catalogue.invalid_index_pattern');
  });

  it('refuses officers-only commands to other roles', async () => {
    expect(await t.fails('items.create', { categoryId: 'gov_document', fields: fields(), bodyHtml: BODY }, admin)).toMatchObject({ code: 'auth.forbidden' });
  });

  it('reports a wrong 文号 with its one-click correction, and saves the draft anyway', async () => {
    const e = await create({ documentNumber: '雷府办[2026]第03号' });
    expect(e.problems.filter((p) => p.field === 'documentNumber').map((p) => p.suggestion)).toContain('雷府办〔2026〕3号');
    const fixed = await t.ok('items.saveDraft', { editionId: e.id, categoryId: 'gov_document', fields: fields({ documentNumber: '雷府办〔2026〕3号' }), bodyHtml: BODY }, officer);
    expect(fixed.problems).toEqual([]);
    expect(fixed.documentNumber).toBe('雷府办〔2026〕3号');
  });

  it('asks for a reason for future and back-dated 发布日期, and refuses 发布日期 before 成文日期', async () => {
    t.clock.advanceMinutes(0); // today is 2026-03-02 in Shanghai
    const codes = async (over: Partial<CommandInput<'items.create'>['fields']>) => (await create(over)).problems.map((p) => p.code);
    expect(await codes({ publishDate: '2026-03-02' })).toEqual([]);
    expect(await codes({ publishDate: '2026-03-20' })).toEqual(['catalogue.future_publish_date_reason']);
    expect(await codes({ publishDate: '2026-03-01' })).toEqual(['catalogue.backdated_publish_date_reason']);
    expect(await codes({ publishDate: '2026-03-01', publishDateReason: '网站故障，补录' })).toEqual([]);
    expect(await codes({ publishDate: '2026-02-20', publishDateReason: 'x' })).toEqual(['catalogue.publish_before_written']);
    expect(await codes({ disclosure: 'not_disclosed' })).toEqual(['catalogue.disclosure_article_required', 'catalogue.disclosure_reason_required']);
    expect(await codes({ validity: 'repealed' })).toEqual(['catalogue.repealed_date_required']);
  });

  it('sanitises the body on save in the main process', async () => {
    const e = await create({}, '<p onclick="steal()">正文<script>alert(1)</script></p><img src="http://tracker.example/x.png"><a href="javascript:alert(1)">链接</a>');
    expect(e.bodyHtml).not.toMatch(/script|onclick|javascript:|tracker/);
    expect(e.bodyHtml).toContain('正文');
  });

  it('records the changed fields in the audit log and keeps only drafts editable', async () => {
    const e = await create();
    await t.ok('items.saveDraft', { editionId: e.id, categoryId: 'notice', fields: fields({ title: '新标题' }), bodyHtml: BODY }, officer);
    const { entries } = await t.ok('audit.list', { limit: 5 }, admin);
    expect(entries[0]).toMatchObject({ action: 'items.saveDraft', summary: `${e.indexNumber} #1: title, categoryId` });
    t.backend.db.prepare("UPDATE editions SET status = 'submitted' WHERE id = ?").run(e.id);
    expect(await t.fails('items.saveDraft', { editionId: e.id, categoryId: 'notice', fields: fields(), bodyHtml: BODY }, officer)).toEqual({
      code: 'items.not_editable',
      params: { status: 'submitted' },
    });
  });

  it('keeps the published edition while the next one is drafted, and compares them', async () => {
    const e = await create();
    // Publishing arrives with the workflow; here the edition is marked published directly.
    t.backend.db.prepare("UPDATE editions SET status = 'published' WHERE id = ?").run(e.id);
    const next = await t.ok('items.newEdition', { itemId: e.itemId }, officer);
    expect(next).toMatchObject({ number: 2, status: 'draft', indexNumber: e.indexNumber, due: null });
    expect((await t.fails('items.newEdition', { itemId: e.itemId }, officer)).code).toBe('items.open_edition_exists');
    await t.ok('items.saveDraft', { editionId: next.id, categoryId: 'gov_document', fields: fields({ title: '修订后的标题' }), bodyHtml: BODY.replace('确保粮食安全', '确保粮食和重要农产品稳定安全供给') }, officer);
    expect((await t.ok('items.edition', { editionId: e.id }, officer)).status).toBe('published');
    const diff = await t.ok('items.compare', { editionId: next.id }, officer);
    expect(diff!.fields).toEqual([{ field: 'title', before: fields().title, after: '修订后的标题' }]);
    expect(diff!.body.filter((d) => d.op !== 'same').map((d) => d.op)).toEqual(['removed', 'added']);
    expect(await t.ok('items.history', { itemId: e.itemId }, officer)).toHaveLength(2);
    expect(await t.ok('items.compare', { editionId: e.id }, officer)).toBeNull();
  });
});

describe('attachments', () => {
  it('stores files once by SHA-256 with safe names and reads them back', async () => {
    const e = await create();
    const data = Buffer.from('附件内容：春耕物资清单');
    const withOne = await t.ok('attachments.add', { editionId: e.id, fileName: '..\\..\\Windows\\春耕清单.txt', dataBase64: data.toString('base64') }, officer);
    const withTwo = await t.ok('attachments.add', { editionId: e.id, fileName: '../../etc/副本.txt', dataBase64: data.toString('base64') }, officer);
    expect(withTwo.attachments.map((a) => a.name)).toEqual(['春耕清单.txt', '副本.txt']);
    const sha = withOne.attachments[0]!.sha256;
    expect(existsSync(join(t.dataDir, 'files', sha.slice(0, 2), sha))).toBe(true);
    expect(readdirSync(join(t.dataDir, 'files', sha.slice(0, 2)))).toHaveLength(1);
    const read = await t.ok('attachments.read', { attachmentId: withOne.attachments[0]!.id }, officer);
    expect(Buffer.from(read.dataBase64, 'base64').equals(data)).toBe(true);
    const removed = await t.ok('attachments.remove', { editionId: e.id, attachmentId: withOne.attachments[0]!.id }, officer);
    expect(removed.attachments.map((a) => a.name)).toEqual(['副本.txt']);
  });

  it('opens a copy with the system app on the desktop, and says so in browser mode', async () => {
    const opened: string[] = [];
    const desktop = makeBackend(tempDir(), { openFile: async (path) => void opened.push(path) });
    const admin2 = await desktop.setup();
    const officer2 = (await desktop.userWith(admin2, 'xiaoli', ['officer'])).session;
    const e = await desktop.ok('items.create', { categoryId: 'notice', fields: fields(), bodyHtml: BODY }, officer2);
    const data = Buffer.from('%PDF-1.4 春耕');
    const { attachments } = await desktop.ok('attachments.add', { editionId: e.id, fileName: '春耕方案.pdf', dataBase64: data.toString('base64') }, officer2);
    await desktop.ok('attachments.open', { attachmentId: attachments[0]!.id }, officer2);
    expect(basename(opened[0]!)).toBe('春耕方案.pdf');
    expect(readFileSync(opened[0]!).equals(data)).toBe(true);
    desktop.close();

    const here = await create();
    const added = await t.ok('attachments.add', { editionId: here.id, fileName: 'a.txt', dataBase64: data.toString('base64') }, officer);
    expect(await t.fails('attachments.open', { attachmentId: added.attachments[0]!.id }, officer)).toEqual({ code: 'attachments.open_unavailable' });
  });

  it('refuses empty and oversized files and keeps what was there', async () => {
    const e = await create();
    await t.ok('catalogue.updateSettings', { ...(await t.ok('catalogue.settings', {}, admin)), maxAttachmentMb: 1 }, admin);
    expect(await t.fails('attachments.add', { editionId: e.id, fileName: 'big.pdf', dataBase64: Buffer.alloc(1024 * 1024 + 1).toString('base64') }, officer)).toEqual({
      code: 'attachments.too_large',
      params: { maxMb: 1 },
    });
    expect((await t.fails('attachments.add', { editionId: e.id, fileName: 'empty.txt', dataBase64: '' }, officer)).code).toBe('attachments.empty');
    expect((await t.ok('items.edition', { editionId: e.id }, officer)).attachments).toEqual([]);
  });
});

describe('importing a .docx', () => {
  it('keeps headings, lists, tables and images', async () => {
    const e = await t.ok('items.importDocx', { categoryId: 'notice', fileName: '通知.docx', dataBase64: (await sampleDocx()).toString('base64') }, officer);
    expect(e.title).toBe('关于做好2026年秋冬季森林防火工作的通知');
    expect(e.bodyHtml).toMatch(/<h2>一、总体要求<\/h2>/);
    expect(e.bodyHtml).toMatch(/<ul>\s*<li>加强野外用火管理<\/li>/);
    expect(e.bodyHtml).toMatch(/<table>[\s\S]*雷城街道[\s\S]*<\/table>/);
    expect(e.bodyHtml).toMatch(/<img src="data:image\/png;base64,/);
    expect(e.publisher).toBe('雷州市人民政府办公室');
  });

  it.each([
    ['a text file', Buffer.from('这不是Word文档'), 'docx.not_docx'],
    ['a damaged zip', Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 7)]), 'docx.unreadable'],
    ['an empty file', Buffer.alloc(0), 'docx.not_docx'],
  ])('refuses %s with a clear error and creates nothing', async (_label, data, code) => {
    expect((await t.fails('items.importDocx', { categoryId: 'notice', fileName: 'x.docx', dataBase64: data.toString('base64') }, officer)).code).toBe(code);
    expect((await t.ok('items.list', { filters: {}, sort: 'updated_desc', offset: 0, limit: 10 }, officer)).total).toBe(0);
  });
});

describe('finding things', () => {
  beforeEach(async () => {
    await create();
    await create(
      { title: '关于开展2026年安全生产月活动的通知', summary: '部署安全生产月活动。', keywords: '安全生产', documentNumber: '雷府办〔2026〕12号', writtenDate: '2026-05-20' },
      '<p>今年6月是全国第25个安全生产月。</p>',
      'notice',
    );
    await create(
      { title: '雷州市2025年国民经济和社会发展统计公报', summary: '发布上年主要经济指标。', keywords: '统计', documentNumber: '', writtenDate: '2026-03-01', validity: 'invalid' },
      '<p>全市地区生产总值比上年增长。</p>',
      'statistics',
    );
  });

  it.each([
    ['春耕', 1, '雷州市人民政府办公室关于做好2026年春耕生产工作的通知'], // two characters
    ['安全生产月', 1, '关于开展2026年安全生产月活动的通知'], // five characters
    ['通知', 2, null],
    ['统', 1, '雷州市2025年国民经济和社会发展统计公报'], // one character
    ['粮食安全', 1, null], // body text
    ['〔2026〕12号', 1, '关于开展2026年安全生产月活动的通知'], // 文号
    ['森林防火', 0, null],
  ])('finds %s in %i item(s)', async (query, count, title) => {
    const { hits } = await t.ok('items.search', { query, limit: 20 }, officer);
    expect(hits).toHaveLength(count);
    if (title) expect(hits[0]!.title).toBe(title);
    for (const hit of hits) {
      const [[from, to]] = hit.highlights as [[number, number]];
      expect(hit.snippet.slice(from, to)).toBe(query);
    }
  });

  it('merges the search index when the user pauses, and it stays sound', async () => {
    const { id: editionId } = await create({ title: '森林防火工作方案（第0稿）' });
    const segments = () => (t.backend.db.prepare('SELECT count(DISTINCT segid) AS n FROM edition_search_idx').get() as { n: number }).n;
    for (let i = 1; i <= 40; i++) {
      await t.ok('items.saveDraft', { editionId, categoryId: 'gov_document', fields: fields({ title: `森林防火工作方案（第${i}稿）` }), bodyHtml: `<p>第${i}次修改。</p>` }, officer);
    }
    const whileSaving = segments();
    expect(whileSaving).toBeGreaterThan(8);
    await new Promise((done) => setTimeout(done, 2_500));
    expect(segments()).toBeLessThanOrEqual(2);
    t.backend.db.prepare("INSERT INTO edition_search(edition_search, rank) VALUES ('integrity-check', 0)").run();
    const { hits } = await t.ok('items.search', { query: '防火', limit: 20 }, officer);
    expect(hits.map((h) => h.title)).toEqual(['森林防火工作方案（第40稿）']);
  });

  it('filters, sorts and pages the list', async () => {
    const list = (input: Partial<CommandInput<'items.list'>>) =>
      t.ok('items.list', { filters: {}, sort: 'written_asc', offset: 0, limit: 50, ...input }, officer);
    expect((await list({})).rows.map((r) => r.writtenDate)).toEqual(['2026-02-27', '2026-03-01', '2026-05-20']);
    expect((await list({ filters: { categoryId: 'notice' } })).rows.map((r) => r.documentNumber)).toEqual(['雷府办〔2026〕12号']);
    expect((await list({ filters: { validity: 'invalid' } })).total).toBe(1);
    expect((await list({ filters: { writtenFrom: '2026-03-01', writtenTo: '2026-04-30' } })).total).toBe(1);
    expect((await list({ filters: { status: ['draft'] }, offset: 1, limit: 1 })).rows).toHaveLength(1);
    expect((await list({ filters: { status: ['published'] } })).total).toBe(0);
  });
});

describe('autosave', () => {
  it('keeps unsaved editor state per user until saved or discarded', async () => {
    const e = await create();
    await t.ok('autosave.put', { editionId: e.id, payload: '{"title":"未保存的标题"}' }, officer);
    await t.ok('autosave.put', { editionId: '', payload: '{"title":"新稿件"}' }, officer);
    expect((await t.ok('autosave.list', {}, officer)).map((a) => a.editionId).sort()).toEqual(['', e.id]);
    await t.ok('items.saveDraft', { editionId: e.id, categoryId: 'gov_document', fields: fields(), bodyHtml: BODY }, officer);
    await t.ok('autosave.discard', { editionId: '' }, officer);
    expect(await t.ok('autosave.list', {}, officer)).toEqual([]);
  });
});
