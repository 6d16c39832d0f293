/**
 * The built-in holiday schedules, taken from the chinese-days package's data file (2004 to the
 * last year it knows). We read only its data, never its functions: beyond its data the package
 * treats every weekday as a working day, whereas we mark such dates provisional.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { CalendarYear } from '../../shared/domain/working-days.js';

/**
 * Shape of chinese-days/dist/chinese-days.json. Values read "English,中文,N", e.g.
 * "National Day,国庆节,3". `inLieuDays` (weekdays off in exchange for worked weekends) are
 * already among the holidays, so they add nothing.
 */
export interface ChineseDaysData {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
  inLieuDays?: Record<string, string>;
}

/** The 中文 part of "English,中文,N"; the English name may itself contain commas. */
function chineseName(value: unknown, date: string): string {
  const parts = typeof value === 'string' ? value.split(',') : [];
  const name = parts.length >= 3 ? parts[parts.length - 2]!.trim() : '';
  if (!name) throw new Error(`chinese-days data: unexpected value for ${date}: ${JSON.stringify(value)}`);
  return name;
}

/**
 * Pure: the package's data as one `CalendarYear` per year it covers, ascending, dates sorted.
 * Throws if the data does not have the expected shape (a package upgrade must not go unnoticed).
 */
export function calendarYearsFromChineseDays(data: ChineseDaysData): CalendarYear[] {
  if (typeof data !== 'object' || data === null || typeof data.holidays !== 'object' || typeof data.workdays !== 'object') {
    throw new Error('chinese-days data: expected { holidays, workdays }');
  }
  const years = new Map<number, CalendarYear>();
  const yearOf = (date: string): CalendarYear => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new Error(`chinese-days data: unexpected date ${JSON.stringify(date)}`);
    const year = Number(date.slice(0, 4));
    let y = years.get(year);
    if (!y) years.set(year, (y = { year, holidays: {}, makeupWorkdays: {} }));
    return y;
  };
  for (const date of Object.keys(data.holidays).sort()) yearOf(date).holidays[date] = chineseName(data.holidays[date], date);
  for (const date of Object.keys(data.workdays).sort()) yearOf(date).makeupWorkdays[date] = chineseName(data.workdays[date], date);
  return [...years.values()].sort((a, b) => a.year - b.year);
}

/** Reads the installed package's data file. */
export function readChineseDaysData(): ChineseDaysData {
  const path = createRequire(import.meta.url).resolve('chinese-days/dist/chinese-days.json');
  return JSON.parse(readFileSync(path, 'utf8')) as ChineseDaysData;
}

/** Every year the installed chinese-days package covers. */
export function chineseDaysYears(): CalendarYear[] {
  return calendarYearsFromChineseDays(readChineseDaysData());
}
