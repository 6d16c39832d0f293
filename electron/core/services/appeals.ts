/**
 * 行政复议 / 行政诉讼 about disclosure: each case is about one request, with its type, result and
 * dates. The annual report's table 四 is counted from here; table4Figures states the year rule.
 */
import type { Ctx } from '../context.js';
import type { Appeal, CommandOutput, ParsedInput } from '../../../shared/contract.js';
import { APPEAL_RESULTS, APPEAL_TYPES } from '../../../shared/contract.js';
import { AppError } from '../../../shared/errors.js';
import { uuidv7 } from '../ids.js';
import { record } from './audit-trail.js';
import { requireActor } from './users.js';

type AppealType = (typeof APPEAL_TYPES)[number];
type AppealResult = (typeof APPEAL_RESULTS)[number];
type AppealFields = ParsedInput<'appeals.create'>;

interface AppealRow {
  id: string;
  request_id: string;
  request_number: string;
  request_subject: string;
  type: AppealType;
  result: AppealResult;
  filed_on: string;
  decided_on: string | null;
  body: string;
  case_number: string;
  note: string;
  created_at: string;
  updated_at: string;
}

const SELECT = `SELECT a.*, r.request_number, r.subject AS request_subject FROM appeals a JOIN requests r ON r.id = a.request_id`;

function present(row: AppealRow): Appeal {
  return {
    id: row.id,
    requestId: row.request_id,
    requestNumber: row.request_number,
    requestSubject: row.request_subject,
    type: row.type,
    result: row.result,
    filedOn: row.filed_on,
    decidedOn: row.decided_on,
    body: row.body,
    caseNumber: row.case_number,
    note: row.note,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function presentById(ctx: Ctx, id: string): Appeal {
  const row = ctx.db.prepare(`${SELECT} WHERE a.id = ?`).get(id) as AppealRow | undefined;
  if (!row) throw new AppError('appeals.not_found');
  return present(row);
}

export function list(ctx: Ctx, input: ParsedInput<'appeals.list'>): CommandOutput<'appeals.list'> {
  const where = input.requestId ? 'WHERE a.request_id = ?' : '';
  const rows = ctx.db.prepare(`${SELECT} ${where} ORDER BY a.filed_on DESC, a.id DESC`).all(...(input.requestId ? [input.requestId] : [])) as AppealRow[];
  return rows.map(present);
}

/** A decided case has its decision date, a pending one none; a decision cannot precede the filing. */
function check(ctx: Ctx, input: AppealFields): void {
  if (!ctx.db.prepare('SELECT 1 FROM requests WHERE id = ?').get(input.requestId)) throw new AppError('appeals.unknown_request');
  if ((input.result === 'pending') !== (input.decidedOn === null)) throw new AppError('appeals.decided_on_required');
  if (input.decidedOn && input.decidedOn < input.filedOn) throw new AppError('appeals.decided_before_filed');
}

function summary(input: AppealFields): string {
  return `${input.type} ${input.result} filed ${input.filedOn}${input.decidedOn ? ` decided ${input.decidedOn}` : ''} ${input.body} ${input.caseNumber}`.trim();
}

export function create(ctx: Ctx, input: ParsedInput<'appeals.create'>): CommandOutput<'appeals.create'> {
  const actor = requireActor(ctx);
  check(ctx, input);
  const id = uuidv7(ctx.clock.now().getTime());
  const at = ctx.clock.now().toISOString();
  ctx.db.transaction(() => {
    ctx.db
      .prepare(
        `INSERT INTO appeals (id, request_id, type, result, filed_on, decided_on, body, case_number, note, created_by, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(id, input.requestId, input.type, input.result, input.filedOn, input.decidedOn, input.body, input.caseNumber, input.note, actor.id, at, at);
    record(ctx, 'appeals.create', { type: 'appeal', id }, `request ${input.requestId}: ${summary(input)}`);
  })();
  return presentById(ctx, id);
}

export function update(ctx: Ctx, input: ParsedInput<'appeals.update'>): CommandOutput<'appeals.update'> {
  requireActor(ctx);
  check(ctx, input);
  ctx.db.transaction(() => {
    const changed = ctx.db
      .prepare(`UPDATE appeals SET request_id = ?, type = ?, result = ?, filed_on = ?, decided_on = ?, body = ?, case_number = ?, note = ?, updated_at = ? WHERE id = ?`)
      .run(input.requestId, input.type, input.result, input.filedOn, input.decidedOn, input.body, input.caseNumber, input.note, ctx.clock.now().toISOString(), input.id);
    if (changed.changes === 0) throw new AppError('appeals.not_found');
    record(ctx, 'appeals.update', { type: 'appeal', id: input.id }, `request ${input.requestId}: ${summary(input)}`);
  })();
  return presentById(ctx, input.id);
}

// ---------------------------------------------------------------------------------------------
// Table 四 of the annual report

/** One group of table 四: 结果维持, 结果纠正, 其他结果, 尚未审结 and their 总计. */
export type Table4Group = Record<AppealResult, number> & { total: number };
export type Table4 = Record<AppealType, Table4Group>;

/**
 * Table 四's 15 figures for `year`. THE YEAR RULE: a case counts in the year it was filed, under
 * its result as of 31 December of that year; decided later (or not yet), it is 尚未审结. So each
 * case is counted once, and a report once published never changes when a case is decided later.
 * Pure: cases in, figures out.
 */
export function table4Figures(cases: readonly Pick<Appeal, 'type' | 'result' | 'filedOn' | 'decidedOn'>[], year: number): Table4 {
  const yearEnd = `${year}-12-31`;
  const empty = (): Table4Group => ({ upheld: 0, corrected: 0, other: 0, pending: 0, total: 0 });
  const table: Table4 = { reconsideration: empty(), litigation_direct: empty(), litigation_after_reconsideration: empty() };
  for (const c of cases) {
    if (c.filedOn.slice(0, 4) !== String(year)) continue;
    const result = c.decidedOn && c.decidedOn <= yearEnd ? c.result : 'pending';
    table[c.type][result]++;
    table[c.type].total++;
  }
  return table;
}
