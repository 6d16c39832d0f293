/**
 * The reply clock of a 政府信息公开申请 (《政府信息公开条例》2019, 国务院令第711号). Pure: a request's
 * history is an immutable, date-ordered list of events; `computeClock` replays it and says where the
 * clock stands, when the reply is due, and why (old → new due date at every event).
 *
 * Law applied
 * - 第三十一条 收到申请之日 (`receiptDate`): in person → the day it was handed in; post → the day the
 *   office signed for it; ordinary mail needing no signature (平信) → the day the office confirmed
 *   receipt with the applicant; online or fax → the day both sides confirmed. A missing fact is a
 *   problem, never a guess.
 * - 第三十三条: reply within 20 working days of receipt. One extension (延长答复期限) of at most 20
 *   working days, approved by the head of the disclosure office (政府信息公开工作机构负责人) and told
 *   to the applicant. 征求第三方和其他机关意见所需时间不计算在期限内.
 * - 第三十条 补正: the correction notice must go out within 7 working days of receipt, once and for
 *   all (一次性告知); the reply period then counts from the day the corrected application is received.
 *   An applicant who does not correct in time is deemed to have abandoned the application (年度报告
 *   "其他处理" 1). The time the applicant is given is stated in the notice; the law only says a
 *   reasonable time (合理期限), so `DEFAULT_CORRECTION_WORKDAYS` (15) is a LOCAL DEFAULT, not law.
 * - 第三十二条: a third party has 15 working days from receiving the consultation letter to reply.
 * - 国办函〔2020〕109号 信息处理费: unpaid within 20 working days of the fee notice → deemed abandoned
 *   ("其他处理" 2). That the wait for payment does not count toward the reply period is LOCAL
 *   PRACTICE (restated in provincial rules), not in the 条例 itself; we treat it as a pause.
 *
 * Counting (民法典第二百零一条, as in working-days.ts): the start day is not counted; "N working
 * days from X" is due on the Nth working day strictly after X.
 *
 * THE PAUSE RULE (consultation, fee wait). A pause runs from its start event (day S) to its end
 * event (day E). The working days strictly between S and E are not counted; S and E themselves are
 * counted if they are working days. Put as a procedure: count the working days used from the start
 * of the period up to and including S; after the pause, carry on counting with E as the next
 * candidate day; the due date is the day the count reaches the period (20, plus any extension).
 * Why S and E count: the office works on the request the day it sends the letter (or fee notice)
 * and can act on the reply (or payment) the day it arrives; and of the readings of "所需时间" this
 * one gives the EARLIEST due date, so a date from this tool is never later than the law allows.
 * Consequences, which the tests pin down: a pause started and ended the same day, or on consecutive
 * days, changes nothing; a pause started on or after the last day of the period cannot save it
 * (problem `clock.pause_too_late`). While a pause is open the due date is unknown (`due: null`) and
 * `workdaysLeft` is the frozen number of working days still to run.
 * Several consultations at once form one pause: record `consultation_ended` when the last reply is
 * in (a second `consultation_started` while one is open is refused). A consultation and a fee wait
 * may overlap; a day strictly inside either is not counted.
 *
 * THE RESTART RULE (补正). `correction_requested` stops the clock (state `awaiting_correction`, no
 * due date); `correction_received` starts a fresh period from that day (that day not counted), as
 * 第三十条 says. Everything counted before is discarded; an extension already granted is kept
 * (it was approved for this application). A correction notice after the 7-working-day limit is
 * applied (the applicant was in fact asked) but flagged `clock.correction_notice_late`; a second
 * notice is refused (`clock.correction_already_requested`) and does not stop the clock.
 *
 * Refused vs flagged. An event that would give the office more time than the law allows (a second
 * correction notice, an extension that is too long, unapproved, a second one, or granted after the
 * due date) is REFUSED: not applied, its history row keeps the due date unchanged and names the
 * problem. An event that records something that did happen (a late notice, an early lapse, a late
 * payment) is APPLIED and flagged. Events dated after `today`, out of order, with an invalid date, of
 * an unknown type, before the receipt or after the closure are not applied either. Whether an event is
 * applied never depends on the holiday calendar, so the state (open, closed, …) does not either:
 * `carriedOver` relies on that.
 *
 * `history[i]` always describes `events[i]`.
 */
import type { ErrorParams } from '../errors.js';
import { feeNoticeLapseDate } from './processing-fee.js';
import { addDays, addWorkdays, countWorkdays, dayInfo, isValidDate, WorkCalendar, type DayInfo } from './working-days.js';

// ---------------------------------------------------------------------------------------------
// Constants

/** 第三十三条: 20 working days to reply. */
export const REPLY_WORKDAYS = 20;
/** 第三十三条: at most 20 working days' extension, once. */
export const MAX_EXTENSION_WORKDAYS = 20;
/** 第三十条: correction notice within 7 working days of receipt. */
export const CORRECTION_NOTICE_WORKDAYS = 7;
/** 第三十二条: the third party's 15 working days to give its opinion. */
export const THIRD_PARTY_REPLY_WORKDAYS = 15;
/** Time given to the applicant to correct when the notice does not say. LOCAL DEFAULT, not law. */
export const DEFAULT_CORRECTION_WORKDAYS = 15;
/** Upper bound for the applicant's correction time; only stops absurd input. */
export const MAX_CORRECTION_WORKDAYS = 250;

export const CLOCK_PROBLEM_CODES = [
  // receiptDate
  'clock.unknown_channel',
  'clock.receipt_fact_missing',
  // either
  'clock.invalid_date',
  // events: not applied
  'clock.unknown_event',
  'clock.event_in_future',
  'clock.events_out_of_order',
  'clock.not_received',
  'clock.already_received',
  'clock.event_after_closed',
  'clock.event_not_allowed',
  'clock.correction_already_requested',
  'clock.invalid_workdays',
  'clock.invalid_party',
  'clock.consultation_already_open',
  'clock.no_consultation_open',
  'clock.extension_already_granted',
  'clock.extension_too_long',
  'clock.extension_not_approved',
  'clock.extension_after_due',
  'clock.fee_already_pending',
  'clock.no_fee_pending',
  // events: applied, flagged
  'clock.correction_notice_late',
  'clock.correction_received_late',
  'clock.correction_lapsed_early',
  'clock.pause_too_late',
  'clock.fee_paid_late',
  'clock.fee_lapsed_early',
  // the list as a whole
  'clock.no_receipt',
] as const;
export type ClockProblemCode = (typeof CLOCK_PROBLEM_CODES)[number];

export interface ClockProblem {
  code: ClockProblemCode;
  /** Event problems carry `index`, the event's position in the list. */
  params?: ErrorParams;
}

// ---------------------------------------------------------------------------------------------
// 第三十一条: the day of receipt

export type ReceiptChannel = 'in_person' | 'post_signed' | 'post_ordinary' | 'online' | 'fax';

export interface ReceiptFacts {
  /** 当面提交: the day the applicant handed it in. */
  handedIn?: string;
  /** 邮寄: the day the office signed for it. */
  signedFor?: string;
  /** 平常信函 (no signature): the day the office confirmed receipt with the applicant. */
  confirmedWithApplicant?: string;
  /** 互联网渠道 / 传真: the day both sides confirmed. */
  bothConfirmed?: string;
}

/** The one fact that fixes the day of receipt for each channel. */
export const RECEIPT_FACT: Readonly<Record<ReceiptChannel, keyof ReceiptFacts>> = {
  in_person: 'handedIn',
  post_signed: 'signedFor',
  post_ordinary: 'confirmedWithApplicant',
  online: 'bothConfirmed',
  fax: 'bothConfirmed',
};

export type ReceiptResult = { ok: true; date: string; fact: keyof ReceiptFacts } | { ok: false; problem: ClockProblem };

/** 收到申请之日 under 第三十一条. Facts irrelevant to the channel are ignored. */
export function receiptDate(channel: ReceiptChannel, facts: ReceiptFacts): ReceiptResult {
  const fact = Object.hasOwn(RECEIPT_FACT, channel) ? RECEIPT_FACT[channel] : undefined;
  if (fact === undefined) return { ok: false, problem: { code: 'clock.unknown_channel', params: { channel: String(channel) } } };
  const value: unknown = facts[fact];
  if (value === undefined || value === null || value === '') return { ok: false, problem: { code: 'clock.receipt_fact_missing', params: { channel, fact } } };
  if (!isValidDate(value)) return { ok: false, problem: { code: 'clock.invalid_date', params: { field: fact, value: String(value) } } };
  return { ok: true, date: value, fact };
}

// ---------------------------------------------------------------------------------------------
// Events

export type ConsultedParty = 'third_party' | 'other_agency';

export type ClockEvent =
  | { readonly type: 'received'; readonly date: string }
  /** `workdays`: the time the notice gives the applicant; default `ClockOptions.correctionWorkdays`. */
  | { readonly type: 'correction_requested'; readonly date: string; readonly workdays?: number }
  | { readonly type: 'correction_received'; readonly date: string }
  | { readonly type: 'correction_lapsed'; readonly date: string }
  /**
   * `letterReceived`: the day the third party received the letter, when known; its 15 working days
   * (第三十二条) run from then, so without it `consultationReplyDue` stays null rather than guessing.
   */
  | { readonly type: 'consultation_started'; readonly date: string; readonly party: ConsultedParty; readonly letterReceived?: string }
  | { readonly type: 'consultation_ended'; readonly date: string }
  /** The event date is the day the applicant was told of the extension. */
  | { readonly type: 'extended'; readonly date: string; readonly workdays: number; readonly approvedBy: string }
  /** The date is the day the applicant received the fee notice. */
  | { readonly type: 'fee_notice'; readonly date: string }
  | { readonly type: 'fee_paid'; readonly date: string }
  | { readonly type: 'fee_lapsed'; readonly date: string }
  | { readonly type: 'closed'; readonly date: string };

export type ClockEventType = ClockEvent['type'];

const EVENT_TYPES: ReadonlySet<string> = new Set<ClockEventType>([
  'received',
  'correction_requested',
  'correction_received',
  'correction_lapsed',
  'consultation_started',
  'consultation_ended',
  'extended',
  'fee_notice',
  'fee_paid',
  'fee_lapsed',
  'closed',
]);

export interface ClockOptions {
  /** Time given to the applicant to correct when the notice does not say (local default 15). */
  correctionWorkdays?: number;
}

// ---------------------------------------------------------------------------------------------
// Results

export type ClockState = 'open' | 'awaiting_correction' | 'paused' | 'closed';

export interface ClockHistoryEntry {
  /** The event's date (as given, even when invalid). */
  at: string;
  event: string;
  oldDue: string | null;
  newDue: string | null;
  /** `clock.history.<event>` when applied, else the code of the problem that stopped it. */
  reason: string;
  params?: ErrorParams;
}

export const CLOCK_HISTORY_REASONS = [...EVENT_TYPES].map((t) => `clock.history.${t}`);

export interface ClockResult {
  state: ClockState;
  /**
   * The last day to reply. null before receipt, while awaiting a correction, and while a pause is
   * open (unless the period had already run out before the pause). For a closed request: the due
   * date that applied when it was closed.
   */
  due: string | null;
  /** Some date in this result was counted through a year without a loaded holiday schedule. */
  provisional: boolean;
  /** Last day for the one correction notice (7 working days from receipt); null once given or closed. */
  correctionNoticeDue: string | null;
  /**
   * Open: working days in (today, due], negative when overdue. Paused: the working days still to run
   * once the pause ends. Otherwise null.
   */
  workdaysLeft: number | null;
  /** Open or paused: today is after the due date. Closed: it was closed after the due date. */
  overdue: boolean;
  history: ClockHistoryEntry[];
  problems: ClockProblem[];
  /** 收到申请之日. */
  receivedOn: string | null;
  /**
   * Day the current period counts from: the receipt, or the receipt of the corrected application.
   * null while awaiting a correction (no period runs then).
   */
  periodStart: string | null;
  /** Working days in the current period: 20 plus any extension. */
  periodWorkdays: number;
  /** Awaiting a correction: the last day the applicant may correct. */
  correctionDeadline: string | null;
  /** Fee notice outstanding: the last day to pay. */
  feeDeadline: string | null;
  /** Third-party consultation open and its letter's receipt known: the third party's last day. */
  consultationReplyDue: string | null;
  closedOn: string | null;
  /** 年度报告 "其他处理": 1 = no correction in time, 2 = fee unpaid in time. */
  annualReportOther: 1 | 2 | null;
}

export type PauseKind = 'consultation' | 'fee';

export interface ExplainedDay extends DayInfo {
  /** Counted toward the period. */
  counted: boolean;
  /** 1-based position among the counted days. */
  ordinal: number | null;
  /** The day lies strictly inside a pause of this kind (and so is not counted). */
  pausedBy: PauseKind | null;
}

export interface DueExplanation {
  state: ClockState;
  periodStart: string | null;
  /** What the period counts from. */
  periodStartEvent: 'received' | 'correction_received' | null;
  periodWorkdays: number;
  due: string | null;
  provisional: boolean;
  /** An open pause stopped the count on the day after this date. */
  pausedSince: string | null;
  /** Working days counted so far (= periodWorkdays when `due` is known). */
  counted: number;
  /** Every day after `periodStart` up to `due` (or up to an open pause's start): counted and skipped. */
  days: ExplainedDay[];
}

// ---------------------------------------------------------------------------------------------
// Counting a period with pauses

interface Pause {
  kind: PauseKind;
  start: string;
  /** null while open. */
  end: string | null;
}

interface Walk {
  due: string | null;
  counted: number;
  provisional: boolean;
  pausedSince: string | null;
  days: ExplainedDay[];
}

/**
 * Counts `limit` working days after `anchor`, not counting days strictly inside a pause. Walks day
 * by day only as far as the pauses reach, then hands the rest to `addWorkdays`.
 */
function walkPeriod(cal: WorkCalendar, anchor: string, limit: number, pauses: readonly Pause[]): Walk {
  const days: ExplainedDay[] = [];
  let provisional = false;
  let counted = 0;
  const push = (info: DayInfo, pausedBy: PauseKind | null) => {
    const isCounted = info.workday && pausedBy === null;
    if (isCounted) counted++;
    if (info.provisional) provisional = true;
    days.push({ ...info, counted: isCounted, ordinal: isCounted ? counted : null, pausedBy });
  };

  let openStart: string | null = null; // earliest start of an open pause
  let lastPaused: string | null = null; // last day strictly inside a finished pause
  for (const p of pauses) {
    if (p.end === null) {
      if (openStart === null || p.start < openStart) openStart = p.start;
    } else if (p.end > addDays(p.start, 1)) {
      const last = addDays(p.end, -1);
      if (lastPaused === null || last > lastPaused) lastPaused = last;
    }
  }

  let d = anchor;
  for (;;) {
    if (counted === limit) return { due: d, counted, provisional, pausedSince: null, days };
    if (openStart === null && (lastPaused === null || d >= lastPaused)) {
      const r = addWorkdays(cal, d, limit - counted);
      for (const info of r.days) push(info, null);
      return { due: r.due, counted, provisional, pausedSince: null, days };
    }
    const next = addDays(d, 1);
    if (openStart !== null && next > openStart) return { due: null, counted, provisional, pausedSince: openStart, days };
    d = next;
    const by = pauses.find((p) => p.start < d && p.end !== null && d < p.end);
    push(dayInfo(cal, d), by ? by.kind : null);
  }
}

/** Working days strictly between start and end. */
function workdaysInside(cal: WorkCalendar, start: string, end: string): number {
  return end > addDays(start, 1) ? countWorkdays(cal, start, addDays(end, -1)).count : 0;
}

// ---------------------------------------------------------------------------------------------
// Replaying the events

interface Dated {
  date: string;
  provisional: boolean;
}

interface Replay {
  phase: 'none' | 'open' | 'awaiting_correction' | 'closed';
  receivedOn: string | null;
  /** Start of the running period; null while awaiting a correction (and if closed then). */
  anchor: string | null;
  anchorEvent: 'received' | 'correction_received' | null;
  extension: number;
  correctionRequested: boolean;
  correctionDeadline: Dated | null;
  pauses: Pause[];
  consultation: { party: ConsultedParty; letterReceived: string | null } | null;
  feeDeadline: Dated | null;
  closedOn: string | null;
  annualReportOther: 1 | 2 | null;
  history: ClockHistoryEntry[];
  problems: ClockProblem[];
}

function limitOf(r: Replay): number {
  return REPLY_WORKDAYS + r.extension;
}

/**
 * The running period, or for a closed request the period as it stood when closed (closing leaves
 * the pauses and the extension as they were, so the same walk gives the same answer).
 */
function currentWalk(cal: WorkCalendar, r: Replay): Walk | null {
  if ((r.phase !== 'open' && r.phase !== 'closed') || r.anchor === null) return null;
  return walkPeriod(cal, r.anchor, limitOf(r), r.pauses);
}

function currentDue(cal: WorkCalendar, r: Replay): string | null {
  return currentWalk(cal, r)?.due ?? null;
}

/** Dates this close to the end of the representable range could not be counted forward. */
const LAST_EVENT_DATE = '9990-12-31';

function openPause(r: Replay, kind: PauseKind): Pause | undefined {
  return r.pauses.find((p) => p.kind === kind && p.end === null);
}

function replay(cal: WorkCalendar, events: readonly ClockEvent[], asOf: string | null, options: ClockOptions): Replay {
  const r: Replay = {
    phase: 'none',
    receivedOn: null,
    anchor: null,
    anchorEvent: null,
    extension: 0,
    correctionRequested: false,
    correctionDeadline: null,
    pauses: [],
    consultation: null,
    feeDeadline: null,
    closedOn: null,
    annualReportOther: null,
    history: [],
    problems: [],
  };
  let lastDate: string | null = null;

  events.forEach((raw: unknown, index) => {
    const e = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
    const type = typeof e.type === 'string' ? e.type : String(e.type);
    const date = e.date;
    const at = typeof date === 'string' ? date : String(date);
    const oldDue = currentDue(cal, r);

    const problem = (code: ClockProblemCode, params: ErrorParams = {}) => r.problems.push({ code, params: { index, ...params } });
    const refuse = (code: ClockProblemCode, params: ErrorParams = {}) => {
      problem(code, params);
      r.history.push({ at, event: type, oldDue, newDue: oldDue, reason: code });
    };

    if (!EVENT_TYPES.has(type)) return refuse('clock.unknown_event', { type });
    if (!isValidDate(date) || date > LAST_EVENT_DATE) return refuse('clock.invalid_date', { field: 'date', value: at });
    if (asOf !== null && date > asOf) return refuse('clock.event_in_future', { date, today: asOf });
    if (lastDate !== null && date < lastDate) return refuse('clock.events_out_of_order', { date, previous: lastDate });
    lastDate = date;
    if (r.phase === 'closed') return refuse('clock.event_after_closed', { event: type, closedOn: r.closedOn ?? '' });
    if (r.phase === 'none' && type !== 'received') return refuse('clock.not_received', { event: type });
    const state = r.phase === 'open' && r.pauses.some((p) => p.end === null) ? 'paused' : r.phase;
    const notAllowed = () => refuse('clock.event_not_allowed', { event: type, state });

    const apply = (params?: ErrorParams) => {
      const newDue = currentDue(cal, r);
      r.history.push({ at, event: type, oldDue, newDue, reason: `clock.history.${type}`, ...(params ? { params } : {}) });
    };
    const close = (other: 1 | 2 | null) => {
      // Pauses are left as they are: the due date stays the one that applied when closed, and
      // explainDue can still show where the count stood.
      r.closedOn = date;
      r.annualReportOther = other;
      r.phase = 'closed';
      r.consultation = null;
      r.feeDeadline = null;
      r.correctionDeadline = null;
      apply();
    };
    const startPause = (kind: PauseKind, params: ErrorParams) => {
      r.pauses.push({ kind, start: date, end: null });
      const w = currentWalk(cal, r);
      if (w?.due != null && w.due <= date) problem('clock.pause_too_late', { date, due: w.due });
      apply({ ...params, used: w?.counted ?? 0, remaining: limitOf(r) - (w?.counted ?? 0) });
    };
    const endPause = (kind: PauseKind) => {
      const p = openPause(r, kind);
      if (p) p.end = date;
      apply({ pausedWorkdays: p ? workdaysInside(cal, p.start, date) : 0 });
    };

    switch (type) {
      case 'received': {
        if (r.phase !== 'none') return refuse('clock.already_received');
        r.phase = 'open';
        r.receivedOn = r.anchor = date;
        r.anchorEvent = 'received';
        return apply({ workdays: limitOf(r) });
      }

      case 'correction_requested': {
        if (r.correctionRequested) return refuse('clock.correction_already_requested');
        if (state !== 'open') return notAllowed();
        const workdays = e.workdays ?? options.correctionWorkdays ?? DEFAULT_CORRECTION_WORKDAYS;
        if (typeof workdays !== 'number' || !Number.isInteger(workdays) || workdays < 1 || workdays > MAX_CORRECTION_WORKDAYS) {
          return refuse('clock.invalid_workdays', { value: String(workdays) });
        }
        const noticeDue = addWorkdays(cal, r.receivedOn ?? date, CORRECTION_NOTICE_WORKDAYS).due;
        if (date > noticeDue) problem('clock.correction_notice_late', { date, deadline: noticeDue });
        const deadline = addWorkdays(cal, date, workdays);
        r.correctionRequested = true;
        r.correctionDeadline = { date: deadline.due, provisional: deadline.provisional };
        r.phase = 'awaiting_correction';
        r.anchor = null; // no period runs until the corrected application arrives
        r.anchorEvent = null;
        return apply({ workdays, deadline: deadline.due });
      }

      case 'correction_received': {
        if (state !== 'awaiting_correction') return notAllowed();
        if (r.correctionDeadline !== null && date > r.correctionDeadline.date) {
          problem('clock.correction_received_late', { date, deadline: r.correctionDeadline.date });
        }
        r.phase = 'open';
        r.anchor = date;
        r.anchorEvent = 'correction_received';
        r.pauses = [];
        r.correctionDeadline = null;
        return apply({ workdays: limitOf(r) });
      }

      case 'correction_lapsed': {
        if (state !== 'awaiting_correction') return notAllowed();
        if (r.correctionDeadline !== null && date <= r.correctionDeadline.date) {
          problem('clock.correction_lapsed_early', { date, deadline: r.correctionDeadline.date });
        }
        return close(1);
      }

      case 'consultation_started': {
        if (r.phase !== 'open') return notAllowed();
        if (r.consultation) return refuse('clock.consultation_already_open');
        const party = e.party;
        if (party !== 'third_party' && party !== 'other_agency') return refuse('clock.invalid_party', { party: String(party) });
        let letterReceived: string | null = null;
        if (e.letterReceived !== undefined) {
          if (isValidDate(e.letterReceived) && e.letterReceived >= date) letterReceived = e.letterReceived;
          else problem('clock.invalid_date', { field: 'letterReceived', value: String(e.letterReceived) });
        }
        r.consultation = { party, letterReceived };
        return startPause('consultation', { party });
      }

      case 'consultation_ended': {
        if (r.phase !== 'open') return notAllowed();
        if (!r.consultation) return refuse('clock.no_consultation_open');
        r.consultation = null;
        return endPause('consultation');
      }

      case 'extended': {
        if (r.phase !== 'open') return notAllowed();
        if (r.extension > 0) return refuse('clock.extension_already_granted', { workdays: r.extension });
        const workdays = e.workdays;
        if (typeof workdays !== 'number' || !Number.isInteger(workdays) || workdays < 1) return refuse('clock.invalid_workdays', { value: String(workdays) });
        if (workdays > MAX_EXTENSION_WORKDAYS) return refuse('clock.extension_too_long', { workdays, max: MAX_EXTENSION_WORKDAYS });
        const approvedBy = typeof e.approvedBy === 'string' ? e.approvedBy.trim() : '';
        if (!approvedBy) return refuse('clock.extension_not_approved');
        if (oldDue !== null && date > oldDue) return refuse('clock.extension_after_due', { date, due: oldDue });
        r.extension = workdays;
        return apply({ workdays, approvedBy });
      }

      case 'fee_notice': {
        if (r.phase !== 'open') return notAllowed();
        if (r.feeDeadline !== null) return refuse('clock.fee_already_pending');
        const { lastDayToPay, provisional } = feeNoticeLapseDate(cal, date);
        r.feeDeadline = { date: lastDayToPay, provisional };
        return startPause('fee', { deadline: lastDayToPay });
      }

      case 'fee_paid':
      case 'fee_lapsed': {
        if (r.phase !== 'open') return notAllowed();
        if (r.feeDeadline === null) return refuse('clock.no_fee_pending');
        const deadline = r.feeDeadline.date;
        if (type === 'fee_paid') {
          if (date > deadline) problem('clock.fee_paid_late', { date, deadline });
          r.feeDeadline = null;
          return endPause('fee');
        }
        if (date <= deadline) problem('clock.fee_lapsed_early', { date, deadline });
        return close(2);
      }

      case 'closed':
        return close(null);
    }
  });

  if (r.receivedOn === null) r.problems.push({ code: 'clock.no_receipt' });
  return r;
}

function stateOf(r: Replay): ClockState {
  if (r.phase === 'closed' || r.phase === 'awaiting_correction') return r.phase;
  return r.pauses.some((p) => p.end === null) ? 'paused' : 'open';
}

function requireOptions(options: ClockOptions): void {
  const w = options.correctionWorkdays;
  if (w !== undefined && (!Number.isInteger(w) || w < 1 || w > MAX_CORRECTION_WORKDAYS)) {
    throw new RangeError(`correctionWorkdays must be an integer from 1 to ${MAX_CORRECTION_WORKDAYS}, got ${w}`);
  }
}

// ---------------------------------------------------------------------------------------------
// Public API

/**
 * Where the clock stands on `today` ('YYYY-MM-DD', Asia/Shanghai; see local-date.ts). Events dated
 * after `today` are not applied, so this is also "the clock as it stood on that day". Never throws
 * on bad events (they become problems); throws RangeError on an invalid `today` or options.
 */
export function computeClock(calendar: WorkCalendar, events: readonly ClockEvent[], today: string, options: ClockOptions = {}): ClockResult {
  if (!isValidDate(today)) throw new RangeError(`Invalid today ${JSON.stringify(today)}: expected YYYY-MM-DD`);
  requireOptions(options);
  const r = replay(calendar, events, today, options);
  const state = stateOf(r);
  let provisional = false;
  const track = <T extends { provisional: boolean }>(x: T): T => {
    if (x.provisional) provisional = true;
    return x;
  };

  const w = currentWalk(calendar, r);
  if (w) track(w);
  const due = w?.due ?? null;
  let workdaysLeft: number | null = null;
  let overdue = false;
  if (state === 'closed') {
    overdue = due !== null && r.closedOn !== null && r.closedOn > due;
  } else if (w) {
    if (due !== null) {
      workdaysLeft = track(countWorkdays(calendar, today, due)).count;
      overdue = today > due;
    } else {
      workdaysLeft = limitOf(r) - w.counted; // paused: what is left once the pause ends
    }
  }

  const correctionNoticeDue =
    r.receivedOn !== null && !r.correctionRequested && state !== 'closed'
      ? track(addWorkdays(calendar, r.receivedOn, CORRECTION_NOTICE_WORKDAYS)).due
      : null;
  const consultationReplyDue =
    r.consultation?.party === 'third_party' && r.consultation.letterReceived !== null
      ? track(addWorkdays(calendar, r.consultation.letterReceived, THIRD_PARTY_REPLY_WORKDAYS)).due
      : null;

  return {
    state,
    due,
    provisional,
    correctionNoticeDue,
    workdaysLeft,
    overdue,
    history: r.history,
    problems: r.problems,
    receivedOn: r.receivedOn,
    periodStart: r.anchor,
    periodWorkdays: limitOf(r),
    correctionDeadline: r.correctionDeadline && track(r.correctionDeadline).date,
    feeDeadline: r.feeDeadline && track(r.feeDeadline).date,
    consultationReplyDue,
    closedOn: r.closedOn,
    annualReportOther: r.annualReportOther,
  };
}

/**
 * Day by day, why the current period ends when it does: every day after the period's start up to
 * the due date, each counted or skipped (weekend, holiday with its name, inside a pause), 调休
 * working days marked as such. Only the current period: after a 补正 it starts at the receipt of
 * the corrected application. Uses every event (no `today` cut-off).
 */
export function explainDue(calendar: WorkCalendar, events: readonly ClockEvent[], options: ClockOptions = {}): DueExplanation {
  requireOptions(options);
  const r = replay(calendar, events, null, options);
  const w = currentWalk(calendar, r);
  return {
    state: stateOf(r),
    periodStart: r.anchor,
    periodStartEvent: r.anchorEvent,
    periodWorkdays: limitOf(r),
    due: w?.due ?? null,
    provisional: w?.provisional ?? false,
    pausedSince: w?.pausedSince ?? null,
    counted: w?.counted ?? 0,
    days: w?.days ?? [],
  };
}

const NO_CALENDAR = new WorkCalendar();

/**
 * 结转: the request was received by 31 December of `year` and not closed by then (open, paused or
 * awaiting a correction). The state never depends on the holiday calendar, so none is needed.
 */
export function carriedOver(events: readonly ClockEvent[], year: number, options: ClockOptions = {}): boolean {
  if (!Number.isInteger(year) || year < 1 || year > 9998) throw new RangeError(`Invalid year ${year}`);
  const r = computeClock(NO_CALENDAR, events, `${String(year).padStart(4, '0')}-12-31`, options);
  return r.receivedOn !== null && r.state !== 'closed';
}
