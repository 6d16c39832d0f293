/**
 * 索引号: the catalogue number every disclosed item carries for life, built from a pattern set per
 * unit (units differ; many follow 单位代码/年份-流水号). Tokens: {code} the unit's code, {year}
 * (YYYY), {yearmonth} (YYYYMM), {serial:N} the serial zero-padded to N digits (1–8); anything
 * else is literal text.
 *
 * Serials run per scope — per year, or per month for {yearmonth} patterns — so the caller keeps one
 * counter per `serialScope()` key, takes the next value in the same transaction that stores the
 * number, and never hands a serial out twice, not even after a delete or a withdrawal: a 索引号 once
 * published may be cited. Keep a UNIQUE constraint on the stored number as well, because a changed
 * pattern can, in corner cases, spell a new number the same way as an old one.
 */

export const DEFAULT_INDEX_PATTERN = '{code}/{year}-{serial:5}';

export const INDEX_PATTERN_PROBLEMS = [
  'missing_code', // no {code}
  'missing_date', // neither {year} nor {yearmonth}
  'missing_serial', // no {serial:N}
  'multiple_serial', // more than one {serial:N}
  'duplicate_token', // {code}, {year} or {yearmonth} twice
  'bad_serial_width', // {serial}, {serial:0}, {serial:9}, {serial:05} …
  'unknown_token', // {foo}, {Year}
  'unbalanced_brace', // a { without its }, or a stray }
  'bad_literal', // spaces or control characters between the tokens
] as const;
export type IndexPatternProblem = (typeof INDEX_PATTERN_PROBLEMS)[number];

type Part =
  | { kind: 'literal'; text: string }
  | { kind: 'code' | 'year' | 'yearmonth' }
  | { kind: 'serial'; width: number };

function parsePattern(pattern: string): { parts: Part[]; problems: IndexPatternProblem[] } {
  const parts: Part[] = [];
  const problems = new Set<IndexPatternProblem>();
  const seen = new Map<string, number>();
  const count = (kind: string) => seen.set(kind, (seen.get(kind) ?? 0) + 1);

  for (const piece of pattern.split(/(\{[^{}]*\})/)) {
    if (!piece) continue;
    const token = /^\{(.*)\}$/s.exec(piece)?.[1];
    if (token === undefined) {
      if (/[{}]/.test(piece)) problems.add('unbalanced_brace');
      if (/[\s\p{Cc}\p{Cf}]/u.test(piece)) problems.add('bad_literal');
      parts.push({ kind: 'literal', text: piece });
    } else if (token === 'code' || token === 'year' || token === 'yearmonth') {
      count(token);
      parts.push({ kind: token });
    } else if (token === 'serial' || token.startsWith('serial:')) {
      count('serial');
      const width = /^serial:([1-8])$/.exec(token)?.[1];
      if (width === undefined) problems.add('bad_serial_width');
      parts.push({ kind: 'serial', width: Number(width ?? 1) });
    } else {
      problems.add('unknown_token');
    }
  }

  if (!seen.has('code')) problems.add('missing_code');
  if (!seen.has('year') && !seen.has('yearmonth')) problems.add('missing_date');
  if (!seen.has('serial')) problems.add('missing_serial');
  if ((seen.get('serial') ?? 0) > 1) problems.add('multiple_serial');
  if (['code', 'year', 'yearmonth'].some((k) => (seen.get(k) ?? 0) > 1)) problems.add('duplicate_token');
  return { parts, problems: INDEX_PATTERN_PROBLEMS.filter((p) => problems.has(p)) };
}

/** Everything wrong with a pattern, in a fixed order; empty when it can be used. */
export function validateIndexPattern(pattern: string): IndexPatternProblem[] {
  return parsePattern(pattern).problems;
}

function usableParts(pattern: string): Part[] {
  const { parts, problems } = parsePattern(pattern);
  if (problems.length) throw new Error(`index pattern ${JSON.stringify(pattern)}: ${problems.join(', ')}`);
  return parts;
}

function yearAndMonth(date: string): { year: string; month: string } {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const [year = '', month = '', day = ''] = m ? m.slice(1) : [];
  const probe = new Date(`${date}T00:00:00Z`);
  if (!m || Number.isNaN(probe.getTime()) || probe.getUTCDate() !== Number(day)) {
    throw new Error(`index number: not a date: ${JSON.stringify(date)}`);
  }
  return { year, month };
}

/**
 * The 索引号 for one item. A serial wider than {serial:N} keeps all its digits (00001 … 99999,
 * 100000): truncating would repeat an earlier number. Throws on an invalid pattern, date or
 * serial — settings and the counter validate those before we get here.
 */
export function formatIndexNumber(pattern: string, input: { code: string; date: string; serial: number }): string {
  const parts = usableParts(pattern);
  const { year, month } = yearAndMonth(input.date);
  if (!Number.isSafeInteger(input.serial) || input.serial < 1) {
    throw new Error(`index number: serial must be a positive integer, got ${input.serial}`);
  }
  if (!input.code) throw new Error('index number: the unit code is empty');
  return parts
    .map((part) => {
      switch (part.kind) {
        case 'literal':
          return part.text;
        case 'code':
          return input.code;
        case 'year':
          return year;
        case 'yearmonth':
          return year + month;
        case 'serial':
          return String(input.serial).padStart(part.width, '0');
      }
    })
    .join('');
}

/**
 * The counter a date's serial comes from under this pattern: '2026' for yearly numbering,
 * '202603' when the pattern carries {yearmonth}. Throws on an invalid pattern or date.
 */
export function serialScope(pattern: string, date: string): string {
  const parts = usableParts(pattern);
  const { year, month } = yearAndMonth(date);
  return parts.some((p) => p.kind === 'yearmonth') ? year + month : year;
}
