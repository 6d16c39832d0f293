/**
 * The demo data set and the 工作台: loading 雷州市 2018 (5,090 items) into a fresh store through
 * the gate, and the dashboard's figures and queues over a store of N items published across
 * several years (with the demo set's year among them).
 */
import { rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { openBackend, type Backend } from '../../electron/core/backend.js';
import { insertEdition, insertItem } from '../../electron/core/db/items-repo.js';
import { uuidv7 } from '../../electron/core/ids.js';
import { SOURCE_LEVELS } from '../../shared/domain/catalogue.js';
import { ADMIN, silentLog, tempDir, TestClock, UNIT } from '../support/backend.js';
import { fields } from '../support/items.js';
import { pick, rng } from './corpus.js';
import { ms, percentile, row, timeIt } from './stats.js';

const CATEGORIES = ['gov_document', 'interpretation', 'news', 'notice', 'key_area', 'special_topic', 'statistics', 'online_interview', 'other'];

async function freshStore(): Promise<{ backend: Backend; dataDir: string; admin: string }> {
  const dataDir = tempDir('gongkai-bench-demo-');
  const backend = openBackend({ dataDir, mode: 'browser', clock: new TestClock(), log: silentLog });
  const { sessionId } = (await call(backend, 'setup.complete', { unit: UNIT, admin: ADMIN, language: 'zh-CN' }, null)) as { sessionId: string };
  return { backend, dataDir, admin: sessionId };
}

async function call(backend: Backend, name: string, input: unknown, session: string | null): Promise<unknown> {
  const result = await backend.call(name, input, session);
  if (!result.ok) throw new Error(`${name}: ${JSON.stringify(result.error)}`);
  return result.value;
}

export async function benchDemo(items: number): Promise<string[]> {
  const lines = [`Load average when the runs started: ${loadavg().map((l) => l.toFixed(1)).join(', ')}.`, ''];
  lines.push(row(['operation (through the gate)', 'runs', 'p50 ms', 'p95 ms', 'target ms']));
  lines.push(row(['---', '---', '---', '---', '---']));

  // Each load needs an empty store, so each run opens a new one (not timed).
  const loads: number[] = [];
  for (let i = 0; i < 3; i++) {
    const { backend, dataDir, admin } = await freshStore();
    loads.push(...(await timeIt(1, () => call(backend, 'demo.load', { name: 'leizhou-2018' }, admin))));
    backend.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
  lines.push(row(['demo load leizhou-2018 (5,090 items, search index, one transaction)', loads.length, ms(percentile(loads, 50)), ms(percentile(loads, 95)), '10,000']));

  const { backend, dataDir, admin } = await freshStore();
  await call(backend, 'demo.load', { name: 'leizhou-2018' }, admin);
  const author = (backend.db.prepare("SELECT id FROM users WHERE username = 'demo.chenxiaoling'").get() as { id: string }).id;
  // The rest of the store: published items of 2024–2026 with short bodies, and some drafts.
  const random = rng(20180101);
  const start = Date.parse('2024-01-01T00:00:00Z');
  const db = backend.db;
  for (let done = 0; done < items; ) {
    db.transaction(() => {
      for (let i = 0; i < 1000 && done < items; i++, done++) {
        const at = new Date(start + Math.floor(random() * 3 * 365) * 86_400_000);
        const date = at.toISOString().slice(0, 10);
        const itemId = uuidv7(at.getTime());
        insertItem(db, { id: itemId, indexNumber: `bench/${done}`, createdBy: author, createdAt: at.toISOString() });
        const status = random() < 0.95 ? 'published' : pick(random, ['draft', 'submitted', 'reviewed'] as const);
        const content = {
          ...fields({ title: `第${done}条信息`, writtenDate: date, publishDate: status === 'published' ? date : null, sourceLevel: pick(random, SOURCE_LEVELS), documentNumber: '' }),
          categoryId: pick(random, CATEGORIES),
          bodyHtml: '<p>正文</p>',
          bodyText: '正文',
        };
        insertEdition(db, { ...content, id: uuidv7(at.getTime()), itemId, number: 1, status, authorId: author, at: at.toISOString() });
      }
    })();
  }
  db.exec('ANALYZE');
  const total = items + 5090;
  for (const [label, input] of [
    [`dashboard.summary, this year (${total.toLocaleString('en')} items)`, {}],
    [`dashboard.summary, 2018 (${total.toLocaleString('en')} items)`, { year: 2018 }],
  ] as const) {
    const samples = await timeIt(100, () => call(backend, 'dashboard.summary', input, admin));
    lines.push(row([label, samples.length, ms(percentile(samples, 50)), ms(percentile(samples, 95)), '50']));
  }
  backend.close();
  rmSync(dataDir, { recursive: true, force: true });
  return lines;
}
