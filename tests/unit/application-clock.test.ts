import { describe, expect, it } from 'vitest';
import {
  carriedOver,
  CLOCK_HISTORY_REASONS,
  CLOCK_PROBLEM_CODES,
  computeClock,
  explainDue,
  receiptDate,
  type ClockEvent,
  type ClockProblem,
  type ConsultedParty,
  type ExplainedDay,
  type ReceiptChannel,
  type ReceiptFacts,
} from '../../shared/domain/application-clock.js';
import { addWorkdays, WorkCalendar } from '../../shared/domain/working-days.js';
import { chineseDaysYears } from '../../electron/core/calendar-seed.js';

/*
 * Official schedules used below (国务院办公厅 notices, as carried by chinese-days; 2027 is not loaded):
 * 2026 春节 02-15(Sun)…02-23(Mon) off, 02-14(Sat) and 02-28(Sat) worked; 清明 04-04…04-06 off;
 *      中秋 09-25(Fri)…09-27 off; 国庆 10-01(Thu)…10-07(Wed) off, 09-20(Sun) and 10-10(Sat) worked.
 *      Nothing else off from 10-08 to 12-31.
 * Counting never includes the start day: "N working days from X" is the Nth working day after X.
 */
const cal = new WorkCalendar(chineseDaysYears());

// Event builders
const received = (date: string): ClockEvent => ({ type: 'received', date });
const correctionRequested = (date: string, workdays?: number): ClockEvent =>
  workdays === undefined ? { type: 'correction_requested', date } : { type: 'correction_requested', date, workdays };
const correctionReceived = (date: string): ClockEvent => ({ type: 'correction_received', date });
const correctionLapsed = (date: string): ClockEvent => ({ type: 'correction_lapsed', date });
const consultStart = (date: string, party: ConsultedParty = 'third_party', letterReceived?: string): ClockEvent =>
  letterReceived === undefined ? { type: 'consultation_started', date, party } : { type: 'consultation_started', date, party, letterReceived };
const consultEnd = (date: string): ClockEvent => ({ type: 'consultation_ended', date });
const extended = (date: string, workdays: number, approvedBy = '王主任'): ClockEvent => ({ type: 'extended', date, workdays, approvedBy });
const feeNotice = (date: string): ClockEvent => ({ type: 'fee_notice', date });
const feePaid = (date: string): ClockEvent => ({ type: 'fee_paid', date });
const feeLapsed = (date: string): ClockEvent => ({ type: 'fee_lapsed', date });
const closed = (date: string): ClockEvent => ({ type: 'closed', date });

const codes = (problems: ClockProblem[]) => problems.map((p) => p.code);
const FAR = '2027-06-30'; // a "today" after every event below

// ---------------------------------------------------------------------------------------------

describe('receiptDate (第三十一条)', () => {
  it.each<[ReceiptChannel, ReceiptFacts, string, keyof ReceiptFacts]>([
    ['in_person', { handedIn: '2026-09-28' }, '2026-09-28', 'handedIn'],
    // 邮寄: the day the office signed for it, not the day it was posted
    ['post_signed', { signedFor: '2026-09-29', handedIn: '2026-09-25' }, '2026-09-29', 'signedFor'],
    // 平信: the day receipt was confirmed with the applicant, not the day it arrived
    ['post_ordinary', { signedFor: '2026-09-29', confirmedWithApplicant: '2026-09-30' }, '2026-09-30', 'confirmedWithApplicant'],
    ['online', { bothConfirmed: '2026-10-08' }, '2026-10-08', 'bothConfirmed'],
    ['fax', { bothConfirmed: '2026-10-03' }, '2026-10-03', 'bothConfirmed'], // a holiday is still the day of receipt
  ])('%s: %j → %s', (channel, facts, date, fact) => {
    expect(receiptDate(channel, facts)).toEqual({ ok: true, date, fact });
  });

  it.each<[string, ReceiptFacts, ClockProblem]>([
    ['post_signed', { handedIn: '2026-09-28' }, { code: 'clock.receipt_fact_missing', params: { channel: 'post_signed', fact: 'signedFor' } }],
    // an ordinary letter that has arrived but not been confirmed: no day of receipt yet
    ['post_ordinary', { signedFor: '2026-09-28' }, { code: 'clock.receipt_fact_missing', params: { channel: 'post_ordinary', fact: 'confirmedWithApplicant' } }],
    ['online', {}, { code: 'clock.receipt_fact_missing', params: { channel: 'online', fact: 'bothConfirmed' } }],
    ['fax', { bothConfirmed: '' }, { code: 'clock.receipt_fact_missing', params: { channel: 'fax', fact: 'bothConfirmed' } }],
    ['in_person', { handedIn: '2026-02-30' }, { code: 'clock.invalid_date', params: { field: 'handedIn', value: '2026-02-30' } }],
    ['carrier_pigeon', { handedIn: '2026-09-28' }, { code: 'clock.unknown_channel', params: { channel: 'carrier_pigeon' } }],
    ['toString', {}, { code: 'clock.unknown_channel', params: { channel: 'toString' } }],
  ])('%s with %j → problem', (channel, facts, problem) => {
    expect(receiptDate(channel as ReceiptChannel, facts)).toEqual({ ok: false, problem });
  });
});

// ---------------------------------------------------------------------------------------------

describe('20 working days to reply (第三十三条)', () => {
  it.each([
    // Mon 09-28: 09-29 (1), 09-30 (2), 10-01…10-07 国庆 off, 10-08 (3), 10-09 (4), Sat 10-10 调休 (5),
    // Sun 10-11 off, 10-12…10-16 (10), 10-19…10-23 (15), 10-26…10-30 (20).
    ['2026-09-28', '2026-10-30', 'across National Day'],
    // Fri 09-18: Sat off, Sun 09-20 调休 (1), 09-21…09-24 (5), 09-25…09-27 中秋 off, 09-28…09-30 (8),
    // 10-01…10-07 off, 10-08 (9), 10-09 (10), Sat 10-10 (11), 10-12…10-16 (16), 10-19…10-22 (20).
    ['2026-09-18', '2026-10-22', 'across 中秋 and National Day, both 调休 days worked'],
    // Sat 10-03, inside the holiday: 10-08 (1), 10-09 (2), 10-10 (3), 10-12…10-16 (8), 10-19…10-23 (13),
    // 10-26…10-30 (18), 11-02 (19), 11-03 (20).
    ['2026-10-03', '2026-11-03', 'received on a holiday'],
    // Sat 03-07: 03-09…03-13 (5), …03-20 (10), …03-27 (15), 03-30…04-03 (20); 清明 starts the day after.
    ['2026-03-07', '2026-04-03', 'received on a weekend'],
    // Wed 02-18, inside 春节: 02-24…02-27 (4), Sat 02-28 调休 (5), 03-02…03-06 (10), …03-13 (15), …03-20 (20).
    ['2026-02-18', '2026-03-20', 'received during Spring Festival'],
    // Mon 11-30: 12-01…12-04 (4), 12-07…12-11 (9), 12-14…12-18 (14), 12-21…12-25 (19), 12-28 (20).
    ['2026-11-30', '2026-12-28', 'no holiday, still inside 2026'],
  ])('received %s → due %s (%s)', (date, due) => {
    const r = computeClock(cal, [received(date)], date);
    expect(r).toMatchObject({ state: 'open', due, provisional: false, workdaysLeft: 20, overdue: false, receivedOn: date, periodStart: date, periodWorkdays: 20 });
    expect(r.problems).toEqual([]);
    expect(addWorkdays(cal, date, 20).due).toBe(due);
  });

  it('is provisional when the count runs into 2027 (no schedule loaded)', () => {
    // Thu 12-10: 12-11 (1), 12-14…12-18 (6), 12-21…12-25 (11), 12-28…12-31 (15), Fri 2027-01-01 assumed
    // working (16; surely 元旦, but unknown to us), 01-04…01-07 (20).
    const r = computeClock(cal, [received('2026-12-10')], '2026-12-10');
    expect(r).toMatchObject({ due: '2027-01-07', provisional: true });
    // Its correction-notice deadline stays in 2026: 12-11 (1), 12-14…12-18 (6), 12-21 (7).
    expect(r.correctionNoticeDue).toBe('2026-12-21');
  });

  it.each([
    ['2026-09-28', 20, false],
    ['2026-10-28', 2, false], // 10-29, 10-30 left
    ['2026-10-30', 0, false], // the due date itself
    ['2026-10-31', 0, true], // Sat after the due date: no working day missed yet, but overdue
    ['2026-11-03', -2, true], // Mon 11-02 and Tue 11-03 overdue
  ])('received 2026-09-28, today %s: %i working days left, overdue %s', (today, workdaysLeft, overdue) => {
    expect(computeClock(cal, [received('2026-09-28')], today)).toMatchObject({ due: '2026-10-30', workdaysLeft, overdue });
  });
});

// ---------------------------------------------------------------------------------------------

describe('补正 (第三十条)', () => {
  // Received Mon 09-28. Notice within 7 working days: 09-29 (1), 09-30 (2), 10-08 (3), 10-09 (4),
  // Sat 10-10 (5), 10-12 (6), 10-13 (7).
  it('gives the last day for the correction notice', () => {
    expect(computeClock(cal, [received('2026-09-28')], '2026-09-28').correctionNoticeDue).toBe('2026-10-13');
  });

  it.each([
    ['2026-09-28', []], // the day of receipt
    ['2026-10-13', []], // the 7th working day
    ['2026-10-14', [{ code: 'clock.correction_notice_late', params: { index: 1, date: '2026-10-14', deadline: '2026-10-13' } }]],
  ])('notice given %s: problems %j', (date, problems) => {
    const r = computeClock(cal, [received('2026-09-28'), correctionRequested(date)], date);
    expect(r.problems).toEqual(problems);
    // applied even when late: the applicant was in fact asked to correct
    expect(r).toMatchObject({ state: 'awaiting_correction', due: null, correctionNoticeDue: null, periodStart: null, workdaysLeft: null, overdue: false });
  });

  it.each([
    // Notice Wed 09-30 + 15 (local default): 10-08 (1), 10-09 (2), 10-10 (3), 10-12…10-16 (8),
    // 10-19…10-23 (13), 10-26 (14), 10-27 (15).
    [undefined, {}, '2026-10-27'],
    // + 5 stated in the notice: 10-08, 10-09, 10-10, 10-12, 10-13.
    [5, {}, '2026-10-13'],
    // + 10 configured: 10-08, 10-09, 10-10, 10-12…10-16 (8), 10-19 (9), 10-20 (10). The notice wins over the option.
    [undefined, { correctionWorkdays: 10 }, '2026-10-20'],
    [5, { correctionWorkdays: 10 }, '2026-10-13'],
  ])('applicant given %s working days (options %j): correct by %s', (workdays, options, deadline) => {
    const r = computeClock(cal, [received('2026-09-28'), correctionRequested('2026-09-30', workdays)], '2026-10-01', options);
    expect(r.correctionDeadline).toBe(deadline);
    expect(r.history[1]).toMatchObject({ oldDue: '2026-10-30', newDue: null, reason: 'clock.history.correction_requested', params: { deadline } });
  });

  it('restarts the 20 days from the receipt of the corrected application', () => {
    // Corrected application Fri 10-16: 10-19…10-23 (5), 10-26…10-30 (10), 11-02…11-06 (15), 11-09…11-13 (20).
    const events = [received('2026-09-28'), correctionRequested('2026-09-30'), correctionReceived('2026-10-16')];
    const r = computeClock(cal, events, '2026-10-16');
    expect(r).toMatchObject({ state: 'open', due: '2026-11-13', receivedOn: '2026-09-28', periodStart: '2026-10-16', correctionDeadline: null, workdaysLeft: 20 });
    expect(r.problems).toEqual([]);
    expect(r.history.map((h) => [h.event, h.oldDue, h.newDue])).toEqual([
      ['received', null, '2026-10-30'],
      ['correction_requested', '2026-10-30', null],
      ['correction_received', null, '2026-11-13'],
    ]);
  });

  it('restarts even when the correction comes late, but flags it', () => {
    // Deadline 10-27 (above). Corrected Wed 10-28: 10-29 (1), 10-30 (2), 11-02…11-06 (7), 11-09…11-13 (12),
    // 11-16…11-20 (17), 11-23 (18), 11-24 (19), 11-25 (20).
    const r = computeClock(cal, [received('2026-09-28'), correctionRequested('2026-09-30'), correctionReceived('2026-10-28')], '2026-10-28');
    expect(r.due).toBe('2026-11-25');
    expect(r.problems).toEqual([{ code: 'clock.correction_received_late', params: { index: 2, date: '2026-10-28', deadline: '2026-10-27' } }]);
  });

  it.each([
    [[received('2026-09-28'), correctionRequested('2026-09-30'), correctionRequested('2026-10-08')], 'awaiting_correction', null],
    // After the restart a new notice would stop the clock again: refused, the due date stands.
    [[received('2026-09-28'), correctionRequested('2026-09-30'), correctionReceived('2026-10-16'), correctionRequested('2026-10-19')], 'open', '2026-11-13'],
  ])('only one notice (一次性告知) %#', (events, state, due) => {
    const r = computeClock(cal, events, FAR);
    expect(r).toMatchObject({ state, due });
    expect(r.problems).toEqual([{ code: 'clock.correction_already_requested', params: { index: events.length - 1 } }]);
    expect(r.history.at(-1)).toMatchObject({ oldDue: due, newDue: due, reason: 'clock.correction_already_requested' });
  });

  it.each([
    // After the deadline (10-27): deemed abandoned, 其他处理 1.
    ['2026-10-28', []],
    // On the deadline itself the applicant still has the day: recorded, but flagged.
    ['2026-10-27', ['clock.correction_lapsed_early']],
  ])('lapses on %s: closed as 其他处理 1, problems %j', (date, problems) => {
    const r = computeClock(cal, [received('2026-09-28'), correctionRequested('2026-09-30'), correctionLapsed(date)], FAR);
    expect(r).toMatchObject({ state: 'closed', closedOn: date, annualReportOther: 1, due: null, overdue: false, correctionDeadline: null });
    expect(codes(r.problems)).toEqual(problems);
  });

  it.each([
    [[received('2026-09-28'), correctionReceived('2026-10-01')], 'open'],
    [[received('2026-09-28'), correctionLapsed('2026-10-01')], 'open'],
    [[received('2026-09-28'), consultStart('2026-09-29'), correctionRequested('2026-09-30')], 'paused'],
    [[received('2026-09-28'), correctionRequested('2026-09-30'), consultStart('2026-10-08')], 'awaiting_correction'],
    [[received('2026-09-28'), correctionRequested('2026-09-30'), extended('2026-10-08', 10)], 'awaiting_correction'],
    [[received('2026-09-28'), correctionRequested('2026-09-30'), feeNotice('2026-10-08')], 'awaiting_correction'],
  ])('refuses an event the state does not allow %#', (events, state) => {
    const r = computeClock(cal, events, FAR);
    const last = events.at(-1)!;
    expect(r.problems).toEqual([{ code: 'clock.event_not_allowed', params: { index: events.length - 1, event: last.type, state } }]);
    expect(r.state).toBe(state);
  });
});

// ---------------------------------------------------------------------------------------------

describe('consultation pauses the clock (征求意见所需时间不计算在期限内)', () => {
  // Received Mon 11-02. Without a pause: 11-03…11-06 (4), 11-09…11-13 (9), 11-16…11-20 (14),
  // 11-23…11-27 (19), 11-30 (20).
  it.each([
    // Started Wed 11-04 (used: 11-03, 11-04 = 2). Not counted, strictly inside: 11-05, 11-06, 11-09…11-12 (6).
    // Ended Fri 11-13, which counts again: 11-13 (3), 11-16…11-20 (8), 11-23…11-27 (13), 11-30…12-04 (18),
    // 12-07 (19), 12-08 (20). Check: 11-30 + 6 working days = 12-08.
    ['2026-11-04', '2026-11-13', '2026-12-08', 6],
    ['2026-11-04', '2026-11-04', '2026-11-30', 0], // same day: nothing strictly inside
    ['2026-11-04', '2026-11-05', '2026-11-30', 0], // consecutive days: nothing strictly inside
    ['2026-11-04', '2026-11-06', '2026-12-01', 1], // 11-05 only
    ['2026-11-06', '2026-11-09', '2026-11-30', 0], // Fri → Mon: only the weekend inside
  ])('started %s, ended %s → due %s (%i working days paused)', (start, end, due, pausedWorkdays) => {
    const r = computeClock(cal, [received('2026-11-02'), consultStart(start), consultEnd(end)], end);
    expect(r).toMatchObject({ state: 'open', due, provisional: false });
    expect(r.history[2]).toMatchObject({ oldDue: null, newDue: due, reason: 'clock.history.consultation_ended', params: { pausedWorkdays } });
    expect(r.problems).toEqual([]);
  });

  it('freezes the count while the consultation runs', () => {
    const events = [received('2026-11-02'), consultStart('2026-11-04', 'third_party', '2026-11-05')];
    const r = computeClock(cal, events, '2026-11-10');
    // Third party has 15 working days from its receipt (Thu 11-05): 11-06 (1), 11-09…11-13 (6),
    // 11-16…11-20 (11), 11-23…11-26 (15).
    expect(r).toMatchObject({ state: 'paused', due: null, workdaysLeft: 18, overdue: false, consultationReplyDue: '2026-11-26' });
    expect(r.history[1]).toMatchObject({ oldDue: '2026-11-30', newDue: null, params: { party: 'third_party', used: 2, remaining: 18 } });
    // The third party's receipt unknown, or another agency (no statutory period): no date is guessed.
    expect(computeClock(cal, [received('2026-11-02'), consultStart('2026-11-04')], '2026-11-10').consultationReplyDue).toBeNull();
    expect(computeClock(cal, [received('2026-11-02'), consultStart('2026-11-04', 'other_agency', '2026-11-05')], '2026-11-10').consultationReplyDue).toBeNull();
  });

  it('skips the pause across National Day', () => {
    // Received Mon 09-21; without a pause due 10-26. Consultation Tue 09-22 (used 1) to Fri 10-09.
    // Strictly inside, working days: 09-23, 09-24, 09-28, 09-29, 09-30, 10-08 (6). Resume 10-09 (2),
    // Sat 10-10 (3), 10-12…10-16 (8), 10-19…10-23 (13), 10-26…10-30 (18), 11-02 (19), 11-03 (20).
    const r = computeClock(cal, [received('2026-09-21'), consultStart('2026-09-22', 'other_agency'), consultEnd('2026-10-09')], '2026-10-09');
    expect(r.history.map((h) => [h.oldDue, h.newDue])).toEqual([
      [null, '2026-10-26'],
      ['2026-10-26', null],
      [null, '2026-11-03'],
    ]);
    expect(r.history[2]?.params).toEqual({ pausedWorkdays: 6 });
  });

  it.each([
    // Received 09-28, due Fri 10-30. A pause starting on or after the last day cannot save the period.
    ['2026-10-30', '2026-10-30', 0, false],
    ['2026-11-02', '2026-11-05', -4, true], // today Thu 11-05: 11-02…11-05 overdue
  ])('a pause started %s is too late (today %s: workdaysLeft %i)', (start, today, workdaysLeft, overdue) => {
    const r = computeClock(cal, [received('2026-09-28'), consultStart(start)], today);
    expect(r).toMatchObject({ state: 'paused', due: '2026-10-30', workdaysLeft, overdue });
    expect(r.problems).toEqual([{ code: 'clock.pause_too_late', params: { index: 1, date: start, due: '2026-10-30' } }]);
  });

  it.each([
    [[received('2026-11-02'), consultStart('2026-11-04'), consultStart('2026-11-05', 'other_agency')], 'clock.consultation_already_open'],
    [[received('2026-11-02'), consultEnd('2026-11-04')], 'clock.no_consultation_open'],
    [[received('2026-11-02'), { type: 'consultation_started', date: '2026-11-04', party: 'public' } as unknown as ClockEvent], 'clock.invalid_party'],
  ])('refuses %#', (events, code) => {
    expect(codes(computeClock(cal, events, FAR).problems)).toEqual([code]);
  });

  it('flags an impossible letter receipt date and does not use it', () => {
    const r = computeClock(cal, [received('2026-11-02'), consultStart('2026-11-04', 'third_party', '2026-11-03')], '2026-11-10');
    expect(r.problems).toEqual([{ code: 'clock.invalid_date', params: { index: 1, field: 'letterReceived', value: '2026-11-03' } }]);
    expect(r).toMatchObject({ state: 'paused', consultationReplyDue: null });
  });
});

// ---------------------------------------------------------------------------------------------

describe('extension (延长答复期限, 第三十三条)', () => {
  // Received 09-28, due Fri 10-30; extension decided Tue 10-20.
  it.each([
    // + 20: 11-02…11-06 (5), 11-09…11-13 (10), 11-16…11-20 (15), 11-23…11-27 (20).
    [20, '王主任', '2026-11-27', []],
    [1, '王主任', '2026-11-02', []],
    [21, '王主任', '2026-10-30', [{ code: 'clock.extension_too_long', params: { index: 1, workdays: 21, max: 20 } }]],
    [0, '王主任', '2026-10-30', [{ code: 'clock.invalid_workdays', params: { index: 1, value: '0' } }]],
    [2.5, '王主任', '2026-10-30', [{ code: 'clock.invalid_workdays', params: { index: 1, value: '2.5' } }]],
    [20, '', '2026-10-30', [{ code: 'clock.extension_not_approved', params: { index: 1 } }]],
    [20, '  ', '2026-10-30', [{ code: 'clock.extension_not_approved', params: { index: 1 } }]],
  ])('%i working days approved by %j → due %s', (workdays, approvedBy, due, problems) => {
    const r = computeClock(cal, [received('2026-09-28'), extended('2026-10-20', workdays, approvedBy)], '2026-10-20');
    expect(r.due).toBe(due);
    expect(r.periodWorkdays).toBe(problems.length ? 20 : 20 + workdays);
    expect(r.problems).toEqual(problems);
    expect(r.history[1]).toMatchObject({ oldDue: '2026-10-30', newDue: due });
  });

  it.each([
    // First 10: 11-02…11-06 (5), 11-09…11-13 (10). A second one is refused whatever its length.
    [[extended('2026-10-20', 10), extended('2026-10-21', 5)], '2026-11-13', ['clock.extension_already_granted']],
    [[extended('2026-10-20', 10), extended('2026-10-21', 10)], '2026-11-13', ['clock.extension_already_granted']],
    // A refused extension is not "the one": the proper one after it still counts.
    [[extended('2026-10-20', 21), extended('2026-10-21', 20)], '2026-11-27', ['clock.extension_too_long']],
    // On the due date it can still be granted; after it, no.
    [[extended('2026-10-30', 20)], '2026-11-27', []],
    [[extended('2026-11-02', 20)], '2026-10-30', ['clock.extension_after_due']],
  ])('%#: due %s, problems %j', (more, due, problems) => {
    const r = computeClock(cal, [received('2026-09-28'), ...more], FAR);
    expect(r.due).toBe(due);
    expect(codes(r.problems)).toEqual(problems);
  });

  it('can be granted during a pause, and applies after it', () => {
    // 11-02 received; consultation 11-04 → 11-13 gives 12-08 (above); + 5: 12-09, 12-10, 12-11, 12-14, 12-15.
    const r = computeClock(cal, [received('2026-11-02'), consultStart('2026-11-04'), extended('2026-11-10', 5), consultEnd('2026-11-13')], '2026-11-13');
    expect(r.due).toBe('2026-12-15');
    expect(r.history.map((h) => [h.oldDue, h.newDue])).toEqual([
      [null, '2026-11-30'],
      ['2026-11-30', null],
      [null, null],
      [null, '2026-12-15'],
    ]);
  });

  it('is provisional when it reaches 2027', () => {
    // Tue 12-01: 12-02…12-04 (3), 12-07…12-11 (8), 12-14…12-18 (13), 12-21…12-25 (18), 12-28 (19), 12-29 (20).
    // + 20: 12-30 (1), 12-31 (2), Fri 2027-01-01 assumed working (3), 01-04…01-08 (8), 01-11…01-15 (13),
    // 01-18…01-22 (18), 01-25 (19), 01-26 (20).
    const before = computeClock(cal, [received('2026-12-01')], '2026-12-01');
    expect(before).toMatchObject({ due: '2026-12-29', provisional: false });
    const after = computeClock(cal, [received('2026-12-01'), extended('2026-12-15', 20)], '2026-12-15');
    expect(after).toMatchObject({ due: '2027-01-26', provisional: true });
  });
});

// ---------------------------------------------------------------------------------------------

describe('fee wait (信息处理费; local practice: the wait does not count)', () => {
  // Received Mon 11-02, due 11-30. Fee notice Fri 11-20: used 11-03…11-06 (4), 11-09…11-13 (9),
  // 11-16…11-20 (14); 6 left. Pay by 20 working days after 11-20: 11-23…11-27 (5), 11-30…12-04 (10),
  // 12-07…12-11 (15), 12-14…12-18 (20).
  const base = [received('2026-11-02'), feeNotice('2026-11-20')];

  it('pauses while the fee is unpaid', () => {
    const r = computeClock(cal, base, '2026-11-25');
    expect(r).toMatchObject({ state: 'paused', due: null, workdaysLeft: 6, feeDeadline: '2026-12-18' });
    expect(r.history[1]).toMatchObject({ oldDue: '2026-11-30', newDue: null, params: { deadline: '2026-12-18', used: 14, remaining: 6 } });
  });

  it.each([
    // Paid Fri 11-27: strictly inside 11-23…11-26 (4). Resume 11-27 (15), 11-30…12-04 (20). 11-30 + 4 = 12-04.
    ['2026-11-27', '2026-12-04', []],
    // Paid on the last day Fri 12-18: inside 11-23…12-17 (19). Resume 12-18 (15), 12-21…12-24 (19), 12-25 (20).
    ['2026-12-18', '2026-12-25', []],
    // Paid late Mon 12-21 (accepted, flagged): 12-21 (15), 12-22…12-25 (19), 12-28 (20).
    ['2026-12-21', '2026-12-28', ['clock.fee_paid_late']],
  ])('paid %s → due %s', (date, due, problems) => {
    const r = computeClock(cal, [...base, feePaid(date)], date);
    expect(r).toMatchObject({ state: 'open', due, feeDeadline: null });
    expect(codes(r.problems)).toEqual(problems);
  });

  it.each([
    ['2026-12-21', []],
    ['2026-12-18', ['clock.fee_lapsed_early']],
  ])('unpaid, lapsed %s: closed as 其他处理 2', (date, problems) => {
    const r = computeClock(cal, [...base, feeLapsed(date)], FAR);
    expect(r).toMatchObject({ state: 'closed', annualReportOther: 2, closedOn: date, due: null, feeDeadline: null });
    expect(codes(r.problems)).toEqual(problems);
  });

  it.each([
    [[received('2026-11-02'), feePaid('2026-11-20')], 'clock.no_fee_pending'],
    [[received('2026-11-02'), feeLapsed('2026-11-20')], 'clock.no_fee_pending'],
    [[...base, feeNotice('2026-11-23')], 'clock.fee_already_pending'],
  ])('refuses %#', (events, code) => {
    expect(codes(computeClock(cal, events, FAR).problems)).toEqual([code]);
  });

  it('overlaps with a consultation: a day inside either is not counted', () => {
    // Consultation 11-04 → 11-13 (inside: 11-05…11-12); fee 11-11 → 11-18 (inside: 11-12…11-17).
    // Counted: 11-03, 11-04 (2), [11-05…11-17 skipped], 11-18 (3), 11-19, 11-20 (5), 11-23…11-27 (10),
    // 11-30…12-04 (15), 12-07…12-11 (20).
    const r = computeClock(
      cal,
      [received('2026-11-02'), consultStart('2026-11-04'), feeNotice('2026-11-11'), consultEnd('2026-11-13'), feePaid('2026-11-18')],
      '2026-11-18',
    );
    expect(r).toMatchObject({ state: 'open', due: '2026-12-11' });
    // The consultation over, the fee still unpaid: still paused.
    expect(r.history[3]).toMatchObject({ oldDue: null, newDue: null, params: { pausedWorkdays: 6 } });
    expect(r.history[4]).toMatchObject({ oldDue: null, newDue: '2026-12-11', params: { pausedWorkdays: 4 } });
  });
});

// ---------------------------------------------------------------------------------------------

describe('history: old → new due date at every event', () => {
  it('tells the whole story', () => {
    // Received 09-28 → 10-30. Notice 09-30 stops the clock. Corrected Fri 10-16 → 11-13 (see 补正).
    // Consultation Tue 10-20 (used 10-19, 10-20 = 2) to Tue 10-27; inside: 10-21, 10-22, 10-23, 10-26 (4).
    // 11-13 + 4 = 11-19. Extension of 10 on 11-02: 11-20 (1), 11-23…11-27 (6), 11-30…12-03 (10).
    // Replied Tue 12-01: in time.
    const events = [
      received('2026-09-28'),
      correctionRequested('2026-09-30'),
      correctionReceived('2026-10-16'),
      consultStart('2026-10-20'),
      consultEnd('2026-10-27'),
      extended('2026-11-02', 10),
      closed('2026-12-01'),
    ];
    const r = computeClock(cal, events, '2026-12-01');
    expect(r.history).toEqual([
      { at: '2026-09-28', event: 'received', oldDue: null, newDue: '2026-10-30', reason: 'clock.history.received', params: { workdays: 20 } },
      { at: '2026-09-30', event: 'correction_requested', oldDue: '2026-10-30', newDue: null, reason: 'clock.history.correction_requested', params: { workdays: 15, deadline: '2026-10-27' } },
      { at: '2026-10-16', event: 'correction_received', oldDue: null, newDue: '2026-11-13', reason: 'clock.history.correction_received', params: { workdays: 20 } },
      { at: '2026-10-20', event: 'consultation_started', oldDue: '2026-11-13', newDue: null, reason: 'clock.history.consultation_started', params: { party: 'third_party', used: 2, remaining: 18 } },
      { at: '2026-10-27', event: 'consultation_ended', oldDue: null, newDue: '2026-11-19', reason: 'clock.history.consultation_ended', params: { pausedWorkdays: 4 } },
      { at: '2026-11-02', event: 'extended', oldDue: '2026-11-19', newDue: '2026-12-03', reason: 'clock.history.extended', params: { workdays: 10, approvedBy: '王主任' } },
      { at: '2026-12-01', event: 'closed', oldDue: '2026-12-03', newDue: '2026-12-03', reason: 'clock.history.closed' },
    ]);
    expect(r).toMatchObject({ state: 'closed', due: '2026-12-03', overdue: false, workdaysLeft: null, closedOn: '2026-12-01', annualReportOther: null, periodWorkdays: 30 });
    expect(r.problems).toEqual([]);
    for (const h of r.history) expect(CLOCK_HISTORY_REASONS).toContain(h.reason);
  });

  it.each([
    ['2026-10-30', false],
    ['2026-11-02', true], // replied late (逾期答复)
  ])('closed %s: overdue %s', (date, overdue) => {
    expect(computeClock(cal, [received('2026-09-28'), closed(date)], FAR)).toMatchObject({ state: 'closed', due: '2026-10-30', overdue, correctionNoticeDue: null });
  });
});

// ---------------------------------------------------------------------------------------------

describe('a bad event list gives problems, never a guess', () => {
  it.each<[string, unknown[], string, ClockProblem[]]>([
    ['empty', [], '2026-10-01', [{ code: 'clock.no_receipt' }]],
    [
      'event before receipt',
      [closed('2026-09-27'), received('2026-09-28')],
      '2026-10-01',
      [{ code: 'clock.not_received', params: { index: 0, event: 'closed' } }],
    ],
    ['two receipts', [received('2026-09-28'), received('2026-09-29')], '2026-10-01', [{ code: 'clock.already_received', params: { index: 1 } }]],
    [
      'out of order',
      [received('2026-09-28'), extended('2026-10-20', 5), closed('2026-10-19')],
      '2026-11-30',
      [{ code: 'clock.events_out_of_order', params: { index: 2, date: '2026-10-19', previous: '2026-10-20' } }],
    ],
    [
      'in the future',
      [received('2026-09-28'), closed('2026-10-02')],
      '2026-10-01',
      [{ code: 'clock.event_in_future', params: { index: 1, date: '2026-10-02', today: '2026-10-01' } }],
    ],
    [
      'invalid date',
      [received('2026-09-28'), closed('2026-09-31')],
      '2026-10-01',
      [{ code: 'clock.invalid_date', params: { index: 1, field: 'date', value: '2026-09-31' } }],
    ],
    ['unknown type', [received('2026-09-28'), { type: 'withdrawn', date: '2026-09-29' }], '2026-10-01', [{ code: 'clock.unknown_event', params: { index: 1, type: 'withdrawn' } }]],
    ['not an object', [received('2026-09-28'), null], '2026-10-01', [{ code: 'clock.unknown_event', params: { index: 1, type: 'undefined' } }]],
    [
      'after closure',
      [received('2026-09-28'), closed('2026-09-29'), extended('2026-09-30', 5)],
      '2026-10-01',
      [{ code: 'clock.event_after_closed', params: { index: 2, event: 'extended', closedOn: '2026-09-29' } }],
    ],
  ])('%s', (_label, events, today, problems) => {
    const r = computeClock(cal, events as ClockEvent[], today);
    expect(r.problems).toEqual(problems);
    expect(r.history).toHaveLength(events.length);
    for (const p of r.problems) expect(CLOCK_PROBLEM_CODES).toContain(p.code);
  });

  it('without a receipt there is no due date', () => {
    expect(computeClock(cal, [], '2026-10-01')).toMatchObject({ state: 'open', due: null, workdaysLeft: null, overdue: false, receivedOn: null, correctionNoticeDue: null });
  });

  it('does not touch the event list', () => {
    const events = Object.freeze([received('2026-11-02'), consultStart('2026-11-04'), consultEnd('2026-11-13')].map((e) => Object.freeze(e)));
    const first = computeClock(cal, events, '2026-11-13');
    expect(computeClock(cal, events, '2026-11-13')).toEqual(first);
    expect(explainDue(cal, events).due).toBe(first.due);
  });

  it('refuses an invalid today or option', () => {
    expect(() => computeClock(cal, [], '2026-13-01')).toThrow(RangeError);
    expect(() => computeClock(cal, [], '2026-10-01', { correctionWorkdays: 0 })).toThrow(RangeError);
  });

  it('has distinct problem codes', () => {
    expect(new Set(CLOCK_PROBLEM_CODES).size).toBe(CLOCK_PROBLEM_CODES.length);
    for (const c of CLOCK_PROBLEM_CODES) expect(c).toMatch(/^clock\.[a-z_]+$/);
  });
});

// ---------------------------------------------------------------------------------------------

describe('carriedOver (结转: open at 31 December)', () => {
  it.each<[string, ClockEvent[], number, boolean]>([
    ['open at year end', [received('2026-12-20')], 2026, true],
    ['closed on 12-31', [received('2026-12-20'), closed('2026-12-31')], 2026, false],
    ['closed in the new year', [received('2026-12-20'), closed('2027-01-05')], 2026, true],
    ['received in the new year', [received('2027-01-04')], 2026, false],
    ['received on 12-31', [received('2026-12-31')], 2026, true],
    ['carried from 2025, closed in 2026 (2025)', [received('2025-12-29'), closed('2026-01-10')], 2025, true],
    ['carried from 2025, closed in 2026 (2026)', [received('2025-12-29'), closed('2026-01-10')], 2026, false],
    ['awaiting a correction', [received('2026-12-14'), correctionRequested('2026-12-15')], 2026, true],
    ['corrected, still open', [received('2026-12-14'), correctionRequested('2026-12-15'), correctionReceived('2026-12-21')], 2026, true],
    ['paused for a consultation', [received('2026-12-14'), consultStart('2026-12-22'), consultEnd('2027-01-06')], 2026, true],
    ['fee unpaid, lapsed 12-30', [received('2026-11-02'), feeNotice('2026-11-20'), feeLapsed('2026-12-30')], 2026, false],
    ['correction lapsed 12-30', [received('2026-11-02'), correctionRequested('2026-11-03'), correctionLapsed('2026-12-30')], 2026, false],
    ['no events', [], 2026, false],
  ])('%s: %s', (_label, events, year, expected) => {
    expect(carriedOver(events, year)).toBe(expected);
  });

  it('agrees with computeClock on the real calendar', () => {
    const events = [received('2026-12-20'), consultStart('2026-12-22')];
    expect(computeClock(cal, events, '2026-12-31').state).toBe('paused');
    expect(carriedOver(events, 2026)).toBe(true);
  });

  it('refuses an invalid year', () => {
    expect(() => carriedOver([], 2026.5)).toThrow(RangeError);
  });
});

// ---------------------------------------------------------------------------------------------

/** One line per day: date, kind (festival), pause, and #n when counted or '-' when skipped. */
const line = (d: ExplainedDay) => `${d.date} ${d.kind}${d.name ? `(${d.name})` : ''}${d.pausedBy ? ` paused:${d.pausedBy}` : ''} ${d.counted ? `#${d.ordinal}` : '-'}`;

describe('explainDue: every counted and skipped day', () => {
  it('lists holidays by name, weekends and 调休 working days', () => {
    const x = explainDue(cal, [received('2026-09-28')]);
    expect(x).toMatchObject({ state: 'open', periodStart: '2026-09-28', periodStartEvent: 'received', periodWorkdays: 20, due: '2026-10-30', provisional: false, pausedSince: null, counted: 20 });
    expect(x.days.slice(0, 15).map(line)).toEqual([
      '2026-09-29 weekday #1',
      '2026-09-30 weekday #2',
      '2026-10-01 holiday(国庆节) -',
      '2026-10-02 holiday(国庆节) -',
      '2026-10-03 holiday(国庆节) -',
      '2026-10-04 holiday(国庆节) -',
      '2026-10-05 holiday(国庆节) -',
      '2026-10-06 holiday(国庆节) -',
      '2026-10-07 holiday(国庆节) -',
      '2026-10-08 weekday #3',
      '2026-10-09 weekday #4',
      '2026-10-10 makeup_workday(国庆节) #5',
      '2026-10-11 weekend -',
      '2026-10-12 weekday #6',
      '2026-10-13 weekday #7',
    ]);
    expect(x.days).toHaveLength(32); // 09-29 … 10-30
    expect(x.days.at(-1)).toMatchObject({ date: '2026-10-30', counted: true, ordinal: 20 });
  });

  it('lists paused days, holidays inside the pause included', () => {
    // Received 09-21; consultation 09-22 → 10-09 (see above): due 11-03.
    const x = explainDue(cal, [received('2026-09-21'), consultStart('2026-09-22', 'other_agency'), consultEnd('2026-10-09')]);
    expect(x).toMatchObject({ due: '2026-11-03', counted: 20 });
    expect(x.days.slice(0, 20).map(line)).toEqual([
      '2026-09-22 weekday #1',
      '2026-09-23 weekday paused:consultation -',
      '2026-09-24 weekday paused:consultation -',
      '2026-09-25 holiday(中秋) paused:consultation -',
      '2026-09-26 holiday(中秋) paused:consultation -',
      '2026-09-27 holiday(中秋) paused:consultation -',
      '2026-09-28 weekday paused:consultation -',
      '2026-09-29 weekday paused:consultation -',
      '2026-09-30 weekday paused:consultation -',
      '2026-10-01 holiday(国庆节) paused:consultation -',
      '2026-10-02 holiday(国庆节) paused:consultation -',
      '2026-10-03 holiday(国庆节) paused:consultation -',
      '2026-10-04 holiday(国庆节) paused:consultation -',
      '2026-10-05 holiday(国庆节) paused:consultation -',
      '2026-10-06 holiday(国庆节) paused:consultation -',
      '2026-10-07 holiday(国庆节) paused:consultation -',
      '2026-10-08 weekday paused:consultation -',
      '2026-10-09 weekday #2', // the day the pause ends counts again
      '2026-10-10 makeup_workday(国庆节) #3',
      '2026-10-11 weekend -',
    ]);
    expect(x.days.filter((d) => d.pausedBy !== null && d.workday)).toHaveLength(6);
  });

  it('stops at an open pause', () => {
    const x = explainDue(cal, [received('2026-11-02'), feeNotice('2026-11-04')]);
    expect(x).toMatchObject({ state: 'paused', due: null, pausedSince: '2026-11-04', counted: 2 });
    expect(x.days.map(line)).toEqual(['2026-11-03 weekday #1', '2026-11-04 weekday #2']);
  });

  it('explains only the period after a correction', () => {
    const events = [received('2026-09-28'), correctionRequested('2026-09-30')];
    expect(explainDue(cal, events)).toMatchObject({ state: 'awaiting_correction', periodStart: null, due: null, days: [] });
    const x = explainDue(cal, [...events, correctionReceived('2026-10-16')]);
    expect(x).toMatchObject({ periodStart: '2026-10-16', periodStartEvent: 'correction_received', due: '2026-11-13' });
    expect(x.days[0]).toMatchObject({ date: '2026-10-17', kind: 'weekend', counted: false });
  });

  it('marks the days counted without a schedule', () => {
    const x = explainDue(cal, [received('2026-12-10')]);
    expect(x).toMatchObject({ due: '2027-01-07', provisional: true });
    expect(x.days.filter((d) => d.provisional).map((d) => d.date)).toEqual([
      '2027-01-01',
      '2027-01-02',
      '2027-01-03',
      '2027-01-04',
      '2027-01-05',
      '2027-01-06',
      '2027-01-07',
    ]);
    expect(x.days.find((d) => d.date === '2027-01-01')).toMatchObject({ kind: 'weekday', counted: true, ordinal: 16 });
  });
});
