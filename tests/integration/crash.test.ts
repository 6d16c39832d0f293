/**
 * Crash safety: the backend runs as a child process doing an office's mixed work against the
 * reference website (tests/support/crash-worker.ts) and is killed with SIGKILL at random moments,
 * again and again. After every kill the data directory is reopened (taking over the dead
 * process's instance lock) and checked for damage and half-finished state; at the end a clean
 * run drains the outbox and the website must hold every approved item exactly once.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startReferenceSite, type ReferenceSite } from '../../electron/reference-site/site.js';
import { openBackend, type Backend } from '../../electron/core/backend.js';
import { integrityProblems } from '../../electron/core/db/connection.js';
import { inspectBackup, listBackups } from '../../electron/core/db/backups.js';
import { verify as verifyAudit } from '../../electron/core/services/audit.js';
import { makeBackend, silentLog, tempDir } from '../support/backend.js';

const KILLS = 50;
const TOKEN = 'site-token-for-crash-tests-0123';
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/**
 * The worker is bundled once, with its packages, into one JavaScript file: a child then starts
 * with a third of the CPU time it needs under tsx, which keeps 50 restarts within CI's budget.
 * It sits inside the repository so the packages left out (native or reading their own files)
 * resolve from node_modules, with a link to the migrations beside it.
 */
const BUNDLE_DIR = join(ROOT, 'node_modules', '.cache', 'gongkai-crash-worker');
const WORKER = join(BUNDLE_DIR, 'crash-worker.mjs');
/** Statuses of an approved edition: it has been queued for the website. */
const APPROVED = "('queued', 'scheduled', 'published', 'superseded', 'failed', 'conflict', 'withdrawn')";

let site: ReferenceSite;
let dataDir: string;

beforeAll(async () => {
  buildSync({
    entryPoints: [join(ROOT, 'tests/support/crash-worker.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    external: ['better-sqlite3', 'pdfjs-dist', 'chinese-days'],
    // Bundled CommonJS packages still call require().
    banner: { js: "import { createRequire as createRequireForBundle } from 'node:module'; const require = createRequireForBundle(import.meta.url);" },
    outfile: WORKER,
    logLevel: 'error',
  });
  // The migrations themselves, not a copy: the worker and this process must agree on the schema.
  rmSync(join(BUNDLE_DIR, 'migrations'), { recursive: true, force: true });
  symlinkSync(join(ROOT, 'electron/core/db/migrations'), join(BUNDLE_DIR, 'migrations'));
  site = await startReferenceSite({ dataDir: tempDir('gongkai-crash-site-'), token: TOKEN, onError: () => undefined });
  // Setup, users and the website, once, in this process; the children only work.
  dataDir = tempDir('gongkai-crash-');
  const t = makeBackend(dataDir);
  const admin = await t.setup();
  await t.userWith(admin, 'xiaoli', ['officer']);
  await t.userWith(admin, 'zhangsh', ['reviewer']);
  await t.userWith(admin, 'qianfa', ['approver']);
  const notice = (await t.ok('categories.list', {}, admin)).find((c) => c.id === 'notice')!;
  await t.ok('categories.save', { ...notice, columnId: 'tzgg' }, admin);
  await t.ok('publishing.configure', { siteUrl: site.url, token: TOKEN, allowWeakStorage: true }, admin);
  t.backend.close();
});
afterAll(() => site?.close());

interface Worker {
  child: ChildProcess;
  /** Resolves once the worker has finished this many steps of work in all. */
  steps(n: number): Promise<void>;
  exited: Promise<number | null>;
  stderr(): string;
}

function startWorker(seed: number, drain = false): Worker {
  const child = spawn(process.execPath, [WORKER, dataDir, site.url, TOKEN, String(seed), ...(drain ? ['--drain'] : [])], {
    cwd: ROOT,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let err = '';
  child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
  let out = '';
  const waiting: { n: number; resolve: () => void }[] = [];
  child.stdout!.on('data', (chunk: Buffer) => {
    out += chunk.toString();
    const done = out.split('step\n').length - 1;
    for (const w of waiting.filter((x) => x.n <= done)) w.resolve();
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const steps = (n: number) => new Promise<void>((resolve) => waiting.push({ n, resolve }));
  return { child, steps, exited, stderr: () => err };
}

const delay = (ms: number) => new Promise((done) => setTimeout(done, ms));

function count(db: Backend['db'], sql: string, ...params: unknown[]): number {
  return (db.prepare(sql).get(...params) as { n: number }).n;
}

/** What must hold after any crash: a sound file and no change written only in part. */
function checkConsistent(backend: Backend): void {
  const db = backend.db;
  expect(integrityProblems(db)).toEqual([]);
  // Every approved edition has its approval, its outbox job and its audit entry.
  const approved = db.prepare(`SELECT id FROM editions WHERE status IN ${APPROVED}`).all() as { id: string }[];
  for (const { id } of approved) {
    expect(count(db, 'SELECT count(*) AS n FROM approvals WHERE edition_id = ?', id), `approval of ${id}`).toBe(1);
    expect(count(db, "SELECT count(*) AS n FROM outbox WHERE edition_id = ? AND kind = 'publish'", id), `outbox job of ${id}`).toBe(1);
    expect(count(db, "SELECT count(*) AS n FROM audit_log WHERE action = 'publishing.approve' AND target_id = ?", id), `audit entry of ${id}`).toBe(1);
  }
  // ...and nothing else has any.
  expect(count(db, `SELECT count(*) AS n FROM outbox o JOIN editions e ON e.id = o.edition_id WHERE e.status NOT IN ${APPROVED}`)).toBe(0);
  // No sign-off without its hash, no reviewed edition without a sign-off.
  expect(count(db, "SELECT count(*) AS n FROM reviews WHERE decision IN ('approve', 'partial') AND (content_hash IS NULL OR reviewer_id IS NULL OR decided_at IS NULL)")).toBe(0);
  expect(count(db, "SELECT count(*) AS n FROM editions e WHERE e.status = 'reviewed' AND NOT EXISTS (SELECT 1 FROM reviews r WHERE r.edition_id = e.id AND r.content_hash IS NOT NULL AND r.voided_at IS NULL)")).toBe(0);
  // A job done here is on the website; nothing is on the website twice.
  for (const { item_id } of db.prepare("SELECT item_id FROM outbox WHERE state = 'done'").all() as { item_id: string }[]) expect(site.store.editionCount(item_id)).toBe(1);
  for (const { item_id } of db.prepare('SELECT item_id FROM outbox').all() as { item_id: string }[]) expect(site.store.editionCount(item_id)).toBeLessThanOrEqual(1);
  expect(verifyAudit(backend.context(null))).toMatchObject({ ok: true });
}

describe('crash safety', () => {
  it(`survives ${KILLS} SIGKILLs at random moments with nothing lost or half-done`, { timeout: 600_000 }, async () => {
    const started = Date.now();
    let random = 12345;
    const next = () => ((random = (random * 1103515245 + 12345) % 2 ** 31), random / 2 ** 31);
    let killedInStartup = 0;
    for (let kill = 1; kill <= KILLS; kill++) {
      const worker = startWorker(kill);
      // Most kills land in the middle of the work, after a few steps of it (counted, so that work
      // gets done however slow the machine); some during startup (opening, the daily backup).
      if (next() < 0.15) {
        await delay(50 + next() * 400);
        killedInStartup++;
      } else {
        await Promise.race([worker.steps(1 + Math.floor(next() * 4)), worker.exited]);
        await delay(next() * 250);
      }
      if (worker.child.exitCode !== null) throw new Error(`worker ended by itself (${worker.child.exitCode}): ${worker.stderr()}`);
      worker.child.kill('SIGKILL');
      expect(await worker.exited).toBeNull();
      // Reopening takes over the lock the killed process held.
      const backend = openBackend({ dataDir, mode: 'browser', log: silentLog, dailyBackups: false });
      try {
        checkConsistent(backend);
      } finally {
        backend.close();
      }
    }

    const final = startWorker(0, true);
    expect(await final.exited, final.stderr()).toBe(0);
    const backend = openBackend({ dataDir, mode: 'browser', log: silentLog, dailyBackups: false });
    let summary: string | undefined;
    try {
      checkConsistent(backend);
      const db = backend.db;
      const approvedItems = db.prepare(`SELECT DISTINCT item_id FROM editions WHERE status IN ${APPROVED}`).all() as { item_id: string }[];
      expect(approvedItems.length).toBeGreaterThanOrEqual(10);
      expect(count(db, "SELECT count(*) AS n FROM outbox WHERE state <> 'done'")).toBe(0);
      for (const { item_id } of approvedItems) expect(site.store.editionCount(item_id)).toBe(1);
      expect(count(site.store.db, 'SELECT count(DISTINCT item_id) AS n FROM editions')).toBe(approvedItems.length);
      // All the other stages were reached too, so the kills fell across the whole workflow.
      expect(count(db, "SELECT count(*) AS n FROM audit_log WHERE action = 'review.decide'")).toBeGreaterThanOrEqual(10);
      summary = `${count(db, 'SELECT count(*) AS n FROM items')} items drafted, ${approvedItems.length} approved and published once each`;
    } finally {
      backend.close();
    }
    // Interrupted backups never look like backups: every file listed opens and checks.
    for (const b of listBackups(dataDir)) expect(() => inspectBackup(b.file)).not.toThrow();
    console.info(`crash test: ${KILLS} kills (${killedInStartup} during startup) in ${Math.round((Date.now() - started) / 1000)} s; ${summary}`);
  });
});
