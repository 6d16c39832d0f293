import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CatalogueFields } from '../../shared/domain/catalogue.js';
import { makeBackend, type TestBackend } from '../support/backend.js';
import { fields } from '../support/items.js';

let t: TestBackend;
let admin: string;
let officer: string;

const POLICY = `<p>为进一步优化营商环境，激发市场主体活力，根据有关法律法规，结合本市实际，制定本办法。</p>
<p>第一条 本办法适用于本市行政区域内的市场主体登记、许可和监管活动。</p>
<p>第二条 市场监督管理部门应当推行企业开办全程网上办理，压缩开办时间至1个工作日以内。</p>
<p>第三条 各级政务服务中心应当设立综合窗口，实行一窗受理、集成服务。</p>`;

const INTERPRETATION = `<h2>一、出台背景</h2><p>近年来我市企业反映开办手续多、跑腿次数多。为回应群众关切，市政府起草了这份办法。</p>
<h2>二、主要变化</h2><p>过去开办一家企业平均需要5天，今后在网上提交材料后，当天即可领取营业执照。</p>
<h2>三、惠企举措</h2><p>政务服务大厅新设综合窗口，群众只需取一个号、交一套材料。</p>`;

function doc(over: Partial<CatalogueFields> = {}, body = POLICY) {
  return t.ok('items.create', { categoryId: 'gov_document', fields: fields({ title: '雷州市优化营商环境办法', normative: true, documentNumber: '雷府〔2026〕8号', ...over }), bodyHtml: body }, officer);
}

function interpretation(over: Partial<CatalogueFields> = {}, body = INTERPRETATION) {
  return t.ok(
    'items.create',
    { categoryId: 'interpretation', fields: fields({ title: '《雷州市优化营商环境办法》政策解读', documentNumber: '', interpretationForm: '文字解读', ...over }), bodyHtml: body },
    officer,
  );
}

beforeEach(async () => {
  t = makeBackend();
  admin = await t.setup();
  officer = (await t.userWith(admin, 'xiaoli', ['officer'])).session;
});
afterEach(() => t.close());

describe('三同步: a 规范性文件 and its interpretation are submitted together', () => {
  it('refuses a 规范性文件 without an interpretation with the rule’s reason, and passes once linked', async () => {
    const d = await doc();
    const refused = await t.fails('workflow.submit', { editionId: d.id }, officer);
    expect(refused).toEqual({ code: 'workflow.refused', params: { count: 1 }, reasons: [{ code: 'interpretation.missing' }] });
    expect((await t.ok('workflow.checkSubmit', { editionId: d.id }, officer)).blocking).toEqual([{ code: 'interpretation.missing' }]);

    const i = await interpretation();
    await t.ok('interpretations.link', { interpretationItemId: i.itemId, documentItemId: d.itemId }, officer);
    const result = await t.ok('workflow.submit', { editionId: d.id }, officer);
    // The interpretation travels with its document (同步审签).
    expect(result.submitted).toEqual([d.id, i.id]);
    expect((await t.ok('items.edition', { editionId: i.id }, officer)).status).toBe('submitted');
  });

  it('lists every blocking reason at once, including an unfinished interpretation', async () => {
    const d = await doc({ publisher: '' });
    const i = await interpretation({ writtenDate: null });
    await t.ok('interpretations.link', { interpretationItemId: i.itemId, documentItemId: d.itemId }, officer);
    expect((await t.fails('workflow.submit', { editionId: d.id }, officer)).reasons).toEqual([
      { code: 'workflow.metadata_incomplete', params: { count: 1 } },
      { code: 'interpretation.incomplete', params: { title: '《雷州市优化营商环境办法》政策解读', count: 1 } },
    ]);
  });

  it('warns instead when the rule is set to warn, and only warns for other policy documents', async () => {
    await t.ok('interpretations.updateSettings', { ...(await t.ok('interpretations.settings', {}, admin)), syncRule: 'warn' }, admin);
    const d = await doc();
    expect(await t.ok('workflow.submit', { editionId: d.id }, officer)).toEqual({ submitted: [d.id], warnings: [{ code: 'interpretation.missing' }] });
    await t.ok('interpretations.updateSettings', { ...(await t.ok('interpretations.settings', {}, admin)), syncRule: 'block' }, admin);
    const plain = await doc({ normative: false, title: '关于召开全市安全生产工作会议的通知' });
    expect((await t.ok('workflow.submit', { editionId: plain.id }, officer)).warnings).toEqual([{ code: 'interpretation.recommended' }]);
  });

  it('requires the lead unit to interpret a joint document', async () => {
    const d = await doc({ coIssuers: ['雷州市市场监督管理局', '雷州市发展和改革局'], leadUnit: '雷州市发展和改革局' });
    const i = await interpretation({ draftingUnit: '雷州市市场监督管理局' });
    await t.ok('interpretations.link', { interpretationItemId: i.itemId, documentItemId: d.itemId }, officer);
    expect((await t.fails('workflow.submit', { editionId: i.id }, officer)).reasons).toContainEqual({
      code: 'interpretation.not_lead_unit',
      params: { title: '雷州市优化营商环境办法', leadUnit: '雷州市发展和改革局' },
    });
  });
});

describe('links both ways', () => {
  it('shows the interpretation on the document and the document on the interpretation, in editor and list', async () => {
    const d = await doc();
    const i = await interpretation();
    await t.ok('interpretations.link', { interpretationItemId: i.itemId, documentItemId: d.itemId }, officer);
    expect((await t.ok('items.edition', { editionId: d.id }, officer)).links.interpretations.map((l) => l.title)).toEqual(['《雷州市优化营商环境办法》政策解读']);
    expect((await t.ok('items.edition', { editionId: i.id }, officer)).links.documents.map((l) => l.itemId)).toEqual([d.itemId]);
    const rows = (await t.ok('items.list', { filters: {}, sort: 'title_asc', offset: 0, limit: 10 }, officer)).rows;
    expect(rows.map((r) => r.links)).toEqual([1, 1]);
    await t.ok('interpretations.unlink', { interpretationItemId: i.itemId, documentItemId: d.itemId }, officer);
    expect((await t.ok('items.edition', { editionId: d.id }, officer)).links.interpretations).toEqual([]);
    // Links are published content: once submitted they change only through a new draft.
    await t.ok('interpretations.link', { interpretationItemId: i.itemId, documentItemId: d.itemId }, officer);
    await t.ok('workflow.submit', { editionId: i.id }, officer);
    expect(await t.fails('interpretations.unlink', { interpretationItemId: i.itemId, documentItemId: d.itemId }, officer)).toEqual({ code: 'items.not_editable', params: { status: 'submitted' } });
  });

  it('refuses links in the wrong direction', async () => {
    const d = await doc();
    const i = await interpretation();
    expect((await t.fails('interpretations.link', { interpretationItemId: d.itemId, documentItemId: i.itemId }, officer)).code).toBe('interpretations.not_interpretation');
    const other = await interpretation({ title: '另一篇解读' });
    expect((await t.fails('interpretations.link', { interpretationItemId: i.itemId, documentItemId: other.itemId }, officer)).code).toBe('interpretations.not_document');
  });
});

describe('release timing', () => {
  it('makes an interpretation due 3 working days after a document published on the last working day before National Day', async () => {
    // Wednesday 2026-09-30; 10-01..10-07 are off; 10-08, 10-09 and Saturday 10-10 (调休) are working days 1–3.
    const d = await doc({ writtenDate: '2026-09-28', publishDate: '2026-09-30', publishDateReason: '按计划发布' });
    t.backend.db.prepare("UPDATE editions SET status = 'published' WHERE id = ?").run(d.id); // publishing arrives with the workflow
    const i = await interpretation();
    await t.ok('interpretations.link', { interpretationItemId: i.itemId, documentItemId: d.itemId }, officer);
    expect((await t.ok('items.edition', { editionId: i.id }, officer)).interpretationDue).toEqual({ date: '2026-10-10', provisional: false });
  });

  it('lists interpretations due and overdue on the dashboard', async () => {
    const d = await doc({ writtenDate: '2026-02-24', publishDate: '2026-02-26', publishDateReason: '按计划发布' });
    t.backend.db.prepare("UPDATE editions SET status = 'published' WHERE id = ?").run(d.id);
    const i = await interpretation();
    await t.ok('interpretations.link', { interpretationItemId: i.itemId, documentItemId: d.itemId }, officer);
    // 02-26 + 3 working days: 02-27, Saturday 02-28 (调休), 03-02: due today (Monday 2026-03-02).
    const board = await t.ok('dashboard.deadlines', {}, officer);
    expect(board.interpretationsDueSoon).toEqual({
      total: 1,
      rows: [expect.objectContaining({ editionId: i.id, documentTitle: '雷州市优化营商环境办法', documentPublished: '2026-02-26', due: '2026-03-02', workdaysLeft: 0 })],
    });
    t.clock.advanceMinutes(24 * 60);
    await t.ok('auth.unlock', { password: 'Passw0rd!' }, officer); // a day away locks the screen
    expect((await t.ok('dashboard.deadlines', {}, officer)).interpretationsOverdue.rows.map((r) => r.editionId)).toEqual([i.id]);
  });
});

describe('not a copy', () => {
  it('warns with the figure when an interpretation mostly repeats its document, and not for a real one', async () => {
    const d = await doc();
    const pasted = await interpretation({ title: '文件要点摘抄' }, `<p>政策要点：</p>${POLICY}`);
    const real = await interpretation();
    for (const i of [pasted, real]) await t.ok('interpretations.link', { interpretationItemId: i.itemId, documentItemId: d.itemId }, officer);
    const [copy] = (await t.ok('items.edition', { editionId: pasted.id }, officer)).copyChecks;
    expect(copy).toMatchObject({ documentItemId: d.itemId, tooSimilar: true });
    expect(copy!.share).toBeGreaterThan(0.9);
    const [own] = (await t.ok('items.edition', { editionId: real.id }, officer)).copyChecks;
    expect(own).toMatchObject({ tooSimilar: false });
    expect(own!.share).toBeLessThan(0.1);
    expect((await t.ok('workflow.checkSubmit', { editionId: pasted.id }, officer)).warnings).toContainEqual({
      code: 'interpretation.mostly_copied',
      params: { title: '雷州市优化营商环境办法', percent: Math.round(copy!.share * 100) },
    });
  });
});
