/**
 * Automatic backups (daily, before migrations), their rotation, and restoring one: from the
 * Settings screen's command while the app runs, and with `gongkai db restore` while it does not.
 * A file that is damaged, not a Gongkai database or from a newer app is refused, nothing replaced.
 */
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE, openBackend } from '../../electron/core/backend.js';
import { latestSchemaVersion, loadMigrations, migrate } from '../../electron/core/db/connection.js';
import { backupsDir, inspectBackup, listBackups, rotateBackups, type BackupEntry } from '../../electron/core/db/backups.js';
import { getSetting, setSetting } from '../../electron/core/db/settings-repo.js';
import { makeBackend, silentLog, tempDir, TestClock, type TestBackend } from '../support/backend.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
let t: TestBackend | undefined;
afterEach(() => t?.close());

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

/** The daily backup at once, not a minute after start. */
const BACKUP_AT_ONCE = { dailyBackups: { firstCheckAfterMs: 0 } };

/** Waits for the daily backup a newly opened backend starts in the background. */
async function dailyBackups(dataDir: string, count = 1): Promise<BackupEntry[]> {
  for (let i = 0; i < 200; i++) {
    const daily = listBackups(dataDir).filter((b) => b.kind === 'daily');
    if (daily.length >= count) return daily;
    await new Promise((done) => setTimeout(done, 25));
  }
  throw new Error('no daily backup was made');
}

function touch(dataDir: string, name: string): void {
  mkdirSync(backupsDir(dataDir), { recursive: true });
  writeFileSync(join(backupsDir(dataDir), name), 'x');
}

/** A database file of another program, one with garbage, and one from a newer version of this app. */
function badFiles(dir: string): Record<'foreign' | 'corrupt' | 'newer', string> {
  mkdirSync(dir, { recursive: true });
  const foreign = join(dir, 'contacts.db');
  const other = new Database(foreign);
  other.exec("CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('张三')");
  other.pragma('user_version = 3');
  other.close();
  const newer = join(dir, 'from-the-future.db');
  const future = new Database(newer);
  migrate(future);
  future.pragma('user_version = 999');
  future.close();
  const corrupt = join(dir, 'damaged.db');
  copyFileSync(newer, corrupt);
  const bytes = readFileSync(corrupt);
  bytes.fill(0x5a, 4096 * 2, 4096 * 4);
  writeFileSync(corrupt, bytes);
  return { foreign, corrupt, newer };
}

describe('automatic backups', () => {
  it('leaves the first minute after start to the user: no backup is started in it', async () => {
    t = makeBackend();
    await t.setup();
    await new Promise((done) => setTimeout(done, 500));
    expect(listBackups(t.dataDir)).toEqual([]);
  });

  it('makes a daily backup on start (in a worker thread), once a day, that opens with the data', async () => {
    t = makeBackend(tempDir(), undefined, BACKUP_AT_ONCE);
    await t.setup();
    const [first] = await dailyBackups(t.dataDir);
    expect(first).toMatchObject({ kind: 'daily', at: '2026-03-02T01:00:00.000Z' });
    expect(first!.name).toMatch(/^gongkai-daily-20260302-010000\.db$/);
    const dir = t.dataDir;
    t.backend.close();

    // Later the same day: none due. The next day: a new one.
    const clock = new TestClock(Date.parse('2026-03-02T20:00:00Z'));
    let backend = openBackend({ dataDir: dir, mode: 'browser', clock, log: silentLog, ...BACKUP_AT_ONCE });
    await new Promise((done) => setTimeout(done, 200));
    expect(listBackups(dir).filter((b) => b.kind === 'daily')).toHaveLength(1);
    backend.close();
    clock.advanceMinutes(5 * 60);
    backend = openBackend({ dataDir: dir, mode: 'browser', clock, log: silentLog, ...BACKUP_AT_ONCE });
    const daily = await dailyBackups(dir, 2);
    backend.close();
    expect(daily[0]!.at).toBe('2026-03-03T01:00:00.000Z');
    expect(inspectBackup(daily[0]!.file)).toBe(latestSchemaVersion());
    const copy = new Database(daily[0]!.file, { readonly: true });
    expect(copy.prepare('SELECT username FROM users').all()).toEqual([{ username: 'admin' }]);
    copy.close();
    // Self-contained: reading it left no WAL files beside it.
    expect(readdirSync(backupsDir(dir)).filter((n) => !n.endsWith('.db'))).toEqual([]);
    t = undefined;
  });

  it('keeps 7 daily, 4 weekly and 10 pre-migration backups, and every manual one', () => {
    const dir = tempDir();
    // 60 days of daily backups, 12 migrations, 2 manual backups.
    for (let day = 0; day < 60; day++) {
      const at = new Date(Date.parse('2026-01-01T02:00:00Z') + day * 86_400_000);
      touch(dir, `gongkai-daily-${at.toISOString().slice(0, 10).replace(/-/g, '')}-020000.db`);
    }
    for (let n = 1; n <= 12; n++) touch(dir, `gongkai-premigration-v${n}-202601${String(n).padStart(2, '0')}-090000.db`);
    touch(dir, 'gongkai-20260105-0930.db');
    touch(dir, 'before-the-audit.db');
    rotateBackups(dir);
    const left = listBackups(dir);
    const daily = left.filter((b) => b.kind === 'daily').map((b) => b.at.slice(0, 10));
    // 2026-03-01 is a Sunday: the last 7 days, then the newest of each of the 4 most recent weeks.
    expect(daily).toEqual(['2026-03-01', '2026-02-28', '2026-02-27', '2026-02-26', '2026-02-25', '2026-02-24', '2026-02-23', '2026-02-22', '2026-02-15', '2026-02-08']);
    expect(left.filter((b) => b.kind === 'premigration').map((b) => b.name.match(/-v(\d+)-/)![1])).toEqual(['12', '11', '10', '9', '8', '7', '6', '5', '4', '3']);
    expect(left.filter((b) => b.kind === 'manual').map((b) => b.name).sort()).toEqual(['before-the-audit.db', 'gongkai-20260105-0930.db']);
  });

  it('backs up before a migration while another program holds a read on the file', () => {
    const dir = tempDir();
    const older = new Database(join(dir, DATABASE_FILE));
    older.pragma('journal_mode = WAL');
    migrate(older, loadMigrations().slice(0, 4));
    setSetting(older, 'unit', { name: '雷州市人民政府办公室' });
    // A reader's snapshot keeps the WAL from being checkpointed to its end.
    const reader = new Database(join(dir, DATABASE_FILE), { readonly: true });
    reader.prepare('BEGIN').run();
    reader.prepare('SELECT count(*) FROM settings').get();
    setSetting(older, 'unit', { name: '雷州市人民政府' });

    const backend = openBackend({ dataDir: dir, mode: 'browser', clock: new TestClock(), log: silentLog, dailyBackups: false });
    backend.close();
    reader.prepare('COMMIT').run();
    reader.close();
    older.close();
    const [before] = listBackups(dir);
    expect(inspectBackup(before!.file)).toBe(4);
    const copy = new Database(before!.file, { readonly: true });
    expect(getSetting(copy, 'unit')).toEqual({ name: '雷州市人民政府' });
    copy.close();
  });

  it('backs up before a migration changes the schema, with the data as it was', () => {
    const dir = tempDir();
    const older = new Database(join(dir, DATABASE_FILE));
    migrate(older, loadMigrations().slice(0, 4));
    setSetting(older, 'unit', { name: '雷州市人民政府办公室' });
    older.close();

    const backend = openBackend({ dataDir: dir, mode: 'browser', clock: new TestClock(), log: silentLog, dailyBackups: false });
    expect(backend.db.pragma('user_version', { simple: true })).toBe(latestSchemaVersion());
    backend.close();
    const [before] = listBackups(dir);
    expect(before).toMatchObject({ kind: 'premigration', name: 'gongkai-premigration-v4-20260302-010000.db' });
    expect(inspectBackup(before!.file)).toBe(4);
    const copy = new Database(before!.file, { readonly: true });
    expect(getSetting(copy, 'unit')).toEqual({ name: '雷州市人民政府办公室' });
    copy.close();

    // Opening an up-to-date database makes none.
    openBackend({ dataDir: dir, mode: 'browser', clock: new TestClock(), log: silentLog, dailyBackups: false }).close();
    expect(listBackups(dir)).toHaveLength(1);
  });
});

describe('restoring a backup', () => {
  it('from Settings: checks the password and the name, keeps the current database, carries on with the restored one', async () => {
    t = makeBackend(tempDir(), undefined, BACKUP_AT_ONCE);
    const admin = await t.setup();
    await dailyBackups(t.dataDir);
    // A backup with the admin in it, then a change after it.
    const { file } = await t.ok('system.backup', { file: join(backupsDir(t.dataDir), 'after-setup.db') }, admin);
    await t.userWith(admin, 'xiaoli', ['officer']);

    expect(await t.fails('system.restore', { name: 'after-setup.db', password: 'wrong' }, admin)).toEqual({ code: 'auth.wrong_password' });
    expect(await t.fails('system.restore', { name: `../${DATABASE_FILE}`, password: 'Admin12345' }, admin)).toMatchObject({ code: 'restore.not_found' });
    const listed = await t.ok('system.backups', {}, admin);
    expect(listed.map((b) => b.kind).sort()).toEqual(['daily', 'manual']);

    const result = await t.ok('system.restore', { name: 'after-setup.db', password: 'Admin12345' }, admin);
    expect(result.restored).toBe('after-setup.db');
    expect(result.keptAs).toMatch(/^gongkai-prerestore-\d{8}-\d{6}\.db$/);
    // The same session goes on, on the restored data: the user added afterwards is gone...
    expect((await t.ok('users.list', {}, admin)).map((u) => u.username)).toEqual(['admin']);
    expect((await t.ok('audit.list', { limit: 1 }, admin)).entries[0]).toMatchObject({ action: 'system.restore' });
    expect(await t.ok('audit.verify', {}, admin)).toMatchObject({ ok: true });
    // ...and kept in the pre-restore backup.
    const kept = new Database(join(backupsDir(t.dataDir), result.keptAs!), { readonly: true });
    expect(kept.prepare('SELECT username FROM users ORDER BY username').all()).toEqual([{ username: 'admin' }, { username: 'xiaoli' }]);
    kept.close();
    expect(existsSync(file)).toBe(true);
  });

  it('refuses a damaged, foreign or newer file and replaces nothing', async () => {
    t = makeBackend();
    const admin = await t.setup();
    const bad = badFiles(backupsDir(t.dataDir));
    const live = join(t.dataDir, DATABASE_FILE);
    const expected = { corrupt: 'restore.corrupt', foreign: 'restore.not_gongkai', newer: 'restore.newer_schema' } as const;
    for (const [kind, file] of Object.entries(bad) as [keyof typeof bad, string][]) {
      const before = listBackups(t.dataDir).length;
      const error = await t.fails('system.restore', { name: file.split('/').pop()!, password: 'Admin12345' }, admin);
      expect(error.code, kind).toBe(expected[kind]);
      expect(listBackups(t.dataDir).length, `no backup kept for ${kind}`).toBe(before);
    }
    expect((await t.ok('users.list', {}, admin)).map((u) => u.username)).toEqual(['admin']);
    expect(readdirSync(t.dataDir).filter((n) => n.includes('restoring'))).toEqual([]);
    expect(existsSync(live)).toBe(true);
  });

  describe('gongkai db restore', () => {
    /** The CLI from its source, the way IT staff run it. */
    function gongkai(args: string[]) {
      const result = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', "const { runCli } = await import('./electron/cli.ts'); await runCli(process.argv.slice(1));", ...args], {
        cwd: ROOT,
        encoding: 'utf8',
        env: { ...process.env, GONGKAI_LANG: 'en' },
      });
      return { code: result.status, out: result.stdout.trim(), err: result.stderr.trim() };
    }

    // Each run starts a Node process: three of them, the other refusals are checked through system.restore above.
    it('checks the file first, refuses while the app runs, and restores a damaged data directory', { timeout: 120_000 }, async () => {
      t = makeBackend();
      const admin = await t.setup();
      const dir = t.dataDir;
      const good = join(tempDir(), 'good.db');
      await t.ok('system.backup', { file: good }, admin);
      await t.userWith(admin, 'xiaoli', ['officer']);
      const { corrupt } = badFiles(tempDir());

      // While the app has the data directory open.
      expect(gongkai(['db', 'restore', good, '--data-dir', dir])).toMatchObject({ code: 1, err: expect.stringContaining('Another Gongkai Desk') });
      t.backend.close();
      const live = join(dir, DATABASE_FILE);
      const before = sha(live);
      expect(gongkai(['db', 'restore', corrupt, '--data-dir', dir])).toEqual({ code: 1, out: '', err: expect.stringMatching(/^gongkai: The backup file "damaged.db" is damaged .*nothing was changed\.$/) });
      expect(sha(live)).toBe(before);
      expect(listBackups(dir).filter((b) => b.kind === 'prerestore')).toEqual([]);

      // The live database is damaged: restore still works, and keeps the damaged file.
      const damaged = readFileSync(live);
      damaged.fill(0x5a, 4096, 4096 * 3);
      writeFileSync(live, damaged);
      const run = gongkai(['db', 'restore', good, '--data-dir', dir]);
      expect(run).toMatchObject({ code: 0, out: expect.stringContaining('restored') });
      const [kept] = listBackups(dir).filter((b) => b.kind === 'prerestore');
      expect(sha(kept!.file)).toBe(createHash('sha256').update(damaged).digest('hex'));
      t = makeBackend(dir);
      const session = (await t.ok('auth.login', { username: 'admin', password: 'Admin12345' })).sessionId;
      expect((await t.ok('users.list', {}, session)).map((u) => u.username)).toEqual(['admin']);
      // Signing in came after it.
      expect((await t.ok('audit.list', { limit: 2 }, session)).entries.map((e) => e.action)).toEqual(['auth.login', 'system.restore']);
    });
  });
});
