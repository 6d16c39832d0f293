import Database from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadMigrations, openDatabase } from '../../electron/core/db/connection.js';
import { DATABASE_FILE, openBackend } from '../../electron/core/backend.js';
import { AppError } from '../../shared/errors.js';
import { makeBackend, silentLog, tempDir, type TestBackend } from '../support/backend.js';

let t: TestBackend | undefined;
afterEach(() => t?.close());

function openError(file: string): AppError {
  try {
    openDatabase(file).close();
  } catch (error) {
    return error as AppError;
  }
  throw new Error('opened');
}

describe('the database file', () => {
  it('is WAL, has foreign keys on, STRICT tables and the latest migration in user_version', () => {
    t = makeBackend();
    const db = t.backend.db;
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('user_version', { simple: true })).toBe(loadMigrations().at(-1)!.version);
    const tables = db.prepare("SELECT name, strict FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite_%'").all() as {
      name: string;
      strict: number;
    }[];
    expect(tables.length).toBeGreaterThan(0);
    expect(tables.filter((x) => x.strict !== 1)).toEqual([]);
  });

  it('applies migrations once: reopening changes nothing', async () => {
    t = makeBackend();
    await t.setup();
    const dir = t.dataDir;
    t.backend.close();
    t = makeBackend(dir);
    expect(await t.ok('auth.login', { username: 'admin', password: 'Admin12345' })).toHaveProperty('sessionId');
  });

  it('refuses a damaged file with db.corrupt and leaves it as it was', () => {
    const dir = tempDir();
    const file = join(dir, DATABASE_FILE);
    writeFileSync(file, 'this is not a database, but an officer’s important notes');
    expect(openError(file).code).toBe('db.corrupt');
    expect(() => openBackend({ dataDir: dir, mode: 'browser', log: silentLog })).toThrow(AppError);
  });

  it('refuses a database made by a newer version of the app', () => {
    const dir = tempDir();
    const file = join(dir, DATABASE_FILE);
    const db = new Database(file);
    db.pragma('user_version = 999');
    db.close();
    expect(openError(file)).toMatchObject({ code: 'db.newer_schema', params: { found: 999 } });
  });

  it('backs up the live database online to a new file that opens with the same data', async () => {
    t = makeBackend();
    const admin = await t.setup();
    const target = join(tempDir(), 'copy', 'backup.db');
    const result = await t.ok('system.backup', { file: target }, admin);
    expect(result.bytes).toBeGreaterThan(0);
    const copy = new Database(target, { readonly: true });
    expect(copy.prepare('SELECT username FROM users').all()).toEqual([{ username: 'admin' }]);
    copy.close();
    expect(await t.fails('system.backup', { file: target }, admin)).toMatchObject({ code: 'backup.exists' });
    expect(await t.ok('system.checkDatabase', {}, admin)).toEqual({ ok: true, messages: [] });
  });
});
