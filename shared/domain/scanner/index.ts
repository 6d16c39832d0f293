import { recognizeAddress } from './recognizers/address.js';
import { recognizeBankCards } from './recognizers/bank-card.js';
import { recognizeCreditCodes, recognizeEmails, recognizeLicensePlate, recognizePassports } from './recognizers/codes.js';
import { toHalfWidth, type ScanContext } from './recognizers/common.js';
import { recognizeIdCards } from './recognizers/id-card.js';
import { recognizeMarkings, recognizeSensitiveWords, sensitiveWordPattern } from './recognizers/markings.js';
import { ownPhoneKey, recognizeLandlines, recognizeMobiles } from './recognizers/phone.js';
import { SEVERITY_RANK, type Finding, type FindingKind, type ScanOptions } from './types.js';

export { FINDING_KINDS, SEVERITY_RANK, type Finding, type FindingKind, type ScanOptions, type Severity } from './types.js';
export { DEFAULT_MASKING, ID_CARD_MASKS, maskFinding, maskName, maskText, type MaskedText, type MaskingPolicy, type MaskRule, type NameSpan } from './masking.js';
export { idCardFacts, isValidIdCard } from './recognizers/id-card.js';
export { luhnValid } from './recognizers/bank-card.js';

/**
 * Every alphanumeric run: digits and Latin letters (full-width too), joined by at most three
 * spaces, hyphens or dashes, dots, parentheses or '@' between them. Chinese text has one every few dozen
 * characters; the token recognisers only look inside runs long enough to hold what they want.
 */
const RUN = /[+(（]?[0-9A-Za-z０-９Ａ-Ｚａ-ｚ](?:[0-9A-Za-z０-９Ａ-Ｚａ-ｚ]|[ \u00a0\-－\u2010-\u2015.@_+()（）·•・]{1,3}(?=[0-9A-Za-z０-９Ａ-Ｚａ-ｚ]))*/g;

function countDigits(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) n++;
  }
  return n;
}

interface Prepared {
  ownPhones: Set<string>;
  sensitiveWords: RegExp | null;
}
// Callers scan many documents with the same lists; what the lists imply is worked out once per content.
const prepared = new Map<string, Prepared>();

function prepare(options: ScanOptions): Prepared {
  const own = options.ownPhoneNumbers ?? [];
  const words = options.sensitiveWords ?? [];
  const key = `${own.join('\u0001')}\u0000${words.join('\u0001')}`;
  let p = prepared.get(key);
  if (!p) {
    const ownPhones = new Set<string>();
    for (const phone of own) {
      const digits = ownPhoneKey(phone);
      if (digits) ownPhones.add(digits.replace(/^(?:0086|86)(?=1[3-9]\d{9}$)/, ''));
    }
    p = { ownPhones, sensitiveWords: sensitiveWordPattern(words) };
    if (prepared.size >= 16) prepared.clear();
    prepared.set(key, p);
  }
  return p;
}

/**
 * Scans text for what the 保密审查 must look at. Findings never overlap (see `resolveOverlaps`) and
 * come sorted by position. Pure: no clock, no I/O; two or three regex passes over the text, the
 * token recognisers only on runs that could hold their token.
 */
export function scanText(text: string, options: ScanOptions): Finding[] {
  const { ownPhones, sensitiveWords } = prepare(options);
  const ctx: ScanContext & { addressEnd: number } = { text, referenceYear: options.referenceYear, ownPhones, out: [], addressEnd: 0 };

  RUN.lastIndex = 0;
  for (let m = RUN.exec(text); m; m = RUN.exec(text)) {
    const run = { s: toHalfWidth(m[0]), start: m.index };
    recognizeAddress(run, ctx);
    const n = run.s.length;
    if (n < 6) continue;
    const digits = countDigits(run.s);
    if (digits === n) {
      // The common case, a bare number: its length says which identifiers it can be.
      if (n === 15 || n === 18 || n === 20) recognizeIdCards(run, ctx);
      if (n >= 16 && n <= 21) recognizeBankCards(run, ctx);
      if (n === 11 || n === 13 || n === 15) recognizeMobiles(run, ctx);
      if (n >= 10 && n <= 12 && run.s.startsWith('0')) recognizeLandlines(run, ctx);
      if (n === 18) recognizeCreditCodes(run, ctx);
      continue;
    }
    if (run.s.includes('@')) recognizeEmails(run, ctx);
    recognizeLicensePlate(run, ctx);
    if (digits >= 15) recognizeIdCards(run, ctx);
    if (digits >= 16) recognizeBankCards(run, ctx);
    if (digits >= 11) recognizeMobiles(run, ctx);
    if (digits >= 10) recognizeLandlines(run, ctx);
    if (n >= 18 && digits >= 6) recognizeCreditCodes(run, ctx);
    if (digits >= 7) recognizePassports(run, ctx);
  }
  recognizeMarkings(ctx);
  if (sensitiveWords) recognizeSensitiveWords(ctx, sensitiveWords);
  return resolveOverlaps(ctx.out);
}

/** Same digits, two readings: the organisation's code beats an ID number, an ID number beats a card. */
const BEATS: Partial<Record<FindingKind, readonly FindingKind[]>> = {
  credit_code: ['id_card', 'bank_card'],
  id_card: ['bank_card'],
};

function outranks(a: Finding, b: Finding): number {
  if (BEATS[a.kind]?.includes(b.kind)) return -1;
  if (BEATS[b.kind]?.includes(a.kind)) return 1;
  return SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] || b.score - a.score || b.end - b.start - (a.end - a.start) || a.start - b.start;
}

/**
 * Overlapping findings are grouped; in each group the strongest is kept (explicit precedence, then
 * severity, score, length) and then every finding that overlaps nothing already kept. Taken
 * characters are marked in a bitmap, so a long chain of overlaps costs its length, not its square.
 */
export function resolveOverlaps(findings: readonly Finding[]): Finding[] {
  const sorted = [...findings].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Finding[] = [];
  let group: Finding[] = [];
  let groupEnd = -1;
  const flush = () => {
    if (group.length === 1) {
      out.push(group[0]!);
    } else if (group.length > 1) {
      const base = group[0]!.start;
      const taken = new Uint8Array(groupEnd - base);
      const kept: Finding[] = [];
      for (const f of [...group].sort(outranks)) {
        if (taken.subarray(f.start - base, f.end - base).includes(1)) continue;
        taken.fill(1, f.start - base, f.end - base);
        kept.push(f);
      }
      out.push(...kept.sort((a, b) => a.start - b.start));
    }
    group = [];
  };
  for (const f of sorted) {
    if (f.start >= groupEnd) flush();
    group.push(f);
    groupEnd = Math.max(groupEnd, f.end);
  }
  flush();
  return out;
}
