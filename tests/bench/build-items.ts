/**
 * Builds a catalogue of realistic items fast, the way an import would: rows through the items
 * repository, 索引号 serials and the search index, 1,000 items per transaction. Shared by the
 * drafts and the ten-years benchmarks.
 */
import type { Db } from '../../electron/core/db/connection.js';
import { insertEdition, insertItem, nextSerial } from '../../electron/core/db/items-repo.js';
import { indexEdition, mergeSearchSegments } from '../../electron/core/search/edition-search.js';
import { formatIndexNumber, serialScope, DEFAULT_INDEX_PATTERN } from '../../shared/domain/index-number.js';
import { uuidv7 } from '../../electron/core/ids.js';
import { UNIT } from '../support/backend.js';
import { fields } from '../support/items.js';
import { generateItem, pick, rng } from './corpus.js';

const CATEGORIES = ['gov_document', 'interpretation', 'news', 'notice', 'key_construction', 'statistics', 'other'];
const BATCH = 1000;

export interface BuiltItems {
  /** Bytes of body text (UTF-8) in all items. */
  textBytes: number;
  /** Up to `keepDrafts` draft edition ids, for save benchmarks. */
  drafts: string[];
  /** Every edition's id, in the order built (for attaching files). */
  editionIds: string[];
  seconds: number;
}

export interface BuildOptions {
  count: number;
  authorId: string;
  seed?: number;
  keepDrafts?: number;
  /** Called after each batch with the number built so far (progress on long builds). */
  progress?: (done: number) => void;
}

/** 90% published, 10% drafts; 成文日期 spread over 2017–2026 by the corpus generator. */
export function buildItems(db: Db, options: BuildOptions): BuiltItems {
  const random = rng(options.seed ?? 20261129);
  const keepDrafts = options.keepDrafts ?? 500;
  const start = performance.now();
  const drafts: string[] = [];
  const editionIds: string[] = [];
  let textBytes = 0;
  for (let done = 0; done < options.count; ) {
    db.transaction(() => {
      for (let i = 0; i < BATCH && done < options.count; i++, done++) {
        const g = generateItem(random, done);
        textBytes += Buffer.byteLength(g.bodyText);
        const itemId = uuidv7();
        const editionId = uuidv7();
        const indexNumber = formatIndexNumber(DEFAULT_INDEX_PATTERN, { code: UNIT.code, date: g.writtenDate, serial: nextSerial(db, serialScope(DEFAULT_INDEX_PATTERN, g.writtenDate)) });
        const at = new Date(Date.parse('2026-01-01T00:00:00Z') + done * 60_000).toISOString();
        insertItem(db, { id: itemId, indexNumber, createdBy: options.authorId, createdAt: at });
        const status = random() < 0.9 ? 'published' : 'draft';
        const publishDate = status === 'published' ? g.writtenDate : null;
        const content = {
          ...fields({ title: g.title, summary: g.summary, draftingUnit: g.unit, publisher: g.unit, documentNumber: g.documentNumber, writtenDate: g.writtenDate, publishDate }),
          categoryId: pick(random, CATEGORIES),
          bodyHtml: g.bodyHtml,
          bodyText: g.bodyText,
        };
        const rowid = insertEdition(db, { ...content, id: editionId, itemId, number: 1, status, authorId: options.authorId, at });
        indexEdition(db, rowid, content);
        editionIds.push(editionId);
        if (status === 'draft' && drafts.length < keepDrafts) drafts.push(editionId);
      }
    })();
    options.progress?.(done);
  }
  // Years of use leave the search index merged by the app's pauses (migration 011); so does the build.
  while (mergeSearchSegments(db, 10_000));
  return { textBytes, drafts, editionIds, seconds: (performance.now() - start) / 1000 };
}
