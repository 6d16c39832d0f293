/**
 * The disclosure catalogue (政府信息公开目录): the metadata each edition carries, and the checks
 * that tell an officer, field by field, what is missing or wrong. Drafts may be saved with
 * problems; later workflow steps refuse to move an edition that still has any.
 */
import { checkDocumentNumber } from './document-number.js';
import { isValidDate } from './working-days.js';

export const DISCLOSURE = ['proactive', 'on_request', 'not_disclosed'] as const; // 主动公开 / 依申请公开 / 不予公开
export const DISCLOSURE_ARTICLES = [14, 15, 16] as const; // 条例第十四、十五、十六条
export const VALIDITY = ['valid', 'invalid', 'repealed'] as const; // 有效 / 失效 / 废止
export const SOURCE_LEVELS = ['national', 'provincial', 'municipal', 'local'] as const; // 国家 / 省 / 市 / 本级
export const EDITION_STATUSES = [
  'draft',
  'submitted',
  'reviewed',
  'approved',
  'queued',
  'scheduled',
  'published',
  'failed',
  'conflict',
  'withdrawn',
  'superseded',
] as const;

export type Disclosure = (typeof DISCLOSURE)[number];
export type Validity = (typeof VALIDITY)[number];
export type SourceLevel = (typeof SOURCE_LEVELS)[number];
export type EditionStatus = (typeof EDITION_STATUSES)[number];

/** The fields an officer edits. */
export interface CatalogueFields {
  title: string;
  summary: string;
  topic: string;
  publisher: string;
  draftingUnit: string;
  writtenDate: string | null;
  publishDate: string | null;
  publishDateReason: string;
  documentNumber: string;
  disclosure: Disclosure;
  disclosureArticle: 14 | 15 | 16 | null;
  disclosureReason: string;
  validity: Validity;
  repealedDate: string | null;
  normative: boolean;
  keywords: string;
  sourceLevel: SourceLevel;
  interpretationForm: string;
  coIssuers: string[];
  leadUnit: string;
  interviewDate: string | null;
  interviewGuests: string;
  interviewTopic: string;
}

/** Every catalogue field, in the order forms and comparisons list them. */
export const CATALOGUE_FIELD_NAMES = [
  'title',
  'summary',
  'topic',
  'publisher',
  'draftingUnit',
  'writtenDate',
  'publishDate',
  'publishDateReason',
  'documentNumber',
  'disclosure',
  'disclosureArticle',
  'disclosureReason',
  'validity',
  'repealedDate',
  'normative',
  'keywords',
  'sourceLevel',
  'interpretationForm',
  'coIssuers',
  'leadUnit',
  'interviewDate',
  'interviewGuests',
  'interviewTopic',
] as const satisfies readonly (keyof CatalogueFields)[];

/** Field values compared by content (co-issuers are a list). */
export function sameFieldValue(a: unknown, b: unknown): boolean {
  return Array.isArray(a) || Array.isArray(b) ? JSON.stringify(a) === JSON.stringify(b) : a === b;
}

/** A new item's fields before the officer fills them in. */
export function blankFields(unitName: string, writtenDate: string | null): CatalogueFields {
  return {
    title: '',
    summary: '',
    topic: '',
    publisher: unitName,
    draftingUnit: unitName,
    writtenDate,
    publishDate: null,
    publishDateReason: '',
    documentNumber: '',
    disclosure: 'proactive',
    disclosureArticle: null,
    disclosureReason: '',
    validity: 'valid',
    repealedDate: null,
    normative: false,
    keywords: '',
    sourceLevel: 'local',
    interpretationForm: '',
    coIssuers: [],
    leadUnit: '',
    interviewDate: null,
    interviewGuests: '',
    interviewTopic: '',
  };
}

export interface CatalogueProblem {
  field: keyof CatalogueFields;
  code: string;
  /** A corrected value the UI can apply with one click. */
  suggestion?: string;
}

/**
 * Every problem with an edition's metadata, given today's date (Asia/Shanghai). Wrong publish
 * dates are a named inspection failure (伪造发稿日期 is a 单项否决 item), hence the reason rule.
 */
export function catalogueProblems(f: CatalogueFields, today: string, topics: readonly string[]): CatalogueProblem[] {
  const problems: CatalogueProblem[] = [];
  const add = (field: keyof CatalogueFields, code: string, suggestion?: string) =>
    problems.push(suggestion === undefined ? { field, code } : { field, code, suggestion });

  if (!f.title.trim()) add('title', 'catalogue.title_required');
  if (!f.publisher.trim()) add('publisher', 'catalogue.publisher_required');
  if (f.topic && !topics.includes(f.topic)) add('topic', 'catalogue.unknown_topic');
  if (!f.writtenDate) add('writtenDate', 'catalogue.written_date_required');
  for (const field of ['writtenDate', 'publishDate', 'repealedDate'] as const) {
    const value = f[field];
    if (value && !isValidDate(value)) add(field, 'catalogue.invalid_date');
  }
  if (f.documentNumber.trim()) {
    const check = checkDocumentNumber(f.documentNumber);
    if (!check.ok) {
      for (const p of check.problems) add('documentNumber', `document_number.${p.code}`, check.suggestion ?? undefined);
    }
  }
  const { writtenDate, publishDate } = f;
  if (writtenDate && publishDate && isValidDate(writtenDate) && isValidDate(publishDate)) {
    if (publishDate < writtenDate) add('publishDate', 'catalogue.publish_before_written');
  }
  if (publishDate && isValidDate(publishDate) && publishDate !== today && !f.publishDateReason.trim()) {
    add('publishDateReason', publishDate > today ? 'catalogue.future_publish_date_reason' : 'catalogue.backdated_publish_date_reason');
  }
  if (f.disclosure !== 'proactive') {
    if (f.disclosureArticle === null) add('disclosureArticle', 'catalogue.disclosure_article_required');
    if (!f.disclosureReason.trim()) add('disclosureReason', 'catalogue.disclosure_reason_required');
  }
  if (f.interviewDate && !isValidDate(f.interviewDate)) add('interviewDate', 'catalogue.invalid_date');
  if (f.coIssuers.length && !f.leadUnit.trim()) add('leadUnit', 'catalogue.lead_unit_required');
  if (f.validity === 'repealed' && !f.repealedDate) add('repealedDate', 'catalogue.repealed_date_required');
  if (f.validity !== 'repealed' && f.repealedDate) add('repealedDate', 'catalogue.repealed_date_unexpected');
  return problems;
}
