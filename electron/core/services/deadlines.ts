/**
 * Deadlines computed on read from the current calendar, so a calendar change re-dates them all:
 * 条例第二十六条 (proactive information within 20 working days of its 成文日期) and the release of
 * interpretations after their documents.
 */
import type { Ctx } from '../context.js';
import { DEADLINE_ROWS, type CommandOutput } from '../../../shared/contract.js';
import { addDays, addWorkdays, countWorkdays, type WorkCalendar } from '../../../shared/domain/working-days.js';
import type { EditionRecord } from '../db/items-repo.js';
import { shanghaiDate } from '../../../shared/domain/local-date.js';
import { workCalendar } from './calendar.js';
import { currentEdition, INTERPRETATION_CATEGORY, interpretationDue } from './interpretations.js';

export const PROACTIVE_DUE_WORKDAYS = 20;
export const DUE_SOON_WORKDAYS = 5;

const DONE = ['published', 'withdrawn', 'superseded'];
const UNPUBLISHED = `e.current = 1 AND e.status NOT IN ('published', 'withdrawn', 'superseded')`;

/** Only a first edition has the deadline: later editions update an item that is already public. */
export function statutoryDue(ctx: Ctx, e: Pick<EditionRecord, 'disclosure' | 'writtenDate' | 'status' | 'number'>): { date: string; provisional: boolean } | null {
  if (e.number > 1 || e.disclosure !== 'proactive' || !e.writtenDate || DONE.includes(e.status)) return null;
  const { due, provisional } = addWorkdays(workCalendar(ctx), e.writtenDate, PROACTIVE_DUE_WORKDAYS);
  return { date: due, provisional };
}

/**
 * The due date only grows with the 成文日期, so "overdue" and "due within five working days" are
 * ranges of 成文日期 that SQL can select with an index: written before `overdueBefore` is overdue;
 * written from then up to `soonThrough` is due soon.
 */
function writtenDateRanges(calendar: WorkCalendar, today: string): { overdueBefore: string; soonThrough: string } {
  const dueOf = (written: string) => addWorkdays(calendar, written, PROACTIVE_DUE_WORKDAYS).due;
  const soonLimit = addWorkdays(calendar, today, DUE_SOON_WORKDAYS).due;
  // 20 working days never span more than about 60 calendar days, even across Spring Festival.
  let overdueBefore = addDays(today, -70);
  while (dueOf(overdueBefore) < today) overdueBefore = addDays(overdueBefore, 1);
  let soonThrough = overdueBefore;
  while (dueOf(addDays(soonThrough, 1)) <= soonLimit) soonThrough = addDays(soonThrough, 1);
  return { overdueBefore, soonThrough: dueOf(soonThrough) <= soonLimit ? soonThrough : addDays(overdueBefore, -1) };
}

function dated<T extends { due: string; provisional: boolean }>(calendar: WorkCalendar, today: string, row: T) {
  const left = countWorkdays(calendar, today, row.due);
  return { ...row, provisional: row.provisional || left.provisional, workdaysLeft: left.count };
}

function proactiveQueue(ctx: Ctx, calendar: WorkCalendar, today: string, where: string, params: unknown[]) {
  const rows = ctx.db
    .prepare(
      `SELECT e.item_id AS itemId, e.id AS editionId, e.title, e.written_date AS writtenDate FROM editions e
       WHERE ${UNPUBLISHED} AND e.number = 1 AND e.disclosure = 'proactive' AND ${where} ORDER BY e.written_date, e.rowid LIMIT ${DEADLINE_ROWS}`,
    )
    .all(...params) as { itemId: string; editionId: string; title: string; writtenDate: string }[];
  const { total } = ctx.db
    .prepare(`SELECT count(*) AS total FROM editions e WHERE ${UNPUBLISHED} AND e.number = 1 AND e.disclosure = 'proactive' AND ${where}`)
    .get(...params) as { total: number };
  return {
    rows: rows.map((row) => {
      const { due, provisional } = addWorkdays(calendar, row.writtenDate, PROACTIVE_DUE_WORKDAYS);
      return dated(calendar, today, { ...row, due, provisional });
    }),
    total,
  };
}

/** Interpretations of published documents, not yet published themselves: few, so computed one by one. */
function interpretationQueues(ctx: Ctx, calendar: WorkCalendar, today: string) {
  // From the links (a few per interpretation) to their editions: the other way round, the planner
  // visited every open edition, a second at ten years' scale.
  const ids = ctx.db
    .prepare(`SELECT DISTINCT e.item_id AS itemId FROM interpretation_links l CROSS JOIN editions e ON e.item_id = l.interpretation_item_id
              WHERE ${UNPUBLISHED} AND e.category_id = ?`)
    .all(INTERPRETATION_CATEGORY) as { itemId: string }[];
  const rows = ids
    .flatMap(({ itemId }) => {
      const e = currentEdition(ctx, itemId);
      const due = interpretationDue(ctx, e);
      if (!due) return [];
      return [dated(calendar, today, { itemId, editionId: e.id, title: e.title, documentTitle: due.document.title, documentPublished: due.published, due: due.date, provisional: due.provisional })];
    })
    .sort((a, b) => a.due.localeCompare(b.due));
  const soon = rows.filter((r) => r.due >= today && r.workdaysLeft <= DUE_SOON_WORKDAYS);
  const overdue = rows.filter((r) => r.due < today);
  return {
    soon: { rows: soon.slice(0, DEADLINE_ROWS), total: soon.length },
    overdue: { rows: overdue.slice(0, DEADLINE_ROWS), total: overdue.length },
  };
}

export function deadlines(ctx: Ctx): CommandOutput<'dashboard.deadlines'> {
  const today = shanghaiDate(ctx.clock.now());
  const calendar = workCalendar(ctx);
  const { overdueBefore, soonThrough } = writtenDateRanges(calendar, today);
  const interpretations = interpretationQueues(ctx, calendar, today);
  return {
    today,
    overdue: proactiveQueue(ctx, calendar, today, 'e.written_date < ?', [overdueBefore]),
    dueSoon: proactiveQueue(ctx, calendar, today, 'e.written_date >= ? AND e.written_date <= ?', [overdueBefore, soonThrough]),
    interpretationsDueSoon: interpretations.soon,
    interpretationsOverdue: interpretations.overdue,
  };
}
