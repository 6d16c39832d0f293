/**
 * 告知书: letters about a request, filled from its record and clock events with the office's
 * templates (editable per kind, built-in defaults in docx/reply-letter.ts). A letter is only
 * offered when the record holds what it states: the reply letter of the request's outcome group,
 * and the notices whose events were recorded (补正, 延长, 收费, 征求第三方意见).
 */
import type { Ctx } from '../context.js';
import type { CommandOutput, LetterKind, LetterTemplateView, ParsedInput } from '../../../shared/contract.js';
import { LETTER_KINDS } from '../../../shared/contract.js';
import { AppError } from '../../../shared/errors.js';
import { OUTCOMES, type OutcomeCode, type OutcomeGroup } from '../../../shared/domain/request-outcomes.js';
import { DEFAULT_CORRECTION_WORKDAYS } from '../../../shared/domain/application-clock.js';
import { feeNoticeLapseDate } from '../../../shared/domain/processing-fee.js';
import { addWorkdays } from '../../../shared/domain/working-days.js';
import { getSetting, setSetting } from '../db/settings-repo.js';
import { DEFAULT_TEMPLATES, fillTemplate, paragraphsOf, placeholdersFor, unknownPlaceholders, type LetterValues } from '../../../shared/domain/letter-templates.js';
import { record } from './audit-trail.js';
import { requireActor } from './users.js';
import { readUnit } from './setup.js';
import { workCalendar } from './calendar.js';
import { today } from './items.js';

const SETTINGS_KEY = 'letters';
type LetterSettings = CommandOutput<'letters.saveSettings'>;

const REGULATION = '《中华人民共和国政府信息公开条例》';
/** The articles each notice rests on. */
const NOTICE_BASIS: Record<Exclude<LetterKind, `reply_${string}`>, string> = {
  correction: `${REGULATION}第三十条`,
  extension: `${REGULATION}第三十三条第二款`,
  fee_notice: `${REGULATION}第四十二条和《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）`,
  third_party: `${REGULATION}第三十二条`,
};

const REPLY_KIND: Record<OutcomeGroup, LetterKind> = {
  disclosed: 'reply_disclosed',
  partial: 'reply_partial',
  denied: 'reply_denied',
  unavailable: 'reply_unavailable',
  not_processed: 'reply_not_processed',
  other: 'reply_other',
};

interface RequestRecord {
  id: string;
  request_number: string;
  received_on: string;
  applicant_name: string;
  subject: string;
  due_date: string | null;
  outcome: OutcomeCode | null;
  reply_date: string | null;
}

interface EventRecord {
  type: string;
  date: string;
  detail: string;
  fee_standard: 'by_items' | 'by_pages' | null;
  fee_quantity: number | null;
  fee_amount: number | null;
  old_due: string | null;
  new_due: string | null;
}

function requireRequest(ctx: Ctx, id: string): RequestRecord {
  const row = ctx.db
    .prepare('SELECT id, request_number, received_on, applicant_name, subject, due_date, outcome, reply_date FROM requests WHERE id = ?')
    .get(id) as RequestRecord | undefined;
  if (!row) throw new AppError('requests.not_found');
  return row;
}

function eventsOf(ctx: Ctx, requestId: string): EventRecord[] {
  return ctx.db
    .prepare('SELECT type, date, detail, fee_standard, fee_quantity, fee_amount, old_due, new_due FROM request_events WHERE request_id = ? ORDER BY seq')
    .all(requestId) as EventRecord[];
}

/** The newest event of a type that the letter of `kind` reports on. */
function eventFor(kind: LetterKind, events: EventRecord[]): EventRecord | undefined {
  const matches = (e: EventRecord) => {
    if (kind === 'correction') return e.type === 'correction_requested';
    if (kind === 'extension') return e.type === 'extended';
    if (kind === 'fee_notice') return e.type === 'fee_notice';
    if (kind === 'third_party') return e.type === 'consultation_started' && detailOf(e).party === 'third_party';
    return false;
  };
  return events.findLast(matches);
}

function detailOf(e: EventRecord): Record<string, unknown> {
  return JSON.parse(e.detail) as Record<string, unknown>;
}

function availableKinds(r: RequestRecord, events: EventRecord[]): LetterKind[] {
  const reply = r.outcome ? REPLY_KIND[OUTCOMES[r.outcome].group] : null;
  return LETTER_KINDS.filter((kind) => kind === reply || eventFor(kind, events) !== undefined);
}

export function kinds(ctx: Ctx, input: ParsedInput<'letters.kinds'>): CommandOutput<'letters.kinds'> {
  const r = requireRequest(ctx, input.requestId);
  return { kinds: availableKinds(r, eventsOf(ctx, r.id)) };
}

/** '2026-03-02' → '2026年3月2日', the way dates are written in official letters. */
function chineseDate(date: string | null): string {
  if (!date) return '—';
  const [y, m, d] = date.split('-');
  return `${y}年${Number(m)}月${Number(d)}日`;
}

/** The official row label without its numbering or the counting note: '1.属于国家秘密' → '属于国家秘密'. */
function decisionText(code: OutcomeCode): string {
  return OUTCOMES[code].label.replace(/^(（[一二三四五六七]）|\d+\.)/, '').replace(/（区分处理.*）$/, '');
}

function replyBasis(code: OutcomeCode): string {
  return `${REGULATION}${OUTCOMES[code].basis}`;
}

function letterSettings(ctx: Ctx): LetterSettings {
  return { reconsiderationBody: '', court: '', ...getSetting<Partial<LetterSettings>>(ctx.db, SETTINGS_KEY) };
}

function valuesFor(ctx: Ctx, r: RequestRecord, kind: LetterKind, event: EventRecord | undefined): LetterValues {
  const unit = readUnit(ctx);
  const settings = letterSettings(ctx);
  const isReply = kind.startsWith('reply_');
  const common: LetterValues = {
    申请人: r.applicant_name,
    申请编号: r.request_number,
    收到申请日期: chineseDate(r.received_on),
    申请内容: r.subject,
    答复期限: chineseDate(r.due_date),
    复议机关: settings.reconsiderationBody || unit?.parentName || '上一级行政机关',
    法院: settings.court || '有管辖权的人民法院',
    单位名称: unit?.name ?? '',
    落款日期: chineseDate(isReply ? (r.reply_date ?? today(ctx)) : today(ctx)),
    法律依据: isReply && r.outcome ? replyBasis(r.outcome) : NOTICE_BASIS[kind as keyof typeof NOTICE_BASIS],
  };
  if (isReply && r.outcome) return { ...common, 决定: decisionText(r.outcome), 答复日期: chineseDate(r.reply_date ?? today(ctx)) };
  if (!event) return common;
  const detail = detailOf(event);
  if (kind === 'correction') {
    const workdays = typeof detail.workdays === 'number' ? detail.workdays : DEFAULT_CORRECTION_WORKDAYS;
    return { ...common, 补正工作日: String(workdays), 补正期限: chineseDate(addWorkdays(workCalendar(ctx), event.date, workdays).due) };
  }
  if (kind === 'extension') {
    return { ...common, 延长工作日: String(detail.workdays ?? ''), 原答复期限: chineseDate(event.old_due), 答复期限: chineseDate(event.new_due ?? r.due_date) };
  }
  if (kind === 'fee_notice') {
    const standard = event.fee_standard === 'by_pages' ? `按量计收，共${event.fee_quantity}页` : `按件计收，同一申请人本自然月累计申请${event.fee_quantity}件`;
    return { ...common, 收费标准: standard, 信息处理费: `${event.fee_amount}元`, 缴费截止日期: chineseDate(feeNoticeLapseDate(workCalendar(ctx), event.date).lastDayToPay) };
  }
  return common;
}

function fileSafe(text: string): string {
  return text.replace(/[\\/:*?"<>|]/g, '-');
}

/** The letter as .docx, and an audit entry saying who generated which letter for which request. */
export async function letter(ctx: Ctx, input: ParsedInput<'requests.letter'>): Promise<CommandOutput<'requests.letter'>> {
  requireActor(ctx);
  const r = requireRequest(ctx, input.requestId);
  const events = eventsOf(ctx, r.id);
  if (!availableKinds(r, events).includes(input.kind)) throw new AppError('letters.not_available', { kind: input.kind });
  const template = templateOf(ctx, input.kind);
  const values = valuesFor(ctx, r, input.kind, eventFor(input.kind, events));
  const title = fillTemplate(template.title, values);
  const { replyLetterDocx } = await import('../docx/reply-letter.js');
  const data = await replyLetterDocx({ title, paragraphs: paragraphsOf(fillTemplate(template.body, values)), unitName: values.单位名称 ?? '', date: values.落款日期 ?? '' });
  ctx.db.transaction(() => record(ctx, 'requests.letter', { type: 'request', id: r.id }, `${r.request_number} ${title} (${input.kind})`))();
  return { fileName: fileSafe(`${title}-${r.request_number}.docx`), dataBase64: data.toString('base64') };
}

// ---------------------------------------------------------------------------------------------
// Templates and the remedies settings

function templateOf(ctx: Ctx, kind: LetterKind): LetterTemplateView {
  const row = ctx.db.prepare('SELECT title, body FROM letter_templates WHERE kind = ?').get(kind) as { title: string; body: string } | undefined;
  return { kind, ...(row ?? DEFAULT_TEMPLATES[kind]), custom: row !== undefined, placeholders: placeholdersFor(kind) };
}

export function templates(ctx: Ctx): CommandOutput<'letters.templates'> {
  return { templates: LETTER_KINDS.map((kind) => templateOf(ctx, kind)), settings: letterSettings(ctx) };
}

export function saveTemplate(ctx: Ctx, input: ParsedInput<'letters.saveTemplate'>): CommandOutput<'letters.saveTemplate'> {
  const actor = requireActor(ctx);
  const unknown = unknownPlaceholders(input.kind, `${input.title}\n${input.body}`);
  if (unknown.length) throw new AppError('letters.unknown_placeholder', { names: unknown.map((name) => `{${name}}`).join(', ') });
  ctx.db.transaction(() => {
    ctx.db
      .prepare(
        `INSERT INTO letter_templates (kind, title, body, updated_by, updated_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT(kind) DO UPDATE SET title = excluded.title, body = excluded.body, updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
      )
      .run(input.kind, input.title, input.body, actor.id, ctx.clock.now().toISOString());
    record(ctx, 'letters.saveTemplate', { type: 'letter_template', id: input.kind }, input.title);
  })();
  return templateOf(ctx, input.kind);
}

export function resetTemplate(ctx: Ctx, input: ParsedInput<'letters.resetTemplate'>): CommandOutput<'letters.resetTemplate'> {
  ctx.db.transaction(() => {
    ctx.db.prepare('DELETE FROM letter_templates WHERE kind = ?').run(input.kind);
    record(ctx, 'letters.resetTemplate', { type: 'letter_template', id: input.kind }, 'built-in default');
  })();
  return templateOf(ctx, input.kind);
}

export function saveSettings(ctx: Ctx, input: ParsedInput<'letters.saveSettings'>): CommandOutput<'letters.saveSettings'> {
  ctx.db.transaction(() => {
    setSetting(ctx.db, SETTINGS_KEY, input);
    record(ctx, 'letters.saveSettings', { type: 'settings', id: SETTINGS_KEY }, `${input.reconsiderationBody || '-'}; ${input.court || '-'}`);
  })();
  return letterSettings(ctx);
}
