/**
 * The wording of the 告知书 an office sends about a 政府信息公开申请. Each kind has a built-in
 * template, which the office may edit: a title and paragraphs (one a line) with named placeholders
 * such as {申请人}. The wording of the defaults follows the usual reply letters of 地方政府 offices
 * under 条例 (国务院令第711号). The Word layout is electron/core/docx/reply-letter.ts.
 */
import type { LetterKind } from '../contract.js';

export interface LetterTemplate {
  title: string;
  /** Paragraphs, one a line; a first line ending in '：' is the salutation (not indented). */
  body: string;
}

/** In every letter. */
const COMMON_PLACEHOLDERS = ['申请人', '申请编号', '收到申请日期', '申请内容', '法律依据', '答复期限', '复议机关', '法院', '单位名称', '落款日期'] as const;
/** Only where the record has the fact. */
const KIND_PLACEHOLDERS = {
  reply: ['决定', '答复日期'],
  correction: ['补正期限', '补正工作日'],
  extension: ['延长工作日', '原答复期限'],
  fee_notice: ['信息处理费', '收费标准', '缴费截止日期'],
  third_party: [],
} as const;

export type Placeholder = (typeof COMMON_PLACEHOLDERS)[number] | (typeof KIND_PLACEHOLDERS)[keyof typeof KIND_PLACEHOLDERS][number];
export type LetterValues = Partial<Record<Placeholder, string>>;

function family(kind: LetterKind): keyof typeof KIND_PLACEHOLDERS {
  return kind.startsWith('reply_') ? 'reply' : (kind as Exclude<LetterKind, `reply_${string}`>);
}

/** The placeholders a template of this kind may use. */
export function placeholdersFor(kind: LetterKind): Placeholder[] {
  return [...COMMON_PLACEHOLDERS, ...KIND_PLACEHOLDERS[family(kind)]];
}

const PLACEHOLDER = /\{([^{}\s]{1,20})\}/g;

/** Names in braces that this kind does not know, each once, in order of appearance. */
export function unknownPlaceholders(kind: LetterKind, text: string): string[] {
  const known = new Set<string>(placeholdersFor(kind));
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1]!).filter((name) => !known.has(name)))];
}

export function fillTemplate(text: string, values: LetterValues): string {
  return text.replace(PLACEHOLDER, (whole, name: string) => values[name as Placeholder] ?? whole);
}

/** The remedies paragraph (行政复议法: 60 days; 行政诉讼法: 6 months), naming what is challenged and the letter it came in. */
const remedies = (decision: string, letter: string) => `如对${decision}不服，可以自收到${letter}之日起60日内向{复议机关}申请行政复议，或者在6个月内向{法院}提起行政诉讼。`;
const REMEDIES = remedies('本答复', '本告知书');
const OPENING = '{申请人}：\n本机关于{收到申请日期}收到您提出的政府信息公开申请（{申请编号}），申请获取“{申请内容}”。';
const REPLY_TITLE = '政府信息公开申请答复告知书';

export const DEFAULT_TEMPLATES: Readonly<Record<LetterKind, LetterTemplate>> = {
  reply_disclosed: {
    title: REPLY_TITLE,
    body: `${OPENING}\n经审查，现答复如下：您申请获取的政府信息属于公开范围，根据{法律依据}的规定，本机关决定{决定}，现按照您要求的形式提供（或告知获取该政府信息的方式、途径和时间）。\n${REMEDIES}`,
  },
  reply_partial: {
    title: REPLY_TITLE,
    body: `${OPENING}\n经审查，现答复如下：您申请获取的政府信息中含有依法不应公开的内容，但能够作区分处理。根据{法律依据}的规定，本机关决定{决定}：对可以公开的部分予以提供，对不予公开的部分说明理由如下：＿＿＿＿。\n${REMEDIES}`,
  },
  reply_denied: {
    title: REPLY_TITLE,
    body: `${OPENING}\n经审查，现答复如下：您申请获取的政府信息{决定}，根据{法律依据}的规定，本机关决定不予公开。\n${REMEDIES}`,
  },
  reply_unavailable: {
    title: REPLY_TITLE,
    body: `${OPENING}\n经审查，现答复如下：{决定}。根据{法律依据}的规定，本机关无法向您提供该政府信息。\n${REMEDIES}`,
  },
  reply_not_processed: {
    title: REPLY_TITLE,
    body: `${OPENING}\n经审查，现答复如下：您的申请属于“{决定}”的情形，根据{法律依据}的规定，本机关不作为政府信息公开申请处理。\n${REMEDIES}`,
  },
  reply_other: {
    title: REPLY_TITLE,
    body: `${OPENING}\n经审查，现告知如下：{决定}。根据{法律依据}的规定，本机关不再处理您的该政府信息公开申请。\n${REMEDIES}`,
  },
  correction: {
    title: '政府信息公开申请补正告知书',
    body: `${OPENING}\n经审查，您的申请内容不明确，本机关无法确定您所需要的政府信息。根据{法律依据}的规定，请您在{补正工作日}个工作日内（即{补正期限}前）对申请作出补正，写明所需政府信息的名称、文号或者便于本机关查询的其他特征性描述。\n答复期限自本机关收到补正的申请之日起计算。您无正当理由逾期不补正的，视为放弃申请，本机关不再处理该政府信息公开申请。`,
  },
  extension: {
    title: '延长政府信息公开答复期限告知书',
    body: `${OPENING}\n因您申请的政府信息涉及内容较多、需要检索核实，本机关不能在{原答复期限}前作出答复。根据{法律依据}的规定，经本机关政府信息公开工作机构负责人同意，答复期限延长{延长工作日}个工作日，本机关将于{答复期限}前作出答复。\n特此告知。`,
  },
  fee_notice: {
    title: '政府信息公开信息处理费缴费通知书',
    body: `${OPENING}\n经审查，您申请公开政府信息的数量、频次明显超过合理范围。根据{法律依据}的规定，本机关依法收取信息处理费。收费标准：{收费标准}；应缴金额：{信息处理费}。\n请您自收到本通知书次日起20个工作日内（即{缴费截止日期}前）缴纳上述费用。逾期未缴纳的，视为放弃申请，本机关不再处理该政府信息公开申请。\n${remedies('本通知', '本通知书')}`,
  },
  third_party: {
    title: '政府信息公开征求第三方意见书',
    body: '＿＿＿＿（第三方）：\n本机关于{收到申请日期}收到政府信息公开申请（{申请编号}），申请获取“{申请内容}”。经审查，该政府信息涉及您（单位）的商业秘密、个人隐私等合法权益，公开后可能对您（单位）合法权益造成损害。\n根据{法律依据}的规定，现征求您（单位）的意见。请您（单位）自收到本意见书之日起15个工作日内书面提出是否同意公开的意见及理由；逾期未提出意见的，由本机关依照条例的规定决定是否公开。\n特此函询。',
  },
};

/** The paragraphs of a filled template: one a line, blank lines dropped. */
export function paragraphsOf(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
}
