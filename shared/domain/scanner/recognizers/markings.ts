import { push, type ScanContext } from './common.js';

/**
 * Words rather than numbers: 密级标志 and restriction markings (block), 过程性信息 (warn) and the
 * unit's sensitive-word list (warn). One regex pass each over the whole text.
 *
 * Only a marking blocks. 秘密 in prose (商业秘密、个人隐私 in a citation of 条例第十五条, 保守国家秘密法)
 * is not one: a 密级标志 is 绝密/机密/秘密 followed by ★ and optionally the period (机密★1年, 绝密★长期),
 * per GB/T 9704-2012 §7.2.2, or written out after 密级.
 */

const STAR = '\\s*★\\s*(?:[0-9０-９]{1,2}\\s*(?:年|个月)|长期)?';
const KEYWORDS = new RegExp(
  `(?:绝密|机密|秘密)${STAR}|密级\\s*[:：]?\\s*(?:绝密|机密|秘密)(?:${STAR})?` +
    '|内部资料|内部文件|注意保密|不得外传|工作秘密|国家秘密' +
    '|征求意见稿|讨论稿|送审稿|请示|会议纪要|内部讨论|初稿',
  'g',
);
const RESTRICTIONS = new Set(['内部资料', '内部文件', '注意保密', '不得外传']);
// 工作秘密 listed beside 国家秘密、商业秘密 or after 涉及/泄露 is the law's wording, not a marking.
const LIST_NEIGHBOUR = /[、和及或与]/;
const PROSE_BEFORE = /涉及|属于|泄露|保守|不得|知悉|依法|国家秘密|商业秘密/;

export function recognizeMarkings(ctx: ScanContext): void {
  const { text } = ctx;
  KEYWORDS.lastIndex = 0;
  for (let m = KEYWORDS.exec(text); m; m = KEYWORDS.exec(text)) {
    const word = m[0];
    const start = m.index;
    const end = start + word.length;
    if (word.includes('★') || word.startsWith('密级')) {
      push(ctx, 'secret_mark', start, end, 'block', 0.95, [`classification marking ${word.replace(/\s+/g, '')}`]);
    } else if (RESTRICTIONS.has(word)) {
      push(ctx, 'secret_mark', start, end, 'block', 0.8, [`restriction marking ${word}`]);
    } else if (word === '工作秘密') {
      const prose = LIST_NEIGHBOUR.test(text[start - 1] ?? '') || LIST_NEIGHBOUR.test(text[end] ?? '') || PROSE_BEFORE.test(text.slice(Math.max(0, start - 8), start));
      if (prose) push(ctx, 'secret_mark', start, end, 'info', 0.3, ['工作秘密 in legal prose (listed with 国家秘密/商业秘密), not a marking']);
      else push(ctx, 'secret_mark', start, end, 'block', 0.7, ['工作秘密: working-secret statement']);
    } else if (word === '国家秘密') {
      push(ctx, 'secret_mark', start, end, 'info', 0.2, ['mention of 国家秘密 in prose, not a marking']);
    } else if (word === '请示') {
      const title = text[start - 1] === '的';
      push(ctx, 'process_info', start, end, 'warn', title ? 0.8 : 0.5, [title ? 'process information: title form 关于…的请示' : 'process information: 请示']);
    } else {
      push(ctx, 'process_info', start, end, 'warn', 0.7, [`process information: ${word}`]);
    }
  }
}

/** One alternation of the list, longest first so 某某公司 wins over 某某; null for an empty list. */
export function sensitiveWordPattern(words: readonly string[]): RegExp | null {
  const cleaned = [...new Set(words.map((w) => w.trim()).filter(Boolean))].sort((a, b) => b.length - a.length);
  return cleaned.length ? new RegExp(cleaned.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g') : null;
}

export function recognizeSensitiveWords(ctx: ScanContext, re: RegExp): void {
  re.lastIndex = 0;
  for (let m = re.exec(ctx.text); m; m = re.exec(ctx.text)) {
    push(ctx, 'sensitive_word', m.index, m.index + m[0].length, 'warn', 0.6, [`listed sensitive word ${m[0]}`]);
  }
}
