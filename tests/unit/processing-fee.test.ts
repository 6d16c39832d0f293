import { describe, expect, it } from 'vitest';
import {
  FEE_PAYMENT_WORKDAYS,
  feeByItems,
  feeByPages,
  feeNoticeLapseDate,
  itemRate,
  MAX_FEE_QUANTITY,
  processingFee,
  type FeeBand,
} from '../../shared/domain/processing-fee.js';
import { addWorkdays, WorkCalendar } from '../../shared/domain/working-days.js';
import { chineseDaysYears } from '../../electron/core/calendar-seed.js';

/*
 * 国办函〔2020〕109号. 按件: per applicant per natural month, 1–10 free, 11–30 at 100 元/件, then bands
 * of 10 each 100 元/件 dearer (31–40: 200, 41–50: 300, 51–60: 400, …). 按量: per application, 1–30 pages
 * free, 31–100 at 10, 101–200 at 20, over 200 at 40 元/页. Both progressive (超额累进).
 */

describe('feeByItems (按件计收, per applicant per natural month)', () => {
  it.each([
    [0, 0], // nothing applied for
    [1, 0],
    [10, 0], // the last free one
    [11, 100], // 1×100
    [30, 2000], // 20×100
    [31, 2200], // 20×100 + 1×200
    [40, 4000], // 20×100 + 10×200
    [41, 4300], // 20×100 + 10×200 + 1×300
    [50, 7000], // 20×100 + 10×200 + 10×300
    [51, 7400], // 7000 + 1×400
    [60, 11000], // 7000 + 10×400
    [61, 11500], // 11000 + 1×500
  ])('%i applications → %i 元', (n, total) => {
    const r = feeByItems(n);
    expect(r.total).toBe(total);
    expect(r.breakdown.reduce((s, b) => s + b.amount, 0)).toBe(total);
    expect(r.breakdown.reduce((s, b) => s + b.count, 0)).toBe(n);
  });

  it('itemises 41 applications band by band', () => {
    expect(feeByItems(41).breakdown).toEqual<FeeBand[]>([
      { from: 1, to: 10, count: 10, rate: 0, amount: 0 },
      { from: 11, to: 30, count: 20, rate: 100, amount: 2000 },
      { from: 31, to: 40, count: 10, rate: 200, amount: 2000 },
      { from: 41, to: 41, count: 1, rate: 300, amount: 300 },
    ]);
    expect(feeByItems(0).breakdown).toEqual([]);
    expect(feeByItems(7).breakdown).toEqual([{ from: 1, to: 7, count: 7, rate: 0, amount: 0 }]);
  });

  it.each([
    [1, 0],
    [10, 0],
    [11, 100],
    [30, 100],
    [31, 200],
    [40, 200],
    [41, 300],
    [50, 300],
    [51, 400],
    [101, 900], // band 101–110: 200 + 7×100
  ])('the %i-th application of the month costs %i 元', (k, rate) => {
    expect(itemRate(k)).toBe(rate);
  });

  it('itemRate adds up to feeByItems', () => {
    let sum = 0;
    for (let k = 1; k <= 300; k++) {
      sum += itemRate(k);
      expect(feeByItems(k).total).toBe(sum);
    }
  });

  it('stays in safe integers at the largest quantity', () => {
    const r = feeByItems(MAX_FEE_QUANTITY);
    expect(Number.isSafeInteger(r.total)).toBe(true);
    expect(r.breakdown.at(-1)).toMatchObject({ to: MAX_FEE_QUANTITY });
  });
});

describe('feeByPages (按量计收, per application)', () => {
  it.each([
    [0, 0],
    [30, 0], // the last free page
    [31, 10], // 1×10
    [100, 700], // 70×10
    [101, 720], // 700 + 1×20
    [200, 2700], // 700 + 100×20
    [201, 2740], // 2700 + 1×40
    [1000, 34700], // 2700 + 800×40
  ])('%i pages → %i 元', (n, total) => {
    const r = feeByPages(n);
    expect(r.total).toBe(total);
    expect(r.breakdown.reduce((s, b) => s + b.count, 0)).toBe(n);
  });

  it('itemises 201 pages band by band', () => {
    expect(feeByPages(201).breakdown).toEqual<FeeBand[]>([
      { from: 1, to: 30, count: 30, rate: 0, amount: 0 },
      { from: 31, to: 100, count: 70, rate: 10, amount: 700 },
      { from: 101, to: 200, count: 100, rate: 20, amount: 2000 },
      { from: 201, to: 201, count: 1, rate: 40, amount: 40 },
    ]);
  });
});

describe('input validation', () => {
  it.each([[-1], [1.5], [Number.NaN], [Number.POSITIVE_INFINITY], [MAX_FEE_QUANTITY + 1], ['3' as unknown as number]])('rejects %j', (n) => {
    expect(() => feeByItems(n)).toThrow(RangeError);
    expect(() => feeByPages(n)).toThrow(RangeError);
  });

  it.each([[0], [-1], [2.5]])('itemRate rejects ordinal %j', (k) => {
    expect(() => itemRate(k)).toThrow(RangeError);
  });
});

describe('processingFee: one standard per application', () => {
  it.each([
    [{ standard: 'by_items', items: 41 } as const, 4300],
    [{ standard: 'by_pages', pages: 101 } as const, 720],
  ])('%j → %i 元', (basis, total) => {
    expect(processingFee(basis).total).toBe(total);
  });

  it('refuses an unknown standard', () => {
    expect(() => processingFee({ standard: 'both' } as never)).toThrow(RangeError);
  });
});

describe('feeNoticeLapseDate (收到收费通知次日起20个工作日内)', () => {
  const cal = new WorkCalendar(chineseDaysYears());

  it.each([
    // Mon 09-28: 09-29 (1), 09-30 (2), 10-01…10-07 国庆 off, 10-08 (3), 10-09 (4), Sat 10-10 调休 (5),
    // 10-12…10-16 (10), 10-19…10-23 (15), 10-26…10-30 (20).
    ['2026-09-28', '2026-10-30', false],
    // Notice received on a holiday (Sat 10-03): counting starts 10-08 (1), 10-09 (2), 10-10 (3),
    // 10-12…10-16 (8), 10-19…10-23 (13), 10-26…10-30 (18), 11-02 (19), 11-03 (20).
    ['2026-10-03', '2026-11-03', false],
    // Fri 11-20: 11-23…11-27 (5), 11-30…12-04 (10), 12-07…12-11 (15), 12-14…12-18 (20).
    ['2026-11-20', '2026-12-18', false],
    // Thu 12-10: 12-11 (1), 12-14…12-18 (6), 12-21…12-25 (11), 12-28…12-31 (15), then 2027 with no
    // schedule loaded: Fri 01-01 assumed working (16), 01-04…01-07 (20) → provisional.
    ['2026-12-10', '2027-01-07', true],
  ])('notice received %s → pay by %s (provisional %s)', (notice, lastDayToPay, provisional) => {
    expect(feeNoticeLapseDate(cal, notice)).toEqual({ lastDayToPay, provisional });
    expect(addWorkdays(cal, notice, FEE_PAYMENT_WORKDAYS).due).toBe(lastDayToPay);
  });

  it('rejects an invalid date', () => {
    expect(() => feeNoticeLapseDate(cal, '2026-02-30')).toThrow(RangeError);
  });
});
