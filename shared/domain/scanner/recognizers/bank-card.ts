import { ALNUM_BEFORE, eachMatch, isQuantity, push, wordBefore, type Run, type ScanContext } from './common.js';
import { idCardFacts, PROVINCES } from './id-card.js';

/**
 * 银行卡号: 16–19 digits passing Luhn, unbroken or in groups of four. One random number in ten
 * passes Luhn, so a card also needs an issuer prefix whose length fits (62 UnionPay 16–19, 4 Visa
 * 16/19 …) or a context word; 订单号/流水号 before it rule it out. 存折 and 农信社 account numbers
 * often fail Luhn and run to 20 or 21 digits: with 账号/开户行 just before them they are reported
 * all the same.
 */

const PATTERN = new RegExp(`${ALNUM_BEFORE}(?:\\d{16,21}|\\d{4}([ -])\\d{4}\\1\\d{4}\\1\\d{4}(?:\\1\\d{1,3})?)(?![0-9A-Za-z]|\\.\\d)`, 'g');
export const BANK_CONTEXT = /银行卡|银行账|卡号|账号|帐号|开户行|开户银行|存折|社保卡|收款账户|账户/;
const SERIAL_CONTEXT = /订单|流水号|编号|单号|批次|发票|合同|凭证|登记号|档案号|序列号|代码|条码|运单/;
const CONTEXT_WIDTH = 20;
const SERIAL_WIDTH = 12;

export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = digits.length - 1, double = false; i >= 0; i--, double = !double) {
    let d = digits.charCodeAt(i) - 48;
    if (double) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0;
}

/** The card scheme whose prefix and length fit, or null. */
export function cardIssuer(digits: string): string | null {
  const n = digits.length;
  if (digits.startsWith('62')) return '62 (UnionPay)';
  if (digits.startsWith('60')) return '60 (UnionPay/Discover)';
  if (digits[0] === '4' && (n === 16 || n === 19)) return '4 (Visa)';
  if (/^5[1-5]/.test(digits) && n === 16) return '5 (Mastercard)';
  const four = Number(digits.slice(0, 4));
  if (four >= 2221 && four <= 2720 && n === 16) return '2 (Mastercard)';
  if (digits.startsWith('35')) return '35 (JCB)';
  if (digits[0] === '9' && n === 19) return '9 (domestic debit: 95599, 9558, 90030 …)';
  return null;
}

export function recognizeBankCards(run: Run, ctx: ScanContext): void {
  eachMatch(PATTERN, run, (m, start, end) => {
    const digits = m[0].replace(/[ -]/g, '');
    if (isQuantity(ctx.text, start, end)) return;
    const id = digits.length === 18 ? idCardFacts(digits, ctx.referenceYear) : null;
    if (id?.checkValid) return; // an ID number, reported as such
    const idShaped = id !== null || (digits.length === 18 && PROVINCES[digits.slice(0, 2)] !== undefined && /^(?:19|20)$/.test(digits.slice(6, 8)));
    const serial = wordBefore(ctx.text, start, SERIAL_CONTEXT, SERIAL_WIDTH);
    if (serial) return;
    const word = wordBefore(ctx.text, start, BANK_CONTEXT, CONTEXT_WIDTH);
    const luhn = luhnValid(digits);
    const issuer = cardIssuer(digits);
    const notes = [luhn ? 'Luhn valid' : 'Luhn invalid', `${digits.length} digits`];
    let score: number;
    if (luhn && issuer && !idShaped && digits.length <= 19) {
      notes.push(`issuer ${issuer}`);
      score = 0.6;
    } else if (word) {
      // An ID-shaped number with a wrong check digit, an unknown issuer or a passbook account.
      if (idShaped) notes.push('shaped like an ID number (region, birth year)');
      notes.push(issuer ? `issuer ${issuer}` : 'no known issuer prefix');
      score = luhn ? 0.5 : 0.35;
    } else {
      return;
    }
    if (word) notes.push(`context word ${word} +0.3`);
    push(ctx, 'bank_card', start, end, 'block', score + (word ? 0.3 : 0), notes);
  });
}
