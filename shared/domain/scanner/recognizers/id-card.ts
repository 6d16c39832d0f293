import { ALNUM_AFTER, ALNUM_BEFORE, eachMatch, push, wordBefore, type Run, type ScanContext } from './common.js';

/**
 * 居民身份证号 (GB 11643-1999): 6-digit region, 8-digit birth date, 3-digit sequence, check
 * character. The legacy 15-digit form (before 1999) has a 2-digit year and no check character.
 */

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

/** First two digits: the province. 83 is the prefix of 台湾居民居住证, which shares the format. */
export const PROVINCES: Readonly<Record<string, string>> = {
  '11': 'Beijing', '12': 'Tianjin', '13': 'Hebei', '14': 'Shanxi', '15': 'Inner Mongolia',
  '21': 'Liaoning', '22': 'Jilin', '23': 'Heilongjiang',
  '31': 'Shanghai', '32': 'Jiangsu', '33': 'Zhejiang', '34': 'Anhui', '35': 'Fujian', '36': 'Jiangxi', '37': 'Shandong',
  '41': 'Henan', '42': 'Hubei', '43': 'Hunan', '44': 'Guangdong', '45': 'Guangxi', '46': 'Hainan',
  '50': 'Chongqing', '51': 'Sichuan', '52': 'Guizhou', '53': 'Yunnan', '54': 'Tibet',
  '61': 'Shaanxi', '62': 'Gansu', '63': 'Qinghai', '64': 'Ningxia', '65': 'Xinjiang',
  '71': 'Taiwan', '81': 'Hong Kong', '82': 'Macao', '83': 'Taiwan residence permit',
};

export function idCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

function isDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const days = [31, y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;
  return d <= days;
}

export interface IdCardFacts {
  form: 18 | 15;
  region: string;
  province: string;
  birthDate: string;
  checkValid: boolean;
}

/**
 * Region and birth date of a compact ID number (digits, final X in either case), or null when the
 * shape, province or date is implausible. `checkValid` is false for an 18-digit number whose check
 * character is wrong: the caller decides what that means (not an ID here; not a card either).
 */
export function idCardFacts(id: string, referenceYear: number): IdCardFacts | null {
  let form: 18 | 15;
  let y: number;
  if (/^\d{17}[\dXx]$/.test(id)) {
    form = 18;
    y = Number(id.slice(6, 10));
  } else if (/^\d{15}$/.test(id)) {
    form = 15;
    y = 1900 + Number(id.slice(6, 8));
  } else {
    return null;
  }
  const province = PROVINCES[id.slice(0, 2)];
  if (!province) return null;
  const md = form === 18 ? id.slice(10, 14) : id.slice(8, 12);
  const m = Number(md.slice(0, 2));
  const d = Number(md.slice(2));
  if (y < 1900 || y > referenceYear || !isDate(y, m, d)) return null;
  return {
    form,
    region: id.slice(0, 6),
    province: `${id.slice(0, 2)} (${province})`,
    birthDate: `${y}-${md.slice(0, 2)}-${md.slice(2)}`,
    checkValid: form === 15 || idCheckChar(id) === id[17]!.toUpperCase(),
  };
}

export function isValidIdCard(id: string, referenceYear: number): boolean {
  const facts = idCardFacts(id, referenceYear);
  return facts !== null && facts.checkValid;
}

// 6-8-4 with single spaces is how forms print it; otherwise one unbroken run. A 残疾人证号 is the
// ID number with the disability category (1–7) and grade (1–4) appended: the ID is in there.
const PATTERN = new RegExp(`${ALNUM_BEFORE}(?:\\d{6} ?\\d{8} ?\\d{3}[\\dXx](?:[1-7][1-4])?|\\d{15})${ALNUM_AFTER}`, 'g');
export const ID_CONTEXT = /身份证|身份号码|公民身份|证件号|残疾人?证/;
const DISABILITY_CONTEXT = /残疾人?证/;
const CONTEXT_WIDTH = 20;
const BASE = { 18: 0.85, 15: 0.5 } as const;

export function recognizeIdCards(run: Run, ctx: ScanContext): void {
  eachMatch(PATTERN, run, (m, start, end) => {
    let id = m[0].replace(/ /g, '');
    const word = wordBefore(ctx.text, start, ID_CONTEXT, CONTEXT_WIDTH);
    const disability = id.length === 20;
    if (disability) {
      if (!word || !DISABILITY_CONTEXT.test(word)) return;
      id = id.slice(0, 18);
    }
    const facts = idCardFacts(id, ctx.referenceYear);
    if (!facts || !facts.checkValid) return;
    // Region-and-date-shaped 15-digit serials (许可证号, 档案号) are common; the legacy form needs a word.
    if (facts.form === 15 && !word) return;
    const notes = [
      facts.form === 18 ? 'GB 11643 check digit valid' : '15-digit legacy form',
      `birth date ${facts.birthDate}`,
      `region ${facts.province}`,
    ];
    const bonus = facts.form === 18 ? 0.1 : 0.4;
    if (disability) notes.push('残疾人证号: the ID number with category and grade appended');
    if (word) notes.push(`context word ${word} +${bonus}`);
    push(ctx, 'id_card', start, end, 'block', BASE[facts.form] + (word ? bonus : 0), notes);
  });
}
