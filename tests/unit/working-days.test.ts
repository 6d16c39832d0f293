import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addWorkdays,
  countWorkdays,
  dayInfo,
  dayOfWeek,
  isValidDate,
  MAX_WORKDAYS,
  nextWorkday,
  WorkCalendar,
  type CalendarYear,
} from '../../shared/domain/working-days.js';
import { parseCalendarIcs, parseCalendarJson, validateCalendarYears, type CalendarIssue } from '../../shared/domain/calendar-import.js';
import { calendarYearsFromChineseDays, chineseDaysYears } from '../../electron/core/calendar-seed.js';

/*
 * Official schedules used below (国务院办公厅 notices, as carried by chinese-days):
 * 2024 春节 02-10(Sat)…02-17 off, 02-04(Sun) and 02-18(Sun) worked; 中秋 09-15…09-17 off, 09-14(Sat) worked;
 *      国庆 10-01…10-07 off, 09-29(Sun) and 10-12(Sat) worked. 02-09 (除夕, Fri) was a normal working day.
 * 2025 春节 01-28…02-04 off, 01-26(Sun) and 02-08(Sat) worked;
 *      国庆+中秋 10-01…10-08 off (10-06 中秋), 09-28(Sun) and 10-11(Sat) worked.
 * 2026 元旦 01-01…01-03 off, 01-04(Sun) worked; 春节 02-15(Sun)…02-23(Mon) off, 02-14(Sat) and 02-28(Sat) worked;
 *      清明 04-04…04-06 off; 中秋 09-25…09-27 off; 国庆 10-01(Thu)…10-07(Wed) off, 09-20(Sun) and 10-10(Sat) worked.
 */
const seed = chineseDaysYears();
const cal = new WorkCalendar(seed);

describe('addWorkdays (start day not counted: due on the Nth working day after it)', () => {
  it.each([
    // 2026 National Day. From Mon 09-28: 09-29 (1), 09-30 (2), 10-01…10-07 holiday, 10-08 (3), 10-09 (4),
    // Sat 10-10 make-up (5), Sun 10-11 off, 10-12…10-16 (6–10), 10-19…10-23 (11–15), 10-26…10-30 (16–20).
    ['2026-09-28', 20, '2026-10-30'],
    ['2026-09-30', 1, '2026-10-08'], // the whole holiday block is skipped
    ['2026-10-09', 1, '2026-10-10'], // Fri → Sat 10-10 is a 调休 working day
    ['2026-09-18', 1, '2026-09-20'], // Fri → Sat off, Sun 09-20 is a 调休 working day
    ['2026-09-24', 1, '2026-09-28'], // Thu → 中秋 Fri 09-25 … Sun 09-27 off → Mon
    // 2026 Spring Festival
    ['2026-02-13', 1, '2026-02-14'], // Fri → Sat 02-14 make-up
    ['2026-02-13', 2, '2026-02-24'], // then 02-15…02-23 off
    ['2026-02-13', 6, '2026-02-28'], // 02-24 (2) … 02-27 (5), Sat 02-28 make-up (6)
    ['2026-02-13', 7, '2026-03-02'],
    // 2026 New Year crossing from 2025 (both years loaded): 01-01…01-03 off, Sun 01-04 worked
    ['2025-12-31', 1, '2026-01-04'],
    // 2025 Spring Festival and National Day
    ['2025-01-24', 1, '2025-01-26'], // Fri → Sun 01-26 make-up
    ['2025-01-27', 1, '2025-02-05'], // 01-28…02-04 off
    ['2025-01-27', 5, '2025-02-10'], // 02-05, 02-06, 02-07, Sat 02-08 make-up, Mon 02-10
    ['2025-09-26', 1, '2025-09-28'], // Fri → Sun 09-28 make-up
    ['2025-09-30', 1, '2025-10-09'], // 10-01…10-08 off (中秋 inside)
    ['2025-09-30', 3, '2025-10-11'], // 10-09, 10-10, Sat 10-11 make-up
    // 2024 Spring Festival and National Day
    ['2024-02-02', 1, '2024-02-04'], // Fri → Sun 02-04 make-up
    ['2024-02-08', 1, '2024-02-09'], // 除夕 was a working day in 2024
    ['2024-02-08', 2, '2024-02-18'], // 02-10…02-17 off, Sun 02-18 make-up
    ['2024-02-08', 3, '2024-02-19'],
    ['2024-09-13', 1, '2024-09-14'], // Fri → Sat 09-14 make-up (中秋)
    ['2024-09-27', 1, '2024-09-29'], // Fri → Sun 09-29 make-up
    ['2024-09-30', 1, '2024-10-08'],
    ['2024-09-30', 5, '2024-10-12'], // 10-08 … 10-11, Sat 10-12 make-up
  ])('%s + %i working days = %s', (start, n, due) => {
    const r = addWorkdays(cal, start, n);
    expect(r.due).toBe(due);
    expect(r.provisional).toBe(false);
    expect(r.days.filter((d) => d.workday)).toHaveLength(n);
    expect(r.days.at(-1)?.workday).toBe(true);
    expect(r.days[0]?.date).toBe(addDays(start, 1));
  });

  it.each([
    // Received on a holiday: counting starts the next day, the first working day is day 1.
    ['2026-02-18', 1, '2026-02-24', 'Wed in 春节'],
    // 02-24…02-27 (4), Sat 02-28 (5), 03-02…03-06 (10), 03-09…03-13 (15), 03-16…03-20 (20)
    ['2026-02-18', 20, '2026-03-20', 'Wed in 春节'],
    ['2026-10-03', 1, '2026-10-08', 'Sat in 国庆'],
    // Received on a weekend
    ['2026-03-07', 1, '2026-03-09', 'Sat'],
    // 03-09…03-13 (5), …03-20 (10), …03-27 (15), 03-30…04-03 (20), 04-04…04-06 清明, Tue 04-07 (21)
    ['2026-03-08', 21, '2026-04-07', 'Sun'],
    // Received on a make-up Saturday: it is a working day but, as the start, still not counted.
    ['2026-10-10', 1, '2026-10-12', '调休 Sat'],
  ])('received %s (%s): +%i = %s', (start, n, due) => {
    expect(addWorkdays(cal, start, n).due).toBe(due);
  });

  it('explains every day between start and due', () => {
    const r = addWorkdays(cal, '2026-09-30', 3);
    expect(r.days).toEqual([
      { date: '2026-10-01', workday: false, kind: 'holiday', name: '国庆节', provisional: false },
      { date: '2026-10-02', workday: false, kind: 'holiday', name: '国庆节', provisional: false },
      { date: '2026-10-03', workday: false, kind: 'holiday', name: '国庆节', provisional: false },
      { date: '2026-10-04', workday: false, kind: 'holiday', name: '国庆节', provisional: false },
      { date: '2026-10-05', workday: false, kind: 'holiday', name: '国庆节', provisional: false },
      { date: '2026-10-06', workday: false, kind: 'holiday', name: '国庆节', provisional: false },
      { date: '2026-10-07', workday: false, kind: 'holiday', name: '国庆节', provisional: false },
      { date: '2026-10-08', workday: true, kind: 'weekday', provisional: false },
      { date: '2026-10-09', workday: true, kind: 'weekday', provisional: false },
      { date: '2026-10-10', workday: true, kind: 'makeup_workday', name: '国庆节', provisional: false },
    ]);
    expect(r.due).toBe('2026-10-10');
  });

  it.each([
    ['2026-10-01', 'a holiday'],
    ['2030-06-01', 'an unloaded year'],
  ])('n = 0 returns the start (%s, %s), examining nothing', (start) => {
    expect(addWorkdays(cal, start, 0)).toEqual({ due: start, provisional: false, days: [] });
  });

  it('agrees with countWorkdays for every start in 2024–2026', () => {
    for (let start = '2024-01-01'; start <= '2026-10-31'; start = addDays(start, 1)) {
      for (const n of [1, 5, 15, 20]) {
        expect(countWorkdays(cal, start, addWorkdays(cal, start, n).due)).toEqual({ count: n, provisional: false });
      }
    }
  });

  it.each([[-1], [1.5], [Number.NaN], [MAX_WORKDAYS + 1]])('rejects n = %s', (n) => {
    expect(() => addWorkdays(cal, '2026-01-05', n)).toThrow(RangeError);
  });

  it.each([['2026-02-30'], ['2026-9-28'], ['']])('rejects start %j', (start) => {
    expect(() => addWorkdays(cal, start, 1)).toThrow(RangeError);
  });

  it('handles the largest n', () => {
    const r = addWorkdays(cal, '2004-01-01', MAX_WORKDAYS);
    expect(r.provisional).toBe(true); // about 40 years on: well past the loaded schedules
    expect(r.days.filter((d) => d.workday)).toHaveLength(MAX_WORKDAYS);
  });

  it('throws on a malformed calendar without working days instead of looping', () => {
    const allOff = (year: number): CalendarYear => {
      const holidays: Record<string, string> = {};
      for (let d = `${year}-01-01`; d <= `${year}-12-31`; d = addDays(d, 1)) holidays[d] = '错误';
      return { year, holidays, makeupWorkdays: {} };
    };
    const broken = new WorkCalendar([allOff(2030), allOff(2031)]);
    expect(() => addWorkdays(broken, '2029-12-31', 1)).toThrow(/Malformed working-day calendar/);
  });
});

describe('countWorkdays: working days in (from, to], negative when to < from', () => {
  it.each([
    ['2026-09-28', '2026-10-30', 20],
    ['2026-10-30', '2026-09-28', -20],
    ['2026-09-30', '2026-10-08', 1], // only 10-08: the holiday block counts for nothing
    ['2026-10-08', '2026-09-30', -1],
    ['2026-10-01', '2026-10-07', 0], // inside the block
    ['2026-10-07', '2026-10-01', 0],
    ['2026-10-30', '2026-10-30', 0],
    ['2026-10-30', '2026-11-03', 2], // overdue by 2: Mon 11-02, Tue 11-03
    ['2026-10-09', '2026-10-11', 1], // Sat 10-10 make-up counts, Sun 10-11 does not
    ['2024-02-08', '2024-02-19', 3], // 02-09, Sun 02-18, 02-19
    ['2025-09-26', '2025-10-12', 6], // Sun 09-28, 09-29, 09-30; 10-01…10-08 off; 10-09, 10-10, Sat 10-11
  ])('(%s, %s] = %i', (from, to, count) => {
    expect(countWorkdays(cal, from, to)).toEqual({ count, provisional: false });
  });

  it('does not examine the excluded start day', () => {
    // 2003 has no schedule, but 2003-12-31 is the excluded end of the interval.
    expect(countWorkdays(cal, '2003-12-31', '2004-01-02').provisional).toBe(false);
    expect(countWorkdays(cal, '2004-01-02', '2003-12-31').provisional).toBe(false);
    expect(countWorkdays(cal, '2003-12-30', '2004-01-02').provisional).toBe(true);
  });

  it('counts spans of many years (whole years from a kept total) the same as piece by piece', () => {
    // From a year without data, across the loaded ones, into another without: some pieces provisional.
    const ends = ['2001-07-14', '2004-01-01', '2012-12-31', '2019-03-08', '2024-02-29', '2026-10-09', '2031-05-20'];
    for (const from of ends) {
      for (const to of ends) {
        if (from >= to) continue;
        const cuts = [from];
        for (let y = Number(from.slice(0, 4)) + 1; y <= Number(to.slice(0, 4)); y++) cuts.push(`${y}-06-30` < to ? `${y}-06-30` : to);
        if (cuts.at(-1) !== to) cuts.push(to);
        const pieces = cuts.slice(1).map((end, i) => countWorkdays(cal, cuts[i]!, end));
        const whole = { count: pieces.reduce((sum, p) => sum + p.count, 0), provisional: pieces.some((p) => p.provisional) };
        expect(countWorkdays(cal, from, to), `(${from}, ${to}]`).toEqual(whole);
        expect(countWorkdays(cal, to, from)).toEqual({ count: -whole.count, provisional: whole.provisional });
      }
    }
  });

  it('rejects invalid dates', () => {
    expect(() => countWorkdays(cal, '2026-02-29', '2026-03-01')).toThrow(RangeError);
  });
});

describe('dayInfo', () => {
  it.each([
    ['2026-10-10', { workday: true, kind: 'makeup_workday', name: '国庆节', provisional: false }],
    ['2026-09-20', { workday: true, kind: 'makeup_workday', name: '国庆节', provisional: false }],
    ['2026-02-14', { workday: true, kind: 'makeup_workday', name: '春节', provisional: false }],
    ['2026-10-01', { workday: false, kind: 'holiday', name: '国庆节', provisional: false }],
    ['2026-10-06', { workday: false, kind: 'holiday', name: '国庆节', provisional: false }], // a Tuesday
    ['2025-10-06', { workday: false, kind: 'holiday', name: '中秋', provisional: false }],
    ['2026-10-11', { workday: false, kind: 'weekend', provisional: false }],
    ['2026-10-12', { workday: true, kind: 'weekday', provisional: false }],
    // No schedule loaded: day of the week only, flagged.
    ['2027-01-01', { workday: true, kind: 'weekday', provisional: true }], // surely a holiday, but unknown to us
    ['2027-01-02', { workday: false, kind: 'weekend', provisional: true }],
    ['2003-12-31', { workday: true, kind: 'weekday', provisional: true }],
  ])('%s', (date, expected) => {
    expect(dayInfo(cal, date)).toEqual({ date, ...expected });
  });
});

describe('provisional results (year without a loaded schedule)', () => {
  it('flags a span crossing from 2026 into 2027', () => {
    // 12-31 (Thu, 1), 2027-01-01 (Fri, assumed working: 2), 01-04 (Mon, 3)
    const r = addWorkdays(cal, '2026-12-30', 3);
    expect(r).toMatchObject({ due: '2027-01-04', provisional: true });
    expect(r.days.map((d) => d.provisional)).toEqual([false, true, true, true, true]);
    expect(countWorkdays(cal, '2026-12-30', '2027-01-05')).toEqual({ count: 4, provisional: true });
    expect(countWorkdays(cal, '2027-01-05', '2026-12-30')).toEqual({ count: -4, provisional: true });
    expect(nextWorkday(cal, '2026-12-31')).toEqual({ date: '2027-01-01', provisional: true });
  });

  it('flags dates entirely in 2027', () => {
    expect(addWorkdays(cal, '2027-03-01', 10).provisional).toBe(true);
  });

  it('does not flag spans that stay in loaded years', () => {
    expect(addWorkdays(cal, '2026-12-28', 3)).toMatchObject({ due: '2026-12-31', provisional: false });
    expect(nextWorkday(cal, '2026-09-30')).toEqual({ date: '2026-10-08', provisional: false });
    expect(countWorkdays(cal, '2004-01-01', '2026-12-31').provisional).toBe(false);
  });

  it('clears once the year is imported, and a later entry for a year replaces the earlier one', () => {
    // A made-up schedule for the test, not the official 2027 one.
    const y2027: CalendarYear = { year: 2027, holidays: { '2027-01-01': '元旦' }, makeupWorkdays: {} };
    const withImport = new WorkCalendar([...seed, y2027]);
    expect(withImport.years.at(-1)).toBe(2027);
    expect(addWorkdays(withImport, '2026-12-30', 3)).toMatchObject({ due: '2027-01-05', provisional: false });

    const replaced = new WorkCalendar([...seed, { year: 2026, holidays: { '2026-01-01': '元旦' }, makeupWorkdays: {} }]);
    expect(dayInfo(replaced, '2026-10-01').kind).toBe('weekday');
    expect(dayInfo(replaced, '2026-10-10').kind).toBe('weekend');
  });

  it('refuses inconsistent calendar data', () => {
    expect(() => new WorkCalendar([{ year: 2027, holidays: { '2026-10-01': '国庆节' }, makeupWorkdays: {} }])).toThrow(/outside/);
    expect(() => new WorkCalendar([{ year: 2027, holidays: { '2027-02-06': '春节' }, makeupWorkdays: { '2027-02-06': '春节' } }])).toThrow(/both/);
  });
});

describe('date helpers', () => {
  it.each([
    ['2026-02-28', true],
    ['2024-02-29', true],
    ['2000-02-29', true],
    ['2026-02-29', false],
    ['1900-02-29', false],
    ['2026-02-30', false],
    ['2026-04-31', false],
    ['2026-13-01', false],
    ['2026-00-10', false],
    ['0000-01-01', false],
    ['2026-1-01', false],
    ['2026-01-01T00:00', false],
    [' 2026-01-01', false],
    ['', false],
    [20260101, false],
    [null, false],
  ])('isValidDate(%j) = %s', (value, expected) => {
    expect(isValidDate(value)).toBe(expected);
  });

  it.each([
    ['2026-12-31', 1, '2027-01-01'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2024-03-01', -1, '2024-02-29'],
    ['2026-10-30', -30, '2026-09-30'],
    ['1970-01-01', 0, '1970-01-01'],
  ])('addDays(%s, %i) = %s', (date, n, expected) => {
    expect(addDays(date, n)).toBe(expected);
  });

  it.each([
    ['2026-10-01', 4],
    ['2026-10-10', 6],
    ['2026-09-20', 0],
    ['1970-01-01', 4],
    ['1969-12-31', 3],
    ['2000-01-01', 6],
  ])('dayOfWeek(%s) = %i', (date, dow) => {
    expect(dayOfWeek(date)).toBe(dow);
  });
});

describe('calendar seed (chinese-days)', () => {
  it('covers 2004–2026, every year with holidays and Chinese names', () => {
    expect(seed.map((y) => y.year)).toEqual(Array.from({ length: 23 }, (_, i) => 2004 + i));
    for (const y of seed) {
      expect(Object.keys(y.holidays).length).toBeGreaterThan(10);
      for (const name of [...Object.values(y.holidays), ...Object.values(y.makeupWorkdays)]) expect(name).toMatch(/^[\u4e00-\u9fff0-9]+$/);
    }
    expect(seed.find((y) => y.year === 2015)?.holidays['2015-09-03']).toBe('中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日');
    expect(seed.find((y) => y.year === 2026)?.makeupWorkdays).toEqual({
      '2026-01-04': '元旦',
      '2026-02-14': '春节',
      '2026-02-28': '春节',
      '2026-05-09': '劳动节',
      '2026-09-20': '国庆节',
      '2026-10-10': '国庆节',
    });
  });

  it('passes the import validation', () => {
    expect(validateCalendarYears(seed)).toEqual([]);
  });

  it('transforms the data file shape (pure)', () => {
    expect(
      calendarYearsFromChineseDays({
        holidays: { '2026-10-02': 'National Day,国庆节,3', '2025-01-01': "New Year's Day,元旦,1", '2026-10-01': 'Odd, English,国庆节,3' },
        workdays: { '2026-10-10': 'National Day,国庆节,3' },
        inLieuDays: { '2026-10-02': 'National Day,国庆节,3' },
      }),
    ).toEqual([
      { year: 2025, holidays: { '2025-01-01': '元旦' }, makeupWorkdays: {} },
      { year: 2026, holidays: { '2026-10-01': '国庆节', '2026-10-02': '国庆节' }, makeupWorkdays: { '2026-10-10': '国庆节' } },
    ]);
  });

  it.each([
    [{ holidays: { '2026-10-01': '国庆节' }, workdays: {} }, /unexpected value/],
    [{ holidays: { '2026/10/01': 'National Day,国庆节,3' }, workdays: {} }, /unexpected date/],
    [{ holidays: {} }, /expected/],
  ])('refuses an unexpected data shape %#', (data, message) => {
    expect(() => calendarYearsFromChineseDays(data as never)).toThrow(message);
  });
});

// ---------------------------------------------------------------------------------------------
// Importers

const codes = (issues: CalendarIssue[]) => issues.map((i) => i.code);

function expectErrors(result: ReturnType<typeof parseCalendarJson>, ...expected: Partial<CalendarIssue>[]) {
  expect(result.ok).toBe(false);
  if (result.ok) return;
  for (const e of expected) expect(result.errors).toContainEqual(expect.objectContaining(e));
}

describe('parseCalendarJson', () => {
  const valid = {
    years: [
      {
        year: 2027,
        holidays: { '2027-10-02': ' 国庆节 ', '2027-10-01': '国庆节', '2027-01-01': '元旦' },
        makeupWorkdays: { '2027-09-26': '国庆节' },
      },
      { year: 2026, holidays: { '2026-10-01': '国庆节' } },
    ],
  };

  it('accepts the documented format, sorted and trimmed', () => {
    const r = parseCalendarJson(JSON.stringify(valid));
    expect(r).toEqual({
      ok: true,
      warnings: [],
      years: [
        { year: 2026, holidays: { '2026-10-01': '国庆节' }, makeupWorkdays: {} },
        {
          year: 2027,
          holidays: { '2027-01-01': '元旦', '2027-10-01': '国庆节', '2027-10-02': '国庆节' },
          makeupWorkdays: { '2027-09-26': '国庆节' },
        },
      ],
    });
    expect(parseCalendarJson(valid)).toEqual(r); // an already parsed value works too
    expect(parseCalendarJson(`\uFEFF${JSON.stringify(valid)}`)).toEqual(r);
  });

  const year = (over: Record<string, unknown>) => JSON.stringify({ years: [{ year: 2027, holidays: { '2027-01-01': '元旦' }, ...over }] });

  it.each<[string, string, Partial<CalendarIssue>]>([
    ['not JSON', '{"years": [', { code: 'calendar.invalid_json' }],
    ['not an object', '[]', { code: 'calendar.invalid_structure', params: { path: '', expected: 'object' } }],
    ['years not an array', '{"years": {}}', { code: 'calendar.invalid_structure', params: { path: 'years', expected: 'array' } }],
    ['no years', '{"years": []}', { code: 'calendar.no_years' }],
    ['unknown top-level field', '{"years": [], "note": 1}', { code: 'calendar.unknown_field', params: { path: 'note' } }],
    ['misspelt field', year({ makeupWorkday: {} }), { code: 'calendar.unknown_field', params: { path: 'years[0].makeupWorkday' } }],
    ['year entry not an object', '{"years": [5]}', { code: 'calendar.invalid_structure', params: { path: 'years[0]', expected: 'object' } }],
    ['holidays missing', '{"years": [{"year": 2027}]}', { code: 'calendar.invalid_structure', params: { path: 'years[0].holidays', expected: 'object' } }],
    ['holidays an array', year({ holidays: [] }), { code: 'calendar.invalid_structure', params: { path: 'years[0].holidays', expected: 'object' } }],
    ['year not a number', year({ year: '2027' }), { code: 'calendar.invalid_year', params: { value: '2027' } }],
    ['two-digit year', year({ year: 27 }), { code: 'calendar.invalid_year', params: { value: '27' } }],
    ['impossible date', year({ holidays: { '2027-02-30': '春节' } }), { code: 'calendar.invalid_date', params: { value: '2027-02-30' } }],
    ['sloppy date', year({ holidays: { '2027-2-6': '春节' } }), { code: 'calendar.invalid_date', params: { value: '2027-2-6' } }],
    ['date in another year', year({ holidays: { '2026-10-01': '国庆节' } }), { code: 'calendar.date_outside_year', params: { date: '2026-10-01', year: 2027 } }],
    ['empty name', year({ holidays: { '2027-01-01': '  ' } }), { code: 'calendar.invalid_name', params: { date: '2027-01-01' } }],
    ['name not a string', year({ holidays: { '2027-01-01': 1 } }), { code: 'calendar.invalid_name', params: { date: '2027-01-01' } }],
    ['name too long', year({ holidays: { '2027-01-01': '元'.repeat(41) } }), { code: 'calendar.invalid_name', params: { date: '2027-01-01' } }],
    ['both kinds', year({ makeupWorkdays: { '2027-01-01': '元旦' } }), { code: 'calendar.conflicting_day', params: { date: '2027-01-01' } }],
    // 2027-02-03 is a Wednesday
    ['weekday make-up', year({ makeupWorkdays: { '2027-02-03': '春节' } }), { code: 'calendar.makeup_not_weekend', params: { date: '2027-02-03' } }],
    ['no holidays', year({ holidays: {} }), { code: 'calendar.year_without_holidays', params: { year: 2027 } }],
  ])('rejects %s', (_label, text, expected) => {
    expectErrors(parseCalendarJson(text), expected);
  });

  it('reports a duplicate year and every problem at once', () => {
    const text = JSON.stringify({
      years: [
        { year: 2027, holidays: { '2027-01-01': '元旦' } },
        { year: 2027, holidays: { '2027-13-01': 'x' }, makeupWorkdays: { '2027-02-03': '春节' } },
      ],
    });
    const r = parseCalendarJson(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(codes(r.errors)).toEqual(['calendar.duplicate_year', 'calendar.invalid_date', 'calendar.makeup_not_weekend']);
  });
});

describe('parseCalendarIcs', () => {
  const chineseDaysDir = createRequire(import.meta.url).resolve('chinese-days/dist/chinese-days.json').replace(/chinese-days\.json$/, '');
  const cal2026 = (...events: string[][]) =>
    ['BEGIN:VCALENDAR', 'VERSION:2.0', ...events.flatMap((e) => ['BEGIN:VEVENT', ...e, 'END:VEVENT']), 'END:VCALENDAR', ''].join('\r\n');
  const holidayBlock = ['DTSTART;VALUE=DATE:20261001', 'DTEND;VALUE=DATE:20261008', 'SUMMARY:国庆节(休)'];

  // Verbatim from chinese-days dist/years/2026.ics (CRLF, folded X-APPLE-UNIVERSAL-ID lines).
  const chineseDaysSnippet = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//yaavi.me//Chinese Days//CN',
    'NAME:中国节假日',
    'X-WR-CALNAME:中国节假日',
    'X-WR-CALDESC:2026年中国节假日日历',
    'BEGIN:VTIMEZONE',
    'TZID:Asia/Shanghai',
    'X-LIC-LOCATION:Asia/Shanghai',
    'BEGIN:STANDARD',
    'TZOFFSETFROM:+0800',
    'TZOFFSETTO:+0800',
    'TZNAME:CST',
    'DTSTART:19700101T000000',
    'END:STANDARD',
    'END:VTIMEZONE',
    'TIMEZONE-ID:Asia/Shanghai',
    'X-WR-TIMEZONE:Asia/Shanghai',
    'BEGIN:VEVENT',
    'UID:5452c8b9-defc-4f0d-8b7e-d7014e603d71',
    'SEQUENCE:0',
    'DTSTAMP:20260305T110113',
    'DTSTART;VALUE=DATE:20261001',
    'DTEND;VALUE=DATE:20261008',
    'X-MICROSOFT-CDO-ALLDAYEVENT:TRUE',
    'X-MICROSOFT-MSNCALENDAR-ALLDAYEVENT:TRUE',
    'SUMMARY:国庆节(休)',
    'TRANSP:TRANSPARENT',
    'LOCATION:北京',
    'DESCRIPTION:休',
    'CATEGORIES:节假日',
    'STATUS:CONFIRMED',
    'X-APPLE-SPECIAL-DAY:WORK-HOLIDAY',
    'X-APPLE-UNIVERSAL-ID:72b64f5301c5354e69adac03083e0f796d16243e0ac63ca97e18e',
    ' 816506b54ba',
    'CLASS:PUBLIC',
    'END:VEVENT',
    'BEGIN:VEVENT',
    'UID:5c649ca8-a3c6-4bd8-b224-6f7cb7465429',
    'DTSTART;VALUE=DATE:20260920',
    'DTEND;VALUE=DATE:20260921',
    'SUMMARY:国庆节(班)',
    'DESCRIPTION:班',
    'X-APPLE-SPECIAL-DAY:ALTERNATE-WORKDAY',
    'X-APPLE-UNIVERSAL-ID:9e9f44d4a4ca02741862f92378d53ea841382db08a54b1a1ab6b5',
    ' 5cd9febb3b1',
    'END:VEVENT',
    'BEGIN:VEVENT',
    'UID:2ba2f5c7-006d-48f3-8a83-5542a54afb4e',
    'DTSTART;VALUE=DATE:20261010',
    'DTEND;VALUE=DATE:20261011',
    'SUMMARY:国庆节(班)',
    'DESCRIPTION:班',
    'X-APPLE-SPECIAL-DAY:ALTERNATE-WORKDAY',
    'END:VEVENT',
    'END:VCALENDAR',
    '',
  ].join('\r\n');

  const nationalDay2026 = {
    year: 2026,
    holidays: Object.fromEntries(Array.from({ length: 7 }, (_, i) => [`2026-10-0${i + 1}`, '国庆节'])),
    makeupWorkdays: { '2026-09-20': '国庆节', '2026-10-10': '国庆节' },
  };

  it('reads a chinese-days feed: DTEND exclusive, 休 / 班', () => {
    expect(parseCalendarIcs(chineseDaysSnippet)).toEqual({ ok: true, years: [nationalDay2026], warnings: [] });
    expect(parseCalendarIcs(new TextEncoder().encode(chineseDaysSnippet))).toEqual({ ok: true, years: [nationalDay2026], warnings: [] });
  });

  it.each(Array.from({ length: 23 }, (_, i) => 2004 + i))('reads chinese-days years/%i.ics exactly as the seed', (y) => {
    const r = parseCalendarIcs(readFileSync(`${chineseDaysDir}years/${y}.ics`));
    expect(r).toEqual({ ok: true, years: [seed.find((s) => s.year === y)], warnings: [] });
  });

  it('reads the combined and the English chinese-days feeds', () => {
    const zh = parseCalendarIcs(readFileSync(`${chineseDaysDir}holidays.ics`, 'utf8'));
    expect(zh).toEqual({ ok: true, years: seed.filter((s) => s.year >= 2024), warnings: [] });
    const en = parseCalendarIcs(readFileSync(`${chineseDaysDir}holidays.en.ics`));
    expect(en.ok && en.years.map((y) => [y.year, Object.keys(y.holidays), Object.keys(y.makeupWorkdays)])).toEqual(
      seed.filter((s) => s.year >= 2024).map((y) => [y.year, Object.keys(y.holidays), Object.keys(y.makeupWorkdays)]),
    );
  });

  it('unfolds a folded summary, as text and as bytes (even a fold inside a UTF-8 character)', () => {
    const folded = cal2026([...holidayBlock.slice(0, 2), 'SUMMARY:中国人民抗日战争暨世界反法西斯战争胜利70周年\r\n 纪念日(休)']);
    const expected = Object.fromEntries(Array.from({ length: 7 }, (_, i) => [`2026-10-0${i + 1}`, '中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日']));
    const fromText = parseCalendarIcs(folded);
    expect(fromText.ok && fromText.years[0]?.holidays).toEqual(expected);
    // Split the three bytes of 纪 (E7 BA AA) with CRLF + space, as a byte-counting folder may do.
    const bytes = new TextEncoder().encode(folded.replace('\r\n 纪', '纪'));
    const at = bytes.findIndex((b, i) => b === 0xe7 && bytes[i + 1] === 0xba && bytes[i + 2] === 0xaa);
    const split = new Uint8Array([...bytes.subarray(0, at + 1), 0x0d, 0x0a, 0x20, ...bytes.subarray(at + 1)]);
    const fromBytes = parseCalendarIcs(split);
    expect(fromBytes.ok && fromBytes.years[0]?.holidays).toEqual(expected);
  });

  it.each([
    // NateScarlet/holiday-cn
    ['国庆节、中秋节假期', '上班(补国庆节、中秋节假期)', '国庆节、中秋节'],
    // per-day feeds such as ShuYZ
    ['国庆节 假期 第1天/共7天', '国庆节 补班 第1天/共2天', '国庆节'],
    // chinese-days English feed without the Apple property
    ['National Day(Holiday)', 'National Day(Workday)', 'National Day'],
    ['[放假]国庆节', '[加班]国庆节', '国庆节'],
  ])('recognises %s / %s', (holiday, makeup, name) => {
    const r = parseCalendarIcs(
      cal2026(
        ['DTSTART;VALUE=DATE:20261001', 'DTEND;VALUE=DATE:20261008', `SUMMARY:${holiday}`],
        ['DTSTART;VALUE=DATE:20260920', 'DTEND;VALUE=DATE:20260921', `SUMMARY:${makeup}`],
        ['DTSTART;VALUE=DATE:20261010', `SUMMARY:${makeup}`], // no DTEND: one day
      ),
    );
    const rename = (rec: Record<string, string>) => Object.fromEntries(Object.keys(rec).map((d) => [d, name]));
    expect(r).toEqual({
      ok: true,
      warnings: [],
      years: [{ year: 2026, holidays: rename(nationalDay2026.holidays), makeupWorkdays: rename(nationalDay2026.makeupWorkdays) }],
    });
  });

  it('takes the date of timed events, converting UTC to China time, and ignores nested alarms', () => {
    const r = parseCalendarIcs(
      cal2026(
        holidayBlock,
        ['DTSTART:20260920T090000', 'DTEND:20260920T180000', 'SUMMARY:国庆节 补班 第1天/共2天', 'BEGIN:VALARM', 'DESCRIPTION:放假提醒', 'END:VALARM'],
        ['DTSTART:20261009T160000Z', 'DTEND:20261010T100000Z', 'SUMMARY:国庆节 补班 第2天/共2天'], // 10-10 00:00–18:00 in Beijing
      ),
    );
    expect(r).toEqual({ ok: true, years: [nationalDay2026], warnings: [] });
  });

  it('skips cancelled events and warns about unrecognised ones and stray December dates', () => {
    const r = parseCalendarIcs(
      cal2026(
        holidayBlock,
        ['DTSTART;VALUE=DATE:20260920', 'SUMMARY:国庆节(班)'],
        ['DTSTART;VALUE=DATE:20261010', 'SUMMARY:国庆节(班)'],
        ['DTSTART;VALUE=DATE:20261012', 'SUMMARY:国庆节(休)', 'STATUS:CANCELLED'],
        ['DTSTART;VALUE=DATE:20260126', 'SUMMARY:腊八节'],
        ['DTSTART;VALUE=DATE:20251231', 'DTEND;VALUE=DATE:20260101', 'SUMMARY:元旦(休)'], // 2025 otherwise absent
      ),
    );
    expect(r).toEqual({
      ok: true,
      years: [nationalDay2026],
      warnings: [
        { code: 'calendar.ics_event_ignored', params: { summary: '腊八节', date: '2026-01-26' } },
        { code: 'calendar.ics_partial_year_skipped', params: { year: 2025, dates: '2025-12-31' } },
      ],
    });
  });

  it.each<[string, string | Uint8Array, Partial<CalendarIssue>]>([
    ['not a calendar', 'SUMMARY:国庆节(休)', { code: 'calendar.ics_not_calendar' }],
    ['truncated', cal2026(holidayBlock).replace('END:VCALENDAR', ''), { code: 'calendar.ics_truncated' }],
    ['bad UTF-8', new Uint8Array([...new TextEncoder().encode('BEGIN:VCALENDAR\r\nSUMMARY:'), 0xff, 0xfe]), { code: 'calendar.ics_bad_encoding' }],
    ['no DTSTART', cal2026(holidayBlock, ['SUMMARY:国庆节(班)']), { code: 'calendar.ics_missing_start', params: { summary: '国庆节(班)' } }],
    ['impossible date', cal2026(holidayBlock, ['DTSTART;VALUE=DATE:20260931', 'SUMMARY:国庆节(班)']), { code: 'calendar.invalid_date', params: { value: '20260931' } }],
    [
      'end before start',
      cal2026(['DTSTART;VALUE=DATE:20261008', 'DTEND;VALUE=DATE:20261001', 'SUMMARY:国庆节(休)']),
      { code: 'calendar.ics_end_before_start', params: { summary: '国庆节(休)', date: '2026-10-08' } },
    ],
    [
      'event too long',
      cal2026(['DTSTART;VALUE=DATE:20260701', 'DTEND;VALUE=DATE:20260901', 'SUMMARY:暑假(休)']),
      { code: 'calendar.ics_event_too_long', params: { summary: '暑假(休)', date: '2026-07-01', days: 32 } },
    ],
    ['recurrence', cal2026(['DTSTART;VALUE=DATE:20261001', 'RRULE:FREQ=YEARLY', 'SUMMARY:国庆节(休)']), { code: 'calendar.ics_recurrence_unsupported' }],
    // 2026-10-09 is a Friday
    ['weekday make-up', cal2026(holidayBlock, ['DTSTART;VALUE=DATE:20261009', 'SUMMARY:国庆节(班)']), { code: 'calendar.makeup_not_weekend', params: { date: '2026-10-09' } }],
    ['both kinds', cal2026(holidayBlock, ['DTSTART;VALUE=DATE:20261003', 'SUMMARY:国庆节(班)']), { code: 'calendar.conflicting_day', params: { date: '2026-10-03' } }],
    ['nothing recognised', cal2026(['DTSTART;VALUE=DATE:20260126', 'SUMMARY:腊八节']), { code: 'calendar.no_years' }],
    ['only make-up days', cal2026(['DTSTART;VALUE=DATE:20261010', 'SUMMARY:国庆节(班)']), { code: 'calendar.year_without_holidays', params: { year: 2026 } }],
  ])('rejects %s', (_label, input, expected) => {
    expectErrors(parseCalendarIcs(input), expected);
  });
});
