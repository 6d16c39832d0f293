import type { Finding, FindingKind, Severity } from '../types.js';

/**
 * One alphanumeric run of the text (digits, Latin letters, with single spaces, hyphens, dots,
 * parentheses between them), the unit every token recogniser looks at. Full-width forms are folded
 * to ASCII one code unit for one, so offsets in `s` are offsets in the text.
 */
export interface Run {
  s: string;
  start: number;
}

export interface ScanContext {
  text: string;
  referenceYear: number;
  /** Digits only, e.g. '07598812886' for 0759-8812886. */
  ownPhones: ReadonlySet<string>;
  out: Finding[];
}

/** Whether a char could continue an identifier: the digit look-around, since \b fails beside 汉字. */
export const ALNUM_BEFORE = '(?<![0-9A-Za-z])';
export const ALNUM_AFTER = '(?![0-9A-Za-z])';

const FOLDABLE = /[\uFF01-\uFF5E\u2010-\u2015]/;
const FOLDABLE_ALL = /[\uFF01-\uFF5E\u2010-\u2015]/g;

/**
 * ０-９, Ａ-Ｚ, （）－＠ … to ASCII, and the dashes Word puts for hyphens (0759–3321234) to '-';
 * one code unit for one, so offsets survive.
 */
export function toHalfWidth(s: string): string {
  return FOLDABLE.test(s) ? s.replace(FOLDABLE_ALL, (c) => (c < '\uFF00' ? '-' : String.fromCharCode(c.charCodeAt(0) - 0xfee0))) : s;
}

export function digitsOf(s: string): string {
  return toHalfWidth(s).replace(/\D/g, '');
}

/** The context word in the `width` characters before `start`, or null. Only ever run on candidates. */
export function wordBefore(text: string, start: number, words: RegExp, width: number): string | null {
  return words.exec(text.slice(Math.max(0, start - width), start))?.[0] ?? null;
}

export function wordAfter(text: string, end: number, words: RegExp, width: number): string | null {
  return words.exec(text.slice(end, end + width))?.[0] ?? null;
}

/** A quantity, not an identifier: 15000000000元, 13800000000人次, ￥6222…. */
const QUANTITY_AFTER = /^\s?(?:元|万|亿|角|分|人|户|个|件|次|台|辆|吨|公斤|千克|克|米|平方|亩|公里|千米|%|％|‰|㎡)/;
const QUANTITY_BEFORE = /[￥¥$]\s?$/;
export function isQuantity(text: string, start: number, end: number): boolean {
  return QUANTITY_AFTER.test(text.slice(end, end + 3)) || QUANTITY_BEFORE.test(text.slice(Math.max(0, start - 2), start));
}

const round2 = (n: number) => Math.round(Math.min(1, Math.max(0, n)) * 100) / 100;

export function push(
  ctx: ScanContext,
  kind: FindingKind,
  start: number,
  end: number,
  severity: Severity,
  score: number,
  facts: readonly string[],
): void {
  ctx.out.push({ kind, text: ctx.text.slice(start, end), start, end, severity, score: round2(score), explanation: facts.join('; ') });
}

/** Runs a global regex over a run and visits each match with its absolute start and end. */
export function eachMatch(re: RegExp, run: Run, visit: (m: RegExpExecArray, start: number, end: number) => void): void {
  re.lastIndex = 0;
  for (let m = re.exec(run.s); m; m = re.exec(run.s)) visit(m, run.start + m.index, run.start + m.index + m[0].length);
}
