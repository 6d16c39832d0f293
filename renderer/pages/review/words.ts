/**
 * The review's data in words: where a finding is (title, body, or deep inside an attachment), what
 * kind it is, and why an action is refused. The backend sends codes and location objects
 * (electron/core/extract/types.ts); the sentences are built here, in the user's language.
 */
import { isMessageKey } from '../../i18n.js';
import { EDITION_STATUSES } from '../../../shared/domain/catalogue.js';
import { DEFAULT_MASKING, ID_CARD_MASKS, maskFinding, type FindingKind } from '../../../shared/domain/scanner/index.js';
import type { CommandOutput } from '../../../shared/contract.js';
import type { ApiError, Reason } from '../../../shared/errors.js';
import { errorMessage, type MessageKey, type Translate } from '../../../shared/i18n/index.js';

export type ReviewState = CommandOutput<'review.get'>;
export type Finding = ReviewState['findings'][number];
export type Severity = Finding['severity'];
export type Decision = NonNullable<ReviewState['decision']>['decision'];

export const SEVERITIES: readonly Severity[] = ['block', 'warn', 'info'];
export const SEVERITY_COLORS: Record<Severity, string> = { block: 'red', warn: 'orange', info: 'gray' };

/** A dynamic key when the dictionary has it, else the fallback text (a code newer than this dictionary). */
function known(t: Translate, key: string, fallback: string, params?: Record<string, string | number>): string {
  return isMessageKey(key) ? t(key, params) : fallback;
}

export function kindLabel(t: Translate, kind: string): string {
  return known(t, `review.kind.${kind}`, kind);
}

/** An unreadable attachment's explanation is 'cannot be checked automatically: <problem>'; the problem is a code. */
export function unreadableExplanation(t: Translate, explanation: string): string {
  const problem = explanation.slice(explanation.lastIndexOf(':') + 1).trim();
  return known(t, `review.unreadable.${problem}`, t('review.unreadable.other'));
}

const str = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);
const num = (value: unknown): number | undefined => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);

function storyName(t: Translate, story: string): string {
  return known(t, `review.where.story.${story}`, story);
}

function propertyName(t: Translate, where: Record<string, unknown>): string {
  const detail = str(where.detail) ?? '';
  const name = where.propertySet === 'people' ? known(t, `review.where.person.${detail}`, detail) : detail;
  return t('review.where.properties', { name });
}

function docxWhere(t: Translate, where: Record<string, unknown>): string[] {
  const part = str(where.part) ?? '';
  const detail = str(where.detail);
  const story = str(where.story);
  const parts: string[] = [];
  switch (part) {
    case 'body':
      break;
    case 'header':
    case 'footer':
    case 'comment':
      parts.push(part === 'comment' && detail ? t('review.where.comment_by', { author: detail }) : storyName(t, part));
      break;
    case 'footnote':
    case 'endnote':
      parts.push(detail ? t(part === 'footnote' ? 'review.where.footnote_id' : 'review.where.endnote_id', { id: detail }) : storyName(t, part));
      break;
    case 'tracked_insertion':
    case 'tracked_deletion':
      parts.push(detail ? t(`review.where.${part}_by`, { author: detail }) : t(`review.where.${part}`));
      break;
    case 'hidden_text':
      parts.push(t('review.where.hidden_text'));
      break;
    case 'properties':
      return [propertyName(t, where)];
    default:
      parts.push(part || t('review.where.unknown'));
  }
  if (story && story !== 'body') parts.push(t('review.where.in_story', { story: storyName(t, story) }));
  const table = where.table as { table?: unknown; row?: unknown; column?: unknown } | undefined;
  if (table && num(table.table) && num(table.row) && num(table.column)) {
    parts.push(t('review.where.table', { table: num(table.table)!, row: num(table.row)!, column: num(table.column)! }));
  }
  const paragraph = num(where.paragraph);
  if (paragraph) parts.push(t('review.where.paragraph', { n: paragraph }));
  return parts;
}

function xlsxWhere(t: Translate, where: Record<string, unknown>): string[] {
  if (where.part === 'properties') return [propertyName(t, where)];
  const sheet = str(where.sheet) ?? '';
  const parts = [
    where.sheetState === 'veryHidden'
      ? t('review.where.sheet_very_hidden', { sheet })
      : where.hidden
        ? t('review.where.sheet_hidden', { sheet })
        : t('review.where.sheet', { sheet }),
  ];
  const cell = str(where.cell) ?? '';
  const detail = str(where.detail);
  if (where.part === 'cell') {
    parts.push(t('review.where.cell', { cell }));
    if (where.hiddenRow) parts.push(t('review.where.hidden_row'));
    if (where.hiddenColumn) parts.push(t('review.where.hidden_column'));
  } else if (where.part === 'comment') {
    parts.push(detail ? t('review.where.cell_comment_by', { cell, author: detail }) : t('review.where.cell_comment', { cell }));
  } else if (where.part === 'header_footer') {
    parts.push(t('review.where.header_footer', { detail: known(t, `review.where.hf.${detail ?? ''}`, detail ?? '') }));
  }
  return parts;
}

function pdfWhere(t: Translate, where: Record<string, unknown>): string[] {
  if (where.part === 'properties') return [propertyName(t, where)];
  const page = num(where.page) ?? 0;
  if (where.part === 'annotation') {
    const author = str(where.detail);
    return [author ? t('review.where.annotation_by', { page, author }) : t('review.where.annotation', { page })];
  }
  return [t('review.where.page', { page })];
}

/** A location inside an attachment, as phrases from the outside in (the sheet and whether it is hidden, then the cell). */
export function whereInFile(t: Translate, where: Record<string, unknown>): string[] {
  switch (where.format) {
    case 'docx':
      return docxWhere(t, where);
    case 'xlsx':
      return xlsxWhere(t, where);
    case 'pdf':
      return pdfWhere(t, where);
    case 'text':
      return [t('review.where.line', { line: num(where.line) ?? 0 })];
    case 'embedded': {
      const container = str(where.container) ?? '';
      const inner = where.inner && typeof where.inner === 'object' ? whereInFile(t, where.inner as Record<string, unknown>) : [];
      return [t('review.where.embedded', { name: container.slice(container.lastIndexOf('/') + 1) }), ...inner];
    }
    default:
      return [t('review.where.unknown')];
  }
}

/** Where a finding is, in one phrase: the body, or an attachment by name followed by the place inside it. */
export function findingPlace(t: Translate, finding: Finding): string {
  if (finding.location !== 'attachment' || !finding.attachment) return t(`review.where.${finding.location}` as MessageKey);
  const parts = [t('review.where.attachment', { name: finding.attachment.name })];
  if (finding.attachment.where) parts.push(...whereInFile(t, finding.attachment.where));
  return parts.join(t('review.where.separator'));
}

/** Reason and error parameters in words: a checklist item by its question, a status by its name. */
function readableParams(t: Translate, params: Record<string, string | number> | undefined, questions: ReadonlyMap<string, string>) {
  const out = { ...params };
  if (typeof out.item === 'string') out.item = questions.get(out.item) ?? out.item;
  const status = out.status;
  if (typeof status === 'string' && (EDITION_STATUSES as readonly string[]).includes(status)) {
    out.status = t(`status.${status as (typeof EDITION_STATUSES)[number]}`);
  }
  return out;
}

export function reviewReason(t: Translate, reason: Reason, questions: ReadonlyMap<string, string>): string {
  return known(t, `reason.${reason.code}`, reason.code, readableParams(t, reason.params, questions));
}

export function reviewError(t: Translate, error: ApiError, questions: ReadonlyMap<string, string>): string {
  return errorMessage(t, { ...error, params: readableParams(t, error.params, questions) });
}

export function checklistQuestions(review: ReviewState | null): Map<string, string> {
  return new Map((review?.checklist ?? []).map((item) => [item.id, item.question]));
}

export type IdMask = CommandOutput<'review.settings'>['idMask'];

/** A finding one-click masking will change, and what it will read afterwards. */
export interface MaskPreview {
  finding: Finding;
  masked: string;
}

/**
 * What one-click masking will change: blocking and warning findings in the title, summary and body
 * whose kind has a masking rule (the backend's own rule, shared/domain/scanner/masking.ts). Secret
 * markings, process information and sensitive words have none: a person has to rewrite or waive them.
 */
export function maskPreview(review: ReviewState, idMask: IdMask): MaskPreview[] {
  const policy = { ...DEFAULT_MASKING, id_card: ID_CARD_MASKS[idMask] };
  return review.findings.flatMap((finding) => {
    if (finding.severity === 'info' || finding.location === 'attachment') return [];
    const masked = maskFinding({ kind: finding.kind as FindingKind, text: finding.text }, policy);
    return masked && masked !== finding.text ? [{ finding, masked }] : [];
  });
}

/** Whether one-click masking can deal with a finding at all (see maskPreview). */
export function canMask(finding: Finding): boolean {
  if (finding.location === 'attachment') return false;
  const masked = maskFinding({ kind: finding.kind as FindingKind, text: finding.text });
  return masked !== null && masked !== finding.text;
}
