import { toHalfWidth } from './recognizers/common.js';
import type { Finding, FindingKind } from './types.js';

/**
 * 脱敏: replacing the middle of an identifier with '*', one for one, so the masked text keeps its
 * length and every other offset stays valid. The digits are gone from the result, not hidden by
 * styling. Separators stay (138 **** 5678), and so do a +86 prefix and a landline's area code.
 */

/** Characters of the identifier itself (not separators) kept at each end; the rest become '*'. */
export interface MaskRule {
  keepStart: number;
  keepEnd: number;
}
export type MaskingPolicy = Readonly<Partial<Record<FindingKind, MaskRule>>>;

export const ID_CARD_MASKS = {
  /** 110105********1234: region kept, birth date and sequence hidden. */
  standard: { keepStart: 6, keepEnd: 4 },
  /** 35*************123: the form some units (永安) publish, province and last three only. */
  yongan: { keepStart: 2, keepEnd: 3 },
} as const satisfies Record<string, MaskRule>;

/** Kinds without a rule (密级标志, 过程性信息, sensitive words, credit codes) need a person, not asterisks. */
export const DEFAULT_MASKING: MaskingPolicy = {
  id_card: ID_CARD_MASKS.standard,
  mobile: { keepStart: 3, keepEnd: 4 }, // 138****1234
  bank_card: { keepStart: 6, keepEnd: 4 }, // 622848*********1234
  landline: { keepStart: 0, keepEnd: 3 }, // 0759-****886, of the local number
  passport: { keepStart: 1, keepEnd: 3 }, // E*****678
  email: { keepStart: 1, keepEnd: 0 }, // z*******@qq.com, of the local part
  license_plate: { keepStart: 2, keepEnd: 0 }, // 粤G*****
  address: { keepStart: 0, keepEnd: 0 }, // everything below 乡镇街道
};

const SEPARATOR = /[\s\-－\u2010-\u2015()（）·•・+.]/;
const LANDLINE_PARTS = /^(\(?0(?:10|2\d|[3-9]\d\d)\)? ?-?)([2-9]\d{2,3}[ -]?\d{4})/;
const isDigit = (c: string) => (c >= '0' && c <= '9') || (c >= '０' && c <= '９');


/** Positions in `text` that belong to the identifier proper, in order. */
function maskablePositions(kind: FindingKind, text: string): number[] {
  const all = Array.from({ length: text.length }, (_, i) => i);
  const digits = all.filter((i) => isDigit(text[i]!));
  switch (kind) {
    case 'mobile':
      return digits.slice(-11); // not the +86
    case 'landline': {
      // The local number only: not the area code, not the extension.
      const m = LANDLINE_PARTS.exec(toHalfWidth(text));
      if (!m) return digits;
      const from = m[1]!.length;
      const to = from + m[2]!.length;
      return digits.filter((i) => i >= from && i < to);
    }
    case 'email': {
      const at = text.indexOf('@');
      return all.filter((i) => i < at && text[i] !== '.');
    }
    case 'address':
      return all.filter((i) => !/\s/.test(text[i]!));
    default:
      return all.filter((i) => !SEPARATOR.test(text[i]!));
  }
}

/** The finding's text masked by the policy, or null when its kind has no rule there. */
export function maskFinding(finding: Pick<Finding, 'kind' | 'text'>, policy: MaskingPolicy = DEFAULT_MASKING): string | null {
  const rule = policy[finding.kind];
  if (!rule) return null;
  const positions = maskablePositions(finding.kind, finding.text);
  let { keepStart, keepEnd } = rule;
  if (keepStart + keepEnd >= positions.length) {
    // Too short for the rule: hide at least half.
    keepStart = Math.min(keepStart, Math.floor(positions.length / 4));
    keepEnd = Math.min(keepEnd, Math.floor(positions.length / 4));
  }
  const chars = finding.text.split('');
  for (const i of positions.slice(keepStart, positions.length - keepEnd)) chars[i] = '*';
  return chars.join('');
}

/** 张三 → 张*, 王小明 → 王*明, 欧阳娜娜 → 欧**娜. Names are masked only where the caller says a name is. */
export function maskName(name: string): string {
  const chars = Array.from(name);
  if (chars.length < 2) return name;
  if (chars.length === 2) return `${chars[0]}*`;
  // One '*' per code unit, so the masked text keeps its length even for 𠀀-plane characters.
  return `${chars[0]}${'*'.repeat(chars.slice(1, -1).join('').length)}${chars[chars.length - 1]}`;
}

export interface NameSpan {
  start: number;
  end: number;
}

export interface MaskedText {
  text: string;
  /** Block and warn findings replaced in `text`. */
  masked: Finding[];
  /** Block and warn findings with no rule in the policy (or stale offsets): the reviewer must act. */
  unmasked: Finding[];
}

/**
 * Masks every block and warn finding the policy has a rule for, and the given name spans. Info
 * findings are left alone. Overlaps are resolved first come, findings before names.
 */
export function maskText(text: string, findings: readonly Finding[], policy: MaskingPolicy = DEFAULT_MASKING, names: readonly NameSpan[] = []): MaskedText {
  const masked: Finding[] = [];
  const unmasked: Finding[] = [];
  const edits: { start: number; end: number; text: string }[] = [];
  const free = (start: number, end: number) => !edits.some((e) => e.start < end && start < e.end);
  for (const f of findings) {
    if (f.severity === 'info') continue;
    const replacement = text.slice(f.start, f.end) === f.text ? maskFinding(f, policy) : null;
    if (replacement === null || !free(f.start, f.end)) {
      unmasked.push(f);
      continue;
    }
    edits.push({ start: f.start, end: f.end, text: replacement });
    masked.push(f);
  }
  for (const n of names) {
    if (n.end > n.start && free(n.start, n.end)) edits.push({ start: n.start, end: n.end, text: maskName(text.slice(n.start, n.end)) });
  }
  edits.sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const e of edits) {
    out += text.slice(at, e.start) + e.text;
    at = e.end;
  }
  return { text: out + text.slice(at), masked, unmasked };
}
