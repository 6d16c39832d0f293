import Database from 'better-sqlite3';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
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

/** Applies each pending migration in its own transaction and records it in user_version. */
export function migrate(db: Db, migrations = loadMigrations()): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  const latest = migrations.at(-1)?.version ?? 0;
  if (current > latest) throw new AppError('db.newer_schema', { found: current, supported: latest });
  for (const m of migrations) {
    if (m.version <= current) continue;
    db.transaction(() => {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    })();
  }
}

/** Problems reported by SQLite's integrity check; empty when the file is sound. */
export function integrityProblems(db: Db): string[] {
  const rows = db.pragma('integrity_check') as { integrity_check: string }[];
  const messages = rows.map((r) => r.integrity_check);
  return messages.length === 1 && messages[0] === 'ok' ? [] : messages;
}

/**
 * Opens (creating if needed) the database file: WAL, foreign keys, an integrity check, then
 * migrations. A damaged file is refused with `db.corrupt` before anything writes to it.
 */
export function openDatabase(file: string, nativeBinding?: string): Db {
  mkdirSync(dirname(file), { recursive: true });
  let db: Db;
  try {
    db = new Database(file, nativeBinding ? { nativeBinding } : {});
    db.pragma('journal_mode = WAL');
  } catch (error) {
    throw new AppError('db.corrupt', { detail: (error as Error).message });
  }
  try {
    db.pragma('foreign_keys = ON');
    db.pragma('synchronous = NORMAL');
    db.pragma('busy_timeout = 5000');
    const problems = integrityProblems(db);
    if (problems.length) throw new AppError('db.corrupt', { detail: problems.slice(0, 3).join('; ') });
    migrate(db);
    return db;
  } catch (error) {
    db.close();
    if (error instanceof AppError) throw error;
    throw new AppError('db.corrupt', { detail: (error as Error).message });
  }
}
