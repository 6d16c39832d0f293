/**
 * What is wrong with each catalogue field, in words. The backend reports problems with every saved
 * edition; while the officer edits, the same shared checks run here so that messages follow the typing.
 */
import { isMessageKey } from '../../../i18n.js';
import { catalogueProblems, type CatalogueFields, type CatalogueProblem } from '../../../../shared/domain/catalogue.js';
import { checkDocumentNumber, type DocumentNumberCheck } from '../../../../shared/domain/document-number.js';
import type { Edition } from '../../../../shared/contract.js';
import type { Translate } from '../../../../shared/i18n/index.js';

export type FieldName = keyof CatalogueFields;

/** A problem code as text; codes newer than this dictionary are shown as they are. */
export function problemMessage(t: Translate, code: string, params?: Record<string, string>): string {
  const key = `problem.${code}`;
  return isMessageKey(key) ? t(key, params) : code;
}

export function sameFields(a: CatalogueFields, b: CatalogueFields): boolean {
  return (Object.keys(a) as FieldName[]).every((name) => JSON.stringify(a[name]) === JSON.stringify(b[name]));
}

interface ProblemSources {
  fields: CatalogueFields;
  /** The last saved edition; its problems stand while the fields are as saved. */
  edition: Edition | null;
  savedFields: CatalogueFields | null;
  today: string;
  /** The unit's subject taxonomy: a subject outside it is a problem. */
  topics: readonly string[];
  /** Fields to report on; null for all of them (a new draft only shows what the officer has touched). */
  only: ReadonlySet<FieldName> | null;
}

export interface FieldProblems {
  messages(field: FieldName): string[];
  /** Problems with fields the form does not show (yet), so that none goes unmentioned. */
  elsewhere(shown: readonly FieldName[]): { field: string; message: string }[];
  /** Everything, for the summary above the form. */
  count: number;
  documentNumber: DocumentNumberCheck;
}

export function fieldProblems(t: Translate, { fields, edition, savedFields, today, topics, only }: ProblemSources): FieldProblems {
  const asSaved = edition && savedFields && sameFields(fields, savedFields);
  const all: CatalogueProblem[] | Edition['problems'] = asSaved ? edition.problems : catalogueProblems(fields, today, topics);
  const shown = all.filter((p) => only === null || only.has(p.field as FieldName));
  // Document-number messages come from the live check, which also carries the details (the bracket found, the full year).
  const documentNumber = checkDocumentNumber(fields.documentNumber);
  const documentNumberMessages =
    documentNumber.ok || (only !== null && !only.has('documentNumber'))
      ? []
      : documentNumber.problems.map((p) => problemMessage(t, `document_number.${p.code}`, p.params));
  const byField = new Map<string, string[]>();
  for (const p of shown) {
    if (p.field === 'documentNumber') continue;
    byField.set(p.field, [...(byField.get(p.field) ?? []), problemMessage(t, p.code)]);
  }
  byField.set('documentNumber', documentNumberMessages);
  const count = [...byField.values()].reduce((n, list) => n + list.length, 0);
  const elsewhere = (shown: readonly FieldName[]) =>
    [...byField.entries()]
      .filter(([field]) => !shown.includes(field as FieldName))
      .flatMap(([field, messages]) => messages.map((message) => ({ field, message })));
  return { messages: (field) => byField.get(field) ?? [], elsewhere, count, documentNumber };
}
