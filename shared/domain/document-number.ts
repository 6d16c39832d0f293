/**
 * 发文字号, as GB/T 9704-2012《党政机关公文格式》§7.2.5 lays it down: 发文机关代字 + 年份 + 发文顺序号,
 * e.g. 国办发〔2018〕23号. "年份、发文顺序号用阿拉伯数字标注；年份应标全称，用六角括号〔〕括入；
 * 发文顺序号不加'第'字，不编虚位（即1不编为01），在阿拉伯数字后加'号'字。"
 *
 * Inspections count a malformed 文号 against the unit, and the usual slips ([2018], 〔18〕, 第12号,
 * 012号) are mechanical, so we name each one and offer the corrected string — but only when every
 * problem has exactly one right repair. An empty 文号 is fine here; the caller decides if it is required.
 */

export const DOCUMENT_NUMBER_PROBLEMS = [
  'whitespace', // spaces (also full-width or zero-width ones) inside the number
  'fullwidth_digits', // ２０１８ instead of 2018
  'missing_agency', // no 发文机关代字 before the year
  'wrong_brackets', // [2018] 【2018】 (2018) （2018） ［2018］ ﹝2018﹞ or a mismatched pair
  'short_year', // 〔18〕: params.year is the full year we would write
  'short_year_ambiguous', // 〔98〕: 1998 or 2098? We do not guess
  'bad_year', // 〔201〕, 〔1848〕, or a year after next
  'ordinal_prefix', // 第12号
  'chinese_numerals', // 二十三号: must be Arabic digits, and we do not convert
  'leading_zero', // 012号 (虚位)
  'zero_serial', // 0号
  'missing_serial', // 〔2018〕号
  'missing_hao', // no trailing 号
  'unrecognised', // not of the form 代字〔年份〕序号号 at all
] as const;
export type DocumentNumberProblemCode = (typeof DOCUMENT_NUMBER_PROBLEMS)[number];

export interface DocumentNumberProblem {
  code: DocumentNumberProblemCode;
  /** Whether the suggestion repairs this problem; one unfixable problem means no suggestion. */
  fixable: boolean;
  /** For the message, e.g. { found: '[]' } or { written: '18', year: '2018' }. */
  params?: Record<string, string>;
}

export type DocumentNumberCheck =
  | { ok: true; value: string }
  | { ok: false; problems: DocumentNumberProblem[]; suggestion: string | null };

// Spaces a paste from Word or a web page may carry, including ones that do not show.
const INVISIBLE = '\\s\\u200B-\\u200D\\u2060\\uFEFF';
const SPACE_CHAR = new RegExp(`^[${INVISIBLE}]$`);
const INNER_SPACE = new RegExp(`[${INVISIBLE}]`);
const ALL_INNER_SPACE = new RegExp(`[${INVISIBLE}]`, 'g');

const OPEN_BRACKETS = '〔[［【〖〘﹝(（{｛⦗';
const CLOSE_BRACKETS = '〕]］】〗〙﹞)）}｝⦘';
const escapeClass = (chars: string) => chars.replace(/[\]\\[^-]/g, '\\$&');
const SHAPE = new RegExp(
  `^(?<agency>[^${escapeClass(OPEN_BRACKETS + CLOSE_BRACKETS)}]*)` +
    `(?<open>[${escapeClass(OPEN_BRACKETS)}])(?<year>\\d+)(?<close>[${escapeClass(CLOSE_BRACKETS)}])` +
    '(?<ordinal>第?)(?<serial>\\d*|[〇零一二三四五六七八九十百千两]+)(?<hao>号?)$',
  'u',
);
// 机关代字 are Chinese characters, now and then with Latin letters; a digit there means we misread.
const AGENCY = /^[\p{Script=Han}A-Za-z]+$/u;

// By hand: /^\s+|\s+$/ is quadratic on a long run of inner spaces.
function trimInvisible(s: string): string {
  let start = 0;
  let end = s.length;
  while (start < end && SPACE_CHAR.test(s[start]!)) start++;
  while (end > start && SPACE_CHAR.test(s[end - 1]!)) end--;
  return s.slice(start, end);
}

const FIRST_YEAR = 1949;
const MAX_LENGTH = 60; // the longest 机关代字 we know is about a dozen characters

/**
 * Checks a 发文字号 as typed or pasted. Surrounding spaces are trimmed silently; everything else is
 * reported. `currentYear` bounds plausible years (a 文号 may be drafted in December for next year)
 * and decides whether 〔18〕 can only mean 2018; it defaults to the clock's year.
 */
export function checkDocumentNumber(input: string, options: { currentYear?: number } = {}): DocumentNumberCheck {
  const currentYear = options.currentYear ?? new Date().getFullYear();
  const trimmed = trimInvisible(input);
  if (!trimmed) return { ok: true, value: '' };
  if (trimmed.length > MAX_LENGTH) return { ok: false, problems: [{ code: 'unrecognised', fixable: false }], suggestion: null };

  const problems: DocumentNumberProblem[] = [];
  const fixable = (code: DocumentNumberProblemCode, params?: Record<string, string>) =>
    problems.push(params ? { code, fixable: true, params } : { code, fixable: true });
  const unfixable = (code: DocumentNumberProblemCode, params?: Record<string, string>) =>
    problems.push(params ? { code, fixable: false, params } : { code, fixable: false });

  let s = trimmed;
  if (INNER_SPACE.test(s)) {
    fixable('whitespace');
    s = s.replace(ALL_INNER_SPACE, '');
  }
  if (/[０-９]/.test(s)) {
    fixable('fullwidth_digits');
    s = s.replace(/[０-９]/g, (d) => String(d.charCodeAt(0) - 0xff10));
  }

  const m = SHAPE.exec(s)?.groups;
  if (!m || (m.agency && !AGENCY.test(m.agency))) {
    return { ok: false, problems: [{ code: 'unrecognised', fixable: false }], suggestion: null };
  }
  const { agency = '', open = '', close = '', ordinal, hao } = m;
  let year = m.year ?? '';
  let serial = m.serial ?? '';

  if (!agency) unfixable('missing_agency');
  if (open !== '〔' || close !== '〕') fixable('wrong_brackets', { found: open + close });

  if (year.length === 2) {
    const full = 2000 + Number(year);
    // Only 20YY up to this year is certain; 〔98〕 could be 1998, and 〔27〕 in 2026 is no year yet.
    if (full <= currentYear) {
      fixable('short_year', { written: year, year: String(full) });
      year = String(full);
    } else {
      unfixable('short_year_ambiguous', { written: year });
    }
  } else if (year.length !== 4 || Number(year) < FIRST_YEAR || Number(year) > currentYear + 1) {
    unfixable('bad_year', { year });
  }

  if (ordinal) fixable('ordinal_prefix');
  if (!serial) {
    unfixable('missing_serial');
  } else if (!/^\d+$/.test(serial)) {
    unfixable('chinese_numerals', { serial });
  } else if (/^0+$/.test(serial)) {
    unfixable('zero_serial');
  } else if (serial.startsWith('0')) {
    const bare = serial.replace(/^0+/, '');
    fixable('leading_zero', { written: serial, serial: bare });
    serial = bare;
  }
  if (serial && !hao) fixable('missing_hao');

  const value = `${agency}〔${year}〕${serial}号`;
  if (!problems.length) return { ok: true, value };
  return { ok: false, problems, suggestion: problems.every((p) => p.fixable) ? value : null };
}
