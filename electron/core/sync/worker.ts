/**
 * The sync worker: drains the outbox to the website, exactly once and in order.
 * - Each job's request body was fixed at approval; a retry sends the identical request, and the
 *   site answers a replay of (item, edition, content hash) with the stored result.
 * - One item's jobs go one at a time in order; an interpretation waits for its document's job.
 * - Network errors, timeouts, 5xx and 429 retry with exponential backoff and jitter (Retry-After
 *   honoured); 400/401/403/422 stop the job with the site's message; 409 is checked against the
 *   site's current state and shown as a conflict, never overwritten.
 * Every state change is one transaction, so a crash anywhere leaves a job pending or done.
 */
import { readFileSync } from 'node:fs';
import type { Ctx } from '../context.js';
import type { AttachmentRef, SiteClient, SiteResponse } from './site-client.js';
import { blobPath } from '../services/attachments.js';
import { record } from '../services/audit-trail.js';

interface Job {
  id: number;
  kind: 'publish' | 'withdraw';
  item_id: string;
  edition_id: string;
  edition_number: number;
  content_hash: string;
  payload: string;
  attempts: number;
}

export interface WorkerOptions {
  concurrency?: number;
  baseBackoffMs?: number;
  maxBackoffMs?: number;
  random?: () => number;
}

const RETRYABLE = (status: number | null) => status === null || status === 408 || status === 429 || status >= 500;

export class SyncWorker {
  private readonly concurrency: number;
  private readonly baseBackoffMs: number;
  private readonly maxBackoffMs: number;
  private readonly random: () => number;

  constructor(
    private readonly ctx: Ctx,
    private readonly client: SiteClient,
    options: WorkerOptions = {},
  ) {
    this.concurrency = options.concurrency ?? 4;
    this.baseBackoffMs = options.baseBackoffMs ?? 2_000;
    this.maxBackoffMs = options.maxBackoffMs ?? 10 * 60_000;
    this.random = options.random ?? Math.random;
  }

  private now(): string {
    return this.ctx.clock.now().toISOString();
  }

  /** Jobs due now whose item has nothing earlier outstanding and whose document (if any) is on the site. */
  private eligible(limit: number): Job[] {
    return this.ctx.db
      .prepare(
        `SELECT o.id, o.kind, o.item_id, o.edition_id, o.edition_number, o.content_hash, o.payload, o.attempts FROM outbox o
         WHERE o.state = 'pending' AND o.next_attempt_at <= ?
           AND NOT EXISTS (SELECT 1 FROM outbox p WHERE p.item_id = o.item_id AND p.id < o.id AND p.state IN ('pending', 'failed', 'conflict'))
           AND (o.after_job IS NULL OR EXISTS (SELECT 1 FROM outbox d WHERE d.id = o.after_job AND d.state = 'done'))
         ORDER BY o.id LIMIT ?`,
      )
      .all(this.now(), limit) as Job[];
  }

  /**
   * Sends every job that is due until none is left that can go now, or until `limit` jobs have
   * been tried (a worker stopped part-way, as when the app is closed); returns how many were tried.
   */
  async drain(limit = Infinity): Promise<number> {
    let tried = 0;
    for (let batch = this.eligible(this.concurrency); batch.length && tried < limit; batch = this.eligible(this.concurrency)) {
      // Different items in parallel; eligible() never returns two jobs of one item.
      await Promise.all(batch.map((job) => this.send(job)));
      tried += batch.length;
    }
    return tried;
  }

  private attempt(job: Job, outcome: string, r: Pick<SiteResponse, 'status' | 'message'>): void {
    this.ctx.db
      .prepare('INSERT INTO outbox_attempts (job_id, at, outcome, status, message) VALUES (?, ?, ?, ?, ?)')
      .run(job.id, this.now(), outcome, r.status, r.message.slice(0, 500));
  }

  private async send(job: Job): Promise<void> {
    if (job.kind === 'withdraw') {
      const response = await this.client.withdraw(job.item_id, JSON.parse(job.payload));
      if (response.status === 200 || response.status === 201) return this.withdrawn(job, response);
      return this.settle(job, response);
    }
    const body = JSON.parse(job.payload) as { attachments: AttachmentRef[] };
    for (const attachment of body.attachments) {
      const head = await this.client.hasAttachment(attachment.sha256);
      if (head.status === 200) continue;
      if (head.status !== 404) return this.settle(job, head);
      const put = await this.client.putAttachment(attachment, readFileSync(blobPath(this.ctx, attachment.sha256)));
      if (put.status !== 200 && put.status !== 201) return this.settle(job, put);
    }
    const site = this.ctx.db.prepare('SELECT edition FROM site_items WHERE item_id = ?').get(job.item_id) as { edition: number } | undefined;
    const response = await this.client.putItem(job.item_id, { ...body, previousEdition: site?.edition ?? null });
    if (response.status === 200 || response.status === 201) return this.done(job, response);
    if (response.status === 409) {
      // Ours may already be there (a retry after a lost answer); anything else is a real conflict.
      const current = await this.client.getItem(job.item_id);
      if (current.status === 200 && current.body?.edition === job.edition_number && current.body?.contentHash === job.content_hash) return this.done(job, current);
      return this.stop(job, 'conflict', response);
    }
    return this.settle(job, response);
  }

  private settle(job: Job, r: SiteResponse): void {
    if (RETRYABLE(r.status)) return this.retryLater(job, r);
    this.stop(job, 'failed', r);
  }

  private retryLater(job: Job, r: SiteResponse): void {
    const backoff = Math.min(this.maxBackoffMs, this.baseBackoffMs * 2 ** job.attempts) * (0.5 + this.random());
    const wait = Math.max(backoff, (r.retryAfterSeconds ?? 0) * 1000);
    const next = new Date(this.ctx.clock.now().getTime() + wait).toISOString();
    this.ctx.db.transaction(() => {
      this.ctx.db.prepare('UPDATE outbox SET attempts = attempts + 1, next_attempt_at = ?, last_error = ?, updated_at = ? WHERE id = ?').run(next, r.message.slice(0, 500), this.now(), job.id);
      this.attempt(job, 'retry', r);
    })();
  }

  private stop(job: Job, state: 'failed' | 'conflict', r: SiteResponse): void {
    const message = state === 'conflict' ? `${r.message} ${JSON.stringify(r.body?.current ?? null)}` : r.message;
    this.ctx.db.transaction(() => {
      const at = this.now();
      this.ctx.db.prepare('UPDATE outbox SET state = ?, attempts = attempts + 1, last_error = ?, updated_at = ? WHERE id = ?').run(state, message.slice(0, 2000), at, job.id);
      this.ctx.db.prepare('UPDATE editions SET status = ?, updated_at = ? WHERE id = ?').run(state, at, job.edition_id);
      this.attempt(job, state, r);
      record(this.ctx, `publishing.${state}`, { type: 'edition', id: job.edition_id }, `job ${job.id}: ${r.status ?? 'network'} ${r.message}`.slice(0, 500), 'sync');
    })();
  }

  /** The website shows the withdrawal notice; the edition was marked withdrawn when it was queued. */
  private withdrawn(job: Job, r: SiteResponse): void {
    this.ctx.db.transaction(() => {
      this.ctx.db.prepare("UPDATE outbox SET state = 'done', attempts = attempts + 1, last_error = '', updated_at = ? WHERE id = ?").run(this.now(), job.id);
      this.attempt(job, 'done', r);
      record(this.ctx, 'publishing.withdrawn', { type: 'edition', id: job.edition_id }, `job ${job.id}`, 'sync');
    })();
  }

  private done(job: Job, r: SiteResponse): void {
    const url = String(r.body?.url ?? '');
    const publishedAt = String(r.body?.publishedAt ?? this.now());
    this.ctx.db.transaction(() => {
      const at = this.now();
      this.ctx.db.prepare("UPDATE outbox SET state = 'done', attempts = attempts + 1, url = ?, last_error = '', updated_at = ? WHERE id = ?").run(url, at, job.id);
      this.ctx.db
        .prepare(
          `INSERT INTO site_items (item_id, edition, content_hash, url, published_at) VALUES (?, ?, ?, ?, ?)
           ON CONFLICT(item_id) DO UPDATE SET edition = excluded.edition, content_hash = excluded.content_hash, url = excluded.url, published_at = excluded.published_at`,
        )
        .run(job.item_id, job.edition_number, job.content_hash, url, publishedAt);
      // The new edition is live; the one it replaces is superseded.
      this.ctx.db.prepare("UPDATE editions SET status = 'superseded', updated_at = ? WHERE item_id = ? AND status = 'published' AND id <> ?").run(at, job.item_id, job.edition_id);
      // The catalogue's 发布日期 stays as signed: changing it would void the sign-off's hash. The
      // site's own date is kept in site_items for an edition published without one.
      this.ctx.db.prepare("UPDATE editions SET status = 'published', updated_at = ? WHERE id = ?").run(at, job.edition_id);
      this.attempt(job, 'done', r);
      record(this.ctx, 'publishing.published', { type: 'edition', id: job.edition_id }, `${url}`, 'sync');
    })();
  }
}
