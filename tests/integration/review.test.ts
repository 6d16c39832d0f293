import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeBackend, type TestBackend } from '../support/backend.js';
import { fields } from '../support/items.js';
import { validIdNumber } from '../support/identity.js';
import { isValidIdCard } from '../../shared/domain/scanner/index.js';
import { strFromU8, unzipSync } from 'fflate';
import { CommentRangeEnd, CommentRangeStart, CommentReference, DeletedTextRun, Document, Packer, Paragraph, TextRun } from 'docx';

let t: TestBackend;
let admin: string;
let officer: string;
let reviewer: string;

const ID = validIdNumber('44088219850312123');

const LIST = `<p>2026年第一季度低保金发放名单公示：</p><table><tr><td>张三</td><td>${ID}</td><td>附城镇</td></tr></table><p>监督电话：0759-8812886。</p>`;

async function submitted(body = LIST) {
  const e = await t.ok('items.create', { categoryId: 'notice', fields: fields({ title: '2026年第一季度低保金发放名单公示', documentNumber: '' }), bodyHtml: body }, officer);
  await t.ok('workflow.submit', { editionId: e.id }, officer);
  return e;
}

async function answerAll(editionId: string) {
  const { checklist } = await t.ok('review.get', { editionId }, reviewer);
  for (const item of checklist) await t.ok('review.answer', { editionId, itemId: item.id, answer: 'yes', note: '' }, reviewer);
}

const signOff = (editionId: string, session = reviewer, password = 'Passw0rd!') =>
  t.backend.call('review.decide', { editionId, decision: 'approve', basis: null, note: '', password }, session);

beforeEach(async () => {
  t = makeBackend();
  admin = await t.setup();
  officer = (await t.userWith(admin, 'xiaoli', ['officer'])).session;
  reviewer = (await t.userWith(admin, 'zhangsh', ['reviewer'])).session;
  await t.ok('review.updateSettings', { ...(await t.ok('review.settings', {}, admin)), ownPhoneNumbers: ['0759-8812886'] }, admin);
});
afterEach(() => t.close());

describe('保密审查', () => {
  it('cannot sign off an edition containing a valid ID number until it is masked; masking removes it for real', async () => {
    expect(isValidIdCard(ID, 2026)).toBe(true);
    const e = await submitted();
    await answerAll(e.id);
    const review = await t.ok('review.get', { editionId: e.id }, reviewer);
    expect(review.findings.filter((f) => f.severity === 'block').map((f) => [f.kind, f.text, f.location])).toEqual([['id_card', ID, 'body']]);
    // The office's own published number is not a finding.
    expect(review.findings.some((f) => f.text.includes('8812886'))).toBe(false);
    expect(review.signOffBlockers).toEqual([{ code: 'review.findings_unresolved', params: { count: 1 } }]);
    const refused = await signOff(e.id);
    expect(refused).toEqual({ ok: false, error: { code: 'review.refused', params: { count: 1 }, reasons: [{ code: 'review.findings_unresolved', params: { count: 1 } }] } });

    const masked = await t.ok('review.mask', { editionId: e.id }, reviewer);
    expect(masked.findings.filter((f) => f.severity === 'block')).toEqual([]);
    const edition = await t.ok('items.edition', { editionId: e.id }, reviewer);
    expect(edition.bodyHtml).not.toContain(ID);
    expect(edition.bodyHtml).toContain(`${ID.slice(0, 6)}********${ID.slice(14)}`);
    expect((await t.ok('items.search', { query: ID.slice(6, 14), limit: 5 }, reviewer)).hits).toEqual([]);

    expect(await signOff(e.id)).toMatchObject({ ok: true, value: { status: 'reviewed', decision: { decision: 'approve', signOff: { valid: true } } } });
  });

  it('accepts a waived finding with its reason instead of masking', async () => {
    const e = await submitted();
    await answerAll(e.id);
    const [finding] = (await t.ok('review.get', { editionId: e.id }, reviewer)).findings.filter((f) => f.severity === 'block');
    await t.ok('review.resolveFinding', { editionId: e.id, findingKey: finding!.key, resolution: 'waived', reason: '依法公示，当事人已书面同意' }, reviewer);
    expect((await signOff(e.id)).ok).toBe(true);
  });

  it('lists every open checklist item and refuses the author and a wrong password', async () => {
    const e = await submitted('<p>关于召开全市安全生产工作会议的通知。</p>');
    const open = await signOff(e.id);
    expect(open.ok || open.error.reasons?.filter((r) => r.code === 'review.checklist_open')).toHaveLength(14);
    expect(await signOff(e.id, reviewer, 'wrong')).toEqual({ ok: false, error: { code: 'auth.wrong_password' } });
    // An officer who is also a reviewer still cannot review their own edition.
    const both = await t.userWith(admin, 'wangwu', ['officer', 'reviewer']);
    const own = await t.ok('items.create', { categoryId: 'notice', fields: fields({ documentNumber: '' }), bodyHtml: '<p>正文</p>' }, both.session);
    await t.ok('workflow.submit', { editionId: own.id }, both.session);
    const refused = await signOff(own.id, both.session);
    expect(refused.ok || refused.error.reasons).toContainEqual({ code: 'review.own_edition' });
  });

  it('voids a sign-off when a single character changes, and shows it', async () => {
    const e = await submitted('<p>关于召开全市安全生产工作会议的通知。</p>');
    await answerAll(e.id);
    expect((await signOff(e.id)).ok).toBe(true);
    await t.ok('workflow.returnToDraft', { editionId: e.id, reason: '补充会议地点' }, officer);
    await t.ok('items.saveDraft', { editionId: e.id, categoryId: 'notice', fields: fields({ title: '2026年第一季度低保金发放名单公示', documentNumber: '' }), bodyHtml: '<p>关于召开全市安全生产工作会议的通知！</p>' }, officer);
    const review = await t.ok('review.get', { editionId: e.id }, officer);
    expect(review.status).toBe('draft');
    expect(review.decision!.signOff).toMatchObject({ valid: false, voidReason: '补充会议地点' });
  });

  it('notices content changed outside the app: the stored hash no longer matches', async () => {
    const e = await submitted('<p>关于召开全市安全生产工作会议的通知。</p>');
    await answerAll(e.id);
    await signOff(e.id);
    t.backend.db.prepare("UPDATE edition_bodies SET body_html = '<p>篡改后的正文</p>' WHERE edition_id = ?").run(e.id);
    expect((await t.ok('review.get', { editionId: e.id }, reviewer)).decision!.signOff).toMatchObject({ valid: false, voidedAt: null });
  });

  it('returns an edition to its author with a required reason, and records 不予公开 with its legal basis', async () => {
    const e = await submitted('<p>内部讨论稿。</p>');
    const noReason = await t.backend.call('review.decide', { editionId: e.id, decision: 'return', basis: null, note: '', password: 'Passw0rd!' }, reviewer);
    expect(noReason.ok || noReason.error.reasons).toEqual([{ code: 'review.return_reason_required' }]);
    const returned = await t.ok('review.decide', { editionId: e.id, decision: 'return', basis: null, note: '请删除内部讨论内容', password: 'Passw0rd!' }, reviewer);
    expect(returned).toMatchObject({ status: 'draft', decision: { decision: 'return', note: '请删除内部讨论内容', reviewerName: 'zhangsh', signOff: null } });
    await t.ok('workflow.submit', { editionId: e.id }, officer);
    const withheld = await t.ok('review.decide', { editionId: e.id, decision: 'withhold', basis: 16, note: '过程性信息', password: 'Passw0rd!' }, reviewer);
    expect(withheld.decision).toMatchObject({ decision: 'withhold', basis: 16 });
    const { entries } = await t.ok('audit.list', { limit: 3 }, admin);
    expect(entries[0]).toMatchObject({ action: 'review.decide', summary: expect.stringContaining('withhold (第16条)') });
  });
});

describe('the review record', () => {
  it('exports the 保密审查表 as .docx on A4 with the official margins, every checklist answer, and masked findings', async () => {
    const e = await submitted();
    await answerAll(e.id);
    await t.ok('review.mask', { editionId: e.id }, reviewer);
    await signOff(e.id);
    const { fileName, dataBase64 } = await t.ok('review.exportRecord', { editionId: e.id }, reviewer);
    expect(fileName).toBe('保密审查表-11441700007280420Y-2026-00001.docx');
    const zip = unzipSync(Buffer.from(dataBase64, 'base64'));
    const xml = strFromU8(zip['word/document.xml']!);
    const text = xml.replace(/<[^>]+>/g, '');
    for (const expected of ['政府信息公开保密审查表', '2026年第一季度低保金发放名单公示', '不涉及国家秘密', '文字关：无错别字、表述规范', '身份证号', '已脱敏', '同意公开', 'zhangsh']) {
      expect(text).toContain(expected);
    }
    // The record never carries the number it protects.
    expect(text).not.toContain(ID);
    expect(text).toContain(`${ID.slice(0, 6)}********${ID.slice(14)}`);
    // A4 and 37/35/28/26 mm margins, in twips.
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(xml).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
    expect(strFromU8(zip['word/settings.xml']!)).toContain('<w:evenAndOddHeaders/>');
  });
});

describe('attachments', () => {
  /** A Word file whose visible text is clean, with a phone number in a tracked deletion and in a comment. */
  async function hiddenPhoneDocx(): Promise<Buffer> {
    const doc = new Document({
      comments: { children: [{ id: 0, author: '李晓', date: new Date('2026-03-01'), children: [new Paragraph('有问题请打 13912345678 找我')] }] },
      sections: [
        {
          children: [
            new Paragraph({
              children: [
                new TextRun('补贴发放名单见下表。'),
                new DeletedTextRun({ id: 1, author: '李晓', date: '2026-03-01T08:00:00Z', text: '联系人手机13887654321' }),
                new CommentRangeStart(0),
                new TextRun('请核对。'),
                new CommentRangeEnd(0),
                new TextRun({ children: [new CommentReference(0)] }),
              ],
            }),
          ],
        },
      ],
    });
    return Packer.toBuffer(doc);
  }

  it('catches a phone number in a tracked deletion and in a comment of a .docx, saying where', async () => {
    const e = await t.ok('items.create', { categoryId: 'notice', fields: fields({ documentNumber: '' }), bodyHtml: '<p>附件为补贴名单。</p>' }, officer);
    await t.ok('attachments.add', { editionId: e.id, fileName: '补贴名单.docx', dataBase64: (await hiddenPhoneDocx()).toString('base64') }, officer);
    await t.ok('workflow.submit', { editionId: e.id }, officer);
    const { findings, signOffBlockers } = await t.ok('review.get', { editionId: e.id }, reviewer);
    const phones = findings.filter((f) => f.kind === 'mobile').map((f) => [f.text, f.attachment?.name, f.attachment?.where?.part]);
    expect(phones).toEqual(
      expect.arrayContaining([
        ['13887654321', '补贴名单.docx', 'tracked_deletion'],
        ['13912345678', '补贴名单.docx', 'comment'],
      ]),
    );
    expect(signOffBlockers).toContainEqual({ code: 'review.findings_unresolved', params: { count: 2 } });
    // Masking cannot reach inside an attachment: it has to be replaced, or waived with a reason.
    expect((await t.ok('review.mask', { editionId: e.id }, reviewer)).findings.filter((f) => f.kind === 'mobile')).toHaveLength(2);
  });

  it('makes an attachment it cannot read a blocking finding for the reviewer to check by hand', async () => {
    const e = await t.ok('items.create', { categoryId: 'notice', fields: fields({ documentNumber: '' }), bodyHtml: '<p>正文。</p>' }, officer);
    await t.ok('attachments.add', { editionId: e.id, fileName: '名单.docx', dataBase64: Buffer.from('not really a docx').toString('base64') }, officer);
    await t.ok('workflow.submit', { editionId: e.id }, officer);
    const { findings } = await t.ok('review.get', { editionId: e.id }, reviewer);
    expect(findings).toEqual([expect.objectContaining({ kind: 'attachment_unreadable', severity: 'block', text: '名单.docx', explanation: 'cannot be checked automatically: extract.damaged' })]);
  });
});

describe('the checklist template', () => {
  it('lets an administrator configure items, and only the named role may tick each', async () => {
    const settings = await t.ok('review.settings', {}, admin);
    await t.ok(
      'review.updateSettings',
      { ...settings, checklist: [...settings.checklist, { id: 'timing', question: '公开时机经签发人确认', severity: 'required', role: 'approver', waivable: false }] },
      admin,
    );
    const e = await submitted('<p>关于召开全市安全生产工作会议的通知。</p>');
    expect(await t.fails('review.answer', { editionId: e.id, itemId: 'timing', answer: 'yes', note: '' }, reviewer)).toEqual({ code: 'auth.forbidden', params: { roles: 'approver' } });
    const approver = await t.userWith(admin, 'qianfa', ['approver']);
    const state = await t.ok('review.answer', { editionId: e.id, itemId: 'timing', answer: 'yes', note: '' }, approver.session);
    expect(state.checklist.find((i) => i.id === 'timing')).toMatchObject({ role: 'approver', answer: 'yes' });
    expect(await t.fails('review.answer', { editionId: e.id, itemId: 'state_secret', answer: 'yes', note: '' }, approver.session)).toMatchObject({ code: 'auth.forbidden' });
  });
});
