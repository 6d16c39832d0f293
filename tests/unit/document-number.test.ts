import { describe, expect, it } from 'vitest';
import { checkDocumentNumber, DOCUMENT_NUMBER_PROBLEMS, type DocumentNumberProblemCode } from '../../shared/domain/document-number.js';

const check = (input: string) => checkDocumentNumber(input, { currentYear: 2026 });
const codes = (input: string) => {
  const result = check(input);
  return result.ok ? [] : result.problems.map((p) => p.code);
};

describe('checkDocumentNumber', () => {
  it.each([
    '国办发〔2018〕23号',
    '雷府办〔2018〕5号',
    '国办公开办函〔2021〕30号',
    '粤办函〔2018〕360号',
    '国发〔1993〕1号',
    '雷府〔2027〕1号', // drafted in December for next year
  ])('accepts %s', (input) => {
    expect(check(input)).toEqual({ ok: true, value: input });
  });

  it.each([
    ['', ''],
    ['   ', ''],
    [' 国办发〔2018〕23号\u3000', '国办发〔2018〕23号'],
    ['\u200B国办发〔2018〕23号\n', '国办发〔2018〕23号'],
  ])('takes %j as %j: empty is allowed, surrounding spaces are trimmed', (input, value) => {
    expect(check(input)).toEqual({ ok: true, value });
  });

  it.each<[string, DocumentNumberProblemCode[], string | null]>([
    ['国办发[2018]23号', ['wrong_brackets'], '国办发〔2018〕23号'],
    ['国办发(2018)23号', ['wrong_brackets'], '国办发〔2018〕23号'],
    ['国办发（2018）23号', ['wrong_brackets'], '国办发〔2018〕23号'],
    ['国办发【2018】23号', ['wrong_brackets'], '国办发〔2018〕23号'],
    ['国办发［2018］23号', ['wrong_brackets'], '国办发〔2018〕23号'],
    ['国办发﹝2018﹞23号', ['wrong_brackets'], '国办发〔2018〕23号'],
    ['国办发〔2018)23号', ['wrong_brackets'], '国办发〔2018〕23号'],
    ['国办发〔18〕23号', ['short_year'], '国办发〔2018〕23号'],
    ['国办发〔26〕1号', ['short_year'], '国办发〔2026〕1号'],
    ['国办发〔98〕23号', ['short_year_ambiguous'], null],
    ['国办发〔27〕23号', ['short_year_ambiguous'], null],
    ['国办发〔201〕23号', ['bad_year'], null],
    ['国办发〔1848〕23号', ['bad_year'], null],
    ['国办发〔2081〕23号', ['bad_year'], null],
    ['国办发〔2018〕第12号', ['ordinal_prefix'], '国办发〔2018〕12号'],
    ['国办发〔2018〕012号', ['leading_zero'], '国办发〔2018〕12号'],
    ['国办发〔2018〕0号', ['zero_serial'], null],
    ['国办发〔2018〕二十三号', ['chinese_numerals'], null],
    ['国办发〔2018〕号', ['missing_serial'], null],
    ['国办发〔2018〕23', ['missing_hao'], '国办发〔2018〕23号'],
    ['〔2018〕23号', ['missing_agency'], null],
    ['国办发〔２０１８〕２３号', ['fullwidth_digits'], '国办发〔2018〕23号'],
    ['国办发 〔2018〕 23 号', ['whitespace'], '国办发〔2018〕23号'],
    ['国办发〔2018〕\u3000\u200B23号', ['whitespace'], '国办发〔2018〕23号'],
    // several slips at once, all mechanical
    ['国办发[18]第012', ['wrong_brackets', 'short_year', 'ordinal_prefix', 'leading_zero', 'missing_hao'], '国办发〔2018〕12号'],
    ['粤办函 【２０１８】 ０３６０', ['whitespace', 'fullwidth_digits', 'wrong_brackets', 'leading_zero', 'missing_hao'], '粤办函〔2018〕360号'],
    ['国办发（18）第5号', ['wrong_brackets', 'short_year', 'ordinal_prefix'], '国办发〔2018〕5号'],
    // one slip that cannot be repaired spoils the suggestion
    ['［18］第１２号', ['fullwidth_digits', 'missing_agency', 'wrong_brackets', 'short_year', 'ordinal_prefix'], null],
    ['国办发[98]第012号', ['wrong_brackets', 'short_year_ambiguous', 'ordinal_prefix', 'leading_zero'], null],
    ['国办发〔2018〕第二十三号', ['ordinal_prefix', 'chinese_numerals'], null],
    // not a 文号 at all
    ['hello', ['unrecognised'], null],
    ['关于印发某某办法的通知', ['unrecognised'], null],
    ['国办发2018年23号', ['unrecognised'], null],
    ['国办发201823号', ['unrecognised'], null],
    ['国办发〔2018〕23号文', ['unrecognised'], null],
    ['国办发〔2018〕23号、24号', ['unrecognised'], null],
    ['2018国办发〔2018〕23号', ['unrecognised'], null],
    ['国办发〔2018〕〔2019〕23号', ['unrecognised'], null],
    ['国办发〔二〇一八〕23号', ['unrecognised'], null],
    ['<script>', ['unrecognised'], null],
  ])('%s → %j, suggestion %j', (input, expected, suggestion) => {
    const result = check(input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => p.code)).toEqual(expected);
    expect(result.suggestion).toBe(suggestion);
    for (const p of result.problems) expect(DOCUMENT_NUMBER_PROBLEMS).toContain(p.code);
  });

  it.each([
    ['an over-long agency name', `${'国'.repeat(60)}〔2018〕1号`],
    ['100,000 spaces', `国${' '.repeat(100_000)}发〔2018〕1号`],
  ])('refuses %s as unrecognised, quickly', (_label, input) => {
    expect(check(input)).toEqual({ ok: false, problems: [{ code: 'unrecognised', fixable: false }], suggestion: null });
  });

  it('says what it found and what it would write', () => {
    const result = check('国办发[18]012号');
    expect(result.ok || result.problems).toEqual([
      { code: 'wrong_brackets', fixable: true, params: { found: '[]' } },
      { code: 'short_year', fixable: true, params: { written: '18', year: '2018' } },
      { code: 'leading_zero', fixable: true, params: { written: '012', serial: '12' } },
    ]);
  });

  it('never suggests a number it would itself reject', () => {
    const inputs = ['国办发[18]第012', '粤办函 【２０１８】 ０３６０', '国办发〔2018〕23', '国办发（18）第5号', '国办发 〔2018〕 23 号'];
    for (const input of inputs) {
      const result = check(input);
      expect(result.ok).toBe(false);
      if (!result.ok && result.suggestion) expect(check(result.suggestion)).toEqual({ ok: true, value: result.suggestion });
    }
  });

  it('reads two-digit years against the clock when no year is given', () => {
    const thisYear = new Date().getFullYear();
    const yy = String(thisYear % 100).padStart(2, '0');
    expect(checkDocumentNumber(`国办发〔${yy}〕1号`)).toMatchObject({ ok: false, suggestion: `国办发〔${thisYear}〕1号` });
    expect(codes('国办发〔2018〕23号')).toEqual([]);
  });
});
