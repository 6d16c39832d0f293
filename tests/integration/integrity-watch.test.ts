/**
 * Opening a large database skips the full integrity check (it reads every page: seconds per GB);
 * the check runs in a worker in the background instead, and damage still surfaces as db.corrupt
 * on the first query that reads it.
 */
import Database from 'better-sqlite3';
import { closeSync, openSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE, openBackend } from '../../electron/core/backend.js';
import { checkIntegrityInWorker, INTEGRITY_SETTING, startIntegrityWatch, type IntegrityResult } from '../../electron/core/db/integrity-watch.js';
import { getSetting } from '../../electron/core/db/settings-repo.js';
import { makeBackend, silentLog, tempDir, TestClock, type TestBackend } from '../support/backend.js';

let t: TestBackend | null = null;
const dirs: string[] = [];
afterEach(() => {
  t?.close();
  t = null;
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A set-up office whose file is past the size checked in full at open (64 MB), closed. */
async function largeOffice(): Promise<string> {
  const backend = makeBackend();
  await backend.setup();
  backend.backend.close();
  const file = join(backend.dataDir, DATABASE_FILE);
  const db = new Database(file);
  db.exec('CREATE TABLE padding (b BLOB)');
  const insert = db.prepare('INSERT INTO padding VALUES (randomblob(1000000))');
  db.transaction(() => {
    for (let i = 0; i < 70; i++) insert.run();
  })();
  db.close();
  dirs.push(backend.dataDir);
  return backend.dataDir;
}

/** Overwrites one table's root page with junk, as a failing disk would. */
function damageTable(file: string, table: string): void {
  const db = new Database(file);
  const { rootpage, size } = db.prepare('SELECT rootpage, (SELECT page_size FROM pragma_page_size) AS size FROM sqlite_schema WHERE name = ?').get(table) as { rootpage: number; size: number };
  db.close();
  const fd = openSync(file, 'r+');
  writeSync(fd, Buffer.alloc(size, 0x5a), 0, size, (rootpage - 1) * size);
  closeSync(fd);
}

describe('the integrity check of a large database', () => {
  it('does not hold up the open; damage gives db.corrupt on the query that meets it, and the background check reports it', async () => {
    const dataDir = await largeOffice();
    const file = join(dataDir, DATABASE_FILE);
    damageTable(file, 'audit_log');

    const backend = openBackend({ dataDir, mode: 'browser', clock: new TestClock(), log: silentLog, dailyBackups: false });
    try {
      // Signing in writes its audit entry into the damaged table: refused, clearly.
      const login = await backend.call('auth.login', { username: 'admin', password: 'Admin12345' }, null);
      expect(login).toMatchObject({ ok: false, error: { code: 'db.corrupt' } });
    } finally {
      backend.close();
    }
    expect((await checkIntegrityInWorker(file).done).length).toBeGreaterThan(0);
  });

  it('runs in a worker while the app is open and records a sound result, shown by system.info', async () => {
    t = makeBackend();
    const admin = await t.setup();
    expect(await t.ok('system.info', {}, admin)).toMatchObject({ integrity: null });
    const errors: unknown[] = [];
    const stop = startIntegrityWatch({ db: t.backend.db, file: t.backend.runtime.databaseFile, clock: t.clock, log: { info: () => undefined, error: (m, d) => errors.push([m, d]) }, firstCheckAfterMs: 0 });
    try {
      await expect.poll(() => getSetting<IntegrityResult>(t!.backend.db, INTEGRITY_SETTING), { timeout: 10_000 }).toMatchObject({ ok: true, messages: [] });
      expect(getSetting<IntegrityResult>(t.backend.db, INTEGRITY_SETTING)!.checkedAt).toBe(t.clock.now().toISOString());
      expect(errors).toEqual([]);
      expect(await t.ok('system.info', {}, admin)).toMatchObject({ integrity: { ok: true, checkedAt: t.clock.now().toISOString() } });
    } finally {
      stop();
    }
  });

  it('finds the damage a query has not met yet', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const file = join(dir, 'x.db');
    const db = new Database(file);
    db.exec('CREATE TABLE a (x); CREATE TABLE b (y)');
    db.prepare('INSERT INTO b VALUES (?)').run('hello');
    db.close();
    expect(await checkIntegrityInWorker(file).done).toEqual([]);
    damageTable(file, 'b');
    expect((await checkIntegrityInWorker(file).done).length).toBeGreaterThan(0);
  });
});
