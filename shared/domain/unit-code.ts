/**
 * The unit's code is the 索引号 prefix: either a 9-character 组织机构代码 (GB 11714, often written
 * with a hyphen before the check character, e.g. 00001434-9) or an 18-character 统一社会信用代码
 * (GB 32100). Both carry a check character, which we verify so a typo is caught at setup rather
 * than on thousands of published index numbers.
 */

const GB32100_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const GB32100_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

const GB11714_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

export type UnitCodeKind = 'org_code' | 'credit_code';

export function isValidCreditCode(code: string): boolean {
  if (!/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(code)) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += GB32100_CHARS.indexOf(code[i]!) * GB32100_WEIGHTS[i]!;
  const check = (31 - (sum % 31)) % 31;
  return code[17] === GB32100_CHARS[check];
}

function orgCodeCharValue(c: string): number {
  return /\d/.test(c) ? Number(c) : c.charCodeAt(0) - 55; // A=10 … Z=35
}

export function isValidOrgCode(code: string): boolean {
  const compact = code.replace('-', '');
  if (!/^[0-9A-Z]{8}[0-9X]$/.test(compact)) return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += orgCodeCharValue(compact[i]!) * GB11714_WEIGHTS[i]!;
  const c = 11 - (sum % 11);
  const check = c === 10 ? 'X' : c === 11 ? '0' : String(c);
  return compact[8] === check;
}

/** Normalises a code as typed (spaces, lower case, hyphen) and says which kind it is, or null. */
export function parseUnitCode(input: string): { code: string; kind: UnitCodeKind } | null {
  const code = input.trim().toUpperCase().replace(/\s+/g, '');
  if (code.length === 18 && isValidCreditCode(code)) return { code, kind: 'credit_code' };
  const compact = code.replace('-', '');
  if (compact.length === 9 && isValidOrgCode(compact)) return { code: compact, kind: 'org_code' };
  return null;
}
