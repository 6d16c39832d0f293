/**
 * Work that reads the whole database file (the daily backup, the full integrity check) runs in a
 * worker thread on its own better-sqlite3 connection, so the main thread keeps answering the user.
 * WAL gives the worker a consistent snapshot while the app keeps writing.
 */
import { Worker } from 'node:worker_threads';
import { createRequire } from 'node:module';

export interface SqliteWorkerJob<T> {
  done: Promise<T>;
  /** Stops the worker; `done` then rejects (after the thread has let go of its files). */
  cancel(): void;
}

/**
 * Runs `body`, the CommonJS body of an async function, in a worker. It sees `data`, `require` and
 * `open(file, options)`, which opens a better-sqlite3 connection with the app's native binding.
 */
export function runSqliteWorker<T>(body: string, data: Record<string, unknown>, nativeBinding?: string): SqliteWorkerJob<T> {
  const source = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.module);
const open = (file, options) => new Database(file, { ...options, ...(workerData.nativeBinding ? { nativeBinding: workerData.nativeBinding } : {}) });
const data = workerData.data;
(async () => {
${body}
})().then((value) => parentPort.postMessage({ value }), (error) => parentPort.postMessage({ error: String((error && error.message) || error) }));`;
  const worker = new Worker(source, { eval: true, workerData: { data, nativeBinding, module: createRequire(import.meta.url).resolve('better-sqlite3') } });
  worker.unref();
  const done = new Promise<T>((resolve, reject) => {
    worker.once('message', (m: { value: T } | { error: string }) => ('error' in m ? reject(new Error(m.error)) : resolve(m.value)));
    worker.once('error', reject);
    worker.once('exit', () => reject(new Error('the worker stopped')));
  });
  return { done, cancel: () => void worker.terminate() };
}
