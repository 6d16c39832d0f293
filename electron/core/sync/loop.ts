import type { Ctx, Logger } from '../context.js';
import { configuredClient } from '../services/site-settings.js';
import { SyncWorker } from './worker.js';

const EVERY_MS = 5_000;

/**
 * Drains the outbox every few seconds while the website is configured; one round at a time, each
 * with the settings saved at its start (target, credential, proxy, CA).
 * Returns the function that stops it.
 */
export function startSyncLoop(ctx: Ctx, log: Logger): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    const client = configuredClient(ctx);
    if (!client) return;
    running = true;
    new SyncWorker(ctx, client)
      .drain()
      .catch((error: unknown) => log.error('sync round failed', error))
      .finally(() => {
        running = false;
      });
  }, EVERY_MS);
  timer.unref();
  return () => clearInterval(timer);
}
