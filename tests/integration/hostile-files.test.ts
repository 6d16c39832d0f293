/**
 * Hostile and odd files, through the gate as the app receives them: names that point elsewhere,
 * zip and XML-entity bombs dressed as .docx and .xlsx, an empty file, a huge one, a scan without a
 * text layer. Each gets a bounded, clear answer with a translated message, and nothing is lost or
 * half-written.
 */
import { closeSync, openSync, readdirSync, ftruncateSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { PDFDocument, rgb } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractFile } from '../../electron/core/extract/index.js';
import { AppError } from '../../shared/errors.js';
import { translator } from '../../shared/i18n/index.js';
import type { Edition } from '../../shared/contract.js';
import { makeBackend, tempDir, type TestBackend } from '../support/backend.js';
import { fields } from '../support/items.js';
import { snapshot } from '../support/office-world.js';

const MB = 1024 * 1024;
const DOCX_TYPES = '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
const XLSX_TYPES = '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>';
const LAUGHS = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">${Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`).join('')}]>`;

/** A workbook whose shared strings are where the bomb is (they are read before any sheet). */
const WORKBOOK = {
  'xl/workbook.xml': '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets/></workbook>',
  'xl/_rels/workbook.xml.rels': '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
};

const zip = (files: Record<string, string | Uint8Array>) => Buffer.from(zipSync(Object.fromEntries(Object.entries(files).map(([name, data]) => [name, typeof data === 'string' ? strToU8(data) : data])), { level: 9 }));
/** 64 MB of zeros in one part: over the 50 MB a single part may inflate to, in about 64 KB. */
const zeros = () => new Uint8Array(64 * MB);

const FILES = {
  'zip bomb.docx': () => zip({ '[Content_Types].xml': DOCX_TYPES, 'word/document.xml': zeros() }),
  'zip bomb.xlsx': () => zip({ '[Content_Types].xml': XLSX_TYPES, ...WORKBOOK, 'xl/sharedStrings.xml': zeros() }),
  'entity bomb.docx': () => zip({ '[Content_Types].xml': DOCX_TYPES, 'word/document.xml': `${LAUGHS}<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>` }),
  'entity bomb.xlsx': () => zip({ '[Content_Types].xml': XLSX_TYPES, ...WORKBOOK, 'xl/sharedStrings.xml': `${LAUGHS}<sst><si><t>&lol9;</t></si></sst>` }),
};
const built = new Map<string, Buffer>();
/** Each bomb, built once (building the zip bombs allocates their 64 MB). */
const bomb = (name: keyof typeof FILES) => built.get(name) ?? built.set(name, FILES[name]()).get(name)!;

const EXPECTED: Record<keyof typeof FILES, string> = {
  'zip bomb.docx': 'extract.too_large',
  'zip bomb.xlsx': 'extract.too_large',
  'entity bomb.docx': 'extract.entity_bomb',
  'entity bomb.xlsx': 'extract.entity_bomb',
};

let t: TestBackend;
let admin: string;
let officer: string;
let reviewer: string;
const zh = translator('zh-CN');
const en = translator('en');

beforeAll(async () => {
  t = makeBackend();
  admin = await t.setup();
  officer = (await t.userWith(admin, 'xiaoli', ['officer'])).session;
  reviewer = (await t.userWith(admin, 'zhangsh', ['reviewer'])).session;
}, 60_000);
afterAll(() => t.close());

const draft = () => t.ok('items.create', { categoryId: 'notice', fields: fields({ documentNumber: '' }), bodyHtml: '<p>正文</p>' }, officer);
const attach = (editionId: string, fileName: string, data: Buffer) => t.backend.call('attachments.add', { editionId, fileName, dataBase64: data.toString('base64') }, officer);

/** Every error the user can meet has its message in both languages. */
function expectTranslated(key: string): void {
  for (const tr of [zh, en]) expect(tr(key as never), key).not.toBe(key);
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)));
}

describe('attachment names', () => {
  it.each([
    ['../../etc/passwd', 'passwd'],
    ['..\\..\\Windows\\System32\\evil.exe', 'evil.exe'],
    ['C:\\..\\..\\boot.ini', 'boot.ini'],
    ['/etc/cron.d/job', 'job'],
    ['报告\u0000.exe', '报告.exe'],
    ['\u0007bell\r\n.txt', 'bell.txt'],
    ['..', 'attachment'],
    ['   ', 'attachment'],
    ['NUL.pdf', '_NUL.pdf'],
    ['con', '_con'],
    ['COM1.txt', '_COM1.txt'],
    ['a<b>c:d"e|f?g*h.txt', 'abcdefgh.txt'],
    [`${'长'.repeat(250)}.pdf`, '长'.repeat(200)],
  ])('%j is stored as %j, inside the data folder only', async (fileName, shown) => {
    const e = await draft();
    const before = filesUnder(t.dataDir);
    const result = await attach(e.id, fileName, Buffer.from(`内容 ${fileName}`));
    expect(result.ok, JSON.stringify(result)).toBe(true);
    const [stored] = (result as { value: Edition }).value.attachments;
    expect(stored!.name).toBe(shown);
    const added = filesUnder(t.dataDir).filter((f) => !before.includes(f));
    for (const file of added) expect(file).toMatch(/^(files\/[0-9a-f]{2}\/[0-9a-f]{64}|gongkai\.db.*)$/);
  });

  it('refuses a name longer than 255 characters at the gate, with the field named', async () => {
    const e = await draft();
    const result = await attach(e.id, `${'x'.repeat(256)}.pdf`, Buffer.from('x'));
    expect(result).toEqual({ ok: false, error: { code: 'api.invalid_input', params: { fields: 'fileName' } } });
  });
});

describe('bombs disguised as Office files', () => {
  it.each(Object.keys(FILES) as (keyof typeof FILES)[])('importing %s as a draft is refused clearly, quickly and without creating anything', async (name) => {
    const data = bomb(name);
    expect(data.length).toBeLessThan(MB);
    const before = snapshot(t.backend, t.dataDir);
    const started = performance.now();
    const error = await t.fails('items.importDocx', { categoryId: 'notice', fileName: name, dataBase64: data.toString('base64') }, officer);
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(error.code).toBe(EXPECTED[name]);
    expectTranslated(`error.${error.code}`);
    expect(snapshot(t.backend, t.dataDir)).toEqual(before);
  });

  it('as attachments they are kept (a file is a file) but block the sign-off until someone checks them by hand', async () => {
    const e = await draft();
    for (const name of Object.keys(FILES) as (keyof typeof FILES)[]) expect((await attach(e.id, name, bomb(name))).ok).toBe(true);
    await t.ok('workflow.submit', { editionId: e.id }, officer);
    const started = performance.now();
    const review = await t.ok('review.get', { editionId: e.id }, reviewer);
    expect(performance.now() - started).toBeLessThan(10_000);
    const unreadable = review.findings.filter((f) => f.kind === 'attachment_unreadable');
    expect(unreadable.map((f) => [f.text, f.severity, f.explanation.split(': ').pop()]).sort()).toEqual(
      (Object.keys(FILES) as (keyof typeof FILES)[]).map((name) => [name, 'block', EXPECTED[name]]).sort(),
    );
    for (const code of new Set(Object.values(EXPECTED))) expectTranslated(`review.unreadable.${code}`);
    expect(review.signOffBlockers).toContainEqual({ code: 'review.findings_unresolved', params: { count: 4 } });
  });
});

describe('empty, huge and image-only files', () => {
  it('refuses a 0-byte attachment and a 0-byte import, saying why', async () => {
    const e = await draft();
    expect(await attach(e.id, 'empty.pdf', Buffer.alloc(0))).toEqual({ ok: false, error: { code: 'attachments.empty' } });
    expect((await t.fails('items.importDocx', { categoryId: 'notice', fileName: 'empty.docx', dataBase64: '' }, officer)).code).toBe('docx.not_docx');
    expectTranslated('error.attachments.empty');
    expectTranslated('error.docx.not_docx');
  });

  it('refuses an attachment over the limit by its size, before decoding it', async () => {
    const settings = await t.ok('catalogue.settings', {}, admin);
    await t.ok('catalogue.updateSettings', { ...settings, maxAttachmentMb: 1 }, admin);
    const e = await draft();
    // 60 MB of file as base64 (80 M characters): decoding it would take another 60 MB.
    const dataBase64 = 'A'.repeat(80 * MB);
    const external = process.memoryUsage().arrayBuffers;
    const result = await t.backend.call('attachments.add', { editionId: e.id, fileName: 'big.pdf', dataBase64 }, officer);
    expect(process.memoryUsage().arrayBuffers - external).toBeLessThan(16 * MB);
    expect(result).toEqual({ ok: false, error: { code: 'attachments.too_large', params: { maxMb: 1 } } });
    expectTranslated('error.attachments.too_large');
    await t.ok('catalogue.updateSettings', settings, admin);
  });

  it('a 500 MB file on disk is refused by its size without being read into memory', async () => {
    const file = join(tempDir('gongkai-huge-'), 'huge.pdf');
    const fd = openSync(file, 'w');
    ftruncateSync(fd, 500 * MB); // sparse: 500 MB long, nothing on disk
    closeSync(fd);
    expect(statSync(file).size).toBe(500 * MB);
    const rss = process.memoryUsage().rss;
    const error = await extractFile(file).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('extract.too_large');
    expect(process.memoryUsage().rss - rss).toBeLessThan(50 * MB);
  });

  it('a huge stored attachment becomes a blocking finding in review without being read', async () => {
    const e = await draft();
    const added = await t.ok('attachments.add', { editionId: e.id, fileName: '扫描件.pdf', dataBase64: Buffer.from('%PDF-1.4 stand-in').toString('base64') }, officer);
    const { sha256 } = added.attachments[0]!;
    const fd = openSync(join(t.dataDir, 'files', sha256.slice(0, 2), sha256), 'r+');
    ftruncateSync(fd, 500 * MB); // as if an office had raised its limit and uploaded a 500 MB scan
    closeSync(fd);
    await t.ok('workflow.submit', { editionId: e.id }, officer);
    const rss = process.memoryUsage().rss;
    const review = await t.ok('review.get', { editionId: e.id }, reviewer);
    expect(process.memoryUsage().rss - rss).toBeLessThan(50 * MB);
    expect(review.findings.find((f) => f.kind === 'attachment_unreadable')).toMatchObject({ text: '扫描件.pdf', severity: 'block', explanation: expect.stringContaining('extract.too_large') });
  });

  it('a PDF without a text layer (a scan) is kept and flagged for a manual check', async () => {
    const pdf = await PDFDocument.create();
    pdf.addPage([595, 842]).drawRectangle({ x: 50, y: 50, width: 400, height: 600, color: rgb(0.9, 0.9, 0.9) });
    const e = await draft();
    expect((await attach(e.id, '扫描的红头文件.pdf', Buffer.from(await pdf.save()))).ok).toBe(true);
    await t.ok('workflow.submit', { editionId: e.id }, officer);
    const review = await t.ok('review.get', { editionId: e.id }, reviewer);
    expect(review.findings.find((f) => f.kind === 'attachment_unreadable')).toMatchObject({ text: '扫描的红头文件.pdf', severity: 'block', explanation: expect.stringContaining('no_text_layer') });
    expectTranslated('review.unreadable.no_text_layer');
  });
});
