import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN, makeBackend, type TestBackend } from '../support/backend.js';
import type { CommandInput } from '../../shared/contract.js';
import { requestsForYear } from '../../electron/core/services/requests.js';

let t: TestBackend;
let admin: string;
let officer: string;
let reviewer: string;
let head: string;

const APPLICANT = { name: '张三', idNumber: '440882199001011234', phone: '13812345678', address: '广东省湛江市雷州市西湖大道1号', email: 'zhangsan@example.cn' };

function application(overrides: Partial<CommandInput<'requests.register'>> = {}): CommandInput<'requests.register'> {
  return {
    channel: 'in_person',
    receiptFacts: { handedIn: '2026-02-02' },
    applicantType: 'natural_person',
    applicant: APPLICANT,
    subject: '2025年雷州市城区道路改造项目的招标文件',
    formWanted: 'paper',
    deliveryWanted: 'post',
    ...overrides,
  };
}

async function register(overrides: Partial<CommandInput<'requests.register'>> = {}) {
  return t.ok('requests.register', application(overrides), officer);
}

async function event(input: CommandInput<'requests.recordEvent'>, session = officer) {
  return t.ok('requests.recordEvent', input, session);
}

beforeEach(async () => {
  t = makeBackend(); // today is Monday 2026-03-02 in Shanghai
  admin = await t.setup();
  officer = (await t.userWith(admin, 'xinxiyuan', ['officer'])).session;
  reviewer = (await t.userWith(admin, 'shenhe', ['reviewer'])).session;
  head = (await t.userWith(admin, 'fuzeren', ['approver'])).session;
});
afterEach(() => t.close());

describe('registering a request', () => {
  it('numbers it per year of receipt and dates the reply 20 working days after 收到申请之日, across Spring Festival', async () => {
    const r = await register();
    expect(r).toMatchObject({ number: '依申〔2026〕1号', receivedOn: '2026-02-02', state: 'open', provisional: false, personalDataMasked: false, applicant: APPLICANT });
    // 02-03..02-13 are 1–9, Saturday 02-14 (调休) is 10, 02-15..02-23 the holiday, 02-24..02-27 11–14,
    // Saturday 02-28 (调休) 15, 03-02..03-06 16–20.
    expect(r.due).toBe('2026-03-06');
    expect(r.events.map((e) => [e.type, e.date, e.oldDue, e.newDue])).toEqual([['received', '2026-02-02', null, '2026-03-06']]);
    expect((await register({ channel: 'post_signed', receiptFacts: { signedFor: '2026-02-27' } })).number).toBe('依申〔2026〕2号');
    const audit = (await t.ok('audit.list', { limit: 5 }, admin)).entries.map((e) => e.action);
    expect(audit).toContain('requests.register');
    expect(JSON.stringify(await t.ok('audit.list', { limit: 20 }, admin))).not.toContain('张三');
  });

  it('takes the day of receipt from the fact the channel needs (Article 31) and refuses without it', async () => {
    const r = await register({ channel: 'post_ordinary', receiptFacts: { handedIn: '2026-02-02', confirmedWithApplicant: '2026-02-05' } });
    expect(r.receivedOn).toBe('2026-02-05');
    expect(r.receiptFacts).toEqual({ confirmedWithApplicant: '2026-02-05' });
    const missing = await t.fails('requests.register', application({ channel: 'online', receiptFacts: { handedIn: '2026-02-02' } }), officer);
    expect(missing).toMatchObject({ code: 'requests.refused', reasons: [{ code: 'clock.receipt_fact_missing', params: { channel: 'online', fact: 'bothConfirmed' } }] });
    const future = await t.fails('requests.register', application({ receiptFacts: { handedIn: '2026-03-03' } }), officer);
    expect(future.reasons).toEqual([{ code: 'clock.event_in_future', params: { date: '2026-03-03', today: '2026-03-02' } }]);
    expect((await t.ok('requests.list', { state: 'all', offset: 0, limit: 50 }, officer)).total).toBe(1);
  });

  it('only lets officers register', async () => {
    expect((await t.fails('requests.register', application(), reviewer)).code).toBe('auth.forbidden');
  });

  it('keeps the application documents in the shared file store, for handlers only', async () => {
    const r = await register({ attachments: [{ fileName: '申请表.pdf', dataBase64: Buffer.from('%PDF-1.4 申请表').toString('base64') }] });
    expect(r.attachments).toMatchObject([{ name: '申请表.pdf', mime: 'application/pdf', size: Buffer.byteLength('%PDF-1.4 申请表') }]);
    const file = await t.ok('requests.readAttachment', { attachmentId: r.attachments[0]!.id }, head);
    expect(Buffer.from(file.dataBase64, 'base64').toString()).toBe('%PDF-1.4 申请表');
    expect((await t.fails('requests.readAttachment', { attachmentId: r.attachments[0]!.id }, reviewer)).code).toBe('auth.forbidden');
    const more = await t.ok('requests.addAttachment', { requestId: r.id, fileName: '身份证.png', dataBase64: Buffer.from('png').toString('base64') }, officer);
    expect(more.attachments.map((a) => a.name)).toEqual(['申请表.pdf', '身份证.png']);
  });
});

describe('personal data', () => {
  it('is shown in full to handlers on the detail view only; lists and other roles get it masked by the backend', async () => {
    const r = await register();
    const masked = { name: '张*', idNumber: '4408**********1234', phone: '138****5678', address: '广东省湛江市****', email: 'z***@example.cn' };
    expect((await t.ok('requests.get', { requestId: r.id }, head)).applicant).toEqual(APPLICANT);
    for (const session of [reviewer, admin]) {
      expect(await t.ok('requests.get', { requestId: r.id }, session)).toMatchObject({ applicant: masked, personalDataMasked: true });
    }
    const list = await t.ok('requests.list', { state: 'all', offset: 0, limit: 50 }, officer);
    expect(list.rows[0]!.applicantName).toBe('张*');
    expect(JSON.stringify(list)).not.toContain('13812345678');
  });

  it('leaves an organisation’s name readable but masks its contacts', async () => {
    const r = await register({ applicantType: 'business', applicant: { ...APPLICANT, name: '雷州市某建设有限公司' } });
    expect((await t.ok('requests.get', { requestId: r.id }, reviewer)).applicant).toMatchObject({ name: '雷州市某建设有限公司', phone: '138****5678' });
  });
});

describe('the clock events', () => {
  it('补正 stops the clock, once; the corrected application restarts it; an extension needs an approver’s password', async () => {
    const r = await register();
    expect(r.clock.correctionNoticeDue).toBe('2026-02-11');
    expect(r.blockers.correction_requested).toEqual([]);
    expect(r.blockers.correction_received).toMatchObject([{ code: 'clock.event_not_allowed' }]);

    const asked = await event({ type: 'correction_requested', requestId: r.id, date: '2026-02-04', reason: '申请内容不明确，请补充项目名称', workdays: 15 });
    expect(asked).toMatchObject({ state: 'awaiting_correction', due: null, clock: { correctionDeadline: '2026-03-03' } });
    expect(asked.events[1]).toMatchObject({ type: 'correction_requested', oldDue: '2026-03-06', newDue: null, actorName: 'xinxiyuan', reason: '申请内容不明确，请补充项目名称' });
    expect(asked.blockers.correction_requested).toEqual([{ code: 'clock.correction_already_requested' }]);
    const again = await t.fails('requests.recordEvent', { type: 'correction_requested', requestId: r.id, date: '2026-02-05', reason: '再次补正' }, officer);
    expect(again).toMatchObject({ code: 'requests.refused', params: { count: 1 }, reasons: [{ code: 'clock.correction_already_requested' }] });

    const corrected = await event({ type: 'correction_received', requestId: r.id, date: '2026-02-10', reason: '申请人补正' });
    expect(corrected).toMatchObject({ state: 'open', due: '2026-03-16', clock: { periodStart: '2026-02-10' } });

    const extend = { type: 'extended' as const, requestId: r.id, date: '2026-02-12', reason: '需调取档案', workdays: 20, approverUsername: 'fuzeren', approverPassword: 'Passw0rd!' };
    expect((await t.fails('requests.recordEvent', { ...extend, approverPassword: 'wrong-one' }, officer)).code).toBe('auth.wrong_password');
    expect(await t.fails('requests.recordEvent', { ...extend, approverUsername: 'shenhe' }, officer)).toMatchObject({ code: 'requests.not_an_approver', params: { username: 'shenhe' } });
    expect(await t.fails('requests.recordEvent', { ...extend, workdays: 21 }, officer)).toMatchObject({ reasons: [{ code: 'clock.extension_too_long', params: { workdays: 21, max: 20 } }] });
    const extended = await event(extend);
    expect(extended.events.at(-1)).toMatchObject({ type: 'extended', approverName: 'fuzeren', actorName: 'xinxiyuan', oldDue: '2026-03-16', detail: { workdays: 20 } });
    expect(extended.due).toBe(extended.events.at(-1)!.newDue);
    expect(extended.due! > '2026-04-01').toBe(true);
    expect(extended.blockers.extended).toEqual([{ code: 'clock.extension_already_granted', params: { workdays: 20 } }]);
    const audit = (await t.ok('audit.list', { limit: 3 }, admin)).entries;
    expect(audit[0]).toMatchObject({ action: 'requests.extended', targetId: r.id });
  });

  it('records a late 补正 notice with its flag, and refuses events out of order or in the future with every reason', async () => {
    const r = await register();
    const late = await event({ type: 'correction_requested', requestId: r.id, date: '2026-02-12', reason: '补正' });
    expect(late.events.at(-1)!.flags).toEqual([{ code: 'clock.correction_notice_late', params: { date: '2026-02-12', deadline: '2026-02-11' } }]);
    expect((await t.fails('requests.recordEvent', { type: 'correction_received', requestId: r.id, date: '2026-02-10', reason: 'x' }, officer)).reasons).toEqual([
      { code: 'clock.events_out_of_order', params: { date: '2026-02-10', previous: '2026-02-12' } },
    ]);
    expect((await t.fails('requests.recordEvent', { type: 'correction_received', requestId: r.id, date: '2026-03-05', reason: 'x' }, officer)).reasons).toEqual([
      { code: 'clock.event_in_future', params: { date: '2026-03-05', today: '2026-03-02' } },
    ]);
  });

  it('pauses for a consultation and for a fee notice, with the fee from the 109号 scale', async () => {
    const r = await register({ receiptFacts: { handedIn: '2026-02-24' } }); // due 2026-03-23
    expect(r.due).toBe('2026-03-23');
    const consulting = await event({ type: 'consultation_started', requestId: r.id, date: '2026-02-25', reason: '涉及第三方商业秘密', party: 'third_party', letterReceived: '2026-02-26' });
    expect(consulting).toMatchObject({ state: 'paused', due: null, clock: { consultationReplyDue: '2026-03-18' } });
    // 02-26, 02-27 and Saturday 02-28 (调休) lie strictly inside the pause: three working days more.
    const ended = await event({ type: 'consultation_ended', requestId: r.id, date: '2026-03-02', reason: '第三方已答复' });
    expect(ended).toMatchObject({ state: 'open', due: '2026-03-26' });
    const fee = await event({ type: 'fee_notice', requestId: r.id, date: '2026-03-02', reason: '超出免费页数', standard: 'by_pages', quantity: 101 });
    expect(fee.events.at(-1)!.fee).toEqual({ standard: 'by_pages', quantity: 101, amount: 720 });
    expect(fee).toMatchObject({ state: 'paused', due: null, clock: { feeDeadline: '2026-03-30' } });
    const paid = await event({ type: 'fee_paid', requestId: r.id, date: '2026-03-02', reason: '已缴费' });
    expect(paid).toMatchObject({ state: 'open', due: '2026-03-26' });
  });

  it('keeps the events immutable in the database', async () => {
    const r = await register();
    expect(() => t.backend.db.prepare("UPDATE request_events SET date = '2026-01-01' WHERE request_id = ?").run(r.id)).toThrow(/append-only/);
    expect(() => t.backend.db.prepare('DELETE FROM request_events WHERE request_id = ?').run(r.id)).toThrow(/append-only/);
  });
});

describe('closing', () => {
  it('closes with one outcome, reply date and delivery method, then refuses further events', async () => {
    const r = await register();
    const closed = await t.ok('requests.close', { requestId: r.id, outcome: 'partial', replyDate: '2026-03-02', replyMethod: 'post', reason: '部分内容涉及第三方' }, officer);
    expect(closed).toMatchObject({ state: 'closed', outcome: 'partial', closedOn: '2026-03-02', replyDate: '2026-03-02', replyMethod: 'post', due: '2026-03-06', overdue: false });
    expect(closed.blockers.fee_notice).toMatchObject([{ code: 'clock.event_after_closed', params: { closedOn: '2026-03-02' } }]);
    expect(await t.fails('requests.close', { requestId: r.id, outcome: 'disclosed', replyDate: '2026-03-02', replyMethod: 'post', reason: '' }, officer)).toMatchObject({
      code: 'requests.refused',
      reasons: [{ code: 'clock.event_after_closed' }],
    });
  });

  it('allows 其他处理 1 only once the correction period has run out, and 其他处理 2 only once the fee has lapsed', async () => {
    const r = await register();
    const noCorrection = { requestId: r.id, outcome: 'other_no_correction' as const, replyDate: '2026-03-02', replyMethod: 'post' as const, reason: '' };
    expect((await t.fails('requests.close', noCorrection, officer)).reasons).toEqual([{ code: 'clock.event_not_allowed', params: { event: 'correction_lapsed', state: 'open' } }]);
    expect((await t.fails('requests.close', { ...noCorrection, outcome: 'other_fee_unpaid' }, officer)).reasons).toEqual([{ code: 'clock.no_fee_pending' }]);
    await event({ type: 'correction_requested', requestId: r.id, date: '2026-02-04', reason: '补正', workdays: 15 }); // until 03-03
    expect((await t.fails('requests.close', noCorrection, officer)).reasons).toEqual([
      { code: 'clock.correction_lapsed_early', params: { date: '2026-03-02', deadline: '2026-03-03' } },
    ]);
    expect((await t.ok('requests.get', { requestId: r.id }, officer)).state).toBe('awaiting_correction');
  });

  it('closes as 其他处理 1 after the correction period', async () => {
    const r = await register({ receiptFacts: { handedIn: '2026-01-05' } });
    await event({ type: 'correction_requested', requestId: r.id, date: '2026-01-06', reason: '补正', workdays: 10 });
    const closed = await t.ok('requests.close', { requestId: r.id, outcome: 'other_no_correction', replyDate: '2026-03-02', replyMethod: 'post', reason: '' }, officer);
    expect(closed).toMatchObject({ state: 'closed', outcome: 'other_no_correction', closedOn: '2026-03-02' });
    expect(closed.events.at(-1)!.type).toBe('correction_lapsed');
  });
});

describe('calendar changes', () => {
  it('re-dates every open request and logs each change, old → new', async () => {
    const open = await register({ receiptFacts: { handedIn: '2026-02-24' } });
    const done = await register({ receiptFacts: { handedIn: '2026-02-24' } });
    await t.ok('requests.close', { requestId: done.id, outcome: 'disclosed', replyDate: '2026-03-02', replyMethod: 'email', reason: '' }, officer);
    expect(open.due).toBe('2026-03-23');

    await t.ok('calendar.setDay', { date: '2026-03-04', kind: 'holiday', name: '临时休假' }, admin);

    expect(await t.ok('requests.get', { requestId: open.id }, officer)).toMatchObject({ due: '2026-03-24' });
    expect((await t.ok('requests.list', { state: 'open', offset: 0, limit: 10 }, officer)).rows[0]).toMatchObject({ id: open.id, due: '2026-03-24' });
    expect((await t.ok('requests.get', { requestId: done.id }, officer)).due).toBe('2026-03-23');
    const entries = (await t.ok('audit.list', { limit: 3 }, admin)).entries;
    const recompute = entries.filter((e) => e.action === 'requests.recompute');
    expect(recompute).toEqual([expect.objectContaining({ targetId: open.id, summary: '依申〔2026〕1号: due 2026-03-23 → 2026-03-24 (calendar changed)' })]);
    const explained = await t.ok('requests.explainDue', { requestId: open.id }, officer);
    expect(explained.days.find((d) => d.date === '2026-03-04')).toMatchObject({ kind: 'holiday', name: '临时休假', counted: false });
    expect(explained.days.find((d) => d.date === '2026-02-28')).toMatchObject({ kind: 'makeup_workday', counted: true, ordinal: 4 });
  });
});

describe('importing a new year’s schedule', () => {
  it('turns a provisional due date into a firm one and logs the change', async () => {
    t.clock.advanceMinutes((Date.parse('2026-12-21') - Date.parse('2026-03-02')) / 60_000); // today: Monday 21 December
    // Idle sessions lock meanwhile: sign in again.
    officer = (await t.ok('auth.login', { username: 'xinxiyuan', password: 'Passw0rd!' })).sessionId;
    admin = (await t.ok('auth.login', { username: ADMIN.username, password: ADMIN.password })).sessionId;
    const r = await register({ receiptFacts: { handedIn: '2026-12-18' } });
    expect(r).toMatchObject({ provisional: true });
    const schedule2027 = JSON.stringify({ years: [{ year: 2027, holidays: { '2027-01-01': '元旦' }, makeupWorkdays: {} }] });
    await t.ok('calendar.import', { format: 'json', text: schedule2027 }, admin);
    const after = await t.ok('requests.get', { requestId: r.id }, officer);
    expect(after.provisional).toBe(false);
    expect(after.due! > r.due!).toBe(true);
    const recompute = (await t.ok('audit.list', { limit: 5 }, admin)).entries.find((e) => e.action === 'requests.recompute');
    expect(recompute?.summary).toBe(`依申〔2026〕1号: due ${r.due} → ${after.due} (calendar changed)`);
  });
});

describe('the dashboard and the annual report', () => {
  it('lists requests due within 5 working days and overdue ones', async () => {
    const soon = await register({ receiptFacts: { handedIn: '2026-02-02' } }); // due 03-06
    const late = await register({ receiptFacts: { handedIn: '2026-01-05' } }); // due 02-02
    await register({ receiptFacts: { handedIn: '2026-03-02' } });
    const board = await t.ok('requests.deadlines', {}, reviewer);
    expect(board.today).toBe('2026-03-02');
    expect(board.dueSoon.rows.map((r) => [r.id, r.due, r.workdaysLeft, r.applicantName])).toEqual([[soon.id, '2026-03-06', 4, '张*']]);
    expect(board.overdue).toMatchObject({ total: 1, rows: [{ id: late.id, due: '2026-02-02' }] });
    expect((await t.ok('requests.list', { state: 'overdue', offset: 0, limit: 10 }, officer)).rows.map((r) => [r.id, r.overdue])).toEqual([[late.id, true]]);
  });

  it('gives table 三 its figures, carried-over requests included', async () => {
    const carried = await register({ receiptFacts: { handedIn: '2026-01-05' } });
    await register({ applicantType: 'business', receiptFacts: { handedIn: '2026-02-02' } });
    await t.ok('requests.close', { requestId: carried.id, outcome: 'denied_third_party', replyDate: '2026-02-02', replyMethod: 'post', reason: '' }, officer);
    const figures = requestsForYear(t.backend.context(null), 2026);
    expect(figures.received).toMatchObject({ natural_person: 1, business: 1 });
    expect(figures.results.denied_third_party.natural_person).toBe(1);
    expect(figures.carriedOut).toMatchObject({ natural_person: 0, business: 1 });
    expect(requestsForYear(t.backend.context(null), 2027).carriedIn).toMatchObject({ business: 1, natural_person: 0 });
  });
});
