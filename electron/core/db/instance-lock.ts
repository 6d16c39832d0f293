/**
 * One running Gongkai Desk (app, browser mode or CLI) per data directory, so two processes never
 * interleave writes. The lock is an exclusive SQLite lock on <dataDir>/instance.lock: the
 * operating system drops it when its holder ends in any way (a crash, SIGKILL, a power cut), so a
 * lock left behind by a dead process is taken over by simply acquiring it, and a pid that was
 * reused by another program can never keep the lock alive (a pid-file check could). The holder
 * writes its pid into instance.pid for the refusal message only.
 */
import Database from 'better-sqlite3';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../../shared/errors.js';
import { storageError } from './connection.js';

export const LOCK_FILE = 'instance.lock';
const PID_FILE = 'instance.pid';

export interface InstanceLock {
  release(): void;
}

function holderPid(dataDir: string): string {
  try {
    return readFileSync(join(dataDir, PID_FILE), 'utf8').trim() || '?';
  } catch {
    return '?';
  }
}

/** Takes the data directory for this process, or refuses with db.in_use while another holds it. */
export function acquireInstanceLock(dataDir: string, nativeBinding?: string): InstanceLock {
  let lock: Database.Database;
  try {
    // A new data folder is this user's alone: other accounts on the PC cannot read the database.
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    lock = new Database(join(dataDir, LOCK_FILE), { timeout: 0, ...(nativeBinding ? { nativeBinding } : {}) });
  } catch (error) {
    throw storageError(error) ?? error;
  }
  try {
    // In exclusive locking mode the first write takes the lock and keeps it until close.
    lock.pragma('locking_mode = EXCLUSIVE');
    lock.exec('CREATE TABLE IF NOT EXISTS holder (pid INTEGER NOT NULL, started_at TEXT NOT NULL) STRICT');
    lock.transaction(() => {
      lock.exec('DELETE FROM holder');
      lock.prepare('INSERT INTO holder (pid, started_at) VALUES (?, ?)').run(process.pid, new Date().toISOString());
    })();
  } catch (error) {
    lock.close();
    const code = String((error as { code?: unknown }).code ?? '');
    if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) throw new AppError('db.in_use', { dataDir, pid: holderPid(dataDir) });
    throw storageError(error) ?? error;
  }
  try {
    writeFileSync(join(dataDir, PID_FILE), String(process.pid));
  } catch {
    // Only the refusal message uses it.
  }
  let held = true;
  return {
    release() {
      if (!held) return;
      held = false;
      rmSync(join(dataDir, PID_FILE), { force: true });
      lock.close();
    },
  };
}
