/** Drafting: items and their editions, the catalogue metadata, comparison, listing and search. */
import type { Ctx } from '../context.js';
import type { CommandOutput, Edition, ParsedInput } from '../../../shared/contract.js';
import { AppError } from '../../../shared/errors.js';
import { CATALOGUE_FIELD_NAMES, catalogueProblems, sameFieldValue, type CatalogueFields } from '../../../shared/domain/catalogue.js';
import { formatIndexNumber, serialScope } from '../../../shared/domain/index-number.js';
import { diffLines } from '../../../shared/domain/text-diff.js';
import { shanghaiDate } from '../../../shared/domain/local-date.js';
import { htmlToPlainText, sanitizeBodyHtml } from '../html-sanitizer.js';
import { uuidv7 } from '../ids.js';
import {
  findEdition,
  findEditionByNumber,
  insertEdition,
  insertItem,
  itemHistory,
  listItems,
  nextSerial,
  rowsByRowids,
  searchTextsByRowids,
  updateEditionContent,
  type EditionRecord,
} from '../db/items-repo.js';
import { listAttachments } from './attachments.js';
import { catalogueSettings } from './catalogue-settings.js';
import { statutoryDue } from './deadlines.js';
import { readUnit } from './setup.js';
import { record } from './audit-trail.js';
import { indexEdition, locateMatch, searchRowids, unindexEdition } from '../search/edition-search.js';
import { requireActor } from './users.js';
import { copyChecks, interpretationDue, links } from './interpretations.js';

export function today(ctx: Ctx): string {
  return shanghaiDate(ctx.clock.now());
}

/** The edition as the contract shows it: stored fields plus attachments, problems and due date. */
export function presentEdition(ctx: Ctx, e: EditionRecord): Edition {
  const { rowid: _rowid, current: _current, bodyText: _bodyText, ...rest } = e;
  return {
    ...rest,
    attachments: listAttachments(ctx, e.id),
    problems: catalogueProblems(e, today(ctx), catalogueSettings(ctx).topics),
    due: statutoryDue(ctx, e),
    links: links(ctx, e),
    copyChecks: copyChecks(ctx, e),
    interpretationDue: dueOf(interpretationDue(ctx, e)),
  };
}

function dueOf(due: { date: string; provisional: boolean } | null): { date: string; provisional: boolean } | null {
  return due && { date: due.date, provisional: due.provisional };
}

export function requireEdition(ctx: Ctx, id: string): EditionRecord {
  const edition = findEdition(ctx.db, id);
  if (!edition) throw new AppError('items.not_found');
  return edition;
}

/** Only a draft can be changed; anything further along needs a new edition or a return to draft. */
export function requireDraft(ctx: Ctx, id: string): EditionRecord {
  const edition = requireEdition(ctx, id);
  if (edition.status !== 'draft') throw new AppError('items.not_editable', { status: edition.status });
  return edition;
}

function requireCategory(ctx: Ctx, categoryId: string): void {
  const row = ctx.db.prepare('SELECT active FROM categories WHERE id = ?').get(categoryId) as { active: number } | undefined;
  if (!row || row.active !== 1) throw new AppError('items.unknown_category', { categoryId });
}

function content(input: { categoryId: string; fields: CatalogueFields; bodyHtml: string }) {
  const bodyHtml = sanitizeBodyHtml(input.bodyHtml);
  return { ...input.fields, categoryId: input.categoryId, bodyHtml, bodyText: htmlToPlainText(bodyHtml) };
}

/** Creates an item with its first draft edition; used by the editor and by .docx import. */
export function createItem(ctx: Ctx, input: { categoryId: string; fields: CatalogueFields; bodyHtml: string }, how: string): Edition {
  const actor = requireActor(ctx);
  requireCategory(ctx, input.categoryId);
  const unit = readUnit(ctx);
  if (!unit) throw new AppError('setup.required');
  const body = content(input);
  const { indexPattern } = catalogueSettings(ctx);
  const id = ctx.db.transaction(() => {
    const at = ctx.clock.now().toISOString();
    const date = input.fields.writtenDate ?? today(ctx);
    const indexNumber = formatIndexNumber(indexPattern, { code: unit.code, date, serial: nextSerial(ctx.db, serialScope(indexPattern, date)) });
    const itemId = uuidv7(ctx.clock.now().getTime());
    const editionId = uuidv7(ctx.clock.now().getTime());
    insertItem(ctx.db, { id: itemId, indexNumber, createdBy: actor.id!, createdAt: at });
    const rowid = insertEdition(ctx.db, { ...body, id: editionId, itemId, number: 1, status: 'draft', authorId: actor.id!, at });
    indexEdition(ctx.db, rowid, body);
    record(ctx, how, { type: 'item', id: itemId }, `${indexNumber} ${body.title}`);
    return editionId;
  })();
  return presentEdition(ctx, findEdition(ctx.db, id)!);
}

export function create(ctx: Ctx, input: ParsedInput<'items.create'>): CommandOutput<'items.create'> {
  return createItem(ctx, input, 'items.create');
}


function changedFields(before: EditionRecord, after: CatalogueFields & { categoryId: string; bodyText: string }): string[] {
  const names: string[] = CATALOGUE_FIELD_NAMES.filter((f) => !sameFieldValue(before[f], after[f]));
  if (before.categoryId !== after.categoryId) names.push('categoryId');
  if (before.bodyText !== after.bodyText) names.push('body');
  return names;
}

export function saveDraft(ctx: Ctx, input: ParsedInput<'items.saveDraft'>): CommandOutput<'items.saveDraft'> {
  const actor = requireActor(ctx);
  requireCategory(ctx, input.categoryId);
  const body = content(input);
  ctx.db.transaction(() => {
    const before = requireDraft(ctx, input.editionId);
    const changed = changedFields(before, body);
    if (changed.length) {
      updateEditionContent(ctx.db, before.id, body, ctx.clock.now().toISOString());
      indexEdition(ctx.db, before.rowid, body);
      record(ctx, 'items.saveDraft', { type: 'edition', id: before.id }, `${before.indexNumber} #${before.number}: ${changed.join(', ')}`);
    }
    ctx.db.prepare('DELETE FROM autosaves WHERE user_id = ? AND edition_id = ?').run(actor.id, before.id);
  })();
  return presentEdition(ctx, findEdition(ctx.db, input.editionId)!);
}

export function newEdition(ctx: Ctx, input: ParsedInput<'items.newEdition'>): CommandOutput<'items.newEdition'> {
  const actor = requireActor(ctx);
  const id = ctx.db.transaction(() => {
    const current = itemHistory(ctx.db, input.itemId)[0];
    if (!current) throw new AppError('items.not_found');
    if (current.status !== 'published') throw new AppError('items.open_edition_exists');
    const at = ctx.clock.now().toISOString();
    const editionId = uuidv7(ctx.clock.now().getTime());
    ctx.db.prepare('UPDATE editions SET current = 0 WHERE id = ?').run(current.id);
    const rowid = insertEdition(ctx.db, { ...current, id: editionId, number: current.number + 1, status: 'draft', authorId: actor.id!, at });
    for (const a of ctx.db.prepare('SELECT sha256, name, size, mime, ordering FROM attachments WHERE edition_id = ?').all(current.id) as {
      sha256: string;
      name: string;
      size: number;
      mime: string;
      ordering: number;
    }[]) {
      ctx.db
        .prepare('INSERT INTO attachments (id, edition_id, sha256, name, size, mime, ordering, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
        .run(uuidv7(), editionId, a.sha256, a.name, a.size, a.mime, a.ordering, at);
    }
    unindexEdition(ctx.db, current.rowid);
    indexEdition(ctx.db, rowid, current);
    record(ctx, 'items.newEdition', { type: 'item', id: current.itemId }, `${current.indexNumber} #${current.number + 1}`);
    return editionId;
  })();
  return presentEdition(ctx, findEdition(ctx.db, id)!);
}

/** 更正说明: what an update to a published item changes, shown on the website with it. */
export function setChangeNote(ctx: Ctx, input: ParsedInput<'items.setChangeNote'>): CommandOutput<'items.setChangeNote'> {
  ctx.db.transaction(() => {
    const e = requireDraft(ctx, input.editionId);
    ctx.db.prepare('UPDATE editions SET change_note = ?, minor_change = ?, updated_at = ? WHERE id = ?').run(input.changeNote, input.minorChange ? 1 : 0, ctx.clock.now().toISOString(), e.id);
    record(ctx, 'items.setChangeNote', { type: 'edition', id: e.id }, `${e.indexNumber} #${e.number}: ${input.minorChange ? 'minor' : input.changeNote}`.slice(0, 500));
  })();
  return presentEdition(ctx, findEdition(ctx.db, input.editionId)!);
}

export function edition(ctx: Ctx, input: ParsedInput<'items.edition'>): CommandOutput<'items.edition'> {
  return presentEdition(ctx, requireEdition(ctx, input.editionId));
}

export function history(ctx: Ctx, input: ParsedInput<'items.history'>): CommandOutput<'items.history'> {
  return itemHistory(ctx.db, input.itemId).map(({ id, number, status, updatedAt, authorName }) => ({ id, number, status, updatedAt, authorName }));
}

function fieldText(value: unknown): string {
  if (Array.isArray(value)) return value.join('、');
  return value === null || value === undefined ? '' : String(value);
}

export function compare(ctx: Ctx, input: ParsedInput<'items.compare'>): CommandOutput<'items.compare'> {
  const after = requireEdition(ctx, input.editionId);
  const before = findEditionByNumber(ctx.db, after.itemId, after.number - 1);
  if (!before) return null;
  const fields = [...CATALOGUE_FIELD_NAMES, 'categoryId' as const]
    .filter((f) => !sameFieldValue(before[f], after[f]))
    .map((field) => ({ field, before: fieldText(before[field]), after: fieldText(after[field]) }));
  return { fields, body: diffLines(before.bodyText, after.bodyText) };
}

export function list(ctx: Ctx, input: ParsedInput<'items.list'>): CommandOutput<'items.list'> {
  return listItems(ctx.db, input.filters, input.sort, input.offset, input.limit);
}

export function search(ctx: Ctx, input: ParsedInput<'items.search'>): CommandOutput<'items.search'> {
  const rowids = searchRowids(ctx.db, input.query, input.limit);
  const texts = searchTextsByRowids(ctx.db, rowids);
  const rows = new Map(rowsByRowids(ctx.db, rowids).map(({ rowid, ...row }) => [rowid, row]));
  const hits = rowids.flatMap((rowid) => {
    const row = rows.get(rowid);
    const text = texts.get(rowid);
    if (!row || !text) return [];
    const where = locateMatch(
      [
        { name: 'title', text: text.title },
        { name: 'documentNumber', text: text.documentNumber },
        { name: 'summary', text: text.summary },
        { name: 'body', text: text.bodyText },
      ],
      input.query,
    );
    return [{ ...row, ...where }];
  });
  return { hits };
}
