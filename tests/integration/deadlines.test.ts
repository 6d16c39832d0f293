import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeBackend, type TestBackend } from '../support/backend.js';
import { fields } from '../support/items.js';

let t: TestBackend;
let admin: string;
let officer: string;

async function draft(writtenDate: string, title = `成文于${writtenDate}的文件`) {
  return t.ok('items.create', { categoryId: 'gov_document', fields: fields({ title, writtenDate }), bodyHtml: '<p>正文</p>' }, officer);
}

beforeEach(async () => {
  t = makeBackend(); // today is Monday 2026-03-02 in Shanghai
  admin = await t.setup();
  officer = (await t.userWith(admin, 'xiaoli', ['officer'])).session;
});
afterEach(() => t.close());

describe('条例第二十六条: proactive items are due 20 working days after 成文日期', () => {
  it('counts across Spring Festival and its two 调休 Saturdays', async () => {
    // From Monday 02-02: 02-03..02-13 are days 1–9, Saturday 02-14 (调休) is 10, 02-15..02-23 are
    // the holiday, 02-24..02-27 are 11–14, Saturday 02-28 (调休) is 15, 03-02..03-06 are 16–20.
    expect((await draft('2026-02-02')).due).toEqual({ date: '2026-03-06', provisional: false });
  });

  it('is provisional when it runs into a year whose schedule is not loaded', async () => {
    expect((await draft('2026-12-20')).due).toMatchObject({ provisional: true });
  });

  it('has no due date unless the item is proactive and unpublished', async () => {
    const e = await t.ok('items.create', { categoryId: 'gov_document', fields: fields({ disclosure: 'on_request', disclosureArticle: 16, disclosureReason: '过程性信息' }), bodyHtml: '' }, officer);
    expect(e.due).toBeNull();
  });

  it('lists items due within 5 working days and overdue ones on the dashboard', async () => {
    await draft('2026-02-02', '即将到期的文件');
    const late = await draft('2026-01-05', '已逾期的文件'); // due Monday 02-02
    await draft('2026-03-01', '刚成文的文件');
    const published = await draft('2026-01-06', '已发布的文件');
    t.backend.db.prepare("UPDATE editions SET status = 'published' WHERE id = ?").run(published.id);

    const board = await t.ok('dashboard.deadlines', {}, officer);
    expect(board.today).toBe('2026-03-02');
    expect(board.dueSoon.rows.map((r) => [r.title, r.due, r.workdaysLeft])).toEqual([['即将到期的文件', '2026-03-06', 4]]);
    // Working days after 02-02 up to today: 02-03..02-13 (9), 02-14, 02-24..02-28 (5), 03-02: 16.
    expect(board.overdue.rows.map((r) => [r.title, r.due, r.workdaysLeft])).toEqual([['已逾期的文件', '2026-02-02', -16]]);
    expect(board.overdue).toMatchObject({ total: 1, rows: [{ editionId: late.id }] });
  });

  it('re-dates open deadlines when an administrator changes the calendar, and logs the change', async () => {
    const e = await draft('2026-02-02');
    await t.ok('calendar.setDay', { date: '2026-03-04', kind: 'holiday', name: '临时休假' }, admin);
    expect((await t.ok('items.edition', { editionId: e.id }, officer)).due).toEqual({ date: '2026-03-09', provisional: false });
    expect((await t.ok('dashboard.deadlines', {}, officer)).dueSoon.rows[0]).toMatchObject({ due: '2026-03-09' });
    expect((await t.ok('calendar.explain', { start: '2026-03-03', workdays: 1 }, officer)).days.map((d) => [d.date, d.kind, d.workday])).toEqual([
      ['2026-03-04', 'holiday', false],
      ['2026-03-05', 'weekday', true],
    ]);
    expect((await t.ok('audit.list', { limit: 1 }, admin)).entries[0]).toMatchObject({ action: 'calendar.setDay', summary: '2026-03-04: holiday 临时休假' });
    expect((await t.fails('calendar.setDay', { date: '2031-01-02', kind: 'holiday', name: 'x' }, admin)).code).toBe('calendar.year_not_loaded');
  });
});

describe('importing a year’s schedule', () => {
  const schedule2027 = JSON.stringify({
    years: [{ year: 2027, holidays: { '2027-01-01': '元旦', '2027-02-08': '春节', '2027-02-09': '春节' }, makeupWorkdays: { '2027-02-06': '春节' } }],
  });

  it('turns provisional answers into firm ones', async () => {
    expect((await t.ok('calendar.explain', { start: '2027-02-05', workdays: 1 }, officer)).provisional).toBe(true);
    expect(await t.ok('calendar.import', { format: 'json', text: schedule2027 }, admin)).toEqual({ years: [2027] });
    expect(await t.ok('calendar.explain', { start: '2027-02-05', workdays: 1 }, officer)).toMatchObject({ due: '2027-02-06', provisional: false });
    const years = await t.ok('calendar.years', {}, officer);
    expect(years[0]).toEqual({ year: 2027, source: 'import', holidays: 3, makeupWorkdays: 1 });
    expect(years.find((y) => y.year === 2026)).toMatchObject({ source: 'chinese-days', makeupWorkdays: 6 });
  });

  it('refuses a bad file, changes nothing, and only lets administrators import', async () => {
    const bad = JSON.stringify({ years: [{ year: 2027, holidays: { '2027-02-30': '春节' } }] });
    expect(await t.fails('calendar.import', { format: 'json', text: bad }, admin)).toMatchObject({ code: 'calendar.invalid_import' });
    expect((await t.ok('calendar.years', {}, officer))[0]!.year).toBe(2026);
    expect((await t.fails('calendar.import', { format: 'json', text: schedule2027 }, officer)).code).toBe('auth.forbidden');
  });
});

describe('a long backlog', () => {
  it('lists the 50 most urgent of each queue and counts them all, with boundaries exact to the day', async () => {
    // Each date's own due date, from the calendar, decides its queue; the SQL ranges must agree.
    const dates = ['2026-01-20', '2026-01-21', '2026-02-02', '2026-02-03', '2026-02-05', '2026-02-06', '2026-02-09', '2026-02-10'];
    for (const d of dates) await draft(d);
    for (let i = 0; i < 55; i++) await draft('2026-01-05', `积压文件${i}`);
    const board = await t.ok('dashboard.deadlines', {}, officer);
    const due = async (written: string) => (await t.ok('calendar.explain', { start: written, workdays: 20 }, officer)).due;
    const today = board.today;
    const soonLimit = (await t.ok('calendar.explain', { start: today, workdays: 5 }, officer)).due;
    const expectedOverdue = 55 + (await Promise.all(dates.map(due))).filter((d) => d < today).length;
    const expectedSoon = (await Promise.all(dates.map(due))).filter((d) => d >= today && d <= soonLimit).length;
    expect(board.overdue.total).toBe(expectedOverdue);
    expect(board.overdue.rows).toHaveLength(50);
    expect(board.dueSoon.total).toBe(expectedSoon);
    expect(board.dueSoon.rows.every((r) => r.due >= today && r.due <= soonLimit)).toBe(true);
    expect(board.overdue.rows.every((r) => r.due < today)).toBe(true);
  });
});
