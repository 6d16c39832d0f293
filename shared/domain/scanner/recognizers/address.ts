import { push, type Run, type ScanContext } from './common.js';

/**
 * 住址 down to the house: a street or village name, then 号/栋/单元/室/弄 with numbers, e.g.
 * 雷州市雷城街道西湖大道123号3栋501室. 家庭地址只保留到乡镇街道, so the finding is the part below
 * that level (西湖大道123号3栋501室): masking it leaves the allowed form. A mention of 雷州市 or
 * 附城镇 alone has no house number and never fires; neither does 雷府办〔2026〕3号 or 第3号.
 *
 * Anchored on a digit run followed by an address unit, so it costs nothing on ordinary prose.
 */

const UNIT_FIRST = new Set([...'号栋幢座单室弄楼层巷'].map((c) => c.charCodeAt(0)));
const ANCHOR = /^\d{1,5}(?:-\d{1,4})?$/;
// Numbered components, chained: 123号3栋2单元501室, 45-2号, 3巷5号, B座1201室.
const TAIL = /(?:[A-Za-z]?[0-9０-９]{1,5}(?:[-－—之][0-9０-９]{1,4})?(?:号楼|号院|号|栋|幢|座|单元|楼|层|室|房|弄|巷|组)|[A-Za-z](?:座|栋|幢))+/y;
const TERMINAL = /号|室|栋|幢|单元|弄/;
// What a street or village name ends with, just before its first number.
const STREET_END = /(?:路|街|道|巷|弄|胡同|里|村|屯|庄|寨|坊|社区|小区|花园|公寓|苑|园|广场|大厦|大楼|新村|宿舍|大院|山庄|公馆|商城|组)$/;
// The levels an address may keep (省市县区, 乡镇街道). A marker counts only after a name of its own:
// 雷州市市场路 is a road after a city, 西湖街道镇中路 a road after a subdistrict.
const ALLOWED_LEVEL = /省|自治区|市|自治州|县|旗|区|镇|乡|街道|办事处/g;
// Words that introduce the address rather than belong to it.
const LEAD_IN = /(?:位于|坐落于|坐落在|居住在|居住于|住在|家住|现住|住址|地址|搬至|迁至|设在|设于|在|于)/g;
const HAN_TAIL = /[\u4e00-\u9fff]+$/;
const MAX_NAME = 16;
/** An office, a hall, a venue: public, info. */
const INSTITUTIONAL = /地点|办公地址|受理地址|办事地址|单位地址|办公楼|服务大厅|政务服务中心|窗口|会场|报名地址|举办地/;

function lastEnd(re: RegExp, s: string): number {
  let end = -1;
  re.lastIndex = 0;
  for (let m = re.exec(s); m; m = re.exec(s)) end = m.index + m[0].length;
  return end;
}

function lastLevelEnd(s: string): number {
  let end = 0;
  ALLOWED_LEVEL.lastIndex = 0;
  for (let m = ALLOWED_LEVEL.exec(s); m; m = ALLOWED_LEVEL.exec(s)) if (m.index > end) end = m.index + m[0].length;
  return end;
}

export function recognizeAddress(run: Run, ctx: ScanContext & { addressEnd: number }): void {
  const { text } = ctx;
  if (run.start < ctx.addressEnd || !UNIT_FIRST.has(text.charCodeAt(run.start + run.s.length)) || !ANCHOR.test(run.s)) return;
  const before = text.slice(Math.max(0, run.start - MAX_NAME), run.start);
  const street = STREET_END.exec(before);
  if (!street) return;
  TAIL.lastIndex = run.start;
  const tail = TAIL.exec(text);
  if (!tail || !TERMINAL.test(tail[0])) return;

  // The name: the Chinese characters before the number, after the last level an address may keep.
  let name = HAN_TAIL.exec(before)?.[0] ?? '';
  const nameOnly = name.slice(0, name.length - street[0].length);
  const level = lastLevelEnd(nameOnly);
  if (level > 0) name = name.slice(level);
  const leadIn = lastEnd(LEAD_IN, name.slice(0, name.length - street[0].length));
  if (leadIn > 0) name = name.slice(leadIn);
  const overlap = ctx.addressEnd - (run.start - name.length); // …1号路2号: the 号 is the last address's
  if (overlap > 0) name = name.slice(overlap);
  if (name.length < 2) return; // a bare 村3号 or 路5号 is too little to say

  const start = run.start - name.length;
  const end = run.start + tail[0].length;
  ctx.addressEnd = end;
  const notes = [`street-level address: ${street[0]} then ${tail[0].replace(/[0-9０-９A-Za-z\-－—之]+/g, '#')}`, 'below 乡镇街道 level'];
  const venue = INSTITUTIONAL.exec(text.slice(Math.max(0, start - 12), start))?.[0];
  if (venue) notes.push(`context word ${venue}: office or venue, info`);
  push(ctx, 'address', start, end, venue ? 'info' : 'warn', venue ? 0.5 : 0.65, notes);
}
