/**
 * Storage faults: a second instance on the same data directory, a full disk, a read-only data
 * directory, a database file locked by another program, a damaged database. Each gets one clear
 * translated message, and nothing already committed is lost.
 */
import Database from 'better-sqlite3';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, openSync, readFileSync, rmSync, writeSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE, openBackend, restoreWhileClosed, type BackendOptions } from '../../electron/core/backend.js';
import { integrityProblems } from '../../electron/core/db/connection.js';
import { AppError, type ApiError } from '../../shared/errors.js';
import { errorMessage, translator } from '../../shared/i18n/index.js';
import { makeBackend, silentLog, tempDir, TestClock, type TestBackend } from '../support/backend.js';
import { fields } from '../support/items.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
let t: TestBackend | undefined;
const cleanups: (() => void)[] = [];
afterEach(() => {
  t?.close();
  t = undefined;
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
});

function open(dataDir: string, extra: Partial<BackendOptions> = {}) {
  return openBackend({ dataDir, mode: 'browser', clock: new TestClock(), log: silentLog, dailyBackups: false, ...extra });
}

function openError(dataDir: string, extra: Partial<BackendOptions> = {}): ApiError {
  try {
    open(dataDir, extra).close();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return (error as AppError).toApiError();
  }
  throw new Error('opened');
}

/** For a test that closed its TestBackend to reopen the directory itself. */
function removeLater(dir: string): void {
  t = undefined;
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
}

/** One clear message in each language, not a raw key or an SQLite string on its own. */
function expectTranslated(error: ApiError, zh: RegExp, en: RegExp): void {
  expect(errorMessage(translator('zh-CN'), error)).toMatch(zh);
  expect(errorMessage(translator('en'), error)).toMatch(en);
}

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

/** An office with one saved notice; returns the officer's session and the notice's title. */
async function officeWithOneNotice(dataDir?: string) {
  t = makeBackend(dataDir);
  const admin = await t.setup();
  const officer = (await t.userWith(admin, 'xiaoli', ['officer'])).session;
  const saved = await t.ok('items.create', { categoryId: 'notice', fields: fields({ title: '关于已保存事项的通知', documentNumber: '' }), bodyHtml: '<p>已保存的正文。</p>' }, officer);
  return { admin, officer, saved };
}

const notice = (title: string, bodyHtml = '<p>正文。</p>') => ({ categoryId: 'notice', fields: fields({ title, documentNumber: '' }), bodyHtml });

function itemTitles(db: Database.Database): string[] {
  return (db.prepare('SELECT title FROM editions ORDER BY created_at').all() as { title: string }[]).map((r) => r.title);
}

/** A child process running `code` (ESM, under tsx) that prints "ready" when it holds what it should. */
async function holder(code: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  cleanups.push(() => child.kill('SIGKILL'));
  await new Promise<void>((resolve, reject) => {
    let err = '';
    child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('ready') && resolve());
    child.once('exit', (exitCode) => reject(new Error(`holder exited ${exitCode}: ${err}`)));
  });
  return child;
}

/** A small tmpfs of our own when this machine lets us mount one (root with CAP_SYS_ADMIN), else null. */
function smallTmpfs(megabytes: number): string | null {
  const dir = tempDir('gongkai-tmpfs-');
  if (spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${megabytes}m`, 'tmpfs', dir]).status !== 0) return null;
  cleanups.push(() => {
    spawnSync('umount', ['-l', dir]);
    rmSync(dir, { recursive: true, force: true });
  });
  return dir;
}
const canMount = (() => {
  const dir = tempDir('gongkai-mount-probe-');
  const ok = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', dir]).status === 0;
  if (ok) spawnSync('umount', [dir]);
  rmSync(dir, { recursive: true, force: true });
  return ok;
})();
const isRoot = process.getuid?.() === 0;

describe('a second instance on the same data directory', () => {
  it('is refused while another process holds it, and takes over once that process is killed', { timeout: 120_000 }, async () => {
    const { saved } = await officeWithOneNotice();
    const dataDir = t!.dataDir;
    t!.backend.close();
    const child = await holder(
      `const { openBackend } = await import('./electron/core/backend.ts'); openBackend({ dataDir: ${JSON.stringify(dataDir)}, mode: 'browser', dailyBackups: false }); console.log('ready'); setInterval(() => undefined, 1000);`,
    );
    const refused = openError(dataDir);
    expect(refused).toEqual({ code: 'db.in_use', params: { dataDir, pid: String(child.pid) } });
    expectTranslated(refused, new RegExp(`进程 ${child.pid}）正在使用此数据目录`), /Another Gongkai Desk .* is using this data directory/);

    // The lock dies with its process, however it ends.
    child.kill('SIGKILL');
    await new Promise((done) => child.once('exit', done));
    const backend = open(dataDir);
    expect(itemTitles(backend.db)).toEqual([saved.title]);
    // ...and within one process too: a second open is refused until the first closes.
    expect(openError(dataDir)).toMatchObject({ code: 'db.in_use', params: { pid: String(process.pid) } });
    backend.close();
    open(dataDir).close();
    removeLater(dataDir);
  });
});

describe('a full disk', () => {
  it('(SQLite page limit) refuses the change with db.disk_full, keeps what was saved, and works once there is room', async () => {
    const { officer, saved } = await officeWithOneNotice();
    const db = t!.backend.db;
    db.pragma('wal_checkpoint(TRUNCATE)');
    const pages = db.pragma('page_count', { simple: true }) as number;
    db.pragma(`max_page_count = ${pages}`);
    const full = await t!.fails('items.create', notice('磁盘满时保存的通知', `<p>${'长正文。'.repeat(20_000)}</p>`), officer);
    expect(full).toEqual({ code: 'db.disk_full' });
    expectTranslated(full, /磁盘空间已满.*已保存的数据不受影响/, /disk is full.*saved data is unaffected/);
    expect(itemTitles(db)).toEqual([saved.title]);
    expect(integrityProblems(db)).toEqual([]);
    db.pragma('max_page_count = 1073741823');
    await t!.ok('items.create', notice('有空间后保存的通知'), officer);
    expect(itemTitles(db)).toEqual([saved.title, '有空间后保存的通知']);
  });

  it.skipIf(!canMount)('(a real full file system) refuses the change, keeps what was saved, and works once space is freed', { timeout: 60_000 }, async () => {
    const disk = smallTmpfs(24)!;
    const dataDir = join(disk, 'data');
    const { officer, saved } = await officeWithOneNotice(dataDir);
    // Fill the disk to the last byte.
    const filler = join(disk, 'filler');
    const fd = openSync(filler, 'w');
    const block = Buffer.alloc(64 * 1024, 1);
    try {
      for (let size = block.length; size >= 1; size = Math.floor(size / 2)) {
        for (;;) {
          try {
            writeSync(fd, block, 0, size);
          } catch {
            break;
          }
        }
      }
    } finally {
      closeSync(fd);
    }
    const full = await t!.fails('items.create', notice('磁盘满时保存的通知', `<p>${'长正文。'.repeat(20_000)}</p>`), officer);
    expect(full.code).toBe('db.disk_full');
    expect(itemTitles(t!.backend.db)).toEqual([saved.title]);
    rmSync(filler);
    await t!.ok('items.create', notice('有空间后保存的通知'), officer);
    t!.backend.close();
    const reopened = open(dataDir);
    expect(itemTitles(reopened.db)).toEqual([saved.title, '有空间后保存的通知']);
    expect(integrityProblems(reopened.db)).toEqual([]);
    reopened.close();
    t = undefined;
  });
});

describe('a read-only data directory', () => {
  it('refuses changes with db.read_only while reading still works (the connection made read-only, as a remount would)', async () => {
    const { officer, saved } = await officeWithOneNotice();
    t!.backend.db.pragma('query_only = 1');
    const refused = await t!.fails('items.create', notice('只读时保存的通知'), officer);
    expect(refused.code).toBe('db.read_only');
    expectTranslated(refused, /数据目录不可写.*本次操作未保存/, /cannot be written.*was not saved/);
    expect((await t!.ok('items.edition', { editionId: saved.id }, officer)).title).toBe(saved.title);
    expect(itemTitles(t!.backend.db)).toEqual([saved.title]);
    t!.backend.db.pragma('query_only = 0');
  });

  // Root writes through file permissions, so as root this needs a read-only mount.
  it.skipIf(isRoot && !canMount)('is refused at start with db.read_only, and the data is all there once it is writable again', async () => {
    const base = canMount ? smallTmpfs(32)! : tempDir();
    if (!canMount) cleanups.push(() => rmSync(base, { recursive: true, force: true }));
    const dataDir = join(base, 'data');
    const { saved } = await officeWithOneNotice(dataDir);
    t!.backend.close();
    t = undefined;
    const before = sha(join(dataDir, DATABASE_FILE));
    const makeReadOnly = canMount ? () => spawnSync('mount', ['-o', 'remount,ro', base]) : () => spawnSync('chmod', ['-R', 'a-w', dataDir]);
    const makeWritable = canMount ? () => spawnSync('mount', ['-o', 'remount,rw', base]) : () => spawnSync('chmod', ['-R', 'u+w', dataDir]);
    expect(makeReadOnly().status).toBe(0);
    try {
      const refused = openError(dataDir);
      expect(refused.code).toBe('db.read_only');
      expectTranslated(refused, /数据目录不可写/, /cannot be written/);
    } finally {
      expect(makeWritable().status).toBe(0);
    }
    expect(sha(join(dataDir, DATABASE_FILE))).toBe(before);
    const backend = open(dataDir);
    expect(itemTitles(backend.db)).toEqual([saved.title]);
    backend.close();
  });
});

describe('a database file locked by another program', () => {
  const lockWith = (file: string, how: 'exclusive' | 'write') =>
    holder(
      `const { default: Database } = await import('better-sqlite3'); const db = new Database(${JSON.stringify(file)});` +
        (how === 'exclusive' ? " db.pragma('locking_mode = EXCLUSIVE');" : '') +
        " db.exec('BEGIN IMMEDIATE'); db.exec(\"INSERT INTO settings (key, value) VALUES ('held.by.another.program', '1')\"); console.log('ready'); setInterval(() => undefined, 1000);",
    );

  it('gives db.locked after the busy timeout when writing, keeps reading, and saves once it is released', { timeout: 60_000 }, async () => {
    const { officer, saved } = await officeWithOneNotice();
    const child = await lockWith(join(t!.dataDir, DATABASE_FILE), 'write');
    const locked = await t!.fails('items.create', notice('被锁定时保存的通知'), officer);
    expect(locked).toEqual({ code: 'db.locked' });
    expectTranslated(locked, /被其他程序锁定.*未保存/, /locked by another program.*not saved/);
    expect(itemTitles(t!.backend.db)).toEqual([saved.title]);
    child.kill('SIGKILL');
    await new Promise((done) => child.once('exit', done));
    await t!.ok('items.create', notice('解锁后保存的通知'), officer);
    expect(itemTitles(t!.backend.db)).toEqual([saved.title, '解锁后保存的通知']);
  });

  it('refuses to start with db.locked while another program holds the file exclusively', { timeout: 60_000 }, async () => {
    const { saved } = await officeWithOneNotice();
    const dataDir = t!.dataDir;
    t!.backend.close();
    const child = await lockWith(join(dataDir, DATABASE_FILE), 'exclusive');
    expect(openError(dataDir, { busyTimeoutMs: 300 })).toEqual({ code: 'db.locked' });
    child.kill('SIGKILL');
    await new Promise((done) => child.once('exit', done));
    const backend = open(dataDir);
    expect(itemTitles(backend.db)).toEqual([saved.title]);
    backend.close();
    removeLater(dataDir);
  });
});

describe('a damaged database', () => {
  it('is refused with db.corrupt, left exactly as it was, and can be restored from a backup', async () => {
    const { admin, saved } = await officeWithOneNotice();
    const dataDir = t!.dataDir;
    const backupFile = join(tempDir(), 'before-damage.db');
    await t!.ok('system.backup', { file: backupFile }, admin);
    t!.backend.close();
    const file = join(dataDir, DATABASE_FILE);
    const bytes = readFileSync(file);
    bytes.fill(0x5a, 4096 * 3, 4096 * 6);
    writeFileSync(file, bytes);
    const damaged = sha(file);

    const refused = openError(dataDir);
    expect(refused.code).toBe('db.corrupt');
    expectTranslated(refused, /数据库文件已损坏.*请从备份恢复/, /database file is damaged.*Restore from a backup/);
    // Refused again the same way (the instance lock was released), and the file is untouched.
    expect(openError(dataDir).code).toBe('db.corrupt');
    expect(sha(file)).toBe(damaged);

    restoreWhileClosed(dataDir, backupFile);
    const backend = open(dataDir);
    expect(itemTitles(backend.db)).toEqual([saved.title]);
    backend.close();
    removeLater(dataDir);
  });
});
