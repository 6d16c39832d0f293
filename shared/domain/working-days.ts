/**
 * Working days (工作日) under the State Council holiday schedule (国务院办公厅关于节假日安排的通知).
 *
 * The schedule has holidays (some fall on weekdays, 调休) and make-up working days (weekend days that
 * are worked, 调休上班), so "Monday to Friday" is wrong several times a year. We never silently assume
 * Monday to Friday: for a year without a loaded schedule we fall back to the day of the week but mark
 * every result that depended on such a day `provisional`, so the UI can say the date may still move.
 *
 * Counting follows 民法典第二百零一条: the start day is not counted, counting begins the next day.
 * "自X之日起N个工作日内" is therefore due on the Nth working day strictly after X.
 *
 * Dates are 'YYYY-MM-DD' strings throughout. Day arithmetic is done on proleptic-Gregorian day
 * numbers with plain integer maths, never with Date in local time, so the machine's time zone and
 * clock cannot change a deadline.
 */

export interface CalendarYear {
  year: number;
  /** Date → festival name (e.g. '国庆节'). Days off; weekend days inside a holiday block may be listed too. */
  holidays: Record<string, string>;
  /** Date → festival name: weekend days that are working days (调休上班). */
  makeupWorkdays: Record<string, string>;
}

export type DayKind = 'weekday' | 'weekend' | 'holiday' | 'makeup_workday';

export interface DayInfo {
  date: string;
  workday: boolean;
  kind: DayKind;
  /** Festival name, for holidays and make-up working days. */
  name?: string;
  /** The date's year has no loaded schedule: only the day of the week was used. */
  provisional: boolean;
}

export interface AddWorkdaysResult {
  due: string;
  /** Some day examined lies in a year without a loaded schedule. */
  provisional: boolean;
  /** Every day after the start up to and including `due`: the counted ones and the skipped ones. */
  days: DayInfo[];
}

export interface WorkdayCount {
  count: number;
  provisional: boolean;
}

/** Upper bound for `addWorkdays`; far beyond any statutory period, it only stops absurd input. */
export const MAX_WORKDAYS = 10_000;

/**
 * A run of non-working days longer than this means the calendar is malformed (the longest real
 * block is about ten days), so we throw instead of searching on for a working day.
 */
const MAX_DAYS_WITHOUT_WORK = 366;

// ---------------------------------------------------------------------------------------------
// Dates

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

function daysInMonth(y: number, m: number): number {
  return m === 2 ? (isLeapYear(y) ? 29 : 28) : m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** [year, month, day] of a strictly valid 'YYYY-MM-DD' (years 0001–9999), or null. */
function parseDate(s: string): [number, number, number] | null {
  const m = DATE_RE.exec(s);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (y < 1 || mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return null;
  return [y, mo, d];
}

/** Strict 'YYYY-MM-DD' check: rejects 2026-02-30, 2026-2-3, and anything that is not a string. */
export function isValidDate(value: unknown): value is string {
  return typeof value === 'string' && parseDate(value) !== null;
}

function requireDate(s: string, what = 'date'): [number, number, number] {
  const p = typeof s === 'string' ? parseDate(s) : null;
  if (!p) throw new RangeError(`Invalid ${what} ${JSON.stringify(s)}: expected YYYY-MM-DD`);
  return p;
}

/** Days since 1970-01-01 (H. Hinnant's days_from_civil): integer maths, no time zone involved. */
function dayNumber(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * ((m + 9) % 12) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function formatDate(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${pad2(m)}-${pad2(d)}`;
}

/** 0 = Sunday … 6 = Saturday (as Date#getUTCDay). */
export function dayOfWeek(date: string): number {
  const [y, m, d] = requireDate(date);
  return (((dayNumber(y, m, d) + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
}

/** The date `n` calendar days after `date` (n may be negative). */
export function addDays(date: string, n: number): string {
  const [y, m, d] = requireDate(date);
  // civil_from_days, the inverse of dayNumber
  const z = dayNumber(y, m, d) + n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const dd = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const mm = mp < 10 ? mp + 3 : mp - 9;
  const yy = yoe + era * 400 + (mm <= 2 ? 1 : 0);
  if (yy < 1 || yy > 9999) throw new RangeError(`Date out of range: ${date} + ${n} days`);
  return formatDate(yy, mm, dd);
}

/** Walks forward one day at a time; cheaper than converting a day number back on every step. */
class DayCursor {
  y: number;
  m: number;
  d: number;
  dow: number;

  constructor(date: string) {
    [this.y, this.m, this.d] = requireDate(date);
    this.dow = (((dayNumber(this.y, this.m, this.d) + 4) % 7) + 7) % 7;
  }

  next(): void {
    this.dow = this.dow === 6 ? 0 : this.dow + 1;
    if (++this.d <= daysInMonth(this.y, this.m)) return;
    this.d = 1;
    if (++this.m <= 12) return;
    this.m = 1;
    if (++this.y > 9999) throw new RangeError('Date out of range: past 9999-12-31');
  }

  get date(): string {
    return formatDate(this.y, this.m, this.d);
  }
}

// ---------------------------------------------------------------------------------------------
// Calendar

/**
 * The loaded schedules, indexed for fast lookup. Build it once and reuse it: construction validates
 * and copies the input, lookups are a Set and a Map access per day.
 *
 * If a year appears more than once, the later entry replaces the earlier one entirely, so
 * `new WorkCalendar([...seeded, ...imported])` lets an imported year override a seeded one.
 */
export class WorkCalendar {
  /** Years with a loaded schedule, ascending. */
  readonly years: readonly number[];
  /** All loaded holidays, date → name. */
  readonly holidays: ReadonlyMap<string, string>;
  /** All loaded make-up working days, date → name. */
  readonly makeupWorkdays: ReadonlyMap<string, string>;
  readonly #loaded: ReadonlySet<number>;

  constructor(years: readonly CalendarYear[] = []) {
    const byYear = new Map<number, CalendarYear>();
    for (const y of years) {
      if (!Number.isInteger(y.year) || y.year < 1 || y.year > 9999) throw new RangeError(`Invalid calendar year ${String(y.year)}`);
      byYear.set(y.year, y);
    }
    const holidays = new Map<string, string>();
    const makeup = new Map<string, string>();
    for (const y of byYear.values()) {
      for (const [list, target] of [
        [y.holidays, holidays],
        [y.makeupWorkdays, makeup],
      ] as const) {
        for (const [date, name] of Object.entries(list)) {
          if (requireDate(date, `date in calendar ${y.year}`)[0] !== y.year) throw new RangeError(`Calendar ${y.year} lists ${date}, which is outside that year`);
          target.set(date, name);
        }
      }
      for (const date of Object.keys(y.makeupWorkdays)) {
        if (holidays.has(date)) throw new RangeError(`Calendar ${y.year} lists ${date} both as a holiday and as a make-up working day`);
      }
    }
    this.#loaded = new Set(byYear.keys());
    this.years = [...byYear.keys()].sort((a, b) => a - b);
    this.holidays = holidays;
    this.makeupWorkdays = makeup;
  }

  hasYear(year: number): boolean {
    return this.#loaded.has(year);
  }
}

function classifyDay(cal: WorkCalendar, date: string, year: number, dow: number): DayInfo {
  if (!cal.hasYear(year)) {
    const weekend = dow === 0 || dow === 6;
    return { date, workday: !weekend, kind: weekend ? 'weekend' : 'weekday', provisional: true };
  }
  const holiday = cal.holidays.get(date);
  if (holiday !== undefined) return { date, workday: false, kind: 'holiday', name: holiday, provisional: false };
  const makeup = cal.makeupWorkdays.get(date);
  if (makeup !== undefined) return { date, workday: true, kind: 'makeup_workday', name: makeup, provisional: false };
  const weekend = dow === 0 || dow === 6;
  return { date, workday: !weekend, kind: weekend ? 'weekend' : 'weekday', provisional: false };
}

function at(cal: WorkCalendar, c: DayCursor): DayInfo {
  return classifyDay(cal, c.date, c.y, c.dow);
}

/** What kind of day `date` is, and whether it is a working day. */
export function dayInfo(cal: WorkCalendar, date: string): DayInfo {
  return at(cal, new DayCursor(date));
}

/**
 * The due date of "N working days from `start`": the Nth working day strictly after `start`
 * (the start day itself never counts, whatever kind of day it is). n = 0 returns `start`.
 * `days` lists every day examined, so the UI can explain the deadline day by day.
 */
export function addWorkdays(cal: WorkCalendar, start: string, n: number): AddWorkdaysResult {
  if (!Number.isInteger(n) || n < 0 || n > MAX_WORKDAYS) throw new RangeError(`Working days must be an integer from 0 to ${MAX_WORKDAYS}, got ${n}`);
  const c = new DayCursor(start);
  const days: DayInfo[] = [];
  let provisional = false;
  let counted = 0;
  let idle = 0;
  while (counted < n) {
    c.next();
    const info = at(cal, c);
    days.push(info);
    if (info.provisional) provisional = true;
    if (info.workday) {
      counted++;
      idle = 0;
    } else if (++idle > MAX_DAYS_WITHOUT_WORK) {
      throw new Error(`Malformed working-day calendar: no working day in the ${MAX_DAYS_WITHOUT_WORK} days up to ${info.date}`);
    }
  }
  return { due: days.length ? days[days.length - 1]!.date : start, provisional, days };
}

/** The first working day strictly after `date`. */
export function nextWorkday(cal: WorkCalendar, date: string): { date: string; provisional: boolean } {
  const { due, provisional } = addWorkdays(cal, date, 1);
  return { date: due, provisional };
}

/**
 * Working days in (from, to]: the start excluded, the end included, so
 * `countWorkdays(cal, x, addWorkdays(cal, x, n).due).count === n`.
 * When to < from the result is minus the working days in (to, from]; when to = from it is 0.
 * Use it for "due in N working days" (today → due) and "overdue by N working days" (due → today).
 */
export function countWorkdays(cal: WorkCalendar, from: string, to: string): WorkdayCount {
  requireDate(from, 'from date');
  requireDate(to, 'to date');
  if (from === to) return { count: 0, provisional: false };
  const [lo, hi, sign] = from < to ? [from, to, 1] : [to, from, -1]; // 'YYYY-MM-DD' sorts as text
  const [loYear, hiYear] = [Number(lo.slice(0, 4)), Number(hi.slice(0, 4))];
  // Whole years in between come from a per-calendar total: the 工作台 counts back years to old drafts.
  const parts =
    hiYear - loYear < 2
      ? [walkWorkdays(cal, lo, hi)]
      : [
          walkWorkdays(cal, lo, formatDate(loYear, 12, 31)),
          ...Array.from({ length: hiYear - loYear - 1 }, (_, i) => yearWorkdays(cal, loYear + 1 + i)),
          walkWorkdays(cal, formatDate(hiYear - 1, 12, 31), hi),
        ];
  const count = parts.reduce((sum, part) => sum + part.count, 0);
  return { count: count === 0 ? 0 : sign * count, provisional: parts.some((part) => part.provisional) };
}

/** Working days in (lo, hi], lo < hi, a day at a time. */
function walkWorkdays(cal: WorkCalendar, lo: string, hi: string): WorkdayCount {
  const c = new DayCursor(lo);
  let count = 0;
  let provisional = false;
  let date = lo;
  while (date !== hi) {
    c.next();
    date = c.date;
    const info = classifyDay(cal, date, c.y, c.dow);
    if (info.workday) count++;
    if (info.provisional) provisional = true;
  }
  return { count, provisional };
}

const yearTotals = new WeakMap<WorkCalendar, Map<number, WorkdayCount>>();

/** Working days in a whole year, kept per calendar (a calendar never changes once made). */
function yearWorkdays(cal: WorkCalendar, year: number): WorkdayCount {
  let totals = yearTotals.get(cal);
  if (!totals) yearTotals.set(cal, (totals = new Map()));
  let total = totals.get(year);
  if (!total) totals.set(year, (total = walkWorkdays(cal, formatDate(year - 1, 12, 31), formatDate(year, 12, 31))));
  return total;
}
