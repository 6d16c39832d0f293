import { describe, expect, it } from 'vitest';
import { parseUnitCode } from '../../shared/domain/unit-code.js';

describe('parseUnitCode', () => {
  it.each([
    // 统一社会信用代码 seen on real catalogue entries
    ['11441700007280420Y', { code: '11441700007280420Y', kind: 'credit_code' }],
    ['11341702486344515H', { code: '11341702486344515H', kind: 'credit_code' }],
    ['91350100M000100Y43', { code: '91350100M000100Y43', kind: 'credit_code' }],
    [' 11441700007280420y ', { code: '11441700007280420Y', kind: 'credit_code' }],
    // 组织机构代码 of 国务院办公厅, plain and with its hyphen
    ['000014349', { code: '000014349', kind: 'org_code' }],
    ['00001434-9', { code: '000014349', kind: 'org_code' }],
    ['01527918X', { code: '01527918X', kind: 'org_code' }],
  ])('accepts %s', (input, expected) => {
    expect(parseUnitCode(input)).toEqual(expected);
  });

  it.each([
    ['11441700007280420X', 'wrong check character'],
    ['11441700007280420', 'too short'],
    ['114417000072804201Y', 'too long'],
    ['I1441700007280420Y', 'I is not in the GB 32100 alphabet'],
    ['000014348', 'wrong organisation-code check digit'],
    ['', 'empty'],
    ['雷州市政府办', 'not a code'],
  ])('rejects %s (%s)', (input) => {
    expect(parseUnitCode(input)).toBeNull();
  });
});
