/**
 * 政策解读 rules. 谁起草、谁解读: the unit that drafts a policy document interprets it, and the
 * document and its interpretation are organised, approved and released together (三同步). An
 * interpretation that only repeats its document ("文件要点摘抄") is a named inspection failure.
 */

/** How strictly 三同步 is enforced; local rules differ, so it is a setting. */
export const SYNC_RULE_STRENGTHS = ['block', 'warn', 'off'] as const;
export type SyncRuleStrength = (typeof SYNC_RULE_STRENGTHS)[number];

export const DEFAULT_INTERPRETATION_FORMS = ['文字解读', '图文解读', '音视频解读', '在线访谈', '新闻发布会', '专家解读', '媒体解读'];

/** The elements a good interpretation covers (甘政公开办函〔2019〕1号 and similar local rules). */
export const INTERPRETATION_ELEMENTS = ['背景依据', '目标任务', '主要内容', '适用范围', '执行标准', '注意事项', '关键词注释', '惠民利民举措', '新旧政策差异'];

const GRAM = 5;

/** The text reduced to Han characters, letters and digits: punctuation and layout do not count. */
function letters(text: string): string[] {
  return [...text.normalize('NFKC').toLowerCase()].filter((c) => /[\p{Script=Han}\p{L}\p{N}]/u.test(c));
}

function grams(chars: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i + GRAM <= chars.length; i++) out.push(chars.slice(i, i + GRAM).join(''));
  return out;
}

/**
 * The share of the interpretation's character 5-grams that also occur in the document: 0 for
 * an original text, near 1 for a pasted copy. Texts shorter than five characters score 0.
 */
export function copiedShare(interpretation: string, document: string): number {
  const own = grams(letters(interpretation));
  if (!own.length) return 0;
  const theirs = new Set(grams(letters(document)));
  return own.filter((g) => theirs.has(g)).length / own.length;
}
