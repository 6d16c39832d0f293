/**
 * The full integrity check, away from startup and off the main thread. It reads every page (about
 * 4 s per GB), so a worker thread opens its own read-only connection — WAL gives it a consistent
 * snapshot while the app keeps writing — and the app stays responsive. It runs a few minutes after
 * the app starts when the last check is a day old, then daily, and records the result in the
 * settings ('database.integrity', shown by system.info); damage is logged at once.
 */
import { Worker } from 'node:worker_threads';
import { createRequire } from 'node:module';
import type { Clock, Logger } from '../context.js';
import type { Db } from './connection.js';
import { getSetting, setSetting } from './settings-repo.js';

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

/** CommonJS, evaluated in the worker; better-sqlite3 is passed by absolute path. */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.module);
let db;
try {
  db = new Database(workerData.file, { readonly: true, fileMustExist: true, ...(workerData.nativeBinding ? { nativeBinding: workerData.nativeBinding } : {}) });
  parentPort.postMessage({ messages: db.pragma('integrity_check(20)').map((r) => r.integrity_check) });
} catch (error) {
  parentPort.postMessage({ messages: [String((error && error.message) || error)] });
} finally {
  if (db) db.close();
}`;

/** SQLite's full integrity check of the file in a worker thread; empty when sound. */
export function checkIntegrityInWorker(file: string, nativeBinding?: string): { done: Promise<string[]>; cancel: () => void } {
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file, nativeBinding, module: createRequire(import.meta.url).resolve('better-sqlite3') } });
  worker.unref();
  const done = new Promise<string[]>((resolve, reject) => {
    worker.once('message', (m: { messages: string[] }) => resolve(m.messages.length === 1 && m.messages[0] === 'ok' ? [] : m.messages));
    worker.once('error', reject);
    worker.once('exit', () => reject(new Error('integrity check stopped')));
  });
  return { done, cancel: () => void worker.terminate() };
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
