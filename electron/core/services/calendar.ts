/**
 * The working-day calendar as stored: years with their holidays and make-up working days. It is
 * seeded from the chinese-days package for the years that package covers; admins import or edit
 * each new year as the State Council announces it. Deadlines are computed from it when read, so a
 * calendar change re-dates every open deadline at once.
 */
import type { Ctx } from '../context.js';
import type { Db } from '../db/connection.js';
import type { CommandOutput, ParsedInput } from '../../../shared/contract.js';
import { AppError } from '../../../shared/errors.js';
import { addWorkdays, WorkCalendar, type CalendarYear } from '../../../shared/domain/working-days.js';
import { parseCalendarIcs, parseCalendarJson } from '../../../shared/domain/calendar-import.js';
import { chineseDaysYears } from '../calendar-seed.js';
import { record } from './audit-trail.js';
import { recomputeOpenRequests } from './requests.js';

/** Built calendars, per database, rebuilt when a change bumps the version. */
const cache = new WeakMap<Db, { version: number; calendar: WorkCalendar }>();
let version = 0;

function replaceYears(db: Db, years: CalendarYear[], source: string, at: string): void {
  const removeDays = db.prepare("DELETE FROM calendar_days WHERE date LIKE ? || '-%'");
  const upsertYear = db.prepare('INSERT INTO calendar_years (year, source, loaded_at) VALUES (?, ?, ?) ON CONFLICT(year) DO UPDATE SET source = excluded.source, loaded_at = excluded.loaded_at');
  const insertDay = db.prepare('INSERT INTO calendar_days (date, kind, name) VALUES (?, ?, ?)');
  for (const y of years) {
    removeDays.run(String(y.year));
    upsertYear.run(y.year, source, at);
    for (const [date, name] of Object.entries(y.holidays)) insertDay.run(date, 'holiday', name);
    for (const [date, name] of Object.entries(y.makeupWorkdays)) insertDay.run(date, 'makeup_workday', name);
  }
  version++;
}

/** Loads the package's years that the store does not have yet; never overwrites imported or edited years. */
export function seedCalendar(db: Db, at: string): void {
  const have = new Set((db.prepare('SELECT year FROM calendar_years').all() as { year: number }[]).map((r) => r.year));
  const missing = chineseDaysYears().filter((y) => !have.has(y.year));
  if (missing.length) db.transaction(() => replaceYears(db, missing, 'chinese-days', at))();
}

export function workCalendar(ctx: Ctx): WorkCalendar {
  const cached = cache.get(ctx.db);
  if (cached && cached.version === version) return cached.calendar;
  const years = new Map<number, CalendarYear>();
  for (const { year } of ctx.db.prepare('SELECT year FROM calendar_years').all() as { year: number }[]) {
    years.set(year, { year, holidays: {}, makeupWorkdays: {} });
  }
  for (const d of ctx.db.prepare('SELECT date, kind, name FROM calendar_days').all() as { date: string; kind: string; name: string }[]) {
    const y = years.get(Number(d.date.slice(0, 4)));
    if (!y) continue;
    (d.kind === 'holiday' ? y.holidays : y.makeupWorkdays)[d.date] = d.name;
  }
  const calendar = new WorkCalendar([...years.values()]);
  cache.set(ctx.db, { version, calendar });
  return calendar;
}

export function years(ctx: Ctx): CommandOutput<'calendar.years'> {
  return ctx.db
    .prepare(
      `SELECT y.year, y.source,
         (SELECT count(*) FROM calendar_days d WHERE d.date LIKE y.year || '-%' AND d.kind = 'holiday') AS holidays,
         (SELECT count(*) FROM calendar_days d WHERE d.date LIKE y.year || '-%' AND d.kind = 'makeup_workday') AS makeupWorkdays
       FROM calendar_years y ORDER BY y.year DESC`,
    )
    .all() as CommandOutput<'calendar.years'>;
}

export function importCalendar(ctx: Ctx, input: ParsedInput<'calendar.import'>): CommandOutput<'calendar.import'> {
  const parsed = input.format === 'json' ? parseCalendarJson(input.text) : parseCalendarIcs(input.text);
  if (!parsed.ok) {
    throw new AppError('calendar.invalid_import', { count: parsed.errors.length }, parsed.errors.map((e) => ({ code: e.code, params: e.params })));
  }
  const loaded = parsed.years.map((y) => y.year).sort();
  ctx.db.transaction(() => {
    replaceYears(ctx.db, parsed.years, 'import', ctx.clock.now().toISOString());
    record(ctx, 'calendar.import', { type: 'calendar', id: null }, `${input.format}: ${loaded.join(', ')}`);
    recomputeOpenRequests(ctx);
  })();
  return { years: loaded };
}

export function setDay(ctx: Ctx, input: ParsedInput<'calendar.setDay'>): CommandOutput<'calendar.setDay'> {
  const year = Number(input.date.slice(0, 4));
  if (!ctx.db.prepare('SELECT 1 FROM calendar_years WHERE year = ?').get(year)) throw new AppError('calendar.year_not_loaded', { year });
  ctx.db.transaction(() => {
    ctx.db.prepare('DELETE FROM calendar_days WHERE date = ?').run(input.date);
    if (input.kind) ctx.db.prepare('INSERT INTO calendar_days (date, kind, name) VALUES (?, ?, ?)').run(input.date, input.kind, input.name);
    ctx.db.prepare("UPDATE calendar_years SET source = 'admin', loaded_at = ? WHERE year = ?").run(ctx.clock.now().toISOString(), year);
    record(ctx, 'calendar.setDay', { type: 'calendar', id: input.date }, `${input.date}: ${input.kind ?? 'normal'} ${input.name}`.trim());
    version++;
    recomputeOpenRequests(ctx);
  })();
  return { ok: true };
}

export function explain(ctx: Ctx, input: ParsedInput<'calendar.explain'>): CommandOutput<'calendar.explain'> {
  return addWorkdays(workCalendar(ctx), input.start, input.workdays);
}
