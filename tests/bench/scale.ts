/**
 * Ten years of a busy city department: BENCH_SCALE_ITEMS items (default 500,000),
 * BENCH_SCALE_REQUESTS requests (50,000) and BENCH_SCALE_ATTACHMENT_MB of attachments (2,048).
 * The data directory is built in-process and closed; then the real app is started in browser mode
 * as a child process (the built CLI, `gongkai serve`) and measured from outside, as a user meets
 * it: Chromium times spawn → login screen; list, search, save and the annual report go through
 * its HTTP API (the gate, as the page calls it); its resident memory is read from /proc.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import Database from 'better-sqlite3';
import { DATABASE_FILE, openBackend, type Backend } from '../../electron/core/backend.js';
import type { Db } from '../../electron/core/db/connection.js';
import { nextSerial } from '../../electron/core/db/items-repo.js';
import { uuidv7 } from '../../electron/core/ids.js';
import { blobPath } from '../../electron/core/services/attachments.js';
import { requestNumber } from '../../electron/core/services/requests.js';
import { APPLICANT_TYPES, OUTCOME_CODES } from '../../shared/domain/request-outcomes.js';
import { ADMIN, silentLog, tempDir, UNIT } from '../support/backend.js';
import { launchChromium } from '../support/chromium.js';
import { fields } from '../support/items.js';
import { buildItems } from './build-items.js';
import { generateItem, pick, rng } from './corpus.js';
import { mb, ms, percentile, row, timeIt } from './stats.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const OFFICER = { username: 'xiaoli', displayName: '李小丽', password: 'Passw0rd!', roles: ['officer'] };
const STARTUP_RUNS = 5;
/** How long a newly opened blank tab is left to finish starting before the app is launched. */
const TAB_SETTLE_MS = 1_000;
const REPORT_YEAR = 2025;
const CHANNELS = ['in_person', 'post_signed', 'post_ordinary', 'online', 'fax'];

export interface ScaleOptions {
  items: number;
  requests: number;
  attachmentMb: number;
}

export function scaleOptionsFromEnv(): ScaleOptions {
  return {
    items: Number(process.env.BENCH_SCALE_ITEMS ?? 500_000),
    requests: Number(process.env.BENCH_SCALE_REQUESTS ?? 50_000),
    attachmentMb: Number(process.env.BENCH_SCALE_ATTACHMENT_MB ?? 2048),
  };
}

const progress = (message: string) => process.stderr.write(`[scale ${new Date().toISOString().slice(11, 19)}] ${message}\n`);

export async function benchScale(options: ScaleOptions): Promise<string[]> {
  if (!existsSync(join(ROOT, 'dist', 'electron', 'cli.js'))) throw new Error('The ten-years bench starts the built app: run npm run build first.');
  // BENCH_SCALE_DATA_DIR keeps the data directory, and reuses it when it holds one already.
  const kept = process.env.BENCH_SCALE_DATA_DIR;
  const dataDir = kept ?? tempDir('gongkai-bench-scale-');
  try {
    const reused = kept !== undefined && existsSync(join(kept, DATABASE_FILE));
    const buildSeconds = reused ? null : await buildDataDir(dataDir, options);
    return [describeDataDir(dataDir, buildSeconds), '', ...(await measureApp(dataDir))];
  } finally {
    if (!kept) rmSync(dataDir, { recursive: true, force: true });
  }
}

/** What the data directory holds, counted from the closed database. */
function describeDataDir(dataDir: string, buildSeconds: number | null): string {
  const file = join(dataDir, DATABASE_FILE);
  const db = new Database(file, { readonly: true });
  try {
    const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
    const items = count('SELECT count(*) AS n FROM items');
    const text = count('SELECT sum(length(CAST(body_text AS BLOB))) AS n FROM edition_bodies');
    const requests = count('SELECT count(*) AS n FROM requests');
    const files = count('SELECT count(*) AS n FROM attachments');
    const fileBytes = count('SELECT sum(size) AS n FROM attachments');
    const span = db.prepare('SELECT min(received_on) AS first, max(received_on) AS last FROM requests').get() as { first: string | null; last: string | null };
    return (
      `Data set: ${items.toLocaleString('en')} items (${mb(text)} MB of body text), ${requests.toLocaleString('en')} requests received ${span.first ?? '-'} – ${span.last ?? '-'}, ` +
      `${files.toLocaleString('en')} attachments (${mb(fileBytes)} MB); database file ${mb(statSync(file).size)} MB` +
      (buildSeconds === null ? ' (reused from BENCH_SCALE_DATA_DIR).' : `; built in ${buildSeconds.toFixed(0)} s.`)
    );
  } finally {
    db.close();
  }
}

async function ok<T>(backend: Backend, name: string, input: unknown, session: string | null): Promise<T> {
  const result = await backend.call(name, input, session);
  if (!result.ok) throw new Error(`${name}: ${JSON.stringify(result.error)}`);
  return result.value as T;
}

/** Builds the data directory and closes it; returns the seconds it took. */
async function buildDataDir(dataDir: string, options: ScaleOptions): Promise<number> {
  mkdirSync(dataDir, { recursive: true });
  const backend = openBackend({ dataDir, mode: 'browser', log: silentLog });
  try {
    const start = performance.now();
    const { sessionId } = await ok<{ sessionId: string }>(backend, 'setup.complete', { unit: UNIT, admin: ADMIN, language: 'zh-CN' }, null);
    const { id: authorId } = await ok<{ id: string }>(backend, 'users.create', OFFICER, sessionId);
    const db = backend.db;
    const items = buildItems(db, { count: options.items, authorId, keepDrafts: 0, progress: (done) => done % 50_000 === 0 && progress(`${done} items`) });
    progress(`items built in ${items.seconds.toFixed(0)} s`);
    buildRequests(db, options.requests, authorId);
    buildAttachments(backend, options.attachmentMb, items.editionIds);
    progress('checkpoint and ANALYZE');
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.exec('ANALYZE');
    return (performance.now() - start) / 1000;
  } finally {
    backend.close();
  }
}

const dayIn = (random: () => number, year: number) => new Date(Date.UTC(year, 0, 1) + Math.floor(random() * 365) * 86_400_000).toISOString().slice(0, 10);
const addDays = (date: string, days: number) => new Date(Date.parse(date) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * Requests as the register leaves them (services/requests.ts register + close): the row with its
 * 依申〔YYYY〕N号 serial from the same counter, a `received` event, and for the 97% closed a
 * `closed` event with the outcome. Raw SQL, like an import: the service's per-request clock and
 * audit entry would take hours at 50,000 and are not what is measured here.
 */
function buildRequests(db: Db, count: number, authorId: string): void {
  const random = rng(20170101);
  const insertRequest = db.prepare(
    `INSERT INTO requests (id, request_number, year, serial, channel, receipt_facts, received_on, applicant_type, applicant_name, subject, form_wanted, delivery_wanted,
                           state, due_date, outcome, closed_on, reply_date, reply_method, created_by, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, '张三', '申请公开相关政府信息', 'electronic', 'email', ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertEvent = db.prepare(
    `INSERT INTO request_events (id, request_id, seq, type, date, reason, detail, actor_id, actor_name, old_due, new_due, recorded_at) VALUES (?, ?, ?, ?, ?, '', ?, ?, '李小丽', ?, ?, ?)`,
  );
  const start = performance.now();
  for (let done = 0; done < count; ) {
    db.transaction(() => {
      for (let i = 0; i < 5000 && done < count; i++, done++) {
        const year = 2017 + Math.floor((done / count) * 10);
        const received = dayIn(random, year);
        const due = addDays(received, 28);
        const open = year === 2026 && random() < 0.3;
        const closedOn = open ? null : addDays(received, 1 + Math.floor(random() * 27));
        const outcome = open ? null : pick(random, OUTCOME_CODES);
        const id = uuidv7();
        const serial = nextSerial(db, `request:${year}`);
        const at = `${received}T09:00:00.000Z`;
        insertRequest.run(id, requestNumber(year, serial), year, serial, pick(random, CHANNELS), JSON.stringify({ receivedOn: received }), received, pick(random, APPLICANT_TYPES),
          open ? 'open' : 'closed', due, outcome, closedOn, closedOn, open ? null : 'email', authorId, at, closedOn ? `${closedOn}T09:00:00.000Z` : at);
        insertEvent.run(uuidv7(), id, 1, 'received', received, '{}', authorId, null, due, at);
        if (closedOn) insertEvent.run(uuidv7(), id, 2, 'closed', closedOn, JSON.stringify({ outcome }), authorId, due, due, `${closedOn}T09:00:00.000Z`);
      }
    })();
  }
  progress(`${count} requests built in ${((performance.now() - start) / 1000).toFixed(0)} s`);
}

/** Random bytes (incompressible, like scans and PDFs) in the blob store, 64 KB – 1 MB each. */
function buildAttachments(backend: Backend, totalMb: number, editionIds: string[]): void {
  const ctx = backend.context(null);
  const random = rng(20180101);
  const insert = backend.db.prepare('INSERT INTO attachments (id, edition_id, sha256, name, size, mime, ordering, created_at) VALUES (?, ?, ?, ?, ?, ?, 1, ?)');
  const total = totalMb * 1024 * 1024;
  const start = performance.now();
  let bytes = 0;
  let files = 0;
  backend.db.transaction(() => {
    while (bytes < total) {
      const data = randomBytes(Math.min(total - bytes, 65_536 + Math.floor(random() * 983_040)));
      const sha256 = createHash('sha256').update(data).digest('hex');
      const path = blobPath(ctx, sha256);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, data);
      // One file per edition, spread evenly over the catalogue.
      const editionId = editionIds[Math.floor((files * 7919) % editionIds.length)]!;
      insert.run(uuidv7(), editionId, sha256, `附件${files + 1}.pdf`, data.length, 'application/pdf', new Date().toISOString());
      bytes += data.length;
      files++;
    }
  })();
  progress(`${files} attachments (${mb(bytes)} MB) written in ${((performance.now() - start) / 1000).toFixed(0)} s`);
}

interface RunningServe {
  child: ChildProcess;
  url: string;
  token: string;
  base: string;
}

/** `gongkai serve` (no --open: nothing but the server), until it prints its address. */
function startServe(dataDir: string): Promise<RunningServe> {
  const child = spawn(process.execPath, [join(ROOT, 'bin', 'gongkai.js'), 'serve', '--data-dir', dataDir, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, GONGKAI_LANG: 'en' } });
  let output = '';
  return new Promise((resolve, reject) => {
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /(http:\/\/127\.0\.0\.1:\d+)\/\?token=([\w-]+)/.exec(output);
      if (match) resolve({ child, url: match[0], base: match[1]!, token: match[2]! });
    });
    child.once('exit', (code) => reject(new Error(`gongkai serve exited with ${code}: ${output.slice(0, 500)}`)));
  });
}

function stopServe(serve: RunningServe): Promise<void> {
  return new Promise((resolve) => {
    if (serve.child.exitCode !== null) return resolve();
    serve.child.once('exit', () => resolve());
    serve.child.kill('SIGTERM');
  });
}

/**
 * Spawn → login screen visible, in a browser that is already running (the user's is open). With
 * `tab: 'open'` a blank tab is open and idle when the app starts (the target's case): Chromium
 * gets a second to finish starting the tab, which otherwise competes with the app for the two
 * cores. With `tab: 'atAddress'` the tab opens when the app prints its address, as
 * `gongkai start` opens the browser: that adds Chromium starting a renderer process.
 */
async function timeToLoginScreen(browser: Browser, dataDir: string, tab: 'open' | 'atAddress'): Promise<{ listening: number; visible: number }> {
  const context = await browser.newContext({ locale: 'zh-CN' });
  let page = tab === 'open' ? await context.newPage() : null;
  if (page) await new Promise((done) => setTimeout(done, TAB_SETTLE_MS));
  const start = performance.now();
  const serve = await startServe(dataDir);
  const listening = performance.now() - start;
  try {
    page ??= await context.newPage();
    await page.goto(serve.url);
    await page.getByTestId('login-username').waitFor({ state: 'visible', timeout: 60_000 });
    return { listening, visible: performance.now() - start };
  } finally {
    await context.close();
    await stopServe(serve);
  }
}

function memoryOf(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? NaN) * 1024;
  return { rss: kb('VmRSS'), peak: kb('VmHWM') };
}

async function measureApp(dataDir: string): Promise<string[]> {
  const browser = await launchChromium();
  const lines = [row(['measure (the app in browser mode, a separate process)', 'runs', 'p50 ms', 'p95 / max ms', 'target']), row(['---', '---', '---', '---', '---'])];
  try {
    const startup = async (tab: 'open' | 'atAddress') => {
      const runs: { listening: number; visible: number }[] = [];
      for (let i = 0; i < STARTUP_RUNS; i++) runs.push(await timeToLoginScreen(browser, dataDir, tab));
      progress(`startup, tab ${tab}: ${runs.map((r) => `${r.listening.toFixed(0)}/${r.visible.toFixed(0)}`).join(', ')} ms (listening/visible)`);
      return { listening: runs.map((r) => r.listening), visible: runs.map((r) => r.visible) };
    };
    const open = await startup('open');
    const atAddress = await startup('atAddress');
    lines.push(row(['start → login screen visible, a blank tab open (Playwright)', STARTUP_RUNS, ms(percentile(open.visible, 50)), ms(Math.max(...open.visible)), '≤ 2000']));
    lines.push(row(['  of which start → server listening (database open)', STARTUP_RUNS, ms(percentile(open.listening, 50)), ms(Math.max(...open.listening)), '']));
    lines.push(row(['start → login screen visible, the tab opened at the address', STARTUP_RUNS, ms(percentile(atAddress.visible, 50)), ms(Math.max(...atAddress.visible)), '']));

    const serve = await startServe(dataDir);
    let api: { rows: string[]; memory: string };
    try {
      api = await measureThroughApi(browser, serve);
    } finally {
      await stopServe(serve);
    }
    lines.push(...api.rows, ...(await measureThroughGate(dataDir)), '', api.memory);
  } finally {
    await browser.close();
  }
  return lines;
}

async function measureThroughApi(browser: Browser, serve: RunningServe): Promise<{ rows: string[]; memory: string }> {
  const lines: string[] = [];
  // Signed in through the login screen, as a user; then the same calls the pages make.
  const context = await browser.newContext({ locale: 'zh-CN' });
  const page = await context.newPage();
  await page.goto(serve.url);
  const signIn = performance.now();
  await page.getByTestId('login-username').fill(OFFICER.username);
  await page.getByTestId('login-password').fill(OFFICER.password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('status-bar').waitFor({ state: 'visible', timeout: 120_000 });
  const signInMs = performance.now() - signIn;
  await context.close();

  let session: string | null = null;
  const call = async <T>(name: string, input: unknown): Promise<T> => {
    const response = await fetch(`${serve.base}/api/call/${name}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-gongkai-token': serve.token, ...(session ? { 'x-gongkai-session': session } : {}) },
      body: JSON.stringify(input),
    });
    const result = (await response.json()) as { ok: boolean; value?: T; error?: unknown };
    if (!result.ok) throw new Error(`${name}: ${JSON.stringify(result.error)}`);
    return result.value as T;
  };
  session = (await call<{ sessionId: string }>('auth.login', { username: OFFICER.username, password: OFFICER.password })).sessionId;
  lines.push(row(['sign in → 工作台 with status bar (Playwright)', 1, ms(signInMs), ms(signInMs), '']));

  lines.push(...(await listSearchSave(call, 'HTTP API')));

  const p = (samples: number[], target: string, label: string) => row([label, samples.length, ms(percentile(samples, 50)), ms(percentile(samples, 95)), target]);
  let counted = 0;
  const modelSamples = await timeIt(10, async () => {
    counted = (await call<{ model: { proactive: { total: number } } }>('report.get', { year: REPORT_YEAR })).model.proactive.total;
  });
  lines.push(p(modelSamples, '500', `annual report ${REPORT_YEAR} model (report.get; ${counted.toLocaleString('en')} items counted)`));
  const exportSamples = await timeIt(5, () => call('report.export', { year: REPORT_YEAR, overrideReason: '' }));
  lines.push(p(exportSamples, '2000', 'annual report model + .docx + snapshot (report.export)'));

  const memory = memoryOf(serve.child.pid!);
  return { rows: lines, memory: `Server process after these operations: ${mb(memory.rss)} MB resident (VmRSS), peak ${mb(memory.peak)} MB (VmHWM); target < 300 MB.` };
}

type Call = <T>(name: string, input: unknown) => Promise<T>;

/** The drafts bench's list, search and save mixes, through the given transport. */
async function listSearchSave(call: Call, via: string): Promise<string[]> {
  const lines: string[] = [];
  const p = (samples: number[], target: string, label: string) => row([label, samples.length, ms(percentile(samples, 50)), ms(percentile(samples, 95)), target]);
  const listCases = [
    { filters: {}, sort: 'updated_desc' },
    { filters: { status: ['draft'] }, sort: 'updated_desc' },
    { filters: { categoryId: 'notice' }, sort: 'updated_desc' },
    { filters: { writtenFrom: '2024-01-01', writtenTo: '2024-12-31' }, sort: 'written_desc' },
    { filters: { validity: 'valid', categoryId: 'gov_document' }, sort: 'title_asc' },
    { filters: {}, sort: 'written_asc' },
  ];
  const listSamples = await timeIt(360, (i) => call('items.list', { ...listCases[i % listCases.length], offset: (i % 5) * 50, limit: 50 }));
  lines.push(p(listSamples, '5', `filtered, sorted page of 50 (${via})`));
  const queries = ['春耕', '公开', '防火', '安全生', '政务公', '城乡环境整', '乡村振兴工', '政府信息公'];
  const searchSamples = await timeIt(240, (i) => call('items.search', { query: queries[i % queries.length]!, limit: 50 }));
  lines.push(p(searchSamples, '20', `search, 2–5 characters (${via})`));

  const drafts = await call<{ rows: { editionId: string }[] }>('items.list', { filters: { status: ['draft'] }, sort: 'updated_desc', offset: 0, limit: 50 });
  const editionIds = drafts.rows.map((r) => r.editionId);
  const edition = await call<{ categoryId: string }>('items.edition', { editionId: editionIds[0] });
  const random = rng(20261201);
  const saveSamples = await timeIt(200, (i) =>
    call('items.saveDraft', {
      editionId: editionIds[i % editionIds.length],
      categoryId: edition.categoryId,
      fields: fields({ title: `修改后的标题 ${i}`, writtenDate: '2026-02-27' }),
      bodyHtml: `<p>第${i}次修改。</p>${generateItem(random, i).bodyHtml}`,
    }),
  );
  lines.push(p(saveSamples, '10', `save a draft edition, 3 KB body (${via})`));

  return lines;
}

/** The same mixes in-process through the gate (backend.call), where the drafts targets are set. */
async function measureThroughGate(dataDir: string): Promise<string[]> {
  const backend = openBackend({ dataDir, mode: 'browser', log: silentLog, dailyBackups: false });
  try {
    const { sessionId } = await ok<{ sessionId: string }>(backend, 'auth.login', { username: OFFICER.username, password: OFFICER.password }, null);
    const call: Call = (name, input) => ok(backend, name, input, sessionId);
    const lines = await listSearchSave(call, 'gate, in-process');
    // The first screen after signing in: its deadline queues look back over all ten years.
    const samples = await timeIt(20, () => call('dashboard.deadlines', {}));
    lines.push(row(['工作台 deadline queues (dashboard.deadlines, gate)', samples.length, ms(percentile(samples, 50)), ms(percentile(samples, 95)), '']));
    return lines;
  } finally {
    backend.close();
  }
}
