/**
 * The annual report at 100,000 items, 10,000 requests and 500 reconsideration/litigation cases in
 * one year: the report model (report.get) and the .docx (report.export), through the gate.
 */
import { rmSync } from 'node:fs';
import { openBackend } from '../../electron/core/backend.js';
import { insertEdition, insertItem } from '../../electron/core/db/items-repo.js';
import { uuidv7 } from '../../electron/core/ids.js';
import { APPLICANT_TYPES, OUTCOME_CODES } from '../../shared/domain/request-outcomes.js';
import { ADMIN, silentLog, tempDir, TestClock, UNIT } from '../support/backend.js';
import { fields } from '../support/items.js';
import { pick, rng } from './corpus.js';
import { ms, percentile, row, timeIt } from './stats.js';

const YEAR = 2025;
const CATEGORIES = ['gov_document', 'interpretation', 'news', 'notice', 'key_construction', 'statistics', 'online_interview', 'other'];
const APPEAL_TYPES = ['reconsideration', 'litigation_direct', 'litigation_after_reconsideration'];
const APPEAL_RESULTS = ['upheld', 'corrected', 'other', 'pending'];

const day = (random: () => number, year = YEAR) => {
  const d = new Date(Date.UTC(year, 0, 1) + Math.floor(random() * 365) * 86_400_000);
  return d.toISOString().slice(0, 10);
};

export async function benchReport(items: number, requests: number, cases: number): Promise<string[]> {
  const dataDir = tempDir('gongkai-bench-report-');
  const backend = openBackend({ dataDir, mode: 'browser', clock: new TestClock(), log: silentLog });
  const call = async <T>(name: string, input: unknown, session: string | null): Promise<T> => {
    const result = await backend.call(name, input, session);
    if (!result.ok) throw new Error(`${name}: ${JSON.stringify(result.error)}`);
    return result.value as T;
  };
  const { sessionId: admin } = await call<{ sessionId: string }>('setup.complete', { unit: UNIT, admin: ADMIN, language: 'zh-CN' }, null);
  const officer = await call<{ id: string }>('users.create', { username: 'xiaoli', displayName: '李小丽', password: 'Passw0rd!', roles: ['officer'] }, admin);
  const { sessionId } = await call<{ sessionId: string }>('auth.login', { username: 'xiaoli', password: 'Passw0rd!' }, null);

  const random = rng(20251231);
  const db = backend.db;
  const buildStart = performance.now();
  for (let done = 0; done < items; ) {
    db.transaction(() => {
      for (let i = 0; i < 2000 && done < items; i++, done++) {
        const itemId = uuidv7();
        const written = day(random);
        const normative = random() < 0.01;
        const content = {
          ...fields({ title: `雷州市政府信息第${done}号`, writtenDate: written, publishDate: written, normative, documentNumber: normative ? `雷府〔${YEAR}〕${done}号` : '' }),
          categoryId: pick(random, CATEGORIES),
          bodyHtml: '<p>正文</p>',
          bodyText: '正文',
        };
        insertItem(db, { id: itemId, indexNumber: `BENCH-${done}`, createdBy: officer.id, createdAt: `${written}T00:00:00Z` });
        insertEdition(db, { ...content, id: uuidv7(), itemId, number: 1, status: 'published', authorId: officer.id, at: `${written}T00:00:00Z` });
      }
    })();
  }
  const insertRequest = db.prepare(
    `INSERT INTO requests (id, request_number, year, serial, channel, receipt_facts, received_on, applicant_type, applicant_name, subject, form_wanted, delivery_wanted,
                           state, outcome, closed_on, created_by, created_at, updated_at)
     VALUES (?, ?, ?, ?, 'in_person', '{}', ?, ?, '张三', '申请公开相关政府信息', 'paper', 'collect', ?, ?, ?, ?, ?, ?)`,
  );
  const requestIds: string[] = [];
  db.transaction(() => {
    for (let i = 0; i < requests; i++) {
      const id = uuidv7();
      const received = day(random);
      const open = random() < 0.05;
      const closed = open ? null : new Date(Date.parse(received) + Math.floor(random() * 30) * 86_400_000).toISOString().slice(0, 10);
      insertRequest.run(id, `依申〔${YEAR}〕${i + 1}号`, YEAR, i + 1, received, pick(random, APPLICANT_TYPES), open ? 'open' : 'closed', open ? null : pick(random, OUTCOME_CODES), closed, officer.id, `${received}T00:00:00Z`, `${received}T00:00:00Z`);
      requestIds.push(id);
    }
    const insertAppeal = db.prepare(
      `INSERT INTO appeals (id, request_id, type, result, filed_on, decided_on, body, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, '湛江市人民政府', ?, ?, ?)`,
    );
    for (let i = 0; i < cases; i++) {
      const filed = day(random);
      const result = pick(random, APPEAL_RESULTS);
      insertAppeal.run(uuidv7(), pick(random, requestIds), pick(random, APPEAL_TYPES), result, filed, result === 'pending' ? null : filed, officer.id, `${filed}T00:00:00Z`, `${filed}T00:00:00Z`);
    }
  })();
  const buildSeconds = (performance.now() - buildStart) / 1000;
  db.exec('ANALYZE');

  const lines = [
    `Data set: ${items.toLocaleString('en')} items, ${requests.toLocaleString('en')} requests and ${cases} reconsideration/litigation cases in ${YEAR}, built in ${buildSeconds.toFixed(1)} s.`,
    '',
    row(['operation (through the gate)', 'runs', 'p50 ms', 'p95 ms', 'target']),
    row(['---', '---', '---', '---', '---']),
  ];
  let total = 0;
  const modelSamples = await timeIt(10, async () => {
    total = (await call<{ model: { proactive: { total: number } } }>('report.get', { year: YEAR }, sessionId)).model.proactive.total;
  });
  lines.push(row([`report model (report.get; ${total.toLocaleString('en')} items counted)`, modelSamples.length, ms(percentile(modelSamples, 50)), ms(percentile(modelSamples, 95)), '≤ 500']));
  const exportSamples = await timeIt(5, () => call('report.export', { year: YEAR, overrideReason: '' }, sessionId));
  lines.push(row(['model + .docx + snapshot (report.export)', exportSamples.length, ms(percentile(exportSamples, 50)), ms(percentile(exportSamples, 95)), '≤ 2000']));
  const sourceSamples = await timeIt(10, () => call('report.sources', { year: YEAR, cell: 'p.total' }, sessionId));
  lines.push(row(['sources of a figure (report.sources, p.total)', sourceSamples.length, ms(percentile(sourceSamples, 50)), ms(percentile(sourceSamples, 95)), '']));

  backend.close();
  rmSync(dataDir, { recursive: true, force: true });
  return lines;
}
