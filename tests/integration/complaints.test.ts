import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeBackend, type TestBackend } from '../support/backend.js';
import { fields } from '../support/items.js';
import type { CommandInput } from '../../shared/contract.js';

let t: TestBackend;
let admin: string;
let officer: string;
let officerId: string;

beforeEach(async () => {
  t = makeBackend();
  admin = await t.setup();
  ({ session: officer, id: officerId } = await t.userWith(admin, 'liwei', ['officer']));
});
afterEach(() => t.close());

type Fields = CommandInput<'complaints.create'>;
const REPORT: Fields = {
  channel: 'site_error',
  receivedOn: '2026-03-02',
  content: '《关于做好2026年春耕生产工作的通知》页面显示的发布日期为2026年2月1日，早于成文日期，应为有误。',
  itemId: null,
  assigneeId: null,
  fixDescription: '',
  replyText: '',
  repliedOn: null,
  status: 'open',
};

describe('网民纠错与留言', () => {
  it('records a report about an item, fixes it and replies, with due dates in working days and audit entries', async () => {
    const item = await t.ok('items.create', { categoryId: 'gov_document', fields: fields({ publishDate: '2026-02-01' }), bodyHtml: '<p>春耕通知正文。</p>' }, officer);
    // Received on Wednesday 25 February 2026: Saturday the 28th is a 调休 working day, so 3 working days end that Saturday.
    const created = await t.ok('complaints.create', { ...REPORT, receivedOn: '2026-02-25', itemId: item.itemId, assigneeId: officerId }, officer);
    expect(created).toMatchObject({
      status: 'open',
      itemTitle: '雷州市人民政府办公室关于做好2026年春耕生产工作的通知',
      itemIndexNumber: item.indexNumber,
      assigneeName: 'liwei',
      replyWorkdays: 3,
      due: '2026-02-28',
      workdaysLeft: -1, // today is Monday 2 March
      overdue: true,
    });
    const fresh = await t.ok('complaints.create', { ...REPORT, channel: 'message', content: '咨询春耕补贴申领时间。' }, officer);
    expect(fresh).toMatchObject({ due: '2026-03-05', workdaysLeft: 3, overdue: false });
    // Unreplied first, newest received first.
    expect((await t.ok('complaints.list', {}, officer)).rows.map((r) => r.id)).toEqual([fresh.id, created.id]);

    const fixed = await t.ok('complaints.update', { ...REPORT, id: created.id, receivedOn: '2026-02-25', itemId: item.itemId, assigneeId: officerId, status: 'fixed', fixDescription: '已将发布日期更正为2026年2月27日。' }, officer);
    expect(fixed).toMatchObject({ status: 'fixed', overdue: true });
    const replied = await t.ok(
      'complaints.update',
      { ...REPORT, id: created.id, receivedOn: '2026-02-25', itemId: item.itemId, assigneeId: officerId, status: 'replied', fixDescription: '已将发布日期更正为2026年2月27日。', replyText: '感谢您的反馈，发布日期已更正。', repliedOn: '2026-03-02' },
      officer,
    );
    expect(replied).toMatchObject({ status: 'replied', repliedOn: '2026-03-02', overdue: false });
    expect((await t.ok('complaints.list', {}, officer)).rows.map((r) => r.id)).toEqual([fresh.id, created.id]);

    const { entries } = await t.ok('audit.list', { limit: 4 }, admin);
    expect(entries.map((e) => [e.action, e.targetId])).toEqual([
      ['complaints.update', created.id],
      ['complaints.update', created.id],
      ['complaints.create', fresh.id],
      ['complaints.create', created.id],
    ]);
  });

  it('takes the reply period from the setting in force when a report is registered', async () => {
    const before = await t.ok('complaints.create', REPORT, officer);
    expect(await t.fails('complaints.setReplyWorkdays', { replyWorkdays: 5 }, officer)).toMatchObject({ code: 'auth.forbidden' });
    expect(await t.ok('complaints.setReplyWorkdays', { replyWorkdays: 5 }, admin)).toEqual({ replyWorkdays: 5 });
    const after = await t.ok('complaints.create', { ...REPORT, channel: 'hotline_12345' }, officer);
    expect([before.due, after.due]).toEqual(['2026-03-05', '2026-03-09']);
    const list = await t.ok('complaints.list', {}, officer);
    expect(list.replyWorkdays).toBe(5);
    expect(list.rows.map((r) => r.replyWorkdays).sort()).toEqual([3, 5]);
  });

  it('refuses inconsistent replies and unknown references, and keeps what was saved', async () => {
    const saved = await t.ok('complaints.create', REPORT, officer);
    const update = (changes: Partial<Fields>) => t.fails('complaints.update', { ...REPORT, id: saved.id, ...changes }, officer);
    expect(await update({ status: 'replied', repliedOn: '2026-03-02' })).toEqual({ code: 'complaints.reply_incomplete' });
    expect(await update({ status: 'replied', replyText: '已处理' })).toEqual({ code: 'complaints.reply_incomplete' });
    expect(await update({ status: 'open', replyText: '已处理', repliedOn: '2026-03-02' })).toEqual({ code: 'complaints.reply_incomplete' });
    expect(await update({ status: 'fixed' })).toEqual({ code: 'complaints.fix_missing' });
    expect(await update({ status: 'replied', replyText: '已处理', repliedOn: '2026-03-01' })).toEqual({ code: 'complaints.replied_before_received' });
    expect(await update({ itemId: 'no-such-item' })).toEqual({ code: 'complaints.unknown_item' });
    expect(await update({ assigneeId: 'no-such-user' })).toEqual({ code: 'complaints.unknown_assignee' });
    expect((await update({ channel: 'fax' as never })).code).toBe('api.invalid_input');
    expect(await t.fails('complaints.update', { ...REPORT, id: 'missing' }, officer)).toEqual({ code: 'complaints.not_found' });
    expect((await t.ok('complaints.list', {}, officer)).rows).toEqual([saved]);
  });
});
