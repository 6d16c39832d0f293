import { ALNUM_BEFORE, eachMatch, isQuantity, push, wordBefore, type Run, type ScanContext } from './common.js';

/**
 * 手机号 and 固定电话. A personal mobile is a block; a fixed line is usually an office, so it is a
 * warn, info when introduced as 联系电话/监督电话 and the like, and silent when it is one of the
 * unit's own published numbers.
 */

// 3-4-4 with spaces or hyphens, after +86, 0086 or 86; never glued to letters, '@' (a QQ mailbox) or a decimal.
const MOBILE = new RegExp(`(?<![0-9A-Za-z_@+])((?:\\+|00)?86[ -]?)?(1[3-9]\\d)[ -]?(\\d{4})[ -]?(\\d{4})(?![0-9A-Za-z@]|\\.\\d)`, 'g');
const MOBILE_CONTEXT = /手机|电话|联系方式|联系人|tel|mobile/i;

// Area codes: 010, 02X, then 0 + three digits; local numbers never start with 0 or 1.
const AREA = '0(?:10|2\\d|[3-9]\\d\\d)';
// The local number unbroken or split 3-4 / 4-4 (010-6512 3456).
const LANDLINE = new RegExp(`${ALNUM_BEFORE}(?:\\((${AREA})\\) ?|(${AREA})[ -]?)([2-9]\\d{2,3}[ -]?\\d{4})(?![0-9A-Za-z]|\\.\\d)`, 'g');
const EXTENSION_IN_RUN = /^(?:-|\s?(?:ext\.?|x)\s?)(\d{1,5})(?![0-9A-Za-z])/i;
const EXTENSION_AFTER = /^\s?(?:转|分机)\s?[0-9０-９]{1,5}(?![0-9０-９])/;
/** Words that introduce a number published for the public to call. */
export const SERVICE_CONTEXT = /联系电话|咨询电话|监督电话|办公电话|办公室电话|传真|举报电话|投诉电话|值班电话|服务电话|服务热线|热线电话|受理电话/;
const SERVICE_WIDTH = 12;
const CONTEXT_WIDTH = 16;

/** Digits of a phone number as the unit lists it: '0759-8812886' and '(0759) 8812886' are one number. */
export function ownPhoneKey(phone: string): string {
  return phone.replace(/[\uFF10-\uFF19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\D/g, '');
}

export function recognizeMobiles(run: Run, ctx: ScanContext): void {
  eachMatch(MOBILE, run, (m, start, end) => {
    if (isQuantity(ctx.text, start, end)) return;
    const national = `${m[2]}${m[3]}${m[4]}`;
    if (ctx.ownPhones.has(national)) return;
    const notes = [`mainland mobile prefix ${m[2]}`];
    if (m[1]) notes.push('country code 86');
    const word = wordBefore(ctx.text, start, MOBILE_CONTEXT, CONTEXT_WIDTH);
    if (word) notes.push(`context word ${word} +0.2`);
    push(ctx, 'mobile', start, end, 'block', 0.75 + (word ? 0.2 : 0), notes);
  });
}

export function recognizeLandlines(run: Run, ctx: ScanContext): void {
  const runEnd = run.start + run.s.length;
  eachMatch(LANDLINE, run, (m, start, matchEnd) => {
    if (isQuantity(ctx.text, start, matchEnd)) return;
    const area = m[1] ?? m[2] ?? '';
    const local = (m[3] ?? '').replace(/[ -]/g, '');
    let end = matchEnd;
    const ext = EXTENSION_IN_RUN.exec(run.s.slice(matchEnd - run.start));
    if (ext) end += ext[0].length;
    else if (matchEnd === runEnd) end += EXTENSION_AFTER.exec(ctx.text.slice(matchEnd, matchEnd + 9))?.[0].length ?? 0;
    if (ctx.ownPhones.has(area + local) || ctx.ownPhones.has(local)) return;
    const notes = [`area code ${area}`, `local number ${local.length} digits`];
    if (end > matchEnd) notes.push('extension');
    const service = wordBefore(ctx.text, start, SERVICE_CONTEXT, SERVICE_WIDTH);
    if (service) notes.push(`context word ${service}: published service number, info`);
    push(ctx, 'landline', start, end, service ? 'info' : 'warn', 0.6 + (service ? 0.2 : 0), notes);
  });
}
