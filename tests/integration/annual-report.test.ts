/**
 * The annual report through the gate: figures from the registers, sources of a figure, the working
 * copy, cross-check override, snapshots that do not move, the .docx (XML and, via LibreOffice, PDF),
 * the catalogue item, and `gongkai report --json`.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { makeBackend, UNIT, type TestBackend } from '../support/backend.js';
import { fields } from '../support/items.js';
import { insertEdition, insertItem } from '../../electron/core/db/items-repo.js';
import { uuidv7 } from '../../electron/core/ids.js';
import { main } from '../../electron/cli.js';
import { TABLE3_ROW_LABELS } from '../../shared/domain/request-outcomes.js';
import type { CatalogueFields } from '../../shared/domain/catalogue.js';

let t: TestBackend;
let admin: string;
let officer: { id: string; session: string };
const requestIds: Record<string, string> = {};

function publishedItem(categoryId: string, overrides: Partial<CatalogueFields>): void {
  const itemId = uuidv7();
  const content = { ...fields(overrides), categoryId, bodyHtml: '<p>正文</p>', bodyText: '正文' };
  insertItem(t.backend.db, { id: itemId, indexNumber: `TEST-${itemId}`, createdBy: officer.id, createdAt: '2026-01-01T00:00:00Z' });
  insertEdition(t.backend.db, { ...content, id: uuidv7(), itemId, number: 1, status: 'published', authorId: officer.id, at: '2026-01-01T00:00:00Z' });
}

async function register(key: string, handedIn: string, applicantType: 'natural_person' | 'business' | 'legal_services', subject: string): Promise<string> {
  const r = await t.ok(
    'requests.register',
    {
      channel: 'in_person',
      receiptFacts: { handedIn },
      applicantType,
      applicant: { name: '张三', idNumber: '', phone: '0759-8812886', address: '雷州市雷城街道', email: '' },
      subject,
      formWanted: 'paper',
      deliveryWanted: 'collect',
      attachments: [],
    },
    officer.session,
  );
  requestIds[key] = r.id;
  return r.id;
}

const close = (key: string, outcome: 'disclosed' | 'partial', replyDate: string) =>
  t.ok('requests.close', { requestId: requestIds[key]!, outcome, replyDate, replyMethod: 'collect', reason: '' }, officer.session);

beforeAll(async () => {
  t = makeBackend();
  admin = await t.setup();
  officer = await t.userWith(admin, 'xiaoli', ['officer']);
  publishedItem('gov_document', { title: '雷州市人民政府关于印发农村集体资产管理办法的通知', normative: true, documentNumber: '雷府〔2026〕2号', writtenDate: '2026-01-10', publishDate: '2026-01-12' });
  publishedItem('gov_document', { title: '雷州市人民政府办公室关于做好2026年春耕生产工作的通知', publishDate: '2026-02-27' });
  publishedItem('interpretation', { title: '《雷州市农村集体资产管理办法》政策解读', publishDate: '2026-01-13', sourceLevel: 'local' });
  publishedItem('interpretation', { title: '广东省乡村振兴促进条例解读', publishDate: '2026-02-01', sourceLevel: 'provincial' });
  publishedItem('news', { title: '雷州市召开春耕生产工作会议', publishDate: '2026-02-20' });
  publishedItem('news', { title: '雷州市2025年冬修水利工作会议', publishDate: '2025-11-20' });

  await register('a', '2025-12-22', 'natural_person', '申请公开2025年雷城街道旧城改造项目批复文件');
  await close('a', 'disclosed', '2026-01-12');
  await register('b', '2026-02-02', 'business', '申请公开2026年农资补贴发放标准');
  await close('b', 'partial', '2026-02-26');
  await register('c', '2026-02-25', 'legal_services', '申请公开某地块征收补偿方案');
  await t.ok(
    'appeals.create',
    { requestId: requestIds.a!, type: 'reconsideration', result: 'pending', filedOn: '2026-02-10', decidedOn: null, body: '湛江市人民政府', caseNumber: '湛府复〔2026〕8号', note: '' },
    officer.session,
  );
  await t.ok(
    'complaints.create',
    { channel: 'site_error', receivedOn: '2026-01-05', content: '通知的发布日期有误', itemId: null, assigneeId: null, fixDescription: '已更正发布日期', replyText: '', repliedOn: null, status: 'fixed' },
    officer.session,
  );
});

// The CLI test below closes the backend (the CLI takes the data directory's instance lock itself).
afterAll(() => rmSync(t.dataDir, { recursive: true, force: true }));

const zeros = [0, 0, 0, 0, 0, 0, 0];

describe('report.get', () => {
  it('computes 2026 from the registers, with the request carried in from 2025', async () => {
    const { model, narrative, narrativeSaved } = await t.ok('report.get', { year: 2026 }, officer.session);
    expect(model.proactive).toEqual({
      total: 5,
      byCategory: { 政府文件: 2, 政策解读: 2, 动态信息: 1 },
      interpretationsByLevel: { national: 0, provincial: 1, municipal: 0, local: 1 },
      interviews: { held: 0, reposted: 0 },
    });
    expect(model.table2.normative).toEqual([1, 0, 1]);
    expect(model.table3[TABLE3_ROW_LABELS.received]).toEqual([0, 1, 0, 0, 1, 0, 2]);
    expect(model.table3[TABLE3_ROW_LABELS.carriedIn]).toEqual([1, 0, 0, 0, 0, 0, 1]);
    expect(model.table3['（一）予以公开']).toEqual([1, 0, 0, 0, 0, 0, 1]);
    expect(model.table3['（二）部分公开（区分处理的，只计这一情形，不计其他情形）']).toEqual([0, 1, 0, 0, 0, 0, 1]);
    expect(model.table3[TABLE3_ROW_LABELS.total]).toEqual([1, 1, 0, 0, 0, 0, 2]);
    expect(model.table3[TABLE3_ROW_LABELS.carriedOut]).toEqual([0, 0, 0, 0, 1, 0, 1]);
    expect(model.table4).toEqual([0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(model.errorReports).toEqual({ received: 1, handled: 1 });
    expect(model.consistency).toEqual([]);
    expect(narrativeSaved).toBe(false);
    expect(narrative.overview).toContain('全年共发布各类信息5条，其中政府文件类2条、政策解读类2条、动态信息1条');
  });

  it('computes 2025 with the request carried out', async () => {
    const { model } = await t.ok('report.get', { year: 2025 }, officer.session);
    expect(model.table3[TABLE3_ROW_LABELS.received]).toEqual([1, 0, 0, 0, 0, 0, 1]);
    expect(model.table3[TABLE3_ROW_LABELS.total]).toEqual(zeros);
    expect(model.table3[TABLE3_ROW_LABELS.carriedOut]).toEqual([1, 0, 0, 0, 0, 0, 1]);
    expect(model.proactive.total).toBe(1);
  });

  it('lists the records behind a figure, and refuses an unknown cell', async () => {
    const carried = await t.ok('report.sources', { year: 2026, cell: 't3.carriedIn.6' }, officer.session);
    expect(carried).toMatchObject({ label: `${TABLE3_ROW_LABELS.carriedIn} · 总计`, total: 1 });
    expect(carried.records[0]).toMatchObject({ kind: 'request', id: requestIds.a });
    const docs = await t.ok('report.sources', { year: 2026, cell: 'p.cat.gov_document' }, officer.session);
    expect(docs.label).toBe('政府文件');
    expect(docs.records.map((r) => r.title).sort()).toEqual(['雷州市人民政府关于印发农村集体资产管理办法的通知', '雷州市人民政府办公室关于做好2026年春耕生产工作的通知'].sort());
    expect((await t.fails('report.sources', { year: 2026, cell: 't9.nothing' }, officer.session)).code).toBe('report.unknown_cell');
  });
});

describe('working copy, export and snapshots', () => {
  let snapshotId: string;
  let filed: Buffer;

  it('keeps the edited narrative and the entered figures, audited', async () => {
    await t.ok('report.saveNarrative', { year: 2026, overview: '（一）主动公开\n全年共发布各类信息5条。', problems: '（一）存在的主要问题\n解读形式单一。', other: '2026年本机关未收取信息处理费。' }, officer.session);
    await t.ok('report.saveEntered', { year: 2026, licensing: 1520, penalty: 37, enforcement: 4, feesWanYuan: 12.34567, source: '广东政务服务网、湛江市执法平台' }, officer.session);
    const { narrative, narrativeSaved, entered, model } = await t.ok('report.get', { year: 2026 }, officer.session);
    expect(narrativeSaved).toBe(true);
    expect(narrative.problems).toBe('（一）存在的主要问题\n解读形式单一。');
    expect(entered).toEqual({ licensing: 1520, penalty: 37, enforcement: 4, feesWanYuan: 12.3457, source: '广东政务服务网、湛江市执法平台' });
    expect(model.table2).toMatchObject({ licensing: 1520, penalty: 37, enforcement: 4, feesWanYuan: 12.3457 });
    const audit = await t.ok('audit.list', { limit: 20 }, admin);
    expect(audit.entries.map((e) => e.action)).toEqual(expect.arrayContaining(['report.saveNarrative', 'report.saveEntered']));
  });

  it('refuses a reader who may not edit', async () => {
    const reviewer = await t.userWith(admin, 'reviewer1', ['reviewer']);
    expect((await t.fails('report.export', { year: 2026 }, reviewer.session)).code).toBe('auth.forbidden');
  });

  it('exports a .docx in the GB/T 9704 layout with the official tables', async () => {
    const file = await t.ok('report.export', { year: 2026 }, officer.session);
    snapshotId = file.snapshotId;
    filed = Buffer.from(file.dataBase64, 'base64');
    expect(file.fileName).toBe(`${UNIT.name}2026年政府信息公开工作年度报告.docx`);
    const zip = unzipSync(new Uint8Array(filed));
    const xml = strFromU8(zip['word/document.xml']!);
    const text = xml.replace(/<[^>]+>/g, '');
    for (const label of [
      '一、总体情况',
      '二、主动公开政府信息情况',
      '第二十条第（一）项',
      '本年制发件数',
      '本年收费金额（单位：万元）',
      '三、收到和处理政府信息公开申请情况',
      '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）',
      '法人或其他组织',
      '5.要求行政机关确认或重新出具已获取信息',
      '四、结转下年度继续办理',
      '四、政府信息公开行政复议、行政诉讼情况',
      '未经复议直接起诉',
      '五、存在的主要问题及改进情况',
      '解读形式单一。',
      '六、其他需要报告的事项',
    ])
      expect(text, label).toContain(label);
    expect(xml).toContain('<w:pgSz w:w="11906" w:h="16838"');
    expect(xml).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
    expect(xml).toContain('<w:gridSpan w:val="7"/>');
    expect(xml).toContain('<w:vMerge w:val="restart"/>');
    expect(xml).toContain('w:eastAsia="方正小标宋简体"');
    expect(xml).toContain('w:eastAsia="黑体"');
    expect(xml).toContain('w:eastAsia="楷体_GB2312"');
    expect(strFromU8(zip['word/settings.xml']!)).toContain('<w:evenAndOddHeaders/>');
    const footers = Object.keys(zip).filter((name) => /^word\/footer\d+\.xml$/.test(name)).map((name) => strFromU8(zip[name]!));
    expect(footers).toHaveLength(2);
    for (const footer of footers) {
      expect(footer.replace(/<[^>]+>/g, '')).toMatch(/— .*PAGE.* —|— +—/);
      expect(footer).toContain('w:eastAsia="宋体"');
    }
    expect(footers.map((f) => /<w:jc w:val="(right|left)"/.exec(f)?.[1]).sort()).toEqual(['left', 'right']);
  });

  it('keeps the filed report while the registers change, and says what would differ', async () => {
    await t.ok('requests.close', { requestId: requestIds.c!, outcome: 'disclosed', replyDate: '2026-03-02', replyMethod: 'collect', reason: '' }, officer.session);
    const download = await t.ok('report.download', { snapshotId }, officer.session);
    expect(Buffer.from(download.dataBase64, 'base64').equals(filed)).toBe(true);
    const { differences, narrativeChanged } = await t.ok('report.diff', { snapshotId }, officer.session);
    expect(narrativeChanged).toBe(false);
    expect(differences).toEqual(
      expect.arrayContaining([
        { what: '（一）予以公开 · 法律服务机构', filed: '0', now: '1' },
        { what: '（七）总计 · 总计', filed: '2', now: '3' },
        { what: '四、结转下年度继续办理 · 总计', filed: '1', now: '0' },
      ]),
    );
    const { snapshots } = await t.ok('report.get', { year: 2026 }, officer.session);
    expect(snapshots).toEqual([expect.objectContaining({ id: snapshotId, failedChecks: 0, overrideReason: '', createdBy: 'xiaoli' })]);
  });

  it('needs an override reason to export with failed cross-checks, and records it', async () => {
    // A register row from before the outcome was required (the CHECK constraints would refuse it today).
    t.backend.db.pragma('ignore_check_constraints = ON');
    t.backend.db
      .prepare(
        `INSERT INTO requests (id, request_number, year, serial, channel, receipt_facts, received_on, applicant_type, applicant_name, subject, form_wanted, delivery_wanted,
                               state, outcome, closed_on, created_by, created_at, updated_at)
         VALUES ('legacy', '依申〔2026〕99号', 2026, 99, 'in_person', '{}', '2026-01-20', 'natural_person', '李四', '旧系统导入的申请', 'paper', 'collect',
                 'closed', NULL, '2026-02-01', ?, '2026-02-01T00:00:00Z', '2026-02-01T00:00:00Z')`,
      )
      .run(officer.id);
    t.backend.db.pragma('ignore_check_constraints = OFF');
    const refused = await t.fails('report.export', { year: 2026 }, officer.session);
    expect(refused).toMatchObject({ code: 'report.checks_failed', params: { count: 2 } });
    expect(refused.reasons).toEqual([
      { code: 'report.check.table3.results_total', params: { at: '自然人', left: 2, right: 1, terms: '（七）总计(2) ≠ 1+0+0+0+0+0+0+0+0+0+0+0+0+0+0+0+0+0+0+0+0' } },
      { code: 'report.check.table3.results_total', params: { at: '总计', left: 4, right: 3, terms: '（七）总计(4) ≠ 2+1+0+0+0+0+0+0+0+0+0+0+0+0+0+0+0+0+0+0+0' } },
    ]);
    const file = await t.ok('report.export', { year: 2026, overrideReason: '旧系统导入的申请缺少办理结果，已核实为予以公开' }, officer.session);
    const { snapshots } = await t.ok('report.get', { year: 2026 }, officer.session);
    expect(snapshots[0]).toMatchObject({ id: file.snapshotId, failedChecks: 2, overrideReason: '旧系统导入的申请缺少办理结果，已核实为予以公开' });
    const audit = await t.ok('audit.list', { limit: 5 }, admin);
    expect(audit.entries.find((e) => e.action === 'report.export')?.summary).toContain('2 failed cross-checks overridden: 旧系统导入的申请缺少办理结果');
    // SQLite's integrity check counts such a row as damage: take it out again.
    t.backend.db.prepare("DELETE FROM requests WHERE id = 'legacy'").run();
  });

  it('turns a filed report into a draft item of category 政府信息公开年度报告 that goes to review', async () => {
    const edition = await t.ok('report.createItem', { snapshotId }, officer.session);
    expect(edition).toMatchObject({ categoryId: 'annual_report', status: 'draft', title: `${UNIT.name}2026年政府信息公开工作年度报告` });
    expect(edition.bodyHtml).toContain('<td rowspan="22">三、本年度办理结果</td>');
    expect(edition.bodyHtml).toContain('<th colspan="5">行政复议</th>');
    expect((await t.fails('report.createItem', { snapshotId }, officer.session)).code).toBe('report.item_exists');
    const submitted = await t.ok('workflow.submit', { editionId: edition.id }, officer.session);
    expect(submitted.submitted).toContain(edition.id);
  });

  it('converts to PDF in LibreOffice: A4, several pages', async () => {
    const soffice = ['soffice', 'libreoffice'].find((bin) => spawnSync(bin, ['--version'], { stdio: 'ignore' }).status === 0);
    if (!soffice) {
      if (process.env.CI) throw new Error('LibreOffice (soffice) is required in CI: .ci/run installs it');
      console.warn('SKIPPED: LibreOffice (soffice) is not installed here; the PDF conversion check did not run.');
      return;
    }
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-report-pdf-'));
    try {
      writeFileSync(join(dir, 'report.docx'), filed);
      execFileSync(soffice, ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'pdf', '--outdir', dir, join(dir, 'report.docx')], { stdio: 'ignore', timeout: 120_000 });
      expect(readdirSync(dir)).toContain('report.pdf');
      const pdf = await PDFDocument.load(readFileSync(join(dir, 'report.pdf')));
      expect(pdf.getPageCount()).toBeGreaterThanOrEqual(2);
      for (const page of pdf.getPages()) {
        expect(page.getWidth()).toBeCloseTo(595.3, 0);
        expect(page.getHeight()).toBeCloseTo(841.9, 0);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 150_000);
});

describe('gongkai report', () => {
  it('prints the model as JSON and writes the .docx', async () => {
    const out = join(t.dataDir, 'cli-report.docx');
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    try {
      t.backend.close();
      expect(await main(['report', '2026', '--data-dir', t.dataDir, '--out', out, '--json'])).toBe(0);
      const printed = JSON.parse(String(log.mock.calls.at(-1)?.[0])) as Record<string, unknown>;
      expect(printed).toMatchObject({ year: 2026, proactive: { total: 5, byCategory: { 政府文件: 2, 政策解读: 2, 动态信息: 1 } } });
      expect(Object.keys(printed.table3 as object)[0]).toBe(TABLE3_ROW_LABELS.received);
      expect((printed.table3 as Record<string, number[]>)[TABLE3_ROW_LABELS.carriedIn]).toEqual([1, 0, 0, 0, 0, 0, 1]);
      expect(printed.table4).toHaveLength(15);
      expect(printed.consistency).toEqual([]);
      expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');
    } finally {
      log.mockRestore();
    }
  });

  it('refuses a bad year as a usage error', async () => {
    await expect(main(['report', '20x6', '--data-dir', t.dataDir, '--json'])).rejects.toThrow('invalid YEAR');
  });
});


