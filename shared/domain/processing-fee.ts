/**
 * 信息处理费 (《政府信息公开信息处理费管理办法》, 国办函〔2020〕109号). Pure, integer 元 only: every
 * rate is a whole number of 元, so no floating point is ever involved.
 *
 * Two standards; the office applies ONE of them to a given application, never both (`processingFee`
 * takes a `FeeBasis`, a union, so "both" cannot be expressed):
 *
 * - 按件计收 (`feeByItems`): counted per applicant per natural month over all the applications the
 *   applicant made in that month. 1–10: free; 11–30: 100 元/件; from 31 on, every further block of
 *   10 raises the rate by 100 元/件 (31–40: 200, 41–50: 300, …). Progressive (超额累进): each item is
 *   charged at the rate of the band it falls in, e.g. 41 items = 20×100 + 10×200 + 1×300 = 4300.
 *   `itemRate(k)` is the charge for the applicant's k-th application of the month.
 * - 按量计收 (`feeByPages`): per application. 1–30 pages: free; 31–100: 10 元/页; 101–200: 20 元/页;
 *   over 200: 40 元/页, progressive, e.g. 201 pages = 70×10 + 100×20 + 1×40 = 2740.
 *
 * Payment: an applicant who does not pay within 20 working days counted from the day after receiving
 * the fee notice (收到收费通知次日起20个工作日内) is deemed to have abandoned the application
 * (年度报告 "其他处理" 2). `feeNoticeLapseDate` gives the last day to pay.
 */
import { addWorkdays, type WorkCalendar } from './working-days.js';

/** One band of the fee: items (or pages) `from`…`to` inclusive, `count` of them at `rate` 元 each. */
export interface FeeBand {
  from: number;
  to: number;
  count: number;
  /** 元 per item (or page); 0 for the free band. */
  rate: number;
  /** count × rate, 元. */
  amount: number;
}

export interface FeeResult {
  /** 元, an integer. */
  total: number;
  /** The bands actually reached, in order, the free band included; empty for 0. */
  breakdown: FeeBand[];
}

export type FeeBasis = { standard: 'by_items'; items: number } | { standard: 'by_pages'; pages: number };

export const FREE_ITEMS = 10;
export const FREE_PAGES = 30;
/** Days (工作日) to pay, counted from the day after the notice is received. */
export const FEE_PAYMENT_WORKDAYS = 20;
/**
 * Largest quantity accepted. Far beyond any real application; it keeps every total well inside
 * Number.MAX_SAFE_INTEGER (the item rate grows with the count, so the total grows quadratically).
 */
export const MAX_FEE_QUANTITY = 1_000_000;

function requireQuantity(n: number, what: string): void {
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 0 || n > MAX_FEE_QUANTITY) {
    throw new RangeError(`Number of ${what} must be an integer from 0 to ${MAX_FEE_QUANTITY}, got ${String(n)}`);
  }
}

/** Appends the part of band [from, to] that n reaches, if any. */
function addBand(breakdown: FeeBand[], n: number, from: number, to: number, rate: number): void {
  if (n < from) return;
  const end = Math.min(to, n);
  const count = end - from + 1;
  breakdown.push({ from, to: end, count, rate, amount: count * rate });
}

function result(breakdown: FeeBand[]): FeeResult {
  return { total: breakdown.reduce((sum, b) => sum + b.amount, 0), breakdown };
}

/** 按件计收: the month's fee for an applicant who made `n` applications in that natural month. */
export function feeByItems(n: number): FeeResult {
  requireQuantity(n, 'items');
  const breakdown: FeeBand[] = [];
  addBand(breakdown, n, 1, FREE_ITEMS, 0);
  addBand(breakdown, n, 11, 30, 100);
  // From 31 on: bands of 10, each 100 元/件 dearer than the one before.
  for (let from = 31, rate = 200; n >= from; from += 10, rate += 100) addBand(breakdown, n, from, from + 9, rate);
  return result(breakdown);
}

/** 按件计收: the charge for the applicant's `ordinal`-th application of the month (1-based). */
export function itemRate(ordinal: number): number {
  requireQuantity(ordinal, 'items');
  if (ordinal < 1) throw new RangeError('The ordinal of an application starts at 1');
  if (ordinal <= FREE_ITEMS) return 0;
  if (ordinal <= 30) return 100;
  return 200 + 100 * Math.floor((ordinal - 31) / 10);
}

/** 按量计收: the fee for one application whose information runs to `n` pages. */
export function feeByPages(n: number): FeeResult {
  requireQuantity(n, 'pages');
  const breakdown: FeeBand[] = [];
  addBand(breakdown, n, 1, FREE_PAGES, 0);
  addBand(breakdown, n, 31, 100, 10);
  addBand(breakdown, n, 101, 200, 20);
  addBand(breakdown, n, 201, MAX_FEE_QUANTITY, 40);
  return result(breakdown);
}

/** The fee under the one standard chosen for the application. */
export function processingFee(basis: FeeBasis): FeeResult {
  switch (basis.standard) {
    case 'by_items':
      return feeByItems(basis.items);
    case 'by_pages':
      return feeByPages(basis.pages);
    default:
      throw new RangeError(`Unknown fee standard ${JSON.stringify((basis as { standard: unknown }).standard)}`);
  }
}

/**
 * The last day the applicant may pay: the 20th working day after `noticeDate`, the day the applicant
 * received the fee notice (counting starts the next day, 收到收费通知次日起). Unpaid at the end of that
 * day, the application is deemed abandoned; a `fee_lapsed` event may be recorded from the next day.
 * `provisional` when the count ran into a year without a loaded holiday schedule.
 */
export function feeNoticeLapseDate(calendar: WorkCalendar, noticeDate: string): { lastDayToPay: string; provisional: boolean } {
  const { due, provisional } = addWorkdays(calendar, noticeDate, FEE_PAYMENT_WORKDAYS);
  return { lastDayToPay: due, provisional };
}
