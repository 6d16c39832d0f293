import Database from 'better-sqlite3';
import { mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppError } from '../../../shared/errors.js';

export type Db = Database.Database;

const MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), 'migrations');

interface Migration {
  version: number;
  name: string;
  sql: string;
}

export function loadMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((f) => /^\d{3}_[\w-]+\.sql$/.test(f))
    .sort()
    .map((file) => ({ version: Number(file.slice(0, 3)), name: file.slice(4, -4), sql: readFileSync(join(dir, file), 'utf8') }));
}

/** The newest schema version this build of the app knows. */
export function latestSchemaVersion(migrations = loadMigrations()): number {
  return migrations.at(-1)?.version ?? 0;
}

/** Called once before pending migrations change an existing database (not a new, empty one). */
export type BeforeMigrate = (db: Db, from: number, to: number) => void;

/** Applies each pending migration in its own transaction and records it in user_version. */
export function migrate(db: Db, migrations = loadMigrations(), beforeMigrate?: BeforeMigrate): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  const latest = latestSchemaVersion(migrations);
  if (current > latest) throw new AppError('db.newer_schema', { found: current, supported: latest });
  if (current > 0 && current < latest) beforeMigrate?.(db, current, latest);
  for (const m of migrations) {
    if (m.version <= current) continue;
    db.transaction(() => {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    })();
  }
}

/** Problems reported by SQLite's integrity check (of one table, if named); empty when sound. */
export function integrityProblems(db: Db, table?: string): string[] {
  const rows = db.pragma(table ? `integrity_check(${table})` : 'integrity_check') as { integrity_check: string }[];
  const messages = rows.map((r) => r.integrity_check);
  return messages.length === 1 && messages[0] === 'ok' ? [] : messages;
}

/**
 * The one clear message for a storage failure, from SQLite's result code or the file system's:
 * a full disk, a read-only folder, a file locked by another program, a damaged file. Null for
 * anything else (a bug, reported as api.internal).
 */
export function storageError(error: unknown): AppError | null {
  if (error instanceof AppError) return error;
  const code = String((error as { code?: unknown } | null)?.code ?? '');
  const detail = String((error as Error | null)?.message ?? error).slice(0, 300);
  if (code === 'SQLITE_FULL' || code === 'ENOSPC') return new AppError('db.disk_full');
  if (code.startsWith('SQLITE_READONLY') || ['EROFS', 'EACCES', 'EPERM'].includes(code)) return new AppError('db.read_only', { detail });
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return new AppError('db.locked');
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') return new AppError('db.corrupt', { detail });
  if (code.startsWith('SQLITE_CANTOPEN') || code.startsWith('SQLITE_IOERR')) return new AppError('db.io_error', { detail });
  return null;
}

/**
 * The full check reads every page (8.6 s for a 2 GB file), so at open it runs only while the file
 * is small enough to check in about a quarter of a second; a larger file gets the check of the
 * small tables needed to sign in, and the full one runs in the background (db/integrity-watch.ts).
 * Damage elsewhere still surfaces as db.corrupt on the first query that reads it.
 */
const FULL_CHECK_AT_OPEN_BYTES = 64 * 1024 * 1024;
const CHECKED_AT_EVERY_OPEN = ['sqlite_schema', 'settings', 'users', 'user_roles'];

function problemsAtOpen(db: Db, fileBytes: number): string[] {
  if (fileBytes <= FULL_CHECK_AT_OPEN_BYTES) return integrityProblems(db);
  const present = new Set((db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").pluck().all() as string[]).concat('sqlite_schema'));
  return CHECKED_AT_EVERY_OPEN.filter((t) => present.has(t)).flatMap((t) => integrityProblems(db, t));
}

export interface OpenOptions {
  /** better-sqlite3's native module built for the running runtime, when not the default one. */
  nativeBinding?: string;
  /** How long a write waits for another program's lock before giving up with db.locked. */
  busyTimeoutMs?: number;
  beforeMigrate?: BeforeMigrate;
}

/**
 * Opens (creating if needed) the database file: WAL, foreign keys, the integrity check that fits
 * the file's size (above), then migrations. A damaged file is refused with `db.corrupt` before anything writes to it; a full
 * disk, a read-only folder or a lock held elsewhere each get their own message.
 */
export function openDatabase(file: string, options: OpenOptions = {}): Db {
  const busyTimeoutMs = options.busyTimeoutMs ?? 5000;
  let db: Db;
  try {
    // A new data folder is this user's alone: other accounts on the PC cannot read the database.
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    db = new Database(file, { timeout: busyTimeoutMs, ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}) });
  } catch (error) {
    throw storageError(error) ?? new AppError('db.corrupt', { detail: (error as Error).message });
  }
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('synchronous = NORMAL');
    const problems = problemsAtOpen(db, statSync(file).size);
    if (problems.length) throw new AppError('db.corrupt', { detail: problems.slice(0, 3).join('; ') });
    migrate(db, loadMigrations(), options.beforeMigrate);
    return db;
  } catch (error) {
    db.close();
    throw storageError(error) ?? new AppError('db.corrupt', { detail: (error as Error).message });
  }
}
