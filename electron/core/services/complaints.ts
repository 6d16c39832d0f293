/**
 * 网民纠错与留言: reports and messages from the public (我为政府网站找错, 市长信箱, 12345, 网站留言),
 * each with who handles it, what was put right and the reply. The reply is due a number of working
 * days after receipt: a local rule (e.g. 辽宁省政府网站管理办法: 3个工作日), so a setting, 3 by
 * default; a report keeps the number in force when it was registered. The due date itself is
 * computed on read from the current calendar, so a calendar change re-dates open reports.
 */
import type { Ctx } from '../context.js';
import type { CommandOutput, Complaint, ParsedInput } from '../../../shared/contract.js';
import { AppError } from '../../../shared/errors.js';
import { addWorkdays, countWorkdays, type WorkCalendar } from '../../../shared/domain/working-days.js';
import { getSetting, setSetting } from '../db/settings-repo.js';
import { findUserById } from '../db/users-repo.js';
import { uuidv7 } from '../ids.js';
import { record } from './audit-trail.js';
import { workCalendar } from './calendar.js';
import { currentEdition } from './interpretations.js';
import { today } from './items.js';
import { requireActor } from './users.js';

const SETTINGS_KEY = 'complaints';
export const DEFAULT_REPLY_WORKDAYS = 3;

type ComplaintFields = ParsedInput<'complaints.create'>;

interface ComplaintRow {
  id: string;
  channel: Complaint['channel'];
  received_on: string;
  content: string;
  item_id: string | null;
  assignee_id: string | null;
  assignee_name: string | null;
  reply_workdays: number;
  fix_description: string;
  reply_text: string;
  replied_on: string | null;
  status: Complaint['status'];
  created_at: string;
  updated_at: string;
}

const SELECT = 'SELECT c.*, u.display_name AS assignee_name FROM complaints c LEFT JOIN users u ON u.id = c.assignee_id';

function replyWorkdays(ctx: Ctx): number {
  return getSetting<{ replyWorkdays: number }>(ctx.db, SETTINGS_KEY)?.replyWorkdays ?? DEFAULT_REPLY_WORKDAYS;
}

function present(ctx: Ctx, calendar: WorkCalendar, day: string, row: ComplaintRow): Complaint {
  const { due, provisional } = addWorkdays(calendar, row.received_on, row.reply_workdays);
  const left = countWorkdays(calendar, day, due);
  const item = row.item_id ? currentEdition(ctx, row.item_id) : null;
  return {
    id: row.id,
    channel: row.channel,
    receivedOn: row.received_on,
    content: row.content,
    itemId: row.item_id,
    itemTitle: item?.title ?? null,
    itemIndexNumber: item?.indexNumber ?? null,
    assigneeId: row.assignee_id,
    assigneeName: row.assignee_name,
    replyWorkdays: row.reply_workdays,
    fixDescription: row.fix_description,
    replyText: row.reply_text,
    repliedOn: row.replied_on,
    status: row.status,
    due,
    provisional: provisional || left.provisional,
    workdaysLeft: left.count,
    overdue: row.status !== 'replied' && due < day,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function presentById(ctx: Ctx, id: string): Complaint {
  const row = ctx.db.prepare(`${SELECT} WHERE c.id = ?`).get(id) as ComplaintRow | undefined;
  if (!row) throw new AppError('complaints.not_found');
  return present(ctx, workCalendar(ctx), today(ctx), row);
}

/** Unreplied first, then newest received. */
export function list(ctx: Ctx): CommandOutput<'complaints.list'> {
  const rows = ctx.db.prepare(`${SELECT} ORDER BY c.status = 'replied', c.received_on DESC, c.id DESC`).all() as ComplaintRow[];
  const calendar = workCalendar(ctx);
  const day = today(ctx);
  const assignees = ctx.db.prepare('SELECT id, display_name AS name FROM users WHERE disabled = 0 ORDER BY display_name').all() as { id: string; name: string }[];
  return { today: day, replyWorkdays: replyWorkdays(ctx), rows: rows.map((row) => present(ctx, calendar, day, row)), assignees };
}

/** The status and the reply facts must agree: a report is replied exactly when it has a reply date and text. */
function check(ctx: Ctx, input: ComplaintFields): void {
  if (input.itemId && !ctx.db.prepare('SELECT 1 FROM items WHERE id = ?').get(input.itemId)) throw new AppError('complaints.unknown_item');
  if (input.assigneeId && !findUserById(ctx.db, input.assigneeId)) throw new AppError('complaints.unknown_assignee');
  if ((input.status === 'replied') !== (input.repliedOn !== null) || (input.status === 'replied' && !input.replyText)) throw new AppError('complaints.reply_incomplete');
  if (input.status === 'fixed' && !input.fixDescription) throw new AppError('complaints.fix_missing');
  if (input.repliedOn && input.repliedOn < input.receivedOn) throw new AppError('complaints.replied_before_received');
}

function summary(input: ComplaintFields): string {
  return `${input.channel} ${input.receivedOn} ${input.status}${input.itemId ? ` item ${input.itemId}` : ''}`;
}

export function create(ctx: Ctx, input: ParsedInput<'complaints.create'>): CommandOutput<'complaints.create'> {
  const actor = requireActor(ctx);
  check(ctx, input);
  const id = uuidv7(ctx.clock.now().getTime());
  const at = ctx.clock.now().toISOString();
  ctx.db.transaction(() => {
    ctx.db
      .prepare(
        `INSERT INTO complaints (id, channel, received_on, content, item_id, assignee_id, reply_workdays, fix_description, reply_text, replied_on, status, created_by, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(id, input.channel, input.receivedOn, input.content, input.itemId, input.assigneeId, replyWorkdays(ctx), input.fixDescription, input.replyText, input.repliedOn, input.status, actor.id, at, at);
    record(ctx, 'complaints.create', { type: 'complaint', id }, summary(input));
  })();
  return presentById(ctx, id);
}

export function update(ctx: Ctx, input: ParsedInput<'complaints.update'>): CommandOutput<'complaints.update'> {
  requireActor(ctx);
  check(ctx, input);
  ctx.db.transaction(() => {
    const changed = ctx.db
      .prepare(
        `UPDATE complaints SET channel = ?, received_on = ?, content = ?, item_id = ?, assignee_id = ?, fix_description = ?, reply_text = ?, replied_on = ?, status = ?, updated_at = ?
         WHERE id = ?`,
      )
      .run(input.channel, input.receivedOn, input.content, input.itemId, input.assigneeId, input.fixDescription, input.replyText, input.repliedOn, input.status, ctx.clock.now().toISOString(), input.id);
    if (changed.changes === 0) throw new AppError('complaints.not_found');
    record(ctx, 'complaints.update', { type: 'complaint', id: input.id }, summary(input));
  })();
  return presentById(ctx, input.id);
}

export function setReplyWorkdays(ctx: Ctx, input: ParsedInput<'complaints.setReplyWorkdays'>): CommandOutput<'complaints.setReplyWorkdays'> {
  ctx.db.transaction(() => {
    setSetting(ctx.db, SETTINGS_KEY, { replyWorkdays: input.replyWorkdays });
    record(ctx, 'complaints.setReplyWorkdays', { type: 'settings', id: SETTINGS_KEY }, `${input.replyWorkdays} working days`);
  })();
  return { replyWorkdays: replyWorkdays(ctx) };
}
