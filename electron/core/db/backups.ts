/**
 * Automatic backups in <dataDir>/backups, and restoring one.
 *
 * - daily: a minute after start and then hourly, when none was made yet this (UTC) day; SQLite's
 *   online backup in a worker thread, so the app keeps working meanwhile.
 * - premigration: before migrations change an existing database (a copy of the checkpointed file,
 *   at startup).
 * - prerestore: the database a restore replaced, byte for byte (with its WAL, if any).
 * - manual: any other .db file there (the admin's "Back up now"); never deleted automatically.
 *
 * Rotation after each automatic backup keeps the newest 7 daily backups plus the newest daily
 * backup of each of the 4 most recent weeks, and the newest 10 pre-migration and 10 pre-restore
 * backups. A backup is written to a .partial file and renamed when complete, so a crash never
 * leaves a half-written file that looks like a backup.
 */
import Database from 'better-sqlite3';
import { open } from 'node:fs/promises';
import { closeSync, constants, copyFileSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { AppError } from '../../../shared/errors.js';
import type { Clock, Logger } from '../context.js';
import { integrityProblems, latestSchemaVersion, type Db } from './connection.js';
import { runSqliteWorker, type SqliteWorkerJob } from './sqlite-worker.js';

export const BACKUP_KINDS = ['daily', 'premigration', 'prerestore', 'manual'] as const;
export type BackupKind = (typeof BACKUP_KINDS)[number];

export interface BackupEntry {
  name: string;
  file: string;
  kind: BackupKind;
  /** When it was made: from the name for automatic backups, else the file's time. */
  at: string;
  bytes: number;
}

const KEEP = { daily: 7, weeks: 4, premigration: 10, prerestore: 10 } as const;
const AUTOMATIC_NAME = /^gongkai-(daily|premigration|prerestore)(?:-v\d+)?-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})(?:-\d+)?\.db$/;
const PARTIAL = '.partial';
const FIRST_CHECK_AFTER_MS = 60_000;
const CHECK_EVERY_MS = 60 * 60_000;
/** About 4 MB per step of the online backup; writes in the app wait at most one step. */
const PAGES_PER_STEP = 1000;
/** Tables every Gongkai database has since its first migration. */
const FOUNDATION_TABLES = ['settings', 'users', 'user_roles', 'audit_log'];

export function backupsDir(dataDir: string): string {
  return join(dataDir, 'backups');
}

function stamp(now: Date): string {
  return now.toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-');
}

/** A new file name for an automatic backup; a second one in the same second gets a suffix. */
function newBackupFile(dataDir: string, kind: Exclude<BackupKind, 'manual'>, now: Date, label = ''): string {
  const dir = backupsDir(dataDir);
  mkdirSync(dir, { recursive: true });
  const base = `gongkai-${kind}${label}-${stamp(now)}`;
  for (let n = 1; ; n++) {
    const file = join(dir, `${base}${n === 1 ? '' : `-${n}`}.db`);
    if (!existsSync(file) && !existsSync(file + PARTIAL)) return file;
  }
}

function syncToDisk(file: string): void {
  const fd = openSync(file, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Rollback-journal mode, so the file is self-contained and opens read-only without sidecar files. */
function makeSelfContained(file: string): void {
  const copy = new Database(file);
  try {
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
}

function removeWithSidecars(file: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(file + suffix, { force: true });
}

/**
 * Writes a backup through a partial file: `copy` fills it, then it is made self-contained, synced
 * (off the main thread) and renamed, so a crash never leaves a half-written file that looks whole.
 */
async function writeBackup(file: string, copy: (partial: string) => Promise<unknown>): Promise<number> {
  const partial = file + PARTIAL;
  try {
    await copy(partial);
    makeSelfContained(partial);
    const handle = await open(partial, 'r+');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    renameSync(partial, file);
  } catch (error) {
    removeWithSidecars(partial);
    throw error;
  }
  return statSync(file).size;
}

/**
 * Online backup of the live database into `file` (which must not exist), on this connection, in
 * steps between which the app goes on. `abort` is polled between steps so closing can stop it.
 */
export function onlineBackup(db: Db, file: string, abort: () => boolean = () => false): Promise<number> {
  return writeBackup(file, (partial) =>
    db.backup(partial, {
      progress: () => {
        if (abort()) throw new Error('backup stopped: the database is closing');
        return PAGES_PER_STEP;
      },
    }),
  );
}

export interface DatabaseFile {
  file: string;
  /** better-sqlite3's native module built for the running runtime, when not the default one. */
  nativeBinding?: string;
}

/**
 * The same from a worker thread's own read-only connection (sqlite-worker.ts), for the daily
 * backup: at several GB, even steps of 4 MB on the main thread would hold up saves for minutes.
 */
function backupInWorker(database: DatabaseFile, file: string): SqliteWorkerJob<number> {
  let copying: SqliteWorkerJob<unknown> | undefined;
  const done = writeBackup(file, (partial) => {
    copying = runSqliteWorker(
      `const source = open(data.file, { readonly: true, fileMustExist: true });
      try {
        // One step: copied in parts, it would start again whenever the app wrote between two.
        await source.backup(data.partial, { progress: () => 2147483647 });
      } finally {
        source.close();
      }`,
      { file: database.file, partial },
      database.nativeBinding,
    );
    return copying.done;
  });
  return { done, cancel: () => copying?.cancel() };
}

export function listBackups(dataDir: string): BackupEntry[] {
  const dir = backupsDir(dataDir);
  if (!existsSync(dir)) return [];
  const entries: BackupEntry[] = [];
  for (const name of readdirSync(dir)) {
    if (!name.endsWith('.db')) continue;
    const file = join(dir, name);
    const stat = statSync(file, { throwIfNoEntry: false });
    if (!stat?.isFile()) continue;
    const m = AUTOMATIC_NAME.exec(name);
    const at = m ? `${m[2]}-${m[3]}-${m[4]}T${m[5]}:${m[6]}:${m[7]}.000Z` : stat.mtime.toISOString();
    entries.push({ name, file, kind: (m?.[1] as BackupKind | undefined) ?? 'manual', at, bytes: stat.size });
  }
  return entries.sort((a, b) => b.at.localeCompare(a.at) || b.name.localeCompare(a.name));
}

/** The Monday (UTC) of the week a timestamp falls in. */
function weekOf(at: string): string {
  const day = new Date(at.slice(0, 10) + 'T00:00:00Z');
  day.setUTCDate(day.getUTCDate() - ((day.getUTCDay() + 6) % 7));
  return day.toISOString().slice(0, 10);
}

/** The automatic backups rotation would delete (see the module comment). */
export function rotationVictims(backups: readonly BackupEntry[]): BackupEntry[] {
  const keep = new Set<BackupEntry>();
  const daily = backups.filter((b) => b.kind === 'daily');
  daily.slice(0, KEEP.daily).forEach((b) => keep.add(b));
  const weeks = new Map<string, BackupEntry>();
  for (const b of daily) if (!weeks.has(weekOf(b.at))) weeks.set(weekOf(b.at), b);
  [...weeks.values()].slice(0, KEEP.weeks).forEach((b) => keep.add(b));
  backups.filter((b) => b.kind === 'premigration').slice(0, KEEP.premigration).forEach((b) => keep.add(b));
  backups.filter((b) => b.kind === 'prerestore').slice(0, KEEP.prerestore).forEach((b) => keep.add(b));
  return backups.filter((b) => b.kind !== 'manual' && !keep.has(b));
}

export function rotateBackups(dataDir: string): void {
  for (const victim of rotationVictims(listBackups(dataDir))) removeWithSidecars(victim.file);
}

/** Leftovers of a backup that was interrupted (the app was killed or the disk filled). */
export function removePartialBackups(dataDir: string): void {
  const dir = backupsDir(dataDir);
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir)) if (/\.partial(-wal|-shm|-journal)?$/.test(name)) rmSync(join(dir, name), { force: true });
}

/**
 * Before migrations change the schema, made synchronously while starting up. The app holds the
 * instance lock and nothing else writes, so after a full checkpoint the file itself is a
 * consistent copy: copied at disk speed (a reflink where the file system has them), about twice
 * as fast as VACUUM INTO, which took 45 s on a 6.9 GB database.
 */
export function backupBeforeMigration(db: Db, dataDir: string, from: number, now: Date): string {
  const file = newBackupFile(dataDir, 'premigration', now, `-v${from}`);
  const partial = file + PARTIAL;
  try {
    const [checkpoint] = db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
    // Another program reading the file keeps part of the WAL: then SQLite copies it instead.
    if (checkpoint?.busy) db.prepare('VACUUM INTO ?').run(partial);
    else copyFileSync(db.name, partial, constants.COPYFILE_FICLONE);
    makeSelfContained(partial);
    syncToDisk(partial);
    renameSync(partial, file);
  } catch (error) {
    removeWithSidecars(partial);
    throw error;
  }
  rotateBackups(dataDir);
  return file;
}

export function dailyBackupDue(dataDir: string, now: Date): boolean {
  const today = now.toISOString().slice(0, 10);
  return !listBackups(dataDir).some((b) => b.kind === 'daily' && b.at.slice(0, 10) === today);
}

/**
 * Makes the daily backup a minute after start (if due: start-up has the disk first) and checks
 * again every hour, so an app left running over midnight makes the next day's too. Returns the
 * function that stops it (and any backup underway).
 */
export function startDailyBackups(database: DatabaseFile, dataDir: string, clock: Clock, log: Logger, firstCheckAfterMs = FIRST_CHECK_AFTER_MS): () => void {
  let stopped = false;
  let running: SqliteWorkerJob<number> | null = null;
  const check = () => {
    if (stopped || running || !dailyBackupDue(dataDir, clock.now())) return;
    running = backupInWorker(database, newBackupFile(dataDir, 'daily', clock.now()));
    running.done
      .then(() => rotateBackups(dataDir))
      .catch((error: unknown) => {
        if (!stopped) log.error('daily backup failed', error);
      })
      .finally(() => {
        running = null;
      });
  };
  removePartialBackups(dataDir);
  const first = setTimeout(check, firstCheckAfterMs);
  const timer = setInterval(check, CHECK_EVERY_MS);
  first.unref();
  timer.unref();
  return () => {
    stopped = true;
    clearTimeout(first);
    clearInterval(timer);
    running?.cancel();
  };
}

/**
 * Opens a candidate database read-only and refuses it unless it is sound, is a Gongkai database
 * and is not from a newer version of the app. Returns its schema version.
 */
export function inspectBackup(file: string, name = basename(file)): number {
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch {
    throw new AppError('restore.unreadable', { file: name });
  }
  try {
    let problems: string[];
    let tables: string[];
    try {
      problems = integrityProblems(db);
      tables = (db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").all() as { name: string }[]).map((r) => r.name);
    } catch (error) {
      throw new AppError('restore.corrupt', { file: name, detail: (error as Error).message.slice(0, 200) });
    }
    if (problems.length) throw new AppError('restore.corrupt', { file: name, detail: problems.slice(0, 3).join('; ').slice(0, 200) });
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version < 1 || FOUNDATION_TABLES.some((t) => !tables.includes(t))) throw new AppError('restore.not_gongkai', { file: name });
    const supported = latestSchemaVersion();
    if (version > supported) throw new AppError('restore.newer_schema', { file: name, found: version, supported });
    return version;
  } finally {
    db.close();
  }
}

/**
 * Replaces the database file with a checked copy of `candidate`. The caller holds the instance
 * lock and has closed the database. Order matters for a crash part-way: the candidate is copied
 * and checked beside the database first (nothing replaced if it fails), the current file is kept
 * as a pre-restore backup, and only then is the copy renamed over it (an atomic replace).
 */
export function restoreDatabase(dataDir: string, databaseFile: string, candidate: string, now: Date): { keptAs: string | null } {
  const staged = `${databaseFile}.restoring`;
  removeWithSidecars(staged);
  try {
    copyFileSync(candidate, staged);
  } catch {
    throw new AppError('restore.unreadable', { file: basename(candidate) });
  }
  try {
    inspectBackup(staged, basename(candidate));
    syncToDisk(staged);
  } catch (error) {
    removeWithSidecars(staged);
    throw error;
  }
  // A read-only open of a WAL-mode file leaves empty sidecars beside it.
  for (const suffix of ['-wal', '-shm']) rmSync(staged + suffix, { force: true });
  let keptAs: string | null = null;
  if (existsSync(databaseFile)) {
    keptAs = newBackupFile(dataDir, 'prerestore', now);
    copyFileSync(databaseFile, keptAs);
    // Commits not yet copied into the file are in its WAL; keep it with the copy, which replays it.
    if (existsSync(`${databaseFile}-wal`)) copyFileSync(`${databaseFile}-wal`, `${keptAs}-wal`);
    syncToDisk(keptAs);
  }
  for (const suffix of ['-wal', '-shm']) rmSync(databaseFile + suffix, { force: true });
  renameSync(staged, databaseFile);
  rotateBackups(dataDir);
  return { keptAs };
}
