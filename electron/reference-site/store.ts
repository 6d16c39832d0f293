/**
 * The reference site's storage: one SQLite file (WAL, STRICT tables, foreign keys on) and the
 * attachment bytes on disk under their SHA-256. `editions`, `edition_attachments`, `relations` and
 * `withdrawals` are append-only history (triggers refuse UPDATE and DELETE); `items` is only the
 * pointer to each item's current edition. Every write runs in one transaction, and the
 * exactly-once check (does this item already have this edition?) runs inside that transaction.
 */
import Database from 'better-sqlite3';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { AttachmentRef, Catalogue, PutItem, Related, Withdrawal, WithdrawalReason } from '../../shared/publishing-api.js';

export const DATABASE_FILE = 'reference-site.sqlite3';

/** An answer other than success: status, a stable code, a sentence, and for 400/422 the field. */
export class SiteError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly extra: { field?: string; current?: CurrentState | null; missing?: string[] } = {},
  ) {
    super(message);
  }
}

/** What a 409 tells the client about the edition the site has now. */
export interface CurrentState {
  edition: number;
  contentHash: string;
  title: string;
  updatedAt: string;
}

export interface PublishResult {
  itemId: string;
  edition: number;
  /** Site-relative; the HTTP layer makes it absolute. */
  path: string;
  publishedAt: string;
}

export interface WithdrawalResult {
  itemId: string;
  edition: number;
  reason: WithdrawalReason;
  replacedBy: string | null;
  note: string;
  withdrawnAt: string;
  path: string;
}

export interface Column {
  id: string;
  name: string;
  parentId: string | null;
}

/** 栏目 of a county-level government portal's 政府信息公开 section. */
export const SEED_COLUMNS: readonly Column[] = [
  { id: 'zfxxgkzn', name: '政府信息公开指南', parentId: null },
  { id: 'zfxxgkzd', name: '政府信息公开制度', parentId: null },
  { id: 'fdzdgknr', name: '法定主动公开内容', parentId: null },
  { id: 'zfwj', name: '政府文件', parentId: 'fdzdgknr' },
  { id: 'zfwj_szfwj', name: '市政府文件', parentId: 'zfwj' },
  { id: 'zfwj_szfbwj', name: '市政府办公室文件', parentId: 'zfwj' },
  { id: 'zfwj_bmwj', name: '部门文件', parentId: 'zfwj' },
  { id: 'gfxwj', name: '规范性文件', parentId: 'fdzdgknr' },
  { id: 'zcjd', name: '政策解读', parentId: 'fdzdgknr' },
  { id: 'tzgg', name: '通知公告', parentId: 'fdzdgknr' },
  { id: 'dtxx', name: '动态信息', parentId: 'fdzdgknr' },
  { id: 'dtxx_gzdt', name: '工作动态', parentId: 'dtxx' },
  { id: 'dtxx_bmdt', name: '部门动态', parentId: 'dtxx' },
  { id: 'ghjh', name: '规划计划', parentId: 'fdzdgknr' },
  { id: 'rsxx', name: '人事信息', parentId: 'fdzdgknr' },
  { id: 'czzj', name: '财政资金', parentId: 'fdzdgknr' },
  { id: 'zdlyxx', name: '重点领域信息', parentId: null },
  { id: 'zdlyxx_czyjs', name: '财政预决算', parentId: 'zdlyxx' },
  { id: 'zdlyxx_zdjsxm', name: '重大建设项目', parentId: 'zdlyxx' },
  { id: 'zdlyxx_shgysy', name: '社会公益事业', parentId: 'zdlyxx' },
  { id: 'zdlyxx_ggzypz', name: '公共资源配置', parentId: 'zdlyxx' },
  { id: 'zdlyxx_hjbh', name: '生态环境', parentId: 'zdlyxx' },
  { id: 'ndbg', name: '政府信息公开年度报告', parentId: null },
];

const SCHEMA = `
CREATE TABLE columns (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  parent_id TEXT REFERENCES columns(id),
  sort_order INTEGER NOT NULL
) STRICT;

CREATE TABLE attachments (
  sha256 TEXT PRIMARY KEY CHECK (length(sha256) = 64),
  size INTEGER NOT NULL CHECK (size >= 0),
  stored_at TEXT NOT NULL
) STRICT;

CREATE TABLE editions (
  item_id TEXT NOT NULL,
  edition INTEGER NOT NULL CHECK (edition >= 1),
  previous_edition INTEGER,
  content_hash TEXT NOT NULL,
  column_id TEXT NOT NULL REFERENCES columns(id),
  title TEXT NOT NULL,
  publish_date TEXT NOT NULL,
  catalogue TEXT NOT NULL,
  body_html TEXT NOT NULL,
  review TEXT NOT NULL,
  approval TEXT NOT NULL,
  change_note TEXT NOT NULL,
  minor_change INTEGER NOT NULL CHECK (minor_change IN (0, 1)),
  published_at TEXT NOT NULL,
  PRIMARY KEY (item_id, edition)
) STRICT;

CREATE TABLE items (
  item_id TEXT PRIMARY KEY,
  current_edition INTEGER NOT NULL,
  first_published_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  FOREIGN KEY (item_id, current_edition) REFERENCES editions(item_id, edition)
) STRICT;

CREATE TABLE edition_attachments (
  item_id TEXT NOT NULL,
  edition INTEGER NOT NULL,
  position INTEGER NOT NULL,
  sha256 TEXT NOT NULL REFERENCES attachments(sha256),
  name TEXT NOT NULL,
  size INTEGER NOT NULL,
  mime TEXT NOT NULL,
  PRIMARY KEY (item_id, edition, position),
  FOREIGN KEY (item_id, edition) REFERENCES editions(item_id, edition)
) STRICT;
CREATE INDEX edition_attachments_sha ON edition_attachments(sha256);

CREATE TABLE relations (
  item_id TEXT NOT NULL,
  edition INTEGER NOT NULL,
  target_item_id TEXT NOT NULL,
  relation TEXT NOT NULL CHECK (relation IN ('interprets', 'interpreted_by')),
  PRIMARY KEY (item_id, edition, target_item_id, relation),
  FOREIGN KEY (item_id, edition) REFERENCES editions(item_id, edition)
) STRICT;
CREATE INDEX relations_target ON relations(target_item_id);

CREATE TABLE withdrawals (
  item_id TEXT NOT NULL,
  edition INTEGER NOT NULL,
  reason TEXT NOT NULL CHECK (reason IN ('published_in_error', 'expired_or_repealed', 'superseded')),
  replaced_by TEXT,
  note TEXT NOT NULL,
  withdrawn_at TEXT NOT NULL,
  PRIMARY KEY (item_id, edition),
  FOREIGN KEY (item_id, edition) REFERENCES editions(item_id, edition)
) STRICT;
`;

const APPEND_ONLY = ['editions', 'edition_attachments', 'relations', 'withdrawals'];

export const SCHEMA_VERSION = 1;

/** 发布日期 when the client leaves it to the site: the calendar date in Asia/Shanghai (UTC+8, no DST). */
export function shanghaiDate(iso: string): string {
  return new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 10);
}

interface EditionRow {
  item_id: string;
  edition: number;
  previous_edition: number | null;
  content_hash: string;
  column_id: string;
  title: string;
  publish_date: string;
  catalogue: string;
  body_html: string;
  review: string;
  approval: string;
  change_note: string;
  minor_change: number;
  published_at: string;
}

interface ItemRow {
  item_id: string;
  current_edition: number;
  first_published_at: string;
  updated_at: string;
}

interface WithdrawalRow {
  item_id: string;
  edition: number;
  reason: WithdrawalReason;
  replaced_by: string | null;
  note: string;
  withdrawn_at: string;
}

export interface EditionView {
  itemId: string;
  edition: number;
  previousEdition: number | null;
  contentHash: string;
  columnId: string;
  title: string;
  publishDate: string;
  catalogue: Catalogue;
  bodyHtml: string;
  attachments: AttachmentRef[];
  related: Related[];
  review: PutItem['review'];
  approval: PutItem['approval'];
  changeNote: string;
  minorChange: boolean;
  publishedAt: string;
}

export interface LinkedItem {
  itemId: string;
  title: string;
  publishDate: string;
  withdrawn: boolean;
}

/** Everything the item page shows. */
export interface ItemPage {
  current: EditionView;
  column: Column | null;
  firstPublishedAt: string;
  updatedAt: string;
  withdrawal: (WithdrawalResult & { replacedByItem: LinkedItem | null }) | null;
  /** 相关解读: interpretations of this item. */
  interpretations: LinkedItem[];
  /** 解读的政策文件: documents this item interprets. */
  documents: LinkedItem[];
  history: { edition: number; publishedAt: string; changeNote: string; minorChange: boolean }[];
}

export interface ColumnListing {
  itemId: string;
  title: string;
  publishDate: string;
  withdrawn: boolean;
}

export class SiteStore {
  readonly db: Database.Database;
  readonly blobDir: string;
  readonly tmpDir: string;

  /** `nativeBinding`: better-sqlite3 built for the running runtime (Electron in development). */
  constructor(
    readonly dataDir: string,
    nativeBinding?: string,
  ) {
    mkdirSync(dataDir, { recursive: true });
    this.blobDir = join(dataDir, 'blobs');
    this.tmpDir = join(dataDir, 'tmp');
    mkdirSync(this.blobDir, { recursive: true });
    mkdirSync(this.tmpDir, { recursive: true });
    this.db = new Database(join(dataDir, DATABASE_FILE), nativeBinding ? { nativeBinding } : {});
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('busy_timeout = 5000');
    this.migrate();
  }

  private migrate(): void {
    const version = this.db.pragma('user_version', { simple: true }) as number;
    if (version === SCHEMA_VERSION) return;
    if (version !== 0) throw new Error(`reference site database has schema ${version}, expected ${SCHEMA_VERSION}`);
    this.db.transaction(() => {
      this.db.exec(SCHEMA);
      for (const table of APPEND_ONLY) {
        for (const op of ['UPDATE', 'DELETE']) {
          this.db.exec(`CREATE TRIGGER ${table}_no_${op.toLowerCase()} BEFORE ${op} ON ${table} BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END;`);
        }
      }
      const insert = this.db.prepare('INSERT INTO columns (id, name, parent_id, sort_order) VALUES (?, ?, ?, ?)');
      SEED_COLUMNS.forEach((c, i) => insert.run(c.id, c.name, c.parentId, i));
      this.db.pragma(`user_version = ${SCHEMA_VERSION}`);
    })();
  }

  close(): void {
    this.db.close();
  }

  // ---- columns ------------------------------------------------------------------------------

  columns(): Column[] {
    return this.db.prepare('SELECT id, name, parent_id AS parentId FROM columns ORDER BY sort_order').all() as Column[];
  }

  column(id: string): Column | null {
    return (this.db.prepare('SELECT id, name, parent_id AS parentId FROM columns WHERE id = ?').get(id) as Column | undefined) ?? null;
  }

  // ---- attachments --------------------------------------------------------------------------

  /** Where the bytes with this SHA-256 live (two-level fan-out, like git's objects). */
  blobPath(sha256: string): string {
    return join(this.blobDir, sha256.slice(0, 2), sha256);
  }

  blobFolder(sha256: string): string {
    return join(this.blobDir, sha256.slice(0, 2));
  }

  attachment(sha256: string): { sha256: string; size: number } | null {
    const row = this.db.prepare('SELECT sha256, size FROM attachments WHERE sha256 = ?').get(sha256) as { sha256: string; size: number } | undefined;
    return row && existsSync(this.blobPath(sha256)) ? row : null;
  }

  /** Records bytes already in place under blobPath(sha256); true when this call added the row. */
  recordAttachment(sha256: string, size: number, now: string): boolean {
    return this.db.transaction(() => this.db.prepare('INSERT OR IGNORE INTO attachments (sha256, size, stored_at) VALUES (?, ?, ?)').run(sha256, size, now).changes === 1)();
  }

  /**
   * The attachment as a citizen may download it: named so by the current edition of an item whose
   * content is still shown (not withdrawn as published in error).
   */
  publicAttachment(sha256: string, name: string): { size: number; mime: string } | null {
    const row = this.db
      .prepare(
        `SELECT ea.size, ea.mime FROM edition_attachments ea
         JOIN items i ON i.item_id = ea.item_id AND i.current_edition = ea.edition
         LEFT JOIN withdrawals w ON w.item_id = i.item_id AND w.edition = i.current_edition
         WHERE ea.sha256 = ? AND ea.name = ? AND (w.reason IS NULL OR w.reason <> 'published_in_error')
         LIMIT 1`,
      )
      .get(sha256, name) as { size: number; mime: string } | undefined;
    return row && existsSync(this.blobPath(sha256)) ? row : null;
  }

  // ---- items --------------------------------------------------------------------------------

  private item(itemId: string): ItemRow | undefined {
    return this.db.prepare('SELECT * FROM items WHERE item_id = ?').get(itemId) as ItemRow | undefined;
  }

  private editionRow(itemId: string, edition: number): EditionRow | undefined {
    return this.db.prepare('SELECT * FROM editions WHERE item_id = ? AND edition = ?').get(itemId, edition) as EditionRow | undefined;
  }

  private withdrawalRow(itemId: string, edition: number): WithdrawalRow | undefined {
    return this.db.prepare('SELECT * FROM withdrawals WHERE item_id = ? AND edition = ?').get(itemId, edition) as WithdrawalRow | undefined;
  }

  private currentState(itemId: string): CurrentState | null {
    const item = this.item(itemId);
    if (!item) return null;
    const e = this.editionRow(itemId, item.current_edition)!;
    return { edition: e.edition, contentHash: e.content_hash, title: e.title, updatedAt: item.updated_at };
  }

  private conflict(itemId: string, message: string): SiteError {
    return new SiteError(409, 'conflict', message, { current: this.currentState(itemId) });
  }

  private view(e: EditionRow): EditionView {
    const attachments = this.db
      .prepare('SELECT sha256, name, size, mime FROM edition_attachments WHERE item_id = ? AND edition = ? ORDER BY position')
      .all(e.item_id, e.edition) as AttachmentRef[];
    const related = this.db
      .prepare('SELECT target_item_id AS itemId, relation FROM relations WHERE item_id = ? AND edition = ? ORDER BY rowid')
      .all(e.item_id, e.edition) as Related[];
    return {
      itemId: e.item_id,
      edition: e.edition,
      previousEdition: e.previous_edition,
      contentHash: e.content_hash,
      columnId: e.column_id,
      title: e.title,
      publishDate: e.publish_date,
      catalogue: JSON.parse(e.catalogue) as Catalogue,
      bodyHtml: e.body_html,
      attachments,
      related,
      review: JSON.parse(e.review) as PutItem['review'],
      approval: JSON.parse(e.approval) as PutItem['approval'],
      changeNote: e.change_note,
      minorChange: e.minor_change === 1,
      publishedAt: e.published_at,
    };
  }

  private static result(e: EditionRow): PublishResult {
    return { itemId: e.item_id, edition: e.edition, path: `/items/${e.item_id}`, publishedAt: e.published_at };
  }

  /**
   * PUT /api/v1/items/{itemId}. Exactly-once: (itemId, edition) is the key and contentHash the
   * fingerprint; a replay returns the stored result and changes nothing. Throws SiteError 409/422.
   */
  publish(itemId: string, body: PutItem, now: string): { created: boolean; result: PublishResult } {
    return this.db.transaction(() => {
      const stored = this.editionRow(itemId, body.edition);
      if (stored) {
        if (stored.content_hash === body.contentHash) return { created: false, result: SiteStore.result(stored) };
        throw this.conflict(itemId, `edition ${body.edition} of this item was already published with different content (contentHash ${stored.content_hash})`);
      }
      const item = this.item(itemId);
      const current = item?.current_edition ?? null;
      if (body.previousEdition !== current) {
        throw this.conflict(
          itemId,
          current === null
            ? `previousEdition is ${body.previousEdition}, but the site has no edition of this item`
            : `previousEdition is ${body.previousEdition ?? 'null'}, but the site's current edition is ${current}`,
        );
      }
      this.checkPublishable(itemId, body);

      const firstPublishedAt = item?.first_published_at ?? now;
      const publishDate = body.catalogue.publishDate ?? shanghaiDate(firstPublishedAt);
      this.db
        .prepare(
          `INSERT INTO editions (item_id, edition, previous_edition, content_hash, column_id, title, publish_date, catalogue, body_html,
             review, approval, change_note, minor_change, published_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          itemId, body.edition, body.previousEdition, body.contentHash, body.columnId, body.title, publishDate, JSON.stringify(body.catalogue),
          body.bodyHtml, JSON.stringify(body.review), JSON.stringify(body.approval), body.changeNote, body.minorChange ? 1 : 0, now,
        );
      const attach = this.db.prepare('INSERT INTO edition_attachments (item_id, edition, position, sha256, name, size, mime) VALUES (?, ?, ?, ?, ?, ?, ?)');
      body.attachments.forEach((a, i) => attach.run(itemId, body.edition, i, a.sha256, a.name, a.size, a.mime));
      const relate = this.db.prepare('INSERT OR IGNORE INTO relations (item_id, edition, target_item_id, relation) VALUES (?, ?, ?, ?)');
      for (const r of body.related) relate.run(itemId, body.edition, r.itemId, r.relation);
      if (item) this.db.prepare('UPDATE items SET current_edition = ?, updated_at = ? WHERE item_id = ?').run(body.edition, now, itemId);
      else this.db.prepare('INSERT INTO items (item_id, current_edition, first_published_at, updated_at) VALUES (?, ?, ?, ?)').run(itemId, body.edition, now, now);
      return { created: true, result: SiteStore.result(this.editionRow(itemId, body.edition)!) };
    })();
  }

  /** The 422s: rules that need the site's state or tie fields together. */
  private checkPublishable(itemId: string, body: PutItem): void {
    const invalid = (code: string, field: string, message: string, missing?: string[]) =>
      new SiteError(422, code, message, missing ? { field, missing } : { field });
    if (!this.column(body.columnId)) throw invalid('unknown_column', 'columnId', `the site has no column ${body.columnId}`);
    if (body.review.contentHash !== body.contentHash) throw invalid('signoff_mismatch', 'review.contentHash', 'the review signed different content');
    if (body.approval.contentHash !== body.contentHash) throw invalid('signoff_mismatch', 'approval.contentHash', 'the approval signed different content');
    if (body.catalogue.disclosure === 'not_disclosed') throw invalid('not_disclosable', 'catalogue.disclosure', '不予公开 items are not published');
    if (body.catalogue.validity === 'repealed' && !body.catalogue.repealedDate) {
      throw invalid('repealed_date_required', 'catalogue.repealedDate', 'a repealed item needs its repealedDate');
    }
    const missing: string[] = [];
    let firstMissing = -1;
    body.attachments.forEach((a, i) => {
      const have = this.attachment(a.sha256);
      if (!have) {
        if (!missing.includes(a.sha256)) missing.push(a.sha256);
        if (firstMissing < 0) firstMissing = i;
      } else if (have.size !== a.size) {
        throw invalid('attachment_size_mismatch', `attachments[${i}].size`, `the uploaded bytes are ${have.size} long, not ${a.size}`);
      }
    });
    if (missing.length) {
      throw invalid('attachment_missing', `attachments[${firstMissing}].sha256`, `${missing.length} attachment(s) not uploaded: ${missing.join(', ')}`, missing);
    }
    const self = body.related.findIndex((r) => r.itemId === itemId);
    if (self >= 0) throw invalid('invalid_relation', `related[${self}].itemId`, 'an item cannot be related to itself');
  }

  /** POST /api/v1/items/{itemId}/withdrawal. Idempotent per (itemId, edition). */
  withdraw(itemId: string, body: Withdrawal, now: string): { created: boolean; result: WithdrawalResult } {
    return this.db.transaction(() => {
      const item = this.item(itemId);
      if (!item) throw new SiteError(404, 'not_found', 'the site has no such item');
      const stored = this.withdrawalRow(itemId, body.edition);
      if (stored) {
        const same = stored.reason === body.reason && stored.replaced_by === body.replacedBy && stored.note === body.note;
        if (same) return { created: false, result: SiteStore.withdrawalResult(stored) };
        throw this.conflict(itemId, `edition ${body.edition} was already withdrawn with a different reason or note`);
      }
      if (body.edition !== item.current_edition) {
        throw this.conflict(itemId, `edition ${body.edition} is not the current edition (${item.current_edition})`);
      }
      if (body.reason === 'superseded' && !body.replacedBy) throw new SiteError(422, 'replaced_by_required', 'superseded needs replacedBy', { field: 'replacedBy' });
      if (body.replacedBy !== null) {
        if (body.replacedBy === itemId) throw new SiteError(422, 'invalid_relation', 'an item cannot replace itself', { field: 'replacedBy' });
        if (!this.item(body.replacedBy)) throw new SiteError(422, 'unknown_item', 'replacedBy is not on the site; publish it first', { field: 'replacedBy' });
      }
      this.db
        .prepare('INSERT INTO withdrawals (item_id, edition, reason, replaced_by, note, withdrawn_at) VALUES (?, ?, ?, ?, ?, ?)')
        .run(itemId, body.edition, body.reason, body.replacedBy, body.note, now);
      this.db.prepare('UPDATE items SET updated_at = ? WHERE item_id = ?').run(now, itemId);
      return { created: true, result: SiteStore.withdrawalResult(this.withdrawalRow(itemId, body.edition)!) };
    })();
  }

  private static withdrawalResult(w: WithdrawalRow): WithdrawalResult {
    return { itemId: w.item_id, edition: w.edition, reason: w.reason, replacedBy: w.replaced_by, note: w.note, withdrawnAt: w.withdrawn_at, path: `/items/${w.item_id}` };
  }

  /** GET /api/v1/items/{itemId}: the current edition without its body, the withdrawal and the history. */
  state(itemId: string) {
    const item = this.item(itemId);
    if (!item) return null;
    const { bodyHtml: _body, ...current } = this.view(this.editionRow(itemId, item.current_edition)!);
    const w = this.withdrawalRow(itemId, item.current_edition);
    const history = this.db
      .prepare('SELECT edition, previous_edition AS previousEdition, content_hash AS contentHash, published_at AS publishedAt, change_note AS changeNote, minor_change AS minor FROM editions WHERE item_id = ? ORDER BY edition')
      .all(itemId) as { edition: number; previousEdition: number | null; contentHash: string; publishedAt: string; changeNote: string; minor: number }[];
    return {
      ...current,
      path: `/items/${itemId}`,
      firstPublishedAt: item.first_published_at,
      updatedAt: item.updated_at,
      withdrawal: w ? SiteStore.withdrawalResult(w) : null,
      history: history.map(({ minor, ...h }) => ({ ...h, minorChange: minor === 1 })),
    };
  }

  /** How many editions the site holds for an item (tests: exactly-once means one row per edition). */
  editionCount(itemId: string): number {
    return (this.db.prepare('SELECT count(*) AS n FROM editions WHERE item_id = ?').get(itemId) as { n: number }).n;
  }

  // ---- public pages -------------------------------------------------------------------------

  columnItems(columnId: string, offset: number, limit: number): { rows: ColumnListing[]; total: number } {
    const rows = this.db
      .prepare(
        `SELECT i.item_id AS itemId, e.title, e.publish_date AS publishDate, (w.item_id IS NOT NULL) AS withdrawn
         FROM items i JOIN editions e ON e.item_id = i.item_id AND e.edition = i.current_edition
         LEFT JOIN withdrawals w ON w.item_id = i.item_id AND w.edition = i.current_edition
         WHERE e.column_id = ? ORDER BY e.publish_date DESC, i.first_published_at DESC, i.item_id LIMIT ? OFFSET ?`,
      )
      .all(columnId, limit, offset) as (Omit<ColumnListing, 'withdrawn'> & { withdrawn: number })[];
    const total = (
      this.db.prepare('SELECT count(*) AS n FROM items i JOIN editions e ON e.item_id = i.item_id AND e.edition = i.current_edition WHERE e.column_id = ?').get(columnId) as {
        n: number;
      }
    ).n;
    return { rows: rows.map((r) => ({ ...r, withdrawn: r.withdrawn === 1 })), total };
  }

  private linked(itemId: string): LinkedItem | null {
    const row = this.db
      .prepare(
        `SELECT i.item_id AS itemId, e.title, e.publish_date AS publishDate, (w.item_id IS NOT NULL) AS withdrawn
         FROM items i JOIN editions e ON e.item_id = i.item_id AND e.edition = i.current_edition
         LEFT JOIN withdrawals w ON w.item_id = i.item_id AND w.edition = i.current_edition WHERE i.item_id = ?`,
      )
      .get(itemId) as (Omit<LinkedItem, 'withdrawn'> & { withdrawn: number }) | undefined;
    return row ? { ...row, withdrawn: row.withdrawn === 1 } : null;
  }

  itemPage(itemId: string): ItemPage | null {
    const item = this.item(itemId);
    if (!item) return null;
    const current = this.view(this.editionRow(itemId, item.current_edition)!);
    const w = this.withdrawalRow(itemId, item.current_edition);

    // Either side may declare the link; the page shows the union of both current editions' claims.
    const incoming = this.db
      .prepare(
        `SELECT r.item_id AS itemId, r.relation FROM relations r JOIN items i ON i.item_id = r.item_id AND i.current_edition = r.edition
         WHERE r.target_item_id = ?`,
      )
      .all(itemId) as Related[];
    const interpretations = new Set<string>();
    const documents = new Set<string>();
    for (const r of current.related) (r.relation === 'interpreted_by' ? interpretations : documents).add(r.itemId);
    for (const r of incoming) (r.relation === 'interprets' ? interpretations : documents).add(r.itemId);
    const resolve = (ids: Set<string>) =>
      [...ids]
        .map((id) => this.linked(id))
        .filter((x): x is LinkedItem => x !== null)
        .sort((a, b) => b.publishDate.localeCompare(a.publishDate) || a.itemId.localeCompare(b.itemId));

    const history = this.db
      .prepare('SELECT edition, published_at AS publishedAt, change_note AS changeNote, minor_change AS minor FROM editions WHERE item_id = ? ORDER BY edition DESC')
      .all(itemId) as { edition: number; publishedAt: string; changeNote: string; minor: number }[];
    return {
      current,
      column: this.column(current.columnId),
      firstPublishedAt: item.first_published_at,
      updatedAt: item.updated_at,
      withdrawal: w ? { ...SiteStore.withdrawalResult(w), replacedByItem: w.replaced_by ? this.linked(w.replaced_by) : null } : null,
      interpretations: resolve(interpretations),
      documents: resolve(documents),
      history: history.map(({ minor, ...h }) => ({ ...h, minorChange: minor === 1 })),
    };
  }
}
