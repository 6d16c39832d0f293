import { describe, expect, it } from 'vitest';
import {
  DEFAULT_INDEX_PATTERN,
  formatIndexNumber,
  serialScope,
  validateIndexPattern,
  type IndexPatternProblem,
} from '../../shared/domain/index-number.js';

const CODE = '11441700007280420Y';

describe('formatIndexNumber', () => {
  it.each([
    [DEFAULT_INDEX_PATTERN, '2026-03-05', 1, '11441700007280420Y/2026-00001'],
    [DEFAULT_INDEX_PATTERN, '2026-12-31', 123, '11441700007280420Y/2026-00123'],
    [DEFAULT_INDEX_PATTERN, '2026-01-01', 99999, '11441700007280420Y/2026-99999'],
    ['{code}/{yearmonth}-{serial:4}', '2026-03-05', 7, '11441700007280420Y/202603-0007'],
    ['{code}-{year}-{serial:1}', '2026-03-05', 7, '11441700007280420Y-2026-7'],
    ['{code}-{year}-{serial:8}', '2026-03-05', 7, '11441700007280420Y-2026-00000007'],
    ['{code}{year}{serial:3}', '2026-03-05', 42, '11441700007280420Y2026042'],
    ['{code}/0202-{year}-{serial:5}', '2026-03-05', 1, '11441700007280420Y/0202-2026-00001'],
    ['{year}/{code}/{serial:5}', '2024-02-29', 1, '2024/11441700007280420Y/00001'],
  ])('%s on %s with serial %i → %s', (pattern, date, serial, expected) => {
    expect(formatIndexNumber(pattern, { code: CODE, date, serial })).toBe(expected);
  });

  it.each([
    [DEFAULT_INDEX_PATTERN, 100000, '11441700007280420Y/2026-100000'],
    ['{code}/{year}-{serial:1}', 10, '11441700007280420Y/2026-10'],
    ['{code}/{yearmonth}-{serial:2}', 1234, '11441700007280420Y/202603-1234'],
  ])('keeps every digit of a serial wider than the pattern: %s, %i → %s', (pattern, serial, expected) => {
    expect(formatIndexNumber(pattern, { code: CODE, date: '2026-03-05', serial })).toBe(expected);
  });

  it('works with a 9-character 组织机构代码 as well', () => {
    expect(formatIndexNumber(DEFAULT_INDEX_PATTERN, { code: '000014349', date: '2018-05-01', serial: 23 })).toBe('000014349/2018-00023');
  });

  it.each([
    ['{code}/{serial:5}', '2026-03-05', 1, /missing_date/],
    [DEFAULT_INDEX_PATTERN, '2026-02-30', 1, /not a date/],
    [DEFAULT_INDEX_PATTERN, '2026-13-01', 1, /not a date/],
    [DEFAULT_INDEX_PATTERN, '2026/03/05', 1, /not a date/],
    [DEFAULT_INDEX_PATTERN, '2026-03-05', 0, /positive integer/],
    [DEFAULT_INDEX_PATTERN, '2026-03-05', -3, /positive integer/],
    [DEFAULT_INDEX_PATTERN, '2026-03-05', 1.5, /positive integer/],
    [DEFAULT_INDEX_PATTERN, '2026-03-05', Number.NaN, /positive integer/],
  ])('refuses %s, %s, %d', (pattern, date, serial, message) => {
    expect(() => formatIndexNumber(pattern, { code: CODE, date, serial })).toThrow(message);
  });

  it('refuses an empty unit code', () => {
    expect(() => formatIndexNumber(DEFAULT_INDEX_PATTERN, { code: '', date: '2026-03-05', serial: 1 })).toThrow(/unit code/);
  });
});

describe('serialScope', () => {
  it.each([
    [DEFAULT_INDEX_PATTERN, '2026-03-05', '2026'],
    [DEFAULT_INDEX_PATTERN, '2026-12-31', '2026'],
    ['{code}/{yearmonth}-{serial:4}', '2026-03-05', '202603'],
    ['{code}/{yearmonth}-{serial:4}', '2026-12-31', '202612'],
    ['{code}/{year}/{yearmonth}-{serial:4}', '2026-03-05', '202603'],
  ])('%s on %s counts in %s', (pattern, date, scope) => {
    expect(serialScope(pattern, date)).toBe(scope);
  });

  it('is the same key for every date whose numbers share a counter', () => {
    expect(serialScope(DEFAULT_INDEX_PATTERN, '2026-01-01')).toBe(serialScope(DEFAULT_INDEX_PATTERN, '2026-12-31'));
    expect(serialScope('{code}-{yearmonth}-{serial:3}', '2026-03-01')).not.toBe(serialScope('{code}-{yearmonth}-{serial:3}', '2026-04-01'));
  });

  it('refuses an invalid pattern or date', () => {
    expect(() => serialScope('{code}-{serial:5}', '2026-03-05')).toThrow(/missing_date/);
    expect(() => serialScope(DEFAULT_INDEX_PATTERN, 'yesterday')).toThrow(/not a date/);
  });
});

describe('validateIndexPattern', () => {
  it.each([
    DEFAULT_INDEX_PATTERN,
    '{code}/{yearmonth}-{serial:4}',
    '{code}-{year}-{serial:1}',
    '{code}{year}{serial:8}',
    '{code}/0202-{year}-{serial:5}',
    '{code}/{year}/{yearmonth}-{serial:3}',
  ])('accepts %s', (pattern) => {
    expect(validateIndexPattern(pattern)).toEqual([]);
  });

  it.each<[string, IndexPatternProblem[]]>([
    ['', ['missing_code', 'missing_date', 'missing_serial']],
    ['{year}-{serial:5}', ['missing_code']],
    ['{code}-{serial:5}', ['missing_date']],
    ['{code}/{year}', ['missing_serial']],
    ['{code}/{year}-{serial:5}-{serial:2}', ['multiple_serial']],
    ['{code}/{code}/{year}-{serial:5}', ['duplicate_token']],
    ['{code}/{year}-{year}-{serial:5}', ['duplicate_token']],
    ['{code}/{year}-{serial}', ['bad_serial_width']],
    ['{code}/{year}-{serial:0}', ['bad_serial_width']],
    ['{code}/{year}-{serial:9}', ['bad_serial_width']],
    ['{code}/{year}-{serial:05}', ['bad_serial_width']],
    ['{code}/{year}-{serial:x}', ['bad_serial_width']],
    ['{code}/{Year}-{serial:5}', ['missing_date', 'unknown_token']],
    ['{code}/{year}-{month}-{serial:5}', ['unknown_token']],
    ['{code}/{}-{year}-{serial:5}', ['unknown_token']],
    ['{code}/{year-{serial:5}', ['missing_date', 'unbalanced_brace']],
    ['{code}/{year}-{serial:5', ['missing_serial', 'unbalanced_brace']],
    ['{code}}/{year}-{serial:5}', ['unbalanced_brace']],
    ['{{code}}/{year}-{serial:5}', ['unbalanced_brace']],
    ['{code} / {year}-{serial:5}', ['bad_literal']],
    ['{code}/{year}-\t{serial:5}', ['bad_literal']],
    ['{code}/{year}-{serial:5}\u200B', ['bad_literal']],
  ])('%j → %j', (pattern, problems) => {
    expect(validateIndexPattern(pattern)).toEqual(problems);
  });

  it('formats nothing with a pattern it rejects', () => {
    expect(() => formatIndexNumber('{code}/{year}-{serial:9}', { code: CODE, date: '2026-03-05', serial: 1 })).toThrow(/bad_serial_width/);
  });
});
