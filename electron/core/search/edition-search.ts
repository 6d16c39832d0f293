import type { Db } from '../db/connection.js';
import { indexTokens, matchExpression } from './bigram-tokens.js';

interface Searchable {
  title: string;
  summary: string;
  bodyText: string;
  documentNumber: string;
}

/** (Re)indexes an item's current edition under its edition rowid. */
export function indexEdition(db: Db, rowid: number, e: Searchable): void {
  db.prepare('DELETE FROM edition_search WHERE rowid = ?').run(rowid);
  db.prepare('INSERT INTO edition_search (rowid, title, summary, body, document_number) VALUES (?, ?, ?, ?, ?)').run(
    rowid,
    indexTokens(e.title),
    indexTokens(e.summary),
    indexTokens(e.bodyText),
    indexTokens(e.documentNumber),
  );
}

export function unindexEdition(db: Db, rowid: number): void {
  db.prepare('DELETE FROM edition_search WHERE rowid = ?').run(rowid);
}

/** Pages of the index merged per pause: a few milliseconds of work (migration 011). */
const MERGE_PAGES_PER_PAUSE = 500;

/**
 * Merges segments of the search index, as FTS5 would have inside a save; run when the user
 * pauses. Says whether there was work to do (FTS5 counts two or more changes when it merged).
 */
export function mergeSearchSegments(db: Db, pages = MERGE_PAGES_PER_PAUSE): boolean {
  const before = db.prepare('SELECT total_changes() AS n').pluck().get() as number;
  db.prepare(`INSERT INTO edition_search(edition_search, rank) VALUES ('merge', ${Math.trunc(pages)})`).run();
  return (db.prepare('SELECT total_changes() AS n').pluck().get() as number) - before >= 2;
}

/** Edition rowids matching the query, newest first (rowids grow with creation). */
export function searchRowids(db: Db, query: string, limit: number): number[] {
  const expression = matchExpression(query);
  if (!expression) return [];
  const rows = db.prepare('SELECT rowid FROM edition_search WHERE edition_search MATCH ? ORDER BY rowid DESC LIMIT ?').all(expression, limit) as {
    rowid: number;
  }[];
  return rows.map((r) => r.rowid);
}

const SNIPPET_RADIUS = 40;

/**
 * Where the query occurs and the text around it, with offsets to highlight. Search matches
 * normalised text, so the literal query is looked for first and then its first word.
 */
export function locateMatch(
  fields: { name: 'title' | 'summary' | 'documentNumber' | 'body'; text: string }[],
  query: string,
): { matchedIn: 'title' | 'summary' | 'documentNumber' | 'body'; snippet: string; highlights: [number, number][] } {
  const needles = [query.trim(), ...query.trim().split(/\s+/)].filter(Boolean).map((n) => n.toLowerCase());
  for (const needle of needles) {
    for (const field of fields) {
      const at = field.text.toLowerCase().indexOf(needle);
      if (at < 0) continue;
      const start = Math.max(0, at - SNIPPET_RADIUS);
      const end = Math.min(field.text.length, at + needle.length + SNIPPET_RADIUS);
      const snippet = field.text.slice(start, end).replace(/\s+/g, ' ');
      // Offsets shift only if whitespace before the match collapsed.
      const before = field.text.slice(start, at).replace(/\s+/g, ' ').length;
      return { matchedIn: field.name, snippet, highlights: [[before, before + needle.length]] };
    }
  }
  const first = fields.find((f) => f.text)!;
  return { matchedIn: first?.name ?? 'title', snippet: (first?.text ?? '').slice(0, SNIPPET_RADIUS * 2), highlights: [] };
}
