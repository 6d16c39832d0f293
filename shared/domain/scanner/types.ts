/**
 * The automatic scan behind the 保密审查 (confidentiality review) of a draft, built the way
 * Microsoft Presidio builds its analyzers: each recogniser is a pattern, a validator (check digit,
 * date, issuer), context words that raise or lower its score, and an explanation a reviewer can
 * read. The scan only points; the reviewer decides and signs.
 *
 * Offsets are UTF-16 code units into the scanned string, `end` exclusive, so `text.slice(start,
 * end) === finding.text` in JavaScript and the renderer can highlight with them directly.
 */

/** Kind names are part of the CLI's JSON output: do not rename. */
export const FINDING_KINDS = [
  'id_card', // 居民身份证号 (GB 11643), 18-digit and the 15-digit legacy form
  'mobile', // 手机号
  'landline', // 固定电话
  'bank_card', // 银行卡号 / 账号
  'email',
  'passport', // 护照, 往来港澳通行证, 港澳居民来往内地通行证
  'license_plate', // 机动车号牌
  'address', // 住址 below 乡镇街道 level (门牌号, 栋, 室)
  'credit_code', // 统一社会信用代码 (GB 32100): an organisation's public identifier
  'secret_mark', // 密级标志 (机密★1年) and 内部资料-type markings
  'process_info', // 过程性信息: 征求意见稿, 请示, 会议纪要 …
  'sensitive_word', // the unit's own list
] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];

/**
 * block: must not be published as it stands (personal identifiers, 密级标志).
 * warn: the reviewer looks and decides. info: worth knowing, normally fine to publish.
 */
export type Severity = 'block' | 'warn' | 'info';

export interface Finding {
  kind: FindingKind;
  text: string;
  start: number;
  end: number;
  severity: Severity;
  /** Confidence 0..1, two decimals: the base score of the pattern plus context adjustments. */
  score: number;
  /** Concise English facts behind the finding, `; `-separated, e.g. 'Luhn valid; issuer 62 (UnionPay)'. */
  explanation: string;
}

export interface ScanOptions {
  /** Latest plausible birth year for ID numbers; passed in so the scan never reads the clock. */
  referenceYear: number;
  /** The unit's own published numbers (办公电话, 监督电话), in any spacing: never reported. */
  ownPhoneNumbers?: readonly string[];
  /** The unit's sensitive-word list: exact substrings, reported as warn. */
  sensitiveWords?: readonly string[];
}

export const SEVERITY_RANK: Readonly<Record<Severity, number>> = { block: 3, warn: 2, info: 1 };
