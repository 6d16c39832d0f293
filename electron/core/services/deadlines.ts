/**
 * Deadlines computed on read from the current calendar, so a calendar change re-dates them all:
 * 条例第二十六条 (proactive information within 20 working days of its 成文日期) and the release of
 * interpretations after their documents.
 */
import type { Ctx } from '../context.js';
import type { CommandOutput } from '../../../shared/contract.js';
import { addWorkdays, countWorkdays, type WorkCalendar } from '../../../shared/domain/working-days.js';
import type { EditionRecord } from '../db/items-repo.js';
import { shanghaiDate } from '../../../shared/domain/local-date.js';
import { workCalendar } from './calendar.js';
import { currentEdition, INTERPRETATION_CATEGORY, interpretationDue } from './interpretations.js';

export const PROACTIVE_DUE_WORKDAYS = 20;
export const DUE_SOON_WORKDAYS = 5;

const DONE = ['published', 'withdrawn', 'superseded'];

export function statutoryDue(ctx: Ctx, e: Pick<EditionRecord, 'disclosure' | 'writtenDate' | 'status'>): { date: string; provisional: boolean } | null {
  if (e.disclosure !== 'proactive' || !e.writtenDate || DONE.includes(e.status)) return null;
  const { due, provisional } = addWorkdays(workCalendar(ctx), e.writtenDate, PROACTIVE_DUE_WORKDAYS);
  return { date: due, provisional };
}

/** Splits rows with a due date into those due within five working days and those overdue. */
function queues<T extends { due: string; provisional: boolean }>(calendar: WorkCalendar, today: string, rows: T[]) {
  const dated = rows
    .map((row) => {
      const left = countWorkdays(calendar, today, row.due);
      return { ...row, provisional: row.provisional || left.provisional, workdaysLeft: left.count };
    })
    .sort((a, b) => a.due.localeCompare(b.due));
  return {
    soon: dated.filter((r) => r.due >= today && r.workdaysLeft <= DUE_SOON_WORKDAYS),
    overdue: dated.filter((r) => r.due < today),
  };
}

export function deadlines(ctx: Ctx): CommandOutput<'dashboard.deadlines'> {
  const today = shanghaiDate(ctx.clock.now());
  const calendar = workCalendar(ctx);
  const unpublished = `e.current = 1 AND e.status NOT IN ('published', 'withdrawn', 'superseded')`;
  const proactive = ctx.db
    .prepare(`SELECT e.item_id AS itemId, e.id AS editionId, e.title, e.written_date AS writtenDate FROM editions e
              WHERE ${unpublished} AND e.disclosure = 'proactive' AND e.written_date IS NOT NULL`)
    .all() as { itemId: string; editionId: string; title: string; writtenDate: string }[];
  const items = queues(
    calendar,
    today,
    proactive.map((row) => {
      const { due, provisional } = addWorkdays(calendar, row.writtenDate, PROACTIVE_DUE_WORKDAYS);
      return { ...row, due, provisional };
    }),
  );

  const interpretationIds = ctx.db
    .prepare(`SELECT DISTINCT e.item_id AS itemId FROM editions e JOIN interpretation_links l ON l.interpretation_item_id = e.item_id
              WHERE ${unpublished} AND e.category_id = ?`)
    .all(INTERPRETATION_CATEGORY) as { itemId: string }[];
  const interpretations = queues(
    calendar,
    today,
    interpretationIds.flatMap(({ itemId }) => {
      const e = currentEdition(ctx, itemId);
      const due = interpretationDue(ctx, e);
      if (!due) return [];
      return [{ itemId, editionId: e.id, title: e.title, documentTitle: due.document.title, documentPublished: due.document.publishDate!, due: due.date, provisional: due.provisional }];
    }),
  );
  return { today, dueSoon: items.soon, overdue: items.overdue, interpretationsDueSoon: interpretations.soon, interpretationsOverdue: interpretations.overdue };
}
