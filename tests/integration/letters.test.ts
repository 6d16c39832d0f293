import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import mammoth from 'mammoth';
import { makeBackend, type TestBackend } from '../support/backend.js';
import type { CommandOutput, LetterKind } from '../../shared/contract.js';

let t: TestBackend;
let admin: string;
let officer: string;

const DAY_MINUTES = 24 * 60;
const APPLICANT = { name: '张三丰', idNumber: '110101199003071234', phone: '13800138000', address: '雷州市新城大道1号', email: 'zsf@example.cn' };
const SUBJECT = '2025年雷州市城市道路维修资金使用情况';

beforeEach(async () => {
  t = makeBackend();
  // Work on 21 April 2026, after the whole history below (idle sessions lock, so the clock moves before anyone signs in).
  t.clock.advanceMinutes(50 * DAY_MINUTES);
  admin = await t.setup();
  officer = (await t.userWith(admin, 'liwei', ['officer'])).session;
  await t.userWith(admin, 'chenzhuren', ['approver']);
});
afterEach(() => t.close());

async function register(): Promise<CommandOutput<'requests.register'>> {
  return t.ok(
    'requests.register',
    { channel: 'in_person', receiptFacts: { handedIn: '2026-03-02' }, applicantType: 'natural_person', applicant: APPLICANT, subject: SUBJECT, formWanted: 'electronic', deliveryWanted: 'email', attachments: [] },
    officer,
  );
}

/** A request that went through every notice, then closed as 部分公开 on 2026-04-20. */
async function fullyHandled(): Promise<string> {
  const r = await register();
  const event = (input: Record<string, unknown>) => t.ok('requests.recordEvent', { requestId: r.id, reason: '依法办理', ...input } as never, officer);
  await event({ type: 'correction_requested', date: '2026-03-03', workdays: 10 });
  await event({ type: 'correction_received', date: '2026-03-05' });
  await event({ type: 'consultation_started', date: '2026-03-06', party: 'third_party' });
  await event({ type: 'consultation_ended', date: '2026-03-10' });
  await event({ type: 'extended', date: '2026-03-12', workdays: 10, approverUsername: 'chenzhuren', approverPassword: 'Passw0rd!' });
  await event({ type: 'fee_notice', date: '2026-03-13', standard: 'by_pages', quantity: 120 });
  await event({ type: 'fee_paid', date: '2026-03-16' });
  await t.ok('requests.close', { requestId: r.id, outcome: 'partial', replyDate: '2026-04-20', replyMethod: 'email', reason: '' }, officer);
  return r.id;
}

async function letter(requestId: string, kind: LetterKind) {
  const { fileName, dataBase64 } = await t.ok('requests.letter', { requestId, kind }, officer);
  const data = Buffer.from(dataBase64, 'base64');
  const { value: text } = await mammoth.extractRawText({ buffer: data });
  const xml = strFromU8(unzipSync(data)['word/document.xml']!);
  return { fileName, text: text.replace(/\s+/g, ''), xml };
}

describe('reply letters and notices', () => {
  it('offers only the letters the record can fill, and refuses the others', async () => {
    const r = await register();
    expect(await t.ok('letters.kinds', { requestId: r.id }, officer)).toEqual({ kinds: [] });
    expect(await t.fails('requests.letter', { requestId: r.id, kind: 'reply_disclosed' }, officer)).toEqual({ code: 'letters.not_available', params: { kind: 'reply_disclosed' } });
    const id = await fullyHandled();
    expect((await t.ok('letters.kinds', { requestId: id }, officer)).kinds).toEqual(['reply_partial', 'correction', 'extension', 'fee_notice', 'third_party']);
    expect((await t.fails('requests.letter', { requestId: id, kind: 'reply_denied' }, officer)).code).toBe('letters.not_available');
    // Letters carry the applicant's full personal name: only the handling officers generate them.
    const reviewer = (await t.userWith(admin, 'zhaoshen', ['reviewer'])).session;
    expect((await t.fails('requests.letter', { requestId: id, kind: 'reply_partial' }, reviewer)).code).toBe('auth.forbidden');
    expect((await t.fails('requests.letter', { requestId: 'nope', kind: 'reply_partial' }, officer)).code).toBe('requests.not_found');
  });

  it('fills every kind from the record, on A4 with the GB/T 9704 margins, and audits each letter', async () => {
    const id = await fullyHandled();
    const common = ['依申〔2026〕1号', '2026年3月2日', SUBJECT, '雷州市人民政府办公室'];

    const reply = await letter(id, 'reply_partial');
    expect(reply.fileName).toBe('政府信息公开申请答复告知书-依申〔2026〕1号.docx');
    for (const expected of [...common, '政府信息公开申请答复告知书', '张三丰：', '本机关决定部分公开', '《中华人民共和国政府信息公开条例》第三十七条', '2026年4月20日']) {
      expect(reply.text).toContain(expected);
    }
    // The remedies paragraph names the unit's superior (the default 复议机关) and the court.
    expect(reply.text).toContain('可以自收到本告知书之日起60日内向湛江市人民政府申请行政复议，或者在6个月内向有管辖权的人民法院提起行政诉讼');
    expect(reply.text).not.toMatch(/\{[^}]*\}/);
    expect(reply.xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(reply.xml).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
    // Title in 2号小标宋, body in 3号仿宋.
    expect(reply.xml).toMatch(/w:eastAsia="方正小标宋简体"[^]*?<w:sz w:val="44"\/>/);
    expect(reply.xml).toMatch(/w:eastAsia="仿宋_GB2312"[^]*?<w:sz w:val="32"\/>/);

    const correction = await letter(id, 'correction');
    for (const expected of [...common, '政府信息公开申请补正告知书', '第三十条', '请您在10个工作日内（即2026年3月17日前）']) expect(correction.text).toContain(expected);

    const extension = await letter(id, 'extension');
    const clock = await t.ok('requests.get', { requestId: id }, officer);
    const extended = clock.events.find((e) => e.type === 'extended')!;
    const cn = (date: string) => date.replace(/^(\d{4})-0?(\d+)-0?(\d+)$/, '$1年$2月$3日');
    for (const expected of [...common, '延长政府信息公开答复期限告知书', '第三十三条第二款', '答复期限延长10个工作日', `不能在${cn(extended.oldDue!)}前`, `将于${cn(extended.newDue!)}前作出答复`]) {
      expect(extension.text).toContain(expected);
    }

    const fee = await letter(id, 'fee_notice');
    // 120 pages: 31–100 at 10 元 and 101–120 at 20 元 = 1100 元; 20 working days counted from the day after 3 月 13 日.
    const { due: lastDay } = await t.ok('calendar.explain', { start: '2026-03-13', workdays: 20 }, officer);
    for (const expected of [...common, '政府信息公开信息处理费缴费通知书', '按量计收，共120页', '应缴金额：1100元', `即${cn(lastDay)}前`, '第四十二条', '国办函〔2020〕109号']) {
      expect(fee.text).toContain(expected);
    }

    const thirdParty = await letter(id, 'third_party');
    for (const expected of ['政府信息公开征求第三方意见书', '第三十二条', '15个工作日内', '依申〔2026〕1号']) expect(thirdParty.text).toContain(expected);
    // The third party is not told who asked.
    expect(thirdParty.text).not.toContain('张三丰');

    const { entries } = await t.ok('audit.list', { limit: 5 }, admin);
    expect(entries.map((e) => e.action)).toEqual(Array(5).fill('requests.letter'));
    expect(entries[4]).toMatchObject({ targetType: 'request', targetId: id, actorName: 'liwei', summary: expect.stringContaining('reply_partial') });
  });

  it('writes each outcome group its own decision and legal basis', async () => {
    const r = await register();
    await t.ok('requests.close', { requestId: r.id, outcome: 'denied_state_secret', replyDate: '2026-03-06', replyMethod: 'post', reason: '' }, officer);
    const { text } = await letter(r.id, 'reply_denied');
    expect(text).toContain('您申请获取的政府信息属于国家秘密，根据《中华人民共和国政府信息公开条例》第十四条、第三十六条第（三）项的规定，本机关决定不予公开');
    expect(text).toContain('2026年3月6日');
  });
});

describe('letter templates', () => {
  it('saves an edited template, refuses unknown placeholders with their names, and resets to the default', async () => {
    const id = await fullyHandled();
    const before = (await t.ok('letters.templates', {}, officer)).templates.find((x) => x.kind === 'reply_partial')!;
    expect(before).toMatchObject({ custom: false, placeholders: expect.arrayContaining(['申请人', '决定', '法律依据', '复议机关', '法院']) });
    expect(before.placeholders).not.toContain('信息处理费');

    const refused = await t.fails('letters.saveTemplate', { kind: 'reply_partial', title: '答复书', body: '{申请人姓名}：\n应缴{信息处理费}，见{申请人}。' }, officer);
    expect(refused).toEqual({ code: 'letters.unknown_placeholder', params: { names: '{申请人姓名}, {信息处理费}' } });
    expect((await t.ok('letters.templates', {}, officer)).templates.find((x) => x.kind === 'reply_partial')!.custom).toBe(false);

    const saved = await t.ok('letters.saveTemplate', { kind: 'reply_partial', title: '{单位名称}答复书', body: '{申请人}：\n您的申请{申请编号}已办结：{决定}。\n对本答复不服的，可以向{复议机关}申请行政复议。' }, admin);
    expect(saved.custom).toBe(true);
    await t.ok('letters.saveSettings', { reconsiderationBody: '雷州市人民政府', court: '雷州市人民法院' }, admin);
    const custom = await letter(id, 'reply_partial');
    expect(custom.fileName).toBe('雷州市人民政府办公室答复书-依申〔2026〕1号.docx');
    expect(custom.text).toContain('您的申请依申〔2026〕1号已办结：部分公开。');
    expect(custom.text).toContain('可以向雷州市人民政府申请行政复议');

    const reset = await t.ok('letters.resetTemplate', { kind: 'reply_partial' }, officer);
    expect(reset).toMatchObject({ custom: false, title: before.title, body: before.body });
    expect((await letter(id, 'reply_partial')).text).toContain('或者在6个月内向雷州市人民法院提起行政诉讼');

    const { entries } = await t.ok('audit.list', { limit: 10 }, admin);
    expect(entries.map((e) => e.action)).toEqual(expect.arrayContaining(['letters.saveTemplate', 'letters.saveSettings', 'letters.resetTemplate']));
    const reviewer = (await t.userWith(admin, 'zhaoshen', ['reviewer'])).session;
    expect((await t.fails('letters.saveTemplate', { kind: 'correction', title: 'x', body: 'y' }, reviewer)).code).toBe('auth.forbidden');
  });
});
