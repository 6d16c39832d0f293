/**
 * The 依申请公开 register. A request's clock is never stored as truth: its events are (append-only,
 * request_events), and shared/domain/application-clock.ts replays them. `requests.state/due_date`
 * cache the replay for lists and the dashboard; they are rewritten after every event and after every
 * calendar change (recomputeOpenRequests, called by the calendar service).
 *
 * Every event is validated by replaying the history with the new event appended: if the clock
 * rules refuse it, nothing is written and every problem is returned. Events the law treats as facts
 * that happened late (a 补正 notice after 7 working days, a late payment …) are recorded with their
 * flags instead.
 */
import type { Ctx } from '../context.js';
import type { CommandOutput, ParsedInput, RequestDetail, RequestRow } from '../../../shared/contract.js';
import { DEADLINE_ROWS, REQUEST_ACTIONS } from '../../../shared/contract.js';
import { AppError, type Reason } from '../../../shared/errors.js';
import {
  computeClock,
  explainDue as explainClock,
  receiptDate,
  type ClockEvent,
  type ClockProblem,
  type ClockProblemCode,
  type ClockResult,
  type ReceiptFacts,
} from '../../../shared/domain/application-clock.js';
import { APPLICANT_TYPES, OUTCOME_CODES, type ApplicantType, type OutcomeCode } from '../../../shared/domain/request-outcomes.js';
import { processingFee } from '../../../shared/domain/processing-fee.js';
import { addWorkdays, countWorkdays } from '../../../shared/domain/working-days.js';
import { shanghaiDate } from '../../../shared/domain/local-date.js';
import { uuidv7 } from '../ids.js';
import { nextSerial } from '../db/items-repo.js';
import { findUserById, findUserByUsername } from '../db/users-repo.js';
import { verifyPassword } from '../password.js';
import { record } from './audit-trail.js';
import { workCalendar } from './calendar.js';
import { requireActor } from './users.js';
import { readStored, storeUpload } from './attachments.js';
import { handlesRequests, maskApplicant, maskApplicantName, type ApplicantData } from './requests-masking.js';

/** 依申〔2026〕1号: numbered per year of receipt, never reused. */
export function requestNumber(year: number, serial: number): string {
  return `依申〔${year}〕${serial}号`;
}

export const DUE_SOON_WORKDAYS = 5;

/**
 * Problems that record something that did happen: the event is kept and flagged. Every other
 * problem refuses the event (an early "lapse" included: closing for no correction or no payment
 * needs the period to have run out).
 */
const FLAGS: ReadonlySet<ClockProblemCode> = new Set(['clock.correction_notice_late', 'clock.correction_received_late', 'clock.pause_too_late', 'clock.fee_paid_late']);

// ---------------------------------------------------------------------------------------------
// Reading

interface RequestRecord {
  id: string;
  number: string;
  channel: RequestDetail['channel'];
  receiptFacts: string;
  receivedOn: string;
  applicantType: ApplicantType;
  applicantName: string;
  applicantIdNumber: string;
  applicantPhone: string;
  applicantAddress: string;
  applicantEmail: string;
  subject: string;
  formWanted: RequestDetail['formWanted'];
  deliveryWanted: RequestDetail['deliveryWanted'];
  state: RequestRow['state'];
  dueDate: string | null;
  dueProvisional: number;
  outcome: OutcomeCode | null;
  closedOn: string | null;
  replyDate: string | null;
  replyMethod: RequestDetail['replyMethod'];
  createdByName: string;
  createdAt: string;
}

const SELECT_REQUEST = `
  SELECT r.id, r.request_number AS number, r.channel, r.receipt_facts AS receiptFacts, r.received_on AS receivedOn,
    r.applicant_type AS applicantType, r.applicant_name AS applicantName, r.applicant_id_number AS applicantIdNumber,
    r.applicant_phone AS applicantPhone, r.applicant_address AS applicantAddress, r.applicant_email AS applicantEmail,
    r.subject, r.form_wanted AS formWanted, r.delivery_wanted AS deliveryWanted, r.state, r.due_date AS dueDate,
    r.due_provisional AS dueProvisional, r.outcome, r.closed_on AS closedOn, r.reply_date AS replyDate,
    r.reply_method AS replyMethod, coalesce(u.display_name, '') AS createdByName, r.created_at AS createdAt
  FROM requests r LEFT JOIN users u ON u.id = r.created_by`;

interface EventRecord {
  id: string;
  seq: number;
  type: ClockEvent['type'];
  date: string;
  reason: string;
  detail: string;
  actorName: string;
  approverName: string | null;
  feeStandard: 'by_items' | 'by_pages' | null;
  feeQuantity: number | null;
  feeAmount: number | null;
  oldDue: string | null;
  newDue: string | null;
  recordedAt: string;
}

/** What an event row keeps beyond type and date: the clock's own fields, the outcome, the flags. */
interface EventDetail {
  workdays?: number;
  party?: 'third_party' | 'other_agency';
  letterReceived?: string;
  outcome?: OutcomeCode;
  flags?: Reason[];
}

export function findRequest(ctx: Ctx, id: string): RequestRecord {
  const row = ctx.db.prepare(`${SELECT_REQUEST} WHERE r.id = ?`).get(id) as RequestRecord | undefined;
  if (!row) throw new AppError('requests.not_found');
  return row;
}

function eventRows(ctx: Ctx, requestId: string): EventRecord[] {
  return ctx.db
    .prepare(
      `SELECT id, seq, type, date, reason, detail, actor_name AS actorName, approver_name AS approverName, fee_standard AS feeStandard,
         fee_quantity AS feeQuantity, fee_amount AS feeAmount, old_due AS oldDue, new_due AS newDue, recorded_at AS recordedAt
       FROM request_events WHERE request_id = ? ORDER BY seq`,
    )
    .all(requestId) as EventRecord[];
}

/** The application-clock event a stored row stands for. */
function clockEvent(e: EventRecord): ClockEvent {
  const d = JSON.parse(e.detail) as EventDetail;
  switch (e.type) {
    case 'correction_requested':
      return { type: e.type, date: e.date, ...(d.workdays !== undefined ? { workdays: d.workdays } : {}) };
    case 'consultation_started':
      return { type: e.type, date: e.date, party: d.party ?? 'other_agency', ...(d.letterReceived ? { letterReceived: d.letterReceived } : {}) };
    case 'extended':
      return { type: e.type, date: e.date, workdays: d.workdays ?? 0, approvedBy: e.approverName ?? '' };
    default:
      return { type: e.type, date: e.date };
  }
}

function clockEvents(ctx: Ctx, requestId: string): ClockEvent[] {
  return eventRows(ctx, requestId).map(clockEvent);
}

function today(ctx: Ctx): string {
  return shanghaiDate(ctx.clock.now());
}

function reasonOf(p: ClockProblem): Reason {
  return p.params ? { code: p.code, params: p.params } : { code: p.code };
}

/** The clock with `candidate` appended, and the candidate's refusals and flags. */
function trial(ctx: Ctx, events: readonly ClockEvent[], candidate: ClockEvent) {
  const clock = computeClock(workCalendar(ctx), [...events, candidate], today(ctx));
  const own = clock.problems.filter((p) => p.params?.index === events.length);
  const strip = (p: ClockProblem): Reason => {
    const { index: _index, ...params } = p.params ?? {};
    return reasonOf(Object.keys(params).length ? { code: p.code, params } : { code: p.code });
  };
  return {
    clock,
    entry: clock.history[events.length]!,
    refusals: own.filter((p) => !FLAGS.has(p.code)).map(strip),
    flags: own.filter((p) => FLAGS.has(p.code)).map(strip),
  };
}

function refuse(reasons: Reason[]): never {
  throw new AppError('requests.refused', { count: reasons.length }, reasons);
}

function workdaysLeft(ctx: Ctx, due: string | null): number | null {
  return due === null ? null : countWorkdays(workCalendar(ctx), today(ctx), due).count;
}

function presentRow(ctx: Ctx, r: RequestRecord): RequestRow {
  const now = today(ctx);
  return {
    id: r.id,
    number: r.number,
    receivedOn: r.receivedOn,
    applicantType: r.applicantType,
    applicantName: maskApplicantName(r.applicantType, r.applicantName),
    subject: r.subject,
    state: r.state,
    due: r.dueDate,
    provisional: r.dueProvisional === 1,
    workdaysLeft: r.state === 'closed' ? null : workdaysLeft(ctx, r.dueDate),
    overdue: r.dueDate !== null && (r.state === 'closed' ? r.closedOn !== null && r.closedOn > r.dueDate : now > r.dueDate),
    outcome: r.outcome,
    closedOn: r.closedOn,
  };
}

/** A default event of each kind dated today, to tell the UI what would be refused before it asks. */
function blockers(ctx: Ctx, events: readonly ClockEvent[]): RequestDetail['blockers'] {
  const date = today(ctx);
  const candidates: Record<(typeof REQUEST_ACTIONS)[number], ClockEvent> = {
    correction_requested: { type: 'correction_requested', date },
    correction_received: { type: 'correction_received', date },
    consultation_started: { type: 'consultation_started', date, party: 'third_party' },
    consultation_ended: { type: 'consultation_ended', date },
    extended: { type: 'extended', date, workdays: 1, approvedBy: 'approver' },
    fee_notice: { type: 'fee_notice', date },
    fee_paid: { type: 'fee_paid', date },
    close: { type: 'closed', date },
    close_no_correction: { type: 'correction_lapsed', date },
    close_fee_unpaid: { type: 'fee_lapsed', date },
  };
  return Object.fromEntries(REQUEST_ACTIONS.map((a) => [a, trial(ctx, events, candidates[a]).refusals])) as RequestDetail['blockers'];
}

function applicantOf(r: RequestRecord): ApplicantData {
  return { name: r.applicantName, idNumber: r.applicantIdNumber, phone: r.applicantPhone, address: r.applicantAddress, email: r.applicantEmail };
}

export function presentRequest(ctx: Ctx, r: RequestRecord): RequestDetail {
  const rows = eventRows(ctx, r.id);
  const events = rows.map(clockEvent);
  const clock = computeClock(workCalendar(ctx), events, today(ctx));
  const fullView = handlesRequests(ctx.actor?.roles ?? []);
  const attachments = ctx.db
    .prepare('SELECT id, name, size, mime, sha256 FROM request_attachments WHERE request_id = ? ORDER BY ordering')
    .all(r.id) as RequestDetail['attachments'];
  return {
    ...presentRow(ctx, r),
    workdaysLeft: clock.workdaysLeft,
    channel: r.channel,
    receiptFacts: JSON.parse(r.receiptFacts) as Record<string, string>,
    applicant: fullView ? applicantOf(r) : maskApplicant(r.applicantType, applicantOf(r)),
    personalDataMasked: !fullView,
    formWanted: r.formWanted,
    deliveryWanted: r.deliveryWanted,
    replyDate: r.replyDate,
    replyMethod: r.replyMethod,
    createdByName: r.createdByName,
    createdAt: r.createdAt,
    clock: {
      periodStart: clock.periodStart,
      periodWorkdays: clock.periodWorkdays,
      correctionNoticeDue: clock.correctionNoticeDue,
      correctionDeadline: clock.correctionDeadline,
      feeDeadline: clock.feeDeadline,
      consultationReplyDue: clock.consultationReplyDue,
      extended: events.some((e) => e.type === 'extended'),
    },
    events: rows.map((e) => {
      const { flags = [], ...detail } = JSON.parse(e.detail) as EventDetail;
      return {
        id: e.id,
        seq: e.seq,
        type: e.type,
        date: e.date,
        reason: e.reason,
        actorName: e.actorName,
        approverName: e.approverName,
        fee: e.feeStandard && e.feeQuantity !== null && e.feeAmount !== null ? { standard: e.feeStandard, quantity: e.feeQuantity, amount: e.feeAmount } : null,
        detail: detail as Record<string, string | number>,
        oldDue: e.oldDue,
        newDue: e.newDue,
        flags,
        recordedAt: e.recordedAt,
      };
    }),
    attachments,
    blockers: blockers(ctx, events),
  };
}

// ---------------------------------------------------------------------------------------------
// Writing

interface Closure {
  outcome: OutcomeCode;
  replyMethod: NonNullable<RequestDetail['replyMethod']>;
}

/** Caches the replayed clock on the request row (with the closure, when the clock says closed). */
function storeClock(ctx: Ctx, id: string, clock: ClockResult, at: string, closure: Closure | null = null): void {
  ctx.db
    .prepare('UPDATE requests SET state = ?, due_date = ?, due_provisional = ?, outcome = ?, closed_on = ?, reply_date = ?, reply_method = ?, updated_at = ? WHERE id = ?')
    .run(clock.state, clock.due, clock.provisional ? 1 : 0, closure?.outcome ?? null, clock.closedOn, closure ? clock.closedOn : null, closure?.replyMethod ?? null, at, id);
}

interface NewEvent {
  event: ClockEvent;
  reason: string;
  detail: EventDetail;
  approver?: { id: string; name: string };
  fee?: { standard: 'by_items' | 'by_pages'; quantity: number; amount: number };
  closure?: Closure;
}

/** Validates the event against the clock and appends it; returns the replayed clock. Call inside a transaction. */
function appendEvent(ctx: Ctx, request: RequestRecord, e: NewEvent): ClockResult {
  const actor = requireActor(ctx);
  const rows = eventRows(ctx, request.id);
  const { clock, entry, refusals, flags } = trial(ctx, rows.map(clockEvent), e.event);
  if (refusals.length) refuse(refusals);
  const at = ctx.clock.now().toISOString();
  ctx.db
    .prepare(
      `INSERT INTO request_events (id, request_id, seq, type, date, reason, detail, actor_id, actor_name, approved_by, approver_name,
         fee_standard, fee_quantity, fee_amount, old_due, new_due, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      uuidv7(),
      request.id,
      rows.length + 1,
      e.event.type,
      e.event.date,
      e.reason,
      JSON.stringify({ ...e.detail, ...(flags.length ? { flags } : {}) }),
      actor.id,
      // The timeline names people as colleagues know them; the audit trail keeps the login name.
      (actor.id && findUserById(ctx.db, actor.id)?.displayName) || actor.name,
      e.approver?.id ?? null,
      e.approver?.name ?? null,
      e.fee?.standard ?? null,
      e.fee?.quantity ?? null,
      e.fee?.amount ?? null,
      entry.oldDue,
      entry.newDue,
      at,
    );
  storeClock(ctx, request.id, clock, at, e.closure ?? null);
  const flagged = flags.length ? ` [${flags.map((f) => f.code).join(', ')}]` : '';
  const closure = e.closure ? `, ${e.closure.outcome} (${e.closure.replyMethod})` : '';
  record(ctx, `requests.${e.event.type}`, { type: 'request', id: request.id }, `${request.number} ${e.event.date}: due ${entry.oldDue ?? '-'} → ${entry.newDue ?? '-'}${closure}${flagged}`);
  return clock;
}

export function register(ctx: Ctx, input: ParsedInput<'requests.register'>): CommandOutput<'requests.register'> {
  const actor = requireActor(ctx);
  const receipt = receiptDate(input.channel, input.receiptFacts as ReceiptFacts);
  if (!receipt.ok) refuse([reasonOf(receipt.problem)]);
  const received: ClockEvent = { type: 'received', date: receipt.date };
  const check = trial(ctx, [], received);
  if (check.refusals.length) refuse(check.refusals);
  // Blobs first: a file written for a refused request is harmless, content-addressed and unlinked.
  const files = input.attachments.map((a) => storeUpload(ctx, a.fileName, a.dataBase64));
  const facts = { [receipt.fact]: receipt.date };
  const id = uuidv7();
  ctx.db.transaction(() => {
    const year = Number(receipt.date.slice(0, 4));
    const serial = nextSerial(ctx.db, `request:${year}`);
    const number = requestNumber(year, serial);
    const at = ctx.clock.now().toISOString();
    const a = input.applicant;
    ctx.db
      .prepare(
        `INSERT INTO requests (id, request_number, year, serial, channel, receipt_facts, received_on, applicant_type, applicant_name,
           applicant_id_number, applicant_phone, applicant_address, applicant_email, subject, form_wanted, delivery_wanted, state,
           due_date, due_provisional, created_by, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'open', NULL, 0, ?, ?, ?)`,
      )
      .run(id, number, year, serial, input.channel, JSON.stringify(facts), receipt.date, input.applicantType, a.name, a.idNumber, a.phone, a.address, a.email,
        input.subject, input.formWanted, input.deliveryWanted, actor.id, at, at);
    const insertFile = ctx.db.prepare('INSERT INTO request_attachments (id, request_id, sha256, name, size, mime, ordering, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
    files.forEach((f, i) => insertFile.run(uuidv7(), id, f.sha256, f.name, f.size, f.mime, i + 1, at));
    record(ctx, 'requests.register', { type: 'request', id }, `${number}: ${maskApplicantName(input.applicantType, a.name)}, ${input.channel} ${receipt.date}, ${files.length} file(s)`);
    appendEvent(ctx, findRequest(ctx, id), { event: received, reason: '', detail: {} });
  })();
  return presentRequest(ctx, findRequest(ctx, id));
}

/** The office head's confirmation of an extension: an enabled approver and their own password. */
async function approverOf(ctx: Ctx, username: string, password: string): Promise<{ id: string; name: string }> {
  const user = findUserByUsername(ctx.db, username);
  if (!user || user.disabled || !user.roles.includes('approver')) throw new AppError('requests.not_an_approver', { username });
  if (!(await verifyPassword(password, user.passwordHash))) throw new AppError('auth.wrong_password');
  return { id: user.id, name: user.displayName };
}

export async function recordEvent(ctx: Ctx, input: ParsedInput<'requests.recordEvent'>): Promise<CommandOutput<'requests.recordEvent'>> {
  const approver = input.type === 'extended' ? await approverOf(ctx, input.approverUsername, input.approverPassword) : undefined;
  const { date, reason } = input;
  let e: NewEvent;
  switch (input.type) {
    case 'correction_requested':
      e = { event: { type: input.type, date, ...(input.workdays !== undefined ? { workdays: input.workdays } : {}) }, reason, detail: input.workdays !== undefined ? { workdays: input.workdays } : {} };
      break;
    case 'consultation_started': {
      const letter = input.letterReceived !== undefined ? { letterReceived: input.letterReceived } : {};
      e = { event: { type: input.type, date, party: input.party, ...letter }, reason, detail: { party: input.party, ...letter } };
      break;
    }
    case 'extended':
      e = { event: { type: input.type, date, workdays: input.workdays, approvedBy: approver!.name }, reason, detail: { workdays: input.workdays }, approver: approver! };
      break;
    case 'fee_notice': {
      const basis = input.standard === 'by_items' ? { standard: input.standard, items: input.quantity } : { standard: input.standard, pages: input.quantity };
      const fee = { standard: input.standard, quantity: input.quantity, amount: processingFee(basis).total };
      e = { event: { type: input.type, date }, reason, detail: {}, fee };
      break;
    }
    default:
      e = { event: { type: input.type, date }, reason, detail: {} };
  }
  ctx.db.transaction(() => appendEvent(ctx, findRequest(ctx, input.requestId), e))();
  return presentRequest(ctx, findRequest(ctx, input.requestId));
}

/** 其他处理 1 and 2 close through the clock's own lapse events, which check that the period ran out. */
function closingEvent(outcome: OutcomeCode, date: string): ClockEvent {
  if (outcome === 'other_no_correction') return { type: 'correction_lapsed', date };
  if (outcome === 'other_fee_unpaid') return { type: 'fee_lapsed', date };
  return { type: 'closed', date };
}

export function close(ctx: Ctx, input: ParsedInput<'requests.close'>): CommandOutput<'requests.close'> {
  ctx.db.transaction(() => {
    const request = findRequest(ctx, input.requestId);
    appendEvent(ctx, request, {
      event: closingEvent(input.outcome, input.replyDate),
      reason: input.reason,
      detail: { outcome: input.outcome },
      closure: { outcome: input.outcome, replyMethod: input.replyMethod },
    });
  })();
  return presentRequest(ctx, findRequest(ctx, input.requestId));
}

export function addAttachment(ctx: Ctx, input: ParsedInput<'requests.addAttachment'>): CommandOutput<'requests.addAttachment'> {
  const request = findRequest(ctx, input.requestId);
  const f = storeUpload(ctx, input.fileName, input.dataBase64);
  ctx.db.transaction(() => {
    const { next } = ctx.db.prepare('SELECT coalesce(max(ordering), 0) + 1 AS next FROM request_attachments WHERE request_id = ?').get(request.id) as { next: number };
    const at = ctx.clock.now().toISOString();
    ctx.db
      .prepare('INSERT INTO request_attachments (id, request_id, sha256, name, size, mime, ordering, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(uuidv7(), request.id, f.sha256, f.name, f.size, f.mime, next, at);
    ctx.db.prepare('UPDATE requests SET updated_at = ? WHERE id = ?').run(at, request.id);
    record(ctx, 'requests.addAttachment', { type: 'request', id: request.id }, `${request.number}: ${f.name} (${f.size} bytes, ${f.sha256.slice(0, 12)})`);
  })();
  return presentRequest(ctx, findRequest(ctx, request.id));
}

export function readAttachment(ctx: Ctx, input: ParsedInput<'requests.readAttachment'>): CommandOutput<'requests.readAttachment'> {
  return readStored(ctx, ctx.db.prepare('SELECT name, mime, sha256 FROM request_attachments WHERE id = ?').get(input.attachmentId) as { name: string; mime: string; sha256: string } | undefined);
}

// ---------------------------------------------------------------------------------------------
// Lists, deadlines, explanation

const LIST_WHERE: Record<ParsedInput<'requests.list'>['state'], string> = {
  all: '1 = 1',
  open: "r.state <> 'closed'",
  closed: "r.state = 'closed'",
  due_soon: "r.state <> 'closed' AND r.due_date BETWEEN @today AND @soon",
  overdue: "r.state <> 'closed' AND r.due_date < @today",
};

function dueWindow(ctx: Ctx): { today: string; soon: string } {
  const now = today(ctx);
  return { today: now, soon: addWorkdays(workCalendar(ctx), now, DUE_SOON_WORKDAYS).due };
}

export function list(ctx: Ctx, input: ParsedInput<'requests.list'>): CommandOutput<'requests.list'> {
  const where = LIST_WHERE[input.state];
  const params = dueWindow(ctx);
  const rows = ctx.db
    .prepare(`${SELECT_REQUEST} WHERE ${where} ORDER BY r.received_on DESC, r.year DESC, r.serial DESC LIMIT @limit OFFSET @offset`)
    .all({ ...params, limit: input.limit, offset: input.offset }) as RequestRecord[];
  const { total } = ctx.db.prepare(`SELECT count(*) AS total FROM requests r WHERE ${where}`).get(params) as { total: number };
  return { rows: rows.map((r) => presentRow(ctx, r)), total };
}

export function get(ctx: Ctx, input: ParsedInput<'requests.get'>): CommandOutput<'requests.get'> {
  return presentRequest(ctx, findRequest(ctx, input.requestId));
}

export function deadlines(ctx: Ctx): CommandOutput<'requests.deadlines'> {
  const window = dueWindow(ctx);
  const queue = (where: string) => {
    const rows = ctx.db.prepare(`${SELECT_REQUEST} WHERE ${where} ORDER BY r.due_date, r.received_on LIMIT ${DEADLINE_ROWS}`).all(window) as RequestRecord[];
    const { total } = ctx.db.prepare(`SELECT count(*) AS total FROM requests r WHERE ${where}`).get(window) as { total: number };
    return {
      rows: rows.map((r) => {
        const row = presentRow(ctx, r);
        return { id: r.id, number: r.number, subject: r.subject, applicantName: row.applicantName, due: r.dueDate!, provisional: row.provisional, workdaysLeft: row.workdaysLeft ?? 0 };
      }),
      total,
    };
  };
  return { today: window.today, dueSoon: queue(LIST_WHERE.due_soon), overdue: queue(LIST_WHERE.overdue) };
}

export function explainDue(ctx: Ctx, input: ParsedInput<'requests.explainDue'>): CommandOutput<'requests.explainDue'> {
  findRequest(ctx, input.requestId);
  return explainClock(workCalendar(ctx), clockEvents(ctx, input.requestId));
}

// ---------------------------------------------------------------------------------------------
// Calendar changes and the annual report

/**
 * After a calendar change (inside its transaction): re-dates every open request and logs each one
 * whose due date moved, old → new.
 */
export function recomputeOpenRequests(ctx: Ctx): number {
  const open = ctx.db.prepare(`SELECT id, request_number AS number, due_date AS dueDate, due_provisional AS dueProvisional FROM requests WHERE state <> 'closed'`).all() as {
    id: string;
    number: string;
    dueDate: string | null;
    dueProvisional: number;
  }[];
  const at = ctx.clock.now().toISOString();
  let changed = 0;
  for (const r of open) {
    const clock = computeClock(workCalendar(ctx), clockEvents(ctx, r.id), today(ctx));
    if (clock.due === r.dueDate && (clock.provisional ? 1 : 0) === r.dueProvisional) continue;
    storeClock(ctx, r.id, clock, at);
    record(ctx, 'requests.recompute', { type: 'request', id: r.id }, `${r.number}: due ${r.dueDate ?? '-'} → ${clock.due ?? '-'} (calendar changed)`);
    changed++;
  }
  return changed;
}

type ByApplicant = Record<ApplicantType, number>;

export interface RequestYearFigures {
  /** 一、本年新收 */
  received: ByApplicant;
  /** 二、上年结转 */
  carriedIn: ByApplicant;
  /** 三、本年度办理结果, per outcome */
  results: Record<OutcomeCode, ByApplicant>;
  /** 四、结转下年度继续办理 (same rule as carriedOver() in application-clock.ts) */
  carriedOut: ByApplicant;
}

/** The figures of the annual report's table 三 for `year`, per applicant column. */
export function requestsForYear(ctx: Ctx, year: number): RequestYearFigures {
  const first = `${year}-01-01`;
  const last = `${year}-12-31`;
  const lastOfPrevious = `${year - 1}-12-31`;
  const zero = (): ByApplicant => Object.fromEntries(APPLICANT_TYPES.map((t) => [t, 0])) as ByApplicant;
  const count = (where: string, ...params: string[]): ByApplicant => {
    const out = zero();
    const rows = ctx.db.prepare(`SELECT applicant_type AS type, count(*) AS n FROM requests WHERE ${where} GROUP BY applicant_type`).all(...params) as { type: ApplicantType; n: number }[];
    for (const r of rows) out[r.type] = r.n;
    return out;
  };
  const results = Object.fromEntries(OUTCOME_CODES.map((o) => [o, zero()])) as Record<OutcomeCode, ByApplicant>;
  const closed = ctx.db
    .prepare('SELECT applicant_type AS type, outcome, count(*) AS n FROM requests WHERE closed_on BETWEEN ? AND ? GROUP BY applicant_type, outcome')
    .all(first, last) as { type: ApplicantType; outcome: OutcomeCode; n: number }[];
  for (const r of closed) results[r.outcome][r.type] = r.n;
  return {
    received: count('received_on BETWEEN ? AND ?', first, last),
    carriedIn: count('received_on <= ? AND (closed_on IS NULL OR closed_on > ?)', lastOfPrevious, lastOfPrevious),
    results,
    carriedOut: count('received_on <= ? AND (closed_on IS NULL OR closed_on > ?)', last, last),
  };
}
