/**
 * 条例第二十六条: information to be published proactively is due within 20 working days of
 * its forming (its 成文日期). Computed on read from the current calendar.
 */
import type { Ctx } from '../context.js';
import type { CommandOutput } from '../../../shared/contract.js';
import { addWorkdays, countWorkdays } from '../../../shared/domain/working-days.js';
import type { EditionRecord } from '../db/items-repo.js';
import { shanghaiDate } from '../../../shared/domain/local-date.js';
import { workCalendar } from './calendar.js';

export const PROACTIVE_DUE_WORKDAYS = 20;
export const DUE_SOON_WORKDAYS = 5;

const DONE = ['published', 'withdrawn', 'superseded'];

export function statutoryDue(ctx: Ctx, e: Pick<EditionRecord, 'disclosure' | 'writtenDate' | 'status'>): { date: string; provisional: boolean } | null {
  if (e.disclosure !== 'proactive' || !e.writtenDate || DONE.includes(e.status)) return null;
  const { due, provisional } = addWorkdays(workCalendar(ctx), e.writtenDate, PROACTIVE_DUE_WORKDAYS);
  return { date: due, provisional };
}

export function deadlines(ctx: Ctx): CommandOutput<'dashboard.deadlines'> {
  const today = shanghaiDate(ctx.clock.now());
  const calendar = workCalendar(ctx);
  const open = ctx.db
    .prepare(
      `SELECT e.item_id AS itemId, e.id AS editionId, e.title, e.written_date AS writtenDate FROM editions e
       WHERE e.current = 1 AND e.disclosure = 'proactive' AND e.written_date IS NOT NULL
         AND e.status NOT IN ('published', 'withdrawn', 'superseded')`,
    )
    .all() as { itemId: string; editionId: string; title: string; writtenDate: string }[];
  const rows = open.map((row) => {
    const { due, provisional } = addWorkdays(calendar, row.writtenDate, PROACTIVE_DUE_WORKDAYS);
    const left = countWorkdays(calendar, today, due);
    return { ...row, due, provisional: provisional || left.provisional, workdaysLeft: left.count, overdue: due < today };
  });
  const byDue = (a: { due: string }, b: { due: string }) => a.due.localeCompare(b.due);
  return {
    today,
    dueSoon: rows.filter((r) => !r.overdue && r.workdaysLeft <= DUE_SOON_WORKDAYS).sort(byDue).map(({ overdue: _o, ...r }) => r),
    overdue: rows.filter((r) => r.overdue).sort(byDue).map(({ overdue: _o, ...r }) => r),
  };
}
