import type { Ctx, Logger } from '../context.js';
import { siteToken, siteUrl } from '../services/publishing.js';
import { httpSiteClient } from './site-client.js';
import { SyncWorker } from './worker.js';

const EVERY_MS = 5_000;

/**
 * Drains the outbox every few seconds while the website is configured; one round at a time.
 * Returns the function that stops it.
 */
export function startSyncLoop(ctx: Ctx, log: Logger): () => void {
  let running = false;
  const timer = setInterval(() => {
    const url = siteUrl(ctx);
    const token = siteToken(ctx);
    if (running || !url || !token) return;
    running = true;
    new SyncWorker(ctx, httpSiteClient(url, token))
      .drain()
      .catch((error: unknown) => log.error('sync round failed', error))
      .finally(() => {
        running = false;
      });
  }, EVERY_MS);
  timer.unref();
  return () => clearInterval(timer);
}
