/**
 * Drafts and catalogue at 100,000 items of about 3 KB of Chinese each: list pages, full-text
 * search (bigram index, compared with SQLite's trigram tokenizer) and saving a draft, all through
 * the gate (`backend.call`), as the UI calls them.
 */
import { rmSync, statSync } from 'node:fs';
import { openBackend } from '../../electron/core/backend.js';
import { ADMIN, silentLog, tempDir, TestClock, UNIT } from '../support/backend.js';
import { fields } from '../support/items.js';
import { generateItem, rng } from './corpus.js';
import { buildItems } from './build-items.js';
import { mb, ms, percentile, row, timeIt } from './stats.js';

export async function benchDrafts(count: number): Promise<string[]> {
  const dataDir = tempDir('gongkai-bench-');
  const backend = openBackend({ dataDir, mode: 'browser', clock: new TestClock(), log: silentLog });
  const call = async <T>(name: string, input: unknown, session: string | null): Promise<T> => {
    const result = await backend.call(name, input, session);
    if (!result.ok) throw new Error(`${name}: ${JSON.stringify(result.error)}`);
    return result.value as T;
  };
  const { sessionId: admin } = await call<{ sessionId: string }>('setup.complete', { unit: UNIT, admin: ADMIN, language: 'zh-CN' }, null);
  const officerUser = await call<{ id: string }>('users.create', { username: 'xiaoli', displayName: '李小丽', password: 'Passw0rd!', roles: ['officer'] }, admin);
  const { sessionId: officer } = await call<{ sessionId: string }>('auth.login', { username: 'xiaoli', password: 'Passw0rd!' }, null);

  // Build the data set in batches, the way an import would: rows, 索引号 serials and search index.
  const db = backend.db;
  const { textBytes, drafts, seconds: buildSeconds } = buildItems(db, { count, authorId: officerUser.id });
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.exec('ANALYZE');

  const sizes = db.prepare("SELECT name, sum(pgsize) AS bytes FROM dbstat GROUP BY name").all() as { name: string; bytes: number }[];
  const sizeOf = (test: (name: string) => boolean) => sizes.filter((s) => test(s.name)).reduce((a, s) => a + s.bytes, 0);
  const searchBytes = sizeOf((n) => n.startsWith('edition_search'));
  const fileBytes = statSync(backend.runtime.databaseFile).size;

  const lines: string[] = [];
  lines.push(`Data set: ${count.toLocaleString('en')} items, ${mb(textBytes)} MB of body text (${Math.round(textBytes / count)} B each), built in ${buildSeconds.toFixed(1)} s.`);
  lines.push(`Database file ${mb(fileBytes)} MB; bigram search index ${mb(searchBytes)} MB.`);
  lines.push('');
  lines.push(row(['operation (through the gate)', 'runs', 'p50 ms', 'p95 ms', 'target p95']));
  lines.push(row(['---', '---', '---', '---', '---']));

  const listCases = [
    { filters: {}, sort: 'updated_desc' },
    { filters: { status: ['draft'] }, sort: 'updated_desc' },
    { filters: { categoryId: 'notice' }, sort: 'updated_desc' },
    { filters: { writtenFrom: '2024-01-01', writtenTo: '2024-12-31' }, sort: 'written_desc' },
    { filters: { validity: 'valid', categoryId: 'gov_document' }, sort: 'title_asc' },
    { filters: {}, sort: 'written_asc' },
  ];
  const listSamples: number[] = [];
  for (const c of listCases) {
    const samples = await timeIt(60, (i) => call('items.list', { ...c, offset: (i % 5) * 50, limit: 50 }, officer));
    listSamples.push(...samples);
    if (process.env.BENCH_DETAIL) lines.push(row([`  list ${JSON.stringify(c)}`, samples.length, ms(percentile(samples, 50)), ms(percentile(samples, 95)), '']));
  }
  lines.push(row(['filtered, sorted page of 50', listSamples.length, ms(percentile(listSamples, 50)), ms(percentile(listSamples, 95)), '5']));

  const queries: Record<string, string[]> = {
    '2-character search': ['春耕', '公开', '防火', '教育', '信访', '网站'],
    '3-character search': ['安全生', '政务公', '信息公', '低保救', '重点领'],
    '5-character search': ['城乡环境整', '乡村振兴工', '政府信息公', '营商环境工', '政务公开工'],
  };
  for (const [label, list] of Object.entries(queries)) {
    const samples = await timeIt(120, (i) => call('items.search', { query: list[i % list.length]!, limit: 50 }, officer));
    lines.push(row([label, samples.length, ms(percentile(samples, 50)), ms(percentile(samples, 95)), '20']));
  }

  const random = rng(20261130);
  const edition = await call<{ categoryId: string } & Record<string, unknown>>('items.edition', { editionId: drafts[0] }, officer);
  const saveSamples = await timeIt(200, (i) =>
    call(
      'items.saveDraft',
      {
        editionId: drafts[i % drafts.length],
        categoryId: edition.categoryId,
        fields: fields({ title: `修改后的标题 ${i}`, writtenDate: '2026-02-27' }),
        bodyHtml: `<p>第${i}次修改。</p>${generateItem(random, i).bodyHtml}`,
      },
      officer,
    ),
  );
  lines.push(row(['save a draft edition (3 KB body)', saveSamples.length, ms(percentile(saveSamples, 50)), ms(percentile(saveSamples, 95)), '10']));

  lines.push('', ...compareTrigram(backend.db, queries));
  backend.close();
  rmSync(dataDir, { recursive: true, force: true });
  return lines;
}

/** The same texts in SQLite's trigram tokenizer, which cannot match fewer than 3 characters. */
function compareTrigram(db: import('better-sqlite3').Database, queries: Record<string, string[]>): string[] {
  const start = performance.now();
  db.exec(`CREATE VIRTUAL TABLE bench_trigram USING fts5(title, summary, body, document_number, content = '', tokenize = 'trigram')`);
  db.exec('INSERT INTO bench_trigram (rowid, title, summary, body, document_number) SELECT e.rowid, e.title, e.summary, b.body_text, e.document_number FROM editions e JOIN edition_bodies b ON b.edition_id = e.id');
  const buildSeconds = (performance.now() - start) / 1000;
  const bytes = (db.prepare("SELECT sum(pgsize) AS b FROM dbstat WHERE name LIKE 'bench_trigram%'").get() as { b: number }).b;
  const out = [`Tokenizer comparison (raw SQL, newest 50 matches): trigram index ${mb(bytes)} MB built in ${buildSeconds.toFixed(1)} s.`, ''];
  out.push(row(['query', 'bigram p95 ms', 'trigram p95 ms']));
  out.push(row(['---', '---', '---']));
  const bigram = db.prepare('SELECT rowid FROM edition_search WHERE edition_search MATCH ? ORDER BY rowid DESC LIMIT 50');
  const trigram = db.prepare('SELECT rowid FROM bench_trigram WHERE bench_trigram MATCH ? ORDER BY rowid DESC LIMIT 50');
  const like = db.prepare("SELECT e.rowid FROM editions e JOIN edition_bodies b ON b.edition_id = e.id WHERE e.current = 1 AND (e.title LIKE '%' || ? || '%' OR b.body_text LIKE '%' || ? || '%') ORDER BY e.rowid DESC LIMIT 50");
  const p95 = (f: () => unknown) => {
    const samples: number[] = [];
    for (let i = 0; i < 40; i++) {
      const s = performance.now();
      f();
      samples.push(performance.now() - s);
    }
    return ms(percentile(samples, 95));
  };
  for (const [label, list] of Object.entries(queries)) {
    const q = list[0]!;
    const bigramExpr = `"${[...q].slice(0, -1).map((c, i) => c + q[i + 1]).join(' ')}"`;
    const trigramCell = q.length >= 3 ? p95(() => trigram.all(`"${q}"`)) : `${p95(() => like.all(q, q))} (LIKE scan; trigram cannot match 2 characters)`;
    out.push(row([`${label}: ${q}`, p95(() => bigram.all(bigramExpr)), trigramCell]));
  }
  db.exec('DROP TABLE bench_trigram');
  return out;
}
