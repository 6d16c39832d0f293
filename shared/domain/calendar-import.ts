/**
 * Parsers for an administrator importing a year's holiday schedule when the State Council
 * announces it (usually in November for the next year). Pure: text in, `CalendarYear[]` or coded
 * issues out; never throws on user input. Issue codes are translated in the UI (`error.<code>`).
 *
 * JSON format (every date 'YYYY-MM-DD', names in Chinese as in the notice):
 *
 *   {
 *     "years": [
 *       {
 *         "year": 2027,
 *         "holidays":       { "2027-01-01": "元旦", "2027-02-06": "春节", ... },
 *         "makeupWorkdays": { "2027-02-20": "春节", ... }
 *       }
 *     ]
 *   }
 *
 * Each entry is the complete schedule for its year and replaces any earlier one. `makeupWorkdays`
 * may be omitted when there are none. Rules: dates are real and inside the stated year; a date is
 * not both a holiday and a make-up working day; make-up working days are Saturdays or Sundays
 * (holidays may fall on weekends); every year has at least one holiday; unknown fields are
 * rejected so a misspelt "makeupWorkday" cannot silently drop the 调休 days.
 *
 * ICS: see `parseCalendarIcs` for the conventions recognised.
 */
import type { ErrorParams } from '../errors.js';
import { addDays, dayOfWeek, isValidDate, type CalendarYear } from './working-days.js';

export const CALENDAR_ISSUE_CODES = [
  'calendar.invalid_json',
  'calendar.invalid_structure',
  'calendar.unknown_field',
  'calendar.no_years',
  'calendar.invalid_year',
  'calendar.duplicate_year',
  'calendar.invalid_date',
  'calendar.date_outside_year',
  'calendar.invalid_name',
  'calendar.conflicting_day',
  'calendar.makeup_not_weekend',
  'calendar.year_without_holidays',
  'calendar.ics_not_calendar',
  'calendar.ics_bad_encoding',
  'calendar.ics_truncated',
  'calendar.ics_missing_start',
  'calendar.ics_end_before_start',
  'calendar.ics_event_too_long',
  'calendar.ics_recurrence_unsupported',
  // warnings
  'calendar.ics_event_ignored',
  'calendar.ics_partial_year_skipped',
] as const;
export type CalendarIssueCode = (typeof CALENDAR_ISSUE_CODES)[number];

export interface CalendarIssue {
  code: CalendarIssueCode;
  params: ErrorParams;
}

export type CalendarImportResult =
  | { ok: true; years: CalendarYear[]; warnings: CalendarIssue[] }
  | { ok: false; errors: CalendarIssue[]; warnings: CalendarIssue[] };

/** Longest festival name accepted (the longest real one, the 2015 抗战胜利70周年纪念日, has 27 characters). */
export const MAX_NAME_LENGTH = 40;
/** A single ICS event longer than this is not a holiday block (the longest real one is about ten days). */
export const MAX_EVENT_DAYS = 31;

function issue(code: CalendarIssueCode, params: ErrorParams = {}): CalendarIssue {
  return { code, params };
}

/** Keeps user text in messages short. */
function clip(value: unknown): string {
  const s = typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
  return s.length > 40 ? `${s.slice(0, 39)}…` : s;
}

function sortedRecord(entries: Iterable<[string, string]>): Record<string, string> {
  return Object.fromEntries([...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

// ---------------------------------------------------------------------------------------------
// Shared validation

/**
 * The rules every imported schedule must satisfy, whatever its format (an empty list is the
 * caller's to report). Returns no issues when the years can be loaded.
 */
export function validateCalendarYears(years: readonly CalendarYear[]): CalendarIssue[] {
  const errors: CalendarIssue[] = [];
  const seen = new Set<number>();
  for (const y of years) {
    if (!Number.isInteger(y.year) || y.year < 1000 || y.year > 9999) {
      errors.push(issue('calendar.invalid_year', { value: clip(y.year) }));
      continue;
    }
    if (seen.has(y.year)) errors.push(issue('calendar.duplicate_year', { year: y.year }));
    seen.add(y.year);
    const checkDates = (list: Record<string, string>, makeup: boolean) => {
      for (const [date, name] of Object.entries(list)) {
        if (!isValidDate(date)) {
          errors.push(issue('calendar.invalid_date', { value: clip(date) }));
          continue;
        }
        if (Number(date.slice(0, 4)) !== y.year) errors.push(issue('calendar.date_outside_year', { date, year: y.year }));
        if (typeof name !== 'string' || !name.trim() || name.length > MAX_NAME_LENGTH) errors.push(issue('calendar.invalid_name', { date }));
        if (makeup) {
          if (Object.hasOwn(y.holidays, date)) errors.push(issue('calendar.conflicting_day', { date }));
          const dow = dayOfWeek(date);
          if (dow !== 0 && dow !== 6) errors.push(issue('calendar.makeup_not_weekend', { date }));
        }
      }
    };
    checkDates(y.holidays, false);
    checkDates(y.makeupWorkdays, true);
    if (Object.keys(y.holidays).length === 0) errors.push(issue('calendar.year_without_holidays', { year: y.year }));
  }
  return errors;
}

// ---------------------------------------------------------------------------------------------
// JSON

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Parses the JSON format described at the top of this file. Accepts the JSON text, or a value
 * already parsed from it.
 */
export function parseCalendarJson(input: unknown): CalendarImportResult {
  let data: unknown = input;
  if (typeof input === 'string') {
    try {
      data = JSON.parse(input.replace(/^\uFEFF/, ''));
    } catch {
      return { ok: false, errors: [issue('calendar.invalid_json')], warnings: [] };
    }
  }
  const errors: CalendarIssue[] = [];
  const structure = (path: string, expected: string) => errors.push(issue('calendar.invalid_structure', { path, expected }));
  if (!isPlainObject(data)) structure('', 'object');
  else {
    for (const key of Object.keys(data)) if (key !== 'years') errors.push(issue('calendar.unknown_field', { path: key }));
    if (!Array.isArray(data.years)) structure('years', 'array');
  }
  if (errors.length || !isPlainObject(data) || !Array.isArray(data.years)) return { ok: false, errors, warnings: [] };

  if (data.years.length === 0) return { ok: false, errors: [issue('calendar.no_years')], warnings: [] };
  const years: CalendarYear[] = [];
  data.years.forEach((raw: unknown, i) => {
    const path = `years[${i}]`;
    if (!isPlainObject(raw)) return structure(path, 'object');
    for (const key of Object.keys(raw)) {
      if (key !== 'year' && key !== 'holidays' && key !== 'makeupWorkdays') errors.push(issue('calendar.unknown_field', { path: `${path}.${key}` }));
    }
    const days = (key: 'holidays' | 'makeupWorkdays', required: boolean): Record<string, string> => {
      const list = raw[key];
      if (list === undefined && !required) return {};
      if (!isPlainObject(list)) {
        structure(`${path}.${key}`, 'object');
        return {};
      }
      const out: Record<string, string> = {};
      for (const [date, name] of Object.entries(list)) {
        if (typeof name !== 'string') errors.push(issue('calendar.invalid_name', { date: clip(date) }));
        else out[date] = name.trim();
      }
      return out;
    };
    years.push({ year: raw.year as number, holidays: days('holidays', true), makeupWorkdays: days('makeupWorkdays', false) });
  });
  errors.push(...validateCalendarYears(years));
  if (errors.length) return { ok: false, errors, warnings: [] };
  return { ok: true, years: normalise(years), warnings: [] };
}

function normalise(years: CalendarYear[]): CalendarYear[] {
  return years
    .map((y) => ({ year: y.year, holidays: sortedRecord(Object.entries(y.holidays)), makeupWorkdays: sortedRecord(Object.entries(y.makeupWorkdays)) }))
    .sort((a, b) => a.year - b.year);
}

// ---------------------------------------------------------------------------------------------
// ICS

interface IcsProperty {
  name: string;
  params: Map<string, string>;
  value: string;
}

/** RFC 5545 §3.1 unfolding on bytes, before decoding, so a fold inside a UTF-8 sequence is harmless. */
function unfoldBytes(bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(bytes.length);
  let n = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b === 0x0d && bytes[i + 1] === 0x0a && (bytes[i + 2] === 0x20 || bytes[i + 2] === 0x09)) i += 2;
    else if (b === 0x0a && (bytes[i + 1] === 0x20 || bytes[i + 1] === 0x09)) i += 1;
    else out[n++] = b;
  }
  return out.subarray(0, n);
}

function splitOutsideQuotes(s: string, sep: string): string[] {
  const parts: string[] = [];
  let quoted = false;
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '"') quoted = !quoted;
    else if (s[i] === sep && !quoted) {
      parts.push(s.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(s.slice(start));
  return parts;
}

function parseContentLine(line: string): IcsProperty | null {
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    if (line[i] === '"') quoted = !quoted;
    else if (line[i] === ':' && !quoted) {
      const [name = '', ...rawParams] = splitOutsideQuotes(line.slice(0, i), ';');
      const params = new Map<string, string>();
      for (const p of rawParams) {
        const eq = p.indexOf('=');
        if (eq > 0) params.set(p.slice(0, eq).toUpperCase(), p.slice(eq + 1).replace(/^"|"$/g, ''));
      }
      return { name: name.trim().toUpperCase(), params, value: line.slice(i + 1) };
    }
  }
  return null;
}

function unescapeText(s: string): string {
  return s.replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

/**
 * A DTSTART/DTEND value as a China calendar date. DATE values and floating or TZID date-times are
 * taken as written (holiday feeds use Asia/Shanghai or floating times); UTC date-times ("Z") are
 * moved to UTC+8, which China has used all year since 1991.
 */
function icsDate(value: string): { date: string; midnight: boolean } | null {
  const m = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})(Z?))?$/.exec(value.trim());
  if (!m) return null;
  const date = `${m[1]}-${m[2]}-${m[3]}`;
  if (!isValidDate(date)) return null;
  if (m[4] === undefined) return { date, midnight: true };
  let seconds = Number(m[4]) * 3600 + Number(m[5]) * 60 + Number(m[6]);
  let shifted = date;
  if (m[7] === 'Z') {
    seconds += 8 * 3600;
    if (seconds >= 24 * 3600) {
      seconds -= 24 * 3600;
      shifted = addDays(date, 1);
    }
  }
  return { date: shifted, midnight: seconds === 0 };
}

type Kind = 'holiday' | 'makeup_workday';

/**
 * Which kind of day an event marks, or null. X-APPLE-SPECIAL-DAY is explicit and wins; otherwise
 * the summary. 班 (补班, 上班, 加班, (班)) or "workday" marks a make-up working day and is checked
 * first, because "上班(补春节假期)" also contains 假. 调休 on its own is ambiguous (some feeds use
 * it for the days off, some for the worked weekend), so it is ignored.
 */
function classify(props: Map<string, IcsProperty>, summary: string): Kind | null {
  const apple = props.get('X-APPLE-SPECIAL-DAY')?.value.trim().toUpperCase();
  if (apple === 'WORK-HOLIDAY') return 'holiday';
  if (apple === 'ALTERNATE-WORKDAY') return 'makeup_workday';
  const s = summary.replace(/调休/g, '');
  if (/班|\bwork\s?-?day\b|\bworking day\b/i.test(s)) return 'makeup_workday';
  if (/休|假|\bholiday\b|\bday off\b/i.test(s)) return 'holiday';
  return null;
}

/** "元旦(休)", "春节 假期 第1天/共9天", "上班(补国庆节、中秋节假期)", "New Year's Day(Holiday)" → the festival. */
function festivalName(summary: string): string {
  let s = summary.trim();
  const makeupFor = /^上班\s*[(（]\s*补(.+)[)）]$/.exec(s);
  if (makeupFor) s = makeupFor[1]!;
  s = s
    .replace(/[(（[【]\s*(休|班|假|放假|假期|加班|补班|上班|holiday|workday|work day|day off)\s*[)）\]】]/gi, ' ')
    .replace(/第\s*\d+\s*天\s*\/\s*共\s*\d+\s*天/g, ' ')
    .replace(/补班|上班|调班|加班|放假|假期|休息|调休|假日/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/^[\s·:：\-—_、,，]+|[\s·:：\-—_、,，]+$/g, '');
  return s || summary.trim();
}

interface IcsDay {
  date: string;
  kind: Kind;
  name: string;
}

/** The dates an event covers, or an error. DTEND of an all-day event is exclusive (RFC 5545). */
function eventDates(props: Map<string, IcsProperty>, summary: string): string[] | CalendarIssue {
  const rawStart = props.get('DTSTART');
  if (!rawStart) return issue('calendar.ics_missing_start', { summary: clip(summary) });
  const start = icsDate(rawStart.value);
  if (!start) return issue('calendar.invalid_date', { value: clip(rawStart.value) });
  let count = 1;
  const rawEnd = props.get('DTEND');
  const duration = /^P(\d+)([DW])$/.exec(props.get('DURATION')?.value.trim() ?? '');
  if (rawEnd) {
    const end = icsDate(rawEnd.value);
    if (!end) return issue('calendar.invalid_date', { value: clip(rawEnd.value) });
    if (end.date < start.date) return issue('calendar.ics_end_before_start', { summary: clip(summary), date: start.date });
    let last = end.date;
    // Exclusive end at midnight (all-day events, or timed ones ending at 00:00); a timed event
    // ending later in the day covers its end date. An end equal to the start is one day.
    if (end.midnight && end.date > start.date) last = addDays(end.date, -1);
    count = 1;
    for (let d = start.date; d < last && count <= MAX_EVENT_DAYS; d = addDays(d, 1)) count++;
  } else if (duration) {
    count = Math.max(1, Number(duration[1]) * (duration[2] === 'W' ? 7 : 1));
  }
  if (count > MAX_EVENT_DAYS) return issue('calendar.ics_event_too_long', { summary: clip(summary), date: start.date, days: count });
  const dates: string[] = [];
  for (let i = 0, d = start.date; i < count; i++, d = addDays(d, 1)) dates.push(d);
  return dates;
}

/**
 * Parses an iCalendar feed of the holiday schedule. Pass the file's bytes when you have them
 * (line folding is then undone before UTF-8 decoding), or its text.
 *
 * Recognised conventions, per VEVENT (VALARM and other nested components are ignored):
 * - X-APPLE-SPECIAL-DAY:WORK-HOLIDAY / ALTERNATE-WORKDAY (chinese-days, Apple's China calendar);
 * - otherwise SUMMARY: 班 (补班, 上班, 加班, "(班)") or "Workday" → make-up working day;
 *   休, 假 (假期, 放假, "(休)") or "Holiday" → holiday. Covers chinese-days "元旦(休)" / "春节(班)"
 *   and its English feed, holiday-cn "春节假期" / "上班(补春节假期)", and "春节 假期 第1天/共9天" /
 *   "春节 补班 第1天/共2天" feeds. The festival name is the summary without those markers.
 * - DTSTART;VALUE=DATE with exclusive DTEND, or DURATION:PnD; a missing end means one day. Timed
 *   events (some feeds mark make-up days 09:00–18:00) count for each date they touch.
 * - STATUS:CANCELLED events are skipped; events without a recognised marker are skipped with a
 *   warning; RRULE is refused (no holiday feed needs it, and guessing would be dangerous).
 *
 * A year is returned only if the feed has entries for it outside December: a feed for 2024 may
 * carry 2023-12-30 for the 2024 New Year block, which must not make 2023 look loaded. Such stray
 * dates are reported as a warning.
 */
export function parseCalendarIcs(input: string | Uint8Array): CalendarImportResult {
  let text: string;
  if (typeof input === 'string') text = input.replace(/\r?\n[ \t]/g, '');
  else {
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(unfoldBytes(input));
    } catch {
      return { ok: false, errors: [issue('calendar.ics_bad_encoding')], warnings: [] };
    }
  }
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  const first = lines.find((l) => l.trim() !== '');
  if (!first || first.trim().toUpperCase() !== 'BEGIN:VCALENDAR') return { ok: false, errors: [issue('calendar.ics_not_calendar')], warnings: [] };

  const errors: CalendarIssue[] = [];
  const warnings: CalendarIssue[] = [];
  const days: IcsDay[] = [];
  const stack: string[] = [];
  let props: Map<string, IcsProperty> | null = null;

  const finishEvent = (p: Map<string, IcsProperty>) => {
    if (p.get('STATUS')?.value.trim().toUpperCase() === 'CANCELLED') return;
    const summary = unescapeText(p.get('SUMMARY')?.value ?? '').trim();
    if (p.has('RRULE') || p.has('RDATE')) return void errors.push(issue('calendar.ics_recurrence_unsupported', { summary: clip(summary) }));
    const dates = eventDates(p, summary);
    if (!Array.isArray(dates)) return void errors.push(dates);
    const kind = classify(p, summary);
    if (!kind) return void warnings.push(issue('calendar.ics_event_ignored', { summary: clip(summary), date: dates[0]! }));
    const name = festivalName(summary);
    for (const date of dates) days.push({ date, kind, name });
  };

  for (const line of lines) {
    if (!line.trim()) continue;
    const prop = parseContentLine(line);
    if (!prop) continue; // not a content line; tolerated as real-world feeds carry stray text
    if (prop.name === 'BEGIN') {
      const component = prop.value.trim().toUpperCase();
      stack.push(component);
      if (component === 'VEVENT') props = new Map();
    } else if (prop.name === 'END') {
      const component = stack.pop();
      if (component === 'VEVENT' && props) {
        finishEvent(props);
        props = null;
      }
    } else if (props && stack[stack.length - 1] === 'VEVENT' && !props.has(prop.name)) {
      props.set(prop.name, prop);
    }
  }
  if (stack.length) errors.push(issue('calendar.ics_truncated'));

  // Group by year; the same date in two events of one kind keeps the first name.
  const byYear = new Map<number, { holidays: Map<string, string>; makeup: Map<string, string>; outsideDecember: boolean }>();
  for (const d of days) {
    const year = Number(d.date.slice(0, 4));
    let y = byYear.get(year);
    if (!y) byYear.set(year, (y = { holidays: new Map(), makeup: new Map(), outsideDecember: false }));
    if (d.date.slice(5, 7) !== '12') y.outsideDecember = true;
    const target = d.kind === 'holiday' ? y.holidays : y.makeup;
    if (!target.has(d.date)) target.set(d.date, d.name);
  }
  const years: CalendarYear[] = [];
  for (const [year, y] of byYear) {
    if (!y.outsideDecember) {
      const dates = [...y.holidays.keys(), ...y.makeup.keys()].sort();
      warnings.push(issue('calendar.ics_partial_year_skipped', { year, dates: dates.join(', ') }));
      continue;
    }
    years.push({ year, holidays: sortedRecord(y.holidays), makeupWorkdays: sortedRecord(y.makeup) });
  }
  errors.push(...validateCalendarYears(years));
  if (!years.length && !errors.length) errors.push(issue('calendar.no_years'));
  if (errors.length) return { ok: false, errors, warnings };
  return { ok: true, years: normalise(years), warnings };
}
