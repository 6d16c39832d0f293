import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBackend } from '../../electron/core/backend.js';
import { htmlToPlainText } from '../../electron/core/html-sanitizer.js';
import { makeBackend, silentLog, tempDir, type TestBackend } from '../support/backend.js';
import { fields } from '../support/items.js';
import { gongkai, requireBuiltCli } from '../support/cli.js';
import { LEIZHOU_2018_PUBLISHED_BY_CATEGORY } from '../support/leizhou-2018.js';

/**
 * The 雷州市 2018 demo set against the figures of the city's own 2018 report (../shared/seed/):
 * loaded once through the gate, then read back through the services and the database.
 */
let t: TestBackend;
let admin: string;
let auditBefore: number;

beforeAll(async () => {
  t = makeBackend();
  admin = await t.setup();
  auditBefore = (await t.ok('audit.list', { limit: 1 }, admin)).total;
  expect(await t.ok('demo.load', { name: 'leizhou-2018' }, admin)).toEqual({ name: 'leizhou-2018', items: 5090, staff: 6 });
}, 120_000);
afterAll(() => t.close());

const sql = <T>(query: string, ...params: unknown[]) => t.backend.db.prepare(query).all(...params) as T[];
const one = <T>(query: string, ...params: unknown[]) => t.backend.db.prepare(query).get(...params) as T;

const PUBLISHED_2018 = "status = 'published' AND publish_date BETWEEN '2018-01-01' AND '2018-12-31'";

describe('the 雷州市 2018 demo data set', () => {
  it('has the report’s 5,090 items by category, with 通知公告 renamed 公告公示 as the city calls it', async () => {
    const counts = Object.fromEntries(sql<{ name: string; n: number }>(`SELECT c.name, count(*) AS n FROM editions e JOIN categories c ON c.id = e.category_id WHERE ${PUBLISHED_2018} GROUP BY c.name`).map((r) => [r.name, r.n]));
    expect(counts).toMatchObject(LEIZHOU_2018_PUBLISHED_BY_CATEGORY);
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(5090);
    expect(one<{ n: number }>('SELECT count(*) AS n FROM items').n).toBe(5090);
    expect((await t.ok('categories.list', {}, admin)).find((c) => c.id === 'notice')?.name).toBe('公告公示');
  });

  it('has 4 national, 16 provincial and 2 local interpretations; the local ones interpret the two 规范性文件 of 2018', () => {
    const levels = Object.fromEntries(sql<{ level: string; n: number }>(`SELECT source_level AS level, count(*) AS n FROM editions WHERE ${PUBLISHED_2018} AND category_id = 'interpretation' GROUP BY level`).map((r) => [r.level, r.n]));
    expect(levels).toEqual({ national: 4, provincial: 16, local: 2 });

    const normative = sql<{ item_id: string; document_number: string; drafting_unit: string; publish_date: string; written_date: string }>(
      `SELECT item_id, document_number, drafting_unit, publish_date, written_date FROM editions WHERE ${PUBLISHED_2018} AND normative = 1`,
    );
    expect(normative).toHaveLength(2);
    for (const doc of normative) {
      expect(doc.document_number).toMatch(/^雷府〔2018〕[1-9]\d*号$/);
      expect(doc.written_date.startsWith('2018-')).toBe(true);
      const interpretations = sql<{ source_level: string; drafting_unit: string; publish_date: string; title: string }>(
        `SELECT e.source_level, e.drafting_unit, e.publish_date, e.title FROM interpretation_links l JOIN editions e ON e.item_id = l.interpretation_item_id AND e.current = 1
         WHERE l.document_item_id = ?`,
        doc.item_id,
      );
      expect(interpretations).toHaveLength(1);
      // 谁起草、谁解读, released with the document or after it.
      expect(interpretations[0]).toMatchObject({ source_level: 'local', drafting_unit: doc.drafting_unit });
      expect(interpretations[0]!.publish_date >= doc.publish_date).toBe(true);
    }
    expect(one<{ n: number }>('SELECT count(*) AS n FROM interpretation_links').n).toBe(2);
  });

  it('gives every 政府文件 a well-formed, unique 发文字号 of 2018 and every item a 索引号 of its year', () => {
    const numbers = sql<{ document_number: string }>(`SELECT document_number FROM editions WHERE ${PUBLISHED_2018} AND category_id = 'gov_document'`).map((r) => r.document_number);
    expect(numbers).toHaveLength(66);
    expect(new Set(numbers).size).toBe(66);
    for (const n of numbers) expect(n).toMatch(/^雷府(办|函)?〔2018〕[1-9]\d*号$/);
    const index = sql<{ index_number: string }>('SELECT index_number FROM items').map((r) => r.index_number);
    expect(index.every((n) => n.startsWith('11441700007280420Y/2018-'))).toBe(true);
    expect(one<{ last_serial: number }>("SELECT last_serial FROM index_counters WHERE scope = '2018'").last_serial).toBe(5090);
  });

  it('has 3 online interviews held by the city and 3 reposted from the province and 湛江市', () => {
    const interviews = sql<{ source_level: string; interview_date: string | null; interview_guests: string; interview_topic: string }>(
      `SELECT source_level, interview_date, interview_guests, interview_topic FROM editions WHERE ${PUBLISHED_2018} AND category_id = 'online_interview'`,
    );
    expect(interviews.filter((i) => i.source_level === 'local')).toHaveLength(3);
    expect(interviews.filter((i) => i.source_level !== 'local').map((i) => i.source_level).sort()).toEqual(['municipal', 'provincial', 'provincial']);
    for (const i of interviews) {
      expect(i.interview_date).toMatch(/^2018-/);
      expect(i.interview_guests).not.toBe('');
      expect(i.interview_topic).not.toBe('');
    }
  });

  it('has one 网民纠错 about a wrong 发布日期, fixed by a corrected edition and answered; no requests, reconsiderations or lawsuits', () => {
    const reports = sql<{ item_id: string; channel: string; status: string; received_on: string; replied_on: string; content: string }>('SELECT * FROM complaints');
    expect(reports).toHaveLength(1);
    const report = reports[0]!;
    expect(report).toMatchObject({ channel: 'site_error', status: 'replied' });
    expect(report.content).toContain('发布时间有误');
    const editions = sql<{ number: number; status: string; publish_date: string; written_date: string; change_note: string; current: number }>(
      'SELECT number, status, publish_date, written_date, change_note, current FROM editions WHERE item_id = ? ORDER BY number',
      report.item_id,
    );
    expect(editions.map((e) => [e.number, e.status, e.current])).toEqual([
      [1, 'superseded', 0],
      [2, 'published', 1],
    ]);
    expect(editions[0]!.publish_date).not.toBe(editions[0]!.written_date);
    expect(editions[1]!.publish_date).toBe(editions[1]!.written_date);
    expect(editions[1]!.change_note).toContain(editions[1]!.publish_date);
    expect(report.received_on > editions[0]!.written_date && report.replied_on >= report.received_on).toBe(true);
    expect(one<{ n: number }>('SELECT count(*) AS n FROM requests').n).toBe(0);
    expect(one<{ n: number }>('SELECT count(*) AS n FROM appeals').n).toBe(0);
  });

  it('leaves every edition as review and 签发 leave it: signed off and approved on its content by others than its author, confirmed by the site', async () => {
    const staff = sql<{ id: string; disabled: number }>("SELECT id, disabled FROM users WHERE username LIKE 'demo.%'");
    expect(staff).toHaveLength(6);
    expect(staff.every((s) => s.disabled === 1)).toBe(true);
    const unsigned = one<{ n: number }>(
      `SELECT count(*) AS n FROM editions e LEFT JOIN reviews r ON r.edition_id = e.id LEFT JOIN approvals a ON a.edition_id = e.id
       WHERE r.content_hash IS NULL OR a.content_hash IS NOT r.content_hash OR r.reviewer_id = e.author_id OR a.approver_id = e.author_id`,
    ).n;
    expect(unsigned).toBe(0);
    expect(one<{ n: number }>('SELECT count(*) AS n FROM site_items s JOIN editions e ON e.item_id = s.item_id AND e.current = 1 WHERE s.edition = e.number').n).toBe(5090);
    // The review screen recomputes the hash from the stored edition: it must still match.
    const sample = sql<{ id: string }>("SELECT id FROM editions WHERE status IN ('published', 'superseded') ORDER BY rowid LIMIT 40 OFFSET 2000");
    const withErrorFix = sql<{ id: string }>("SELECT e.id FROM editions e JOIN complaints c ON c.item_id = e.item_id");
    for (const { id } of [...sample, ...withErrorFix]) {
      const review = await t.ok('review.get', { editionId: id }, admin);
      expect(review.decision?.signOff?.valid, id).toBe(true);
    }
  });

  it('stores bodies whose plain text is what the sanitiser’s converter makes of the HTML', () => {
    const bodies = sql<{ body_html: string; body_text: string }>('SELECT body_html, body_text FROM edition_bodies ORDER BY rowid LIMIT 600');
    for (const b of bodies) expect(b.body_text).toBe(htmlToPlainText(b.body_html));
  });

  it('finds demo items by search', async () => {
    const normative = one<{ title: string; document_number: string }>("SELECT title, document_number FROM editions WHERE normative = 1 ORDER BY publish_date LIMIT 1");
    const byNumber = await t.ok('items.search', { query: normative.document_number, limit: 50 }, admin);
    expect(byNumber.hits.find((h) => h.documentNumber === normative.document_number)).toMatchObject({ title: normative.title, status: 'published' });
    expect((await t.ok('items.search', { query: '城乡居民基本医疗保险实施办法', limit: 10 }, admin)).hits.length).toBeGreaterThanOrEqual(2);
  });

  it('writes one audit entry for the load (and one for the category rename), and the chain verifies', async () => {
    const log = await t.ok('audit.list', { limit: 10 }, admin);
    expect(log.total - auditBefore).toBe(2);
    expect(log.entries.slice(0, 2).map((e) => e.action)).toEqual(['demo.load', 'categories.save']);
    expect(log.entries[0]!.summary).toContain('5090 items');
    expect((await t.ok('audit.verify', {}, admin)).ok).toBe(true);
  });

  it('refuses to load into a store that is not empty, changing nothing', async () => {
    const error = await t.fails('demo.load', { name: 'leizhou-2018' }, admin);
    expect(error).toEqual({ code: 'demo.store_not_empty', params: { table: 'items', count: 5090 } });
    expect(one<{ n: number }>('SELECT count(*) AS n FROM users').n).toBe(7);
  });
});

describe('loading the demo set', () => {
  it('refuses a store holding even one item, and callers who are not administrators', async () => {
    const other = makeBackend();
    try {
      const otherAdmin = await other.setup();
      const officer = await other.userWith(otherAdmin, 'xiaoli', ['officer']);
      expect((await other.fails('demo.load', { name: 'leizhou-2018' }, officer.session)).code).toBe('auth.forbidden');
      await other.ok('items.create', { categoryId: 'notice', fields: fields(), bodyHtml: '<p>正文</p>' }, officer.session);
      expect(await other.fails('demo.load', { name: 'leizhou-2018' }, otherAdmin)).toEqual({ code: 'demo.store_not_empty', params: { table: 'items', count: 1 } });
      expect(other.backend.db.prepare("SELECT count(*) AS n FROM users WHERE username LIKE 'demo.%'").get()).toEqual({ n: 0 });
      expect((await other.fails('demo.load', { name: 'shenzhen-2020' }, otherAdmin)).code).toBe('api.invalid_input');
    } finally {
      other.close();
    }
  });

  it('is deterministic: a second store gets the same records, ids included', async () => {
    const other = makeBackend();
    try {
      await other.ok('demo.load', { name: 'leizhou-2018' }, await other.setup());
      const dump = (db: typeof t.backend.db) =>
        db
          .prepare(
            `SELECT e.id, e.item_id, i.index_number, e.number, e.status, e.category_id, e.title, e.written_date, e.publish_date, e.document_number, e.source_level, r.content_hash
             FROM editions e JOIN items i ON i.id = e.item_id JOIN reviews r ON r.edition_id = e.id ORDER BY e.id`,
          )
          .all();
      expect(dump(other.backend.db)).toEqual(dump(t.backend.db));
    } finally {
      other.close();
    }
  }, 120_000);
});

describe('gongkai demo load', () => {
  it('fills a fresh data directory, leaves first-run setup to the wizard, and refuses a second time', async () => {
    requireBuiltCli();
    const dataDir = tempDir('gongkai-demo-cli-');
    expect(gongkai(['demo', 'load', 'leizhou-2018', '--json', '--data-dir', dataDir])).toEqual({ code: 0, out: JSON.stringify({ name: 'leizhou-2018', items: 5090, staff: 6 }), err: '' });
    expect(gongkai(['demo', 'load', 'leizhou-2018', '--data-dir', dataDir])).toEqual({
      code: 1,
      out: '',
      err: 'gongkai: 示例数据只能载入空的数据库（items 中已有 5090 条记录），未作任何修改。',
    });
    expect(gongkai(['demo', 'load', 'nowhere-1999', '--data-dir', dataDir])).toMatchObject({ code: 2, err: 'gongkai: unknown demo data set: nowhere-1999 (leizhou-2018) (see gongkai --help)' });
    const backend = openBackend({ dataDir, mode: 'browser', log: silentLog });
    try {
      expect(backend.db.prepare("SELECT count(*) AS n FROM editions WHERE status = 'published'").get()).toEqual({ n: 5090 });
      expect(backend.db.prepare("SELECT action FROM audit_log ORDER BY seq DESC LIMIT 1").get()).toEqual({ action: 'demo.load' });
      expect(await backend.call('setup.status', {}, null)).toMatchObject({ ok: true, value: { needsSetup: true } });
    } finally {
      backend.close();
    }
  }, 120_000);
});
