/**
 * The full integrity check, away from startup and off the main thread (sqlite-worker.ts): it
 * reads every page, about 4 s per GB. It runs a few minutes after the app starts when the last
 * check is a day old, then daily, and records the result in the settings ('database.integrity',
 * shown by system.info); damage is logged at once.
 */
import type { Clock, Logger } from '../context.js';
import type { Db } from './connection.js';
import { getSetting, setSetting } from './settings-repo.js';
import { runSqliteWorker, type SqliteWorkerJob } from './sqlite-worker.js';

export const INTEGRITY_SETTING = 'database.integrity';

export interface IntegrityResult {
  checkedAt: string;
  ok: boolean;
  /** SQLite's messages (the first 20) when not ok. */
  messages: string[];
}

const FIRST_CHECK_AFTER_MS = 3 * 60_000;
const LOOK_EVERY_MS = 60 * 60_000;
const CHECK_EVERY_MS = 24 * 60 * 60_000;

/** SQLite's full integrity check of the file in a worker thread; empty when sound. */
export function checkIntegrityInWorker(file: string, nativeBinding?: string): SqliteWorkerJob<string[]> {
  const check = runSqliteWorker<string[]>(
    `let db;
    try {
      db = open(data.file, { readonly: true, fileMustExist: true });
      return db.pragma('integrity_check(20)').map((r) => r.integrity_check);
    } catch (error) {
      return [String((error && error.message) || error)];
    } finally {
      if (db) db.close();
    }`,
    { file },
    nativeBinding,
  );
  return { done: check.done.then((messages) => (messages.length === 1 && messages[0] === 'ok' ? [] : messages)), cancel: check.cancel };
}

export interface IntegrityWatchOptions {
  db: Db;
  file: string;
  clock: Clock;
  log: Logger;
  nativeBinding?: string;
  /** Delay of the first look after start (default 3 minutes: startup has the disk first). */
  firstCheckAfterMs?: number;
}

/** Starts the daily background check; returns the function that stops it. */
export function startIntegrityWatch(options: IntegrityWatchOptions): () => void {
  const { db, clock, log } = options;
  let stopped = false;
  let running: { cancel: () => void } | null = null;
  const due = () => {
    const last = getSetting<IntegrityResult>(db, INTEGRITY_SETTING);
    return !last || clock.now().getTime() - Date.parse(last.checkedAt) >= CHECK_EVERY_MS;
  };
  const look = () => {
    if (stopped || running || !due()) return;
    const check = checkIntegrityInWorker(options.file, options.nativeBinding);
    running = check;
    check.done
      .then((messages) => {
        if (stopped) return;
        const result: IntegrityResult = { checkedAt: clock.now().toISOString(), ok: messages.length === 0, messages };
        setSetting(db, INTEGRITY_SETTING, result);
        if (!result.ok) log.error('database integrity check found damage; restore from a backup', messages);
      })
      .catch((error: unknown) => {
        if (!stopped) log.error('database integrity check could not run', error);
      })
      .finally(() => {
        running = null;
      });
  };
  const first = setTimeout(look, options.firstCheckAfterMs ?? FIRST_CHECK_AFTER_MS);
  const timer = setInterval(look, LOOK_EVERY_MS);
  first.unref();
  timer.unref();
  return () => {
    stopped = true;
    clearTimeout(first);
    clearInterval(timer);
    running?.cancel();
  };
}
