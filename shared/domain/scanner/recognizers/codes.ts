import { isValidCreditCode, isValidOrgCode } from '../../unit-code.js';
import { ALNUM_AFTER, ALNUM_BEFORE, eachMatch, push, wordBefore, type Run, type ScanContext } from './common.js';
import { isValidIdCard } from './id-card.js';

/** 统一社会信用代码, 护照/通行证, 机动车号牌 and e-mail addresses: the lettered identifiers. */

// --- credit_code -------------------------------------------------------------------------------

const CREDIT = new RegExp(`${ALNUM_BEFORE}[0-9A-Za-z]{18}${ALNUM_AFTER}`, 'g');
const CREDIT_CONTEXT = /信用代码|机构代码|组织代码|登记证号|单位代码/;
// GB 32100 登记管理部门码 + 机构类别码 (11 机关, 12 事业单位, 51 社会团体, 91 企业 …), and characters
// 9–17 are a GB 11714 organisation code with its own check. Both are required of all-digit strings,
// which would otherwise read as a code once in 31 by chance; 44…, 45… (Guangdong, Guangxi IDs) never do.
const AUTHORITY_AND_TYPE = /^(?:1[1239]|2[19]|3[1-59]|4[19]|5[1239]|6[129]|7[129]|8[19]|9[123])/;

/**
 * An organisation's public identifier: info, and it beats id_card on the same span. An all-digit
 * code can also be a valid ID number (about one ID in 340 passes both checks); without a 信用代码
 * context word we take it for the ID, because missing an ID costs more than a false block.
 */
export function recognizeCreditCodes(run: Run, ctx: ScanContext): void {
  eachMatch(CREDIT, run, (m, start, end) => {
    const code = m[0].toUpperCase();
    if (!/\d/.test(code) || !isValidCreditCode(code)) return;
    const org = isValidOrgCode(code.slice(8, 17));
    if (/^\d{17}[\dX]$/.test(code) && !(AUTHORITY_AND_TYPE.test(code) && org)) return;
    const word = wordBefore(ctx.text, start, CREDIT_CONTEXT, 20);
    if (!word && isValidIdCard(code, ctx.referenceYear)) return;
    const notes = ['GB 32100 check character valid'];
    if (org) notes.push('embedded GB 11714 organisation code valid');
    if (word) notes.push(`context word ${word}`);
    push(ctx, 'credit_code', start, end, 'info', 0.85 + (org ? 0.05 : 0) + (word ? 0.05 : 0), notes);
  });
}

// --- passport ----------------------------------------------------------------------------------

// E + 8 digits or E + letter + 7 digits (电子护照), G + 8 digits (older passports): specific enough
// alone. C (往来港澳通行证), H and M (港澳居民来往内地通行证) + 8 digits look like any serial: context only.
const PASSPORT = new RegExp(`${ALNUM_BEFORE}(?:([EG])\\d{8}|(E)[A-HJ-NP-Z]\\d{7}|([CHM])\\d{8})${ALNUM_AFTER}`, 'g');
const PASSPORT_CONTEXT = /护照|通行证|回乡证|旅行证|证件号|出入境/;
const SERIAL_CONTEXT = /型号|编号|订单|批次|代码|货号|规格|序列号/;
const DOCUMENTS: Readonly<Record<string, string>> = {
  E: 'ordinary passport',
  G: 'ordinary passport (pre-2012)',
  C: '往来港澳通行证',
  H: '港澳居民来往内地通行证 (Hong Kong)',
  M: '港澳居民来往内地通行证 (Macao)',
};

export function recognizePassports(run: Run, ctx: ScanContext): void {
  eachMatch(PASSPORT, run, (m, start, end) => {
    const letter = m[1] ?? m[2] ?? m[3] ?? '';
    const word = wordBefore(ctx.text, start, PASSPORT_CONTEXT, 20);
    const notes = [`format ${m[0][0]}${m[2] ? '+letter+7 digits' : '+8 digits'}: ${DOCUMENTS[letter]}`];
    if (!word) {
      if (m[3]) return;
      // G20260302 is a dated serial number, not a passport.
      if (/^\d{8}$/.test(m[0].slice(1)) && /^(?:19|20)\d\d(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])$/.test(m[0].slice(1))) return;
      if (wordBefore(ctx.text, start, SERIAL_CONTEXT, 12)) return;
    } else {
      notes.push(`context word ${word} +0.35`);
    }
    push(ctx, 'passport', start, end, 'warn', (m[3] ? 0.4 : 0.5) + (word ? 0.35 : 0), notes);
  });
}

// --- license_plate -----------------------------------------------------------------------------

const PROVINCE_ABBREVIATIONS = '京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼';
// The run starts at the issuing-authority letter; the province character is just before it.
const PLATE = /^([A-HJ-NP-Z])[·•・ ]?([A-HJ-NP-Z0-9]{5,6})(?![0-9A-Za-z])/;
const NEW_ENERGY = /^(?:[DF][A-HJ-NP-Z0-9]\d{4}|\d{5}[DF])$/;
const PLATE_CONTEXT = /车牌|号牌|车辆|车号|驾驶|机动车/;

export function recognizeLicensePlate(run: Run, ctx: ScanContext): void {
  if (run.start === 0 || !PROVINCE_ABBREVIATIONS.includes(ctx.text[run.start - 1]!)) return;
  const m = PLATE.exec(run.s);
  if (!m) return;
  const tail = m[2]!;
  const digitCount = tail.replace(/\D/g, '').length;
  let form: string;
  if (tail.length === 6 && NEW_ENERGY.test(tail)) form = 'new-energy letter+6';
  else if (tail.length === 5 && digitCount >= 3) form = 'letter+5';
  else return;
  const start = run.start - 1;
  const end = run.start + m[0].length;
  const notes = [`province ${ctx.text[start]}`, `format ${form}`];
  const word = wordBefore(ctx.text, start, PLATE_CONTEXT, 16);
  if (word) notes.push(`context word ${word} +0.2`);
  push(ctx, 'license_plate', start, end, 'warn', 0.7 + (word ? 0.2 : 0), notes);
}

// --- email -------------------------------------------------------------------------------------

// The look-behind starts each match at the whole local part, so a long run cannot go quadratic.
const EMAIL = /(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}(?![A-Za-z0-9])/g;
const GOVERNMENT = /(?:^|\.)gov\.cn$/i;
const WEBMAIL = new Set(['qq.com', 'foxmail.com', '163.com', '126.com', 'yeah.net', 'sina.com', 'sina.cn', 'sohu.com', '139.com', '189.cn', 'wo.cn', 'aliyun.com', 'gmail.com', 'hotmail.com', 'outlook.com', 'live.com', 'yahoo.com', 'icloud.com', 'vip.qq.com', 'vip.163.com']);

export function recognizeEmails(run: Run, ctx: ScanContext): void {
  eachMatch(EMAIL, run, (m, start, end) => {
    const domain = m[0].slice(m[0].indexOf('@') + 1).toLowerCase();
    if (GOVERNMENT.test(domain)) {
      push(ctx, 'email', start, end, 'info', 0.9, [`domain ${domain}: government mailbox`]);
    } else {
      push(ctx, 'email', start, end, 'warn', 0.9, [`domain ${domain}: ${WEBMAIL.has(domain) ? 'personal webmail' : 'non-government domain'}`]);
    }
  });
}
