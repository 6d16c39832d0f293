import type { Db } from './connection.js';
import type { CatalogueFields, EditionStatus } from '../../../shared/domain/catalogue.js';
import type { ItemRow } from '../../../shared/contract.js';

/** A stored edition with the item's index number, before the derived parts (problems, due date). */
export interface EditionRecord extends CatalogueFields {
  rowid: number;
  id: string;
  itemId: string;
  number: number;
  current: boolean;
  status: EditionStatus;
  indexNumber: string;
  categoryId: string;
  bodyHtml: string;
  bodyText: string;
  authorId: string;
  authorName: string;
  createdAt: string;
  updatedAt: string;
  changeNote: string;
  minorChange: boolean;
}

interface EditionRow {
  rowid: number;
  id: string;
  item_id: string;
  number: number;
  current: number;
  category_id: string;
  status: EditionStatus;
  title: string;
  summary: string;
  topic: string;
  publisher: string;
  drafting_unit: string;
  written_date: string | null;
  publish_date: string | null;
  publish_date_reason: string;
  document_number: string;
  disclosure: CatalogueFields['disclosure'];
  disclosure_article: number | null;
  disclosure_reason: string;
  validity: CatalogueFields['validity'];
  repealed_date: string | null;
  normative: number;
  keywords: string;
  source_level: CatalogueFields['sourceLevel'];
  interpretation_form: string;
  co_issuers: string;
  lead_unit: string;
  interview_date: string | null;
  interview_guests: string;
  interview_topic: string;
  body_html: string;
  body_text: string;
  author_id: string;
  author_name: string;
  change_note: string;
  minor_change: number;
  index_number: string;
  created_at: string;
  updated_at: string;
}

const SELECT_EDITION = `
  SELECT e.rowid, e.*, b.body_html, b.body_text, i.index_number, u.display_name AS author_name
  FROM editions e JOIN edition_bodies b ON b.edition_id = e.id JOIN items i ON i.id = e.item_id JOIN users u ON u.id = e.author_id`;

function toRecord(r: EditionRow): EditionRecord {
  return {
    rowid: r.rowid,
    id: r.id,
    itemId: r.item_id,
    number: r.number,
    current: r.current === 1,
    categoryId: r.category_id,
    status: r.status,
    indexNumber: r.index_number,
    title: r.title,
    summary: r.summary,
    topic: r.topic,
    publisher: r.publisher,
    draftingUnit: r.drafting_unit,
    writtenDate: r.written_date,
    publishDate: r.publish_date,
    publishDateReason: r.publish_date_reason,
    documentNumber: r.document_number,
    disclosure: r.disclosure,
    disclosureArticle: r.disclosure_article as CatalogueFields['disclosureArticle'],
    disclosureReason: r.disclosure_reason,
    validity: r.validity,
    repealedDate: r.repealed_date,
    normative: r.normative === 1,
    keywords: r.keywords,
    sourceLevel: r.source_level,
    interpretationForm: r.interpretation_form,
    coIssuers: JSON.parse(r.co_issuers) as string[],
    leadUnit: r.lead_unit,
    interviewDate: r.interview_date,
    interviewGuests: r.interview_guests,
    interviewTopic: r.interview_topic,
    bodyHtml: r.body_html,
    bodyText: r.body_text,
    authorId: r.author_id,
    authorName: r.author_name,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    changeNote: r.change_note,
    minorChange: r.minor_change === 1,
  };
}

export function findEdition(db: Db, id: string): EditionRecord | undefined {
  const row = db.prepare(`${SELECT_EDITION} WHERE e.id = ?`).get(id) as EditionRow | undefined;
  return row && toRecord(row);
}

export function findEditionByNumber(db: Db, itemId: string, number: number): EditionRecord | undefined {
  const row = db.prepare(`${SELECT_EDITION} WHERE e.item_id = ? AND e.number = ?`).get(itemId, number) as EditionRow | undefined;
  return row && toRecord(row);
}

export function itemHistory(db: Db, itemId: string): EditionRecord[] {
  return (db.prepare(`${SELECT_EDITION} WHERE e.item_id = ? ORDER BY e.number DESC`).all(itemId) as EditionRow[]).map(toRecord);
}

/** Columns in the order the insert and update statements bind them. */
function fieldParams(f: CatalogueFields & { categoryId: string; bodyHtml: string; bodyText: string }) {
  return {
    category_id: f.categoryId,
    title: f.title,
    summary: f.summary,
    topic: f.topic,
    publisher: f.publisher,
    drafting_unit: f.draftingUnit,
    written_date: f.writtenDate,
    publish_date: f.publishDate,
    publish_date_reason: f.publishDateReason,
    document_number: f.documentNumber,
    disclosure: f.disclosure,
    disclosure_article: f.disclosureArticle,
    disclosure_reason: f.disclosureReason,
    validity: f.validity,
    repealed_date: f.repealedDate,
    normative: f.normative ? 1 : 0,
    keywords: f.keywords,
    source_level: f.sourceLevel,
    interpretation_form: f.interpretationForm,
    co_issuers: JSON.stringify(f.coIssuers),
    lead_unit: f.leadUnit,
    interview_date: f.interviewDate,
    interview_guests: f.interviewGuests,
    interview_topic: f.interviewTopic,
  };
}
type EditionContent = Parameters<typeof fieldParams>[0];

export function insertItem(db: Db, item: { id: string; indexNumber: string; createdBy: string; createdAt: string }): void {
  db.prepare('INSERT INTO items (id, index_number, created_by, created_at) VALUES (?, ?, ?, ?)').run(item.id, item.indexNumber, item.createdBy, item.createdAt);
}

export function insertEdition(
  db: Db,
  e: { id: string; itemId: string; number: number; status: EditionStatus; authorId: string; at: string } & EditionContent,
): number {
  const params = fieldParams(e);
  const columns = Object.keys(params);
  const result = db
    .prepare(
      `INSERT INTO editions (id, item_id, number, current, status, author_id, created_at, updated_at, ${columns.join(', ')})
       VALUES (@id, @item_id, @number, 1, @status, @author_id, @at, @at, ${columns.map((c) => `@${c}`).join(', ')})`,
    )
    .run({ ...params, id: e.id, item_id: e.itemId, number: e.number, status: e.status, author_id: e.authorId, at: e.at });
  db.prepare('INSERT INTO edition_bodies (edition_id, body_html, body_text) VALUES (?, ?, ?)').run(e.id, e.bodyHtml, e.bodyText);
  return Number(result.lastInsertRowid);
}

export function updateEditionContent(db: Db, id: string, content: EditionContent, at: string): void {
  const params = fieldParams(content);
  db.prepare(`UPDATE editions SET ${Object.keys(params).map((c) => `${c} = @${c}`).join(', ')}, updated_at = @at WHERE id = @id`).run({ ...params, id, at });
  db.prepare('UPDATE edition_bodies SET body_html = ?, body_text = ? WHERE edition_id = ?').run(content.bodyHtml, content.bodyText, id);
}

export function touchEdition(db: Db, id: string, at: string): void {
  db.prepare('UPDATE editions SET updated_at = ? WHERE id = ?').run(at, id);
}

/** Takes the next serial in a scope; serials are never handed out twice, even if an item is later removed. */
export function nextSerial(db: Db, scope: string): number {
  const row = db
    .prepare('INSERT INTO index_counters (scope, last_serial) VALUES (?, 1) ON CONFLICT(scope) DO UPDATE SET last_serial = last_serial + 1 RETURNING last_serial')
    .get(scope) as { last_serial: number };
  return row.last_serial;
}

export type ListSort = 'updated_desc' | 'updated_asc' | 'written_desc' | 'written_asc' | 'title_asc' | 'index_asc';

const ORDER: Record<ListSort, string> = {
  updated_desc: 'e.updated_at DESC, e.rowid DESC',
  updated_asc: 'e.updated_at ASC, e.rowid ASC',
  written_desc: 'e.written_date DESC, e.rowid DESC',
  written_asc: 'e.written_date ASC, e.rowid ASC',
  title_asc: 'e.title ASC, e.rowid ASC',
  index_asc: 'i.index_number ASC',
};

export interface ListFilters {
  status?: EditionStatus[] | undefined;
  categoryId?: string | undefined;
  draftingUnit?: string | undefined;
  authorId?: string | undefined;
  validity?: CatalogueFields['validity'] | undefined;
  writtenFrom?: string | undefined;
  writtenTo?: string | undefined;
}

const ROW_COLUMNS = `e.item_id AS itemId, e.id AS editionId, e.number, i.index_number AS indexNumber, e.title, e.category_id AS categoryId,
  e.status, u.display_name AS authorName, e.drafting_unit AS draftingUnit, e.document_number AS documentNumber,
  e.written_date AS writtenDate, e.publish_date AS publishDate, e.validity, e.updated_at AS updatedAt,
  (SELECT count(*) FROM interpretation_links l WHERE l.interpretation_item_id = e.item_id)
    + (SELECT count(*) FROM interpretation_links l WHERE l.document_item_id = e.item_id) AS links`;

/** One row per item (its current edition), filtered, sorted and paged. */
export function listItems(db: Db, filters: ListFilters, sort: ListSort, offset: number, limit: number): { rows: ItemRow[]; total: number } {
  const where = ['e.current = 1'];
  const params: Record<string, unknown> = {};
  if (filters.status?.length) {
    // Listed values, not json_each: the planner then reads editions_cur_status in date order.
    const names = filters.status.map((status, n) => {
      params[`status${n}`] = status;
      return `@status${n}`;
    });
    where.push(`e.status IN (${names.join(', ')})`);
  }
  const equal: [keyof ListFilters, string][] = [
    ['categoryId', 'e.category_id'],
    ['draftingUnit', 'e.drafting_unit'],
    ['authorId', 'e.author_id'],
    ['validity', 'e.validity'],
  ];
  for (const [key, column] of equal) {
    if (filters[key] !== undefined) {
      where.push(`${column} = @${key}`);
      params[key] = filters[key];
    }
  }
  if (filters.writtenFrom) {
    where.push('e.written_date >= @writtenFrom');
    params.writtenFrom = filters.writtenFrom;
  }
  if (filters.writtenTo) {
    where.push('e.written_date <= @writtenTo');
    params.writtenTo = filters.writtenTo;
  }
  const whereSql = where.join(' AND ');
  const rows = db
    .prepare(
      `SELECT ${ROW_COLUMNS} FROM editions e JOIN items i ON i.id = e.item_id JOIN users u ON u.id = e.author_id
       WHERE ${whereSql} ORDER BY ${ORDER[sort]} LIMIT @limit OFFSET @offset`,
    )
    .all({ ...params, limit, offset }) as ItemRow[];
  return { rows, total: countItems(db, whereSql, params) };
}

/**
 * Counting a filter over 100,000 rows costs milliseconds, and a user scrolling one list asks for
 * the same count page after page; so counts are kept until this connection next writes anything.
 */
const counts = new WeakMap<Db, { changes: number; byFilter: Map<string, number> }>();

function countItems(db: Db, whereSql: string, params: Record<string, unknown>): number {
  const changes = (db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
  let cache = counts.get(db);
  if (!cache || cache.changes !== changes) counts.set(db, (cache = { changes, byFilter: new Map() }));
  const key = `${whereSql}\n${JSON.stringify(params)}`;
  let total = cache.byFilter.get(key);
  if (total === undefined) {
    total = (db.prepare(`SELECT count(*) AS total FROM editions e WHERE ${whereSql}`).get(params) as { total: number }).total;
    cache.byFilter.set(key, total);
  }
  return total;
}

/** The searchable texts of editions, for placing a search hit's snippet. */
export function searchTextsByRowids(db: Db, rowids: number[]): Map<number, { title: string; summary: string; documentNumber: string; bodyText: string }> {
  const rows = db
    .prepare(
      `SELECT e.rowid, e.title, e.summary, e.document_number AS documentNumber, b.body_text AS bodyText
       FROM editions e JOIN edition_bodies b ON b.edition_id = e.id WHERE e.rowid IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(rowids)) as { rowid: number; title: string; summary: string; documentNumber: string; bodyText: string }[];
  return new Map(rows.map(({ rowid, ...texts }) => [rowid, texts]));
}

export function rowsByRowids(db: Db, rowids: number[]): (ItemRow & { rowid: number })[] {
  if (!rowids.length) return [];
  return db
    .prepare(
      `SELECT e.rowid, ${ROW_COLUMNS} FROM editions e JOIN items i ON i.id = e.item_id JOIN users u ON u.id = e.author_id
       WHERE e.rowid IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(rowids)) as (ItemRow & { rowid: number })[];
}
