/**
 * 签发 and the queue to the website. Approving writes the state change, the outbox job and the
 * audit entry in one transaction; the sync worker (../sync/worker.ts) does the sending.
 */
import type { Ctx } from '../context.js';
import type { CommandOutput, ParsedInput } from '../../../shared/contract.js';
import { AppError } from '../../../shared/errors.js';
import { approvalReasons, withdrawalReasons } from '../../../shared/domain/approval-rules.js';
import { findUserById } from '../db/users-repo.js';
import type { EditionRecord } from '../db/items-repo.js';
import { verifyPassword } from '../password.js';
import { listAttachments } from './attachments.js';
import { currentEdition, linkedItemIds } from './interpretations.js';
import { requireEdition } from './items.js';
import { contentHash } from './review.js';
import { isEditionAuthor } from './authorship.js';
import { record } from './audit-trail.js';
import { requireActor } from './users.js';
import { isConfigured } from './site-settings.js';

/** The website's address, target and credential live in site-settings.ts; these callers import them from here. */
export { configure, settings, siteToken, siteUrl } from './site-settings.js';

interface Signature {
  name: string;
  at: string;
  hash: string;
}

function signOff(ctx: Ctx, editionId: string): Signature | null {
  const row = ctx.db.prepare('SELECT reviewer_id, decided_at, content_hash, voided_at FROM reviews WHERE edition_id = ?').get(editionId) as
    | { reviewer_id: string; decided_at: string; content_hash: string | null; voided_at: string | null }
    | undefined;
  if (!row?.content_hash || row.voided_at) return null;
  return { name: findUserById(ctx.db, row.reviewer_id)?.displayName ?? row.reviewer_id, at: row.decided_at, hash: row.content_hash };
}

function columnOf(ctx: Ctx, categoryId: string): string {
  return (ctx.db.prepare('SELECT column_id FROM categories WHERE id = ?').get(categoryId) as { column_id: string } | undefined)?.column_id ?? '';
}

/** The request body for the website, fixed at approval time; previousEdition is added when sent. */
function payload(ctx: Ctx, e: EditionRecord, review: Signature, approval: Signature) {
  const links = linkedItemIds(ctx, e.itemId);
  return {
    edition: e.number,
    columnId: columnOf(ctx, e.categoryId),
    title: e.title,
    catalogue: {
      indexNumber: e.indexNumber,
      topic: e.topic,
      publisher: e.publisher,
      writtenDate: e.writtenDate,
      documentNumber: e.documentNumber,
      publishDate: e.publishDate,
      validity: e.validity,
      repealedDate: e.repealedDate,
      disclosure: e.disclosure,
      summary: e.summary,
      keywords: e.keywords,
      normative: e.normative,
      draftingUnit: e.draftingUnit,
      coIssuers: e.coIssuers,
      leadUnit: e.leadUnit,
      interpretationForm: e.interpretationForm,
    },
    bodyHtml: e.bodyHtml,
    attachments: listAttachments(ctx, e.id).map(({ sha256, name, size, mime }) => ({ sha256, name, size, mime })),
    related: [
      ...links.documents.map((itemId) => ({ itemId, relation: 'interprets' as const })),
      ...links.interpretations.map((itemId) => ({ itemId, relation: 'interpreted_by' as const })),
    ],
    contentHash: approval.hash,
    review: { reviewer: review.name, signedAt: review.at, contentHash: review.hash },
    approval: { approver: approval.name, approvedAt: approval.at, contentHash: approval.hash },
    changeNote: e.changeNote,
    minorChange: e.minorChange,
  };
}

/**
 * 签发: the approver (never the author) approves exactly what the reviewer signed off. A document
 * and its reviewed interpretations are approved together and go out document first (同步发布).
 */
export async function approve(ctx: Ctx, input: ParsedInput<'publishing.approve'>): Promise<CommandOutput<'publishing.approve'>> {
  const actor = requireActor(ctx);
  const approver = findUserById(ctx.db, actor.id ?? '');
  if (!approver || !(await verifyPassword(input.password, approver.passwordHash))) throw new AppError('auth.wrong_password');
  return ctx.db.transaction(() => {
    const edition = requireEdition(ctx, input.editionId);
    const together = linkedItemIds(ctx, edition.itemId)
      .interpretations.map((id) => currentEdition(ctx, id))
      .filter((i) => i.status === 'reviewed');
    const editions = [edition, ...together];
    const reasons = editions.flatMap((e) => {
      const signed = signOff(ctx, e.id);
      return approvalReasons({
        title: e.title,
        status: e.status,
        approverIsAuthor: isEditionAuthor(ctx, e, actor.id),
        signOffValid: signed !== null && signed.hash === contentHash(ctx, e),
        columnConfigured: columnOf(ctx, e.categoryId) !== '',
      });
    });
    // A time already past would be labelled 定时 and yet be sent at once.
    if (input.scheduledAt && Date.parse(input.scheduledAt) <= ctx.clock.now().getTime()) reasons.push({ code: 'approval.schedule_past' });
    if (reasons.length) throw new AppError('approval.refused', { count: reasons.length }, reasons);
    const at = ctx.clock.now().toISOString();
    const sendFrom = input.scheduledAt ? new Date(input.scheduledAt).toISOString() : at;
    let previousJob: number | null = null;
    const queued: string[] = [];
    for (const e of editions) {
      const review = signOff(ctx, e.id)!;
      const approval = { name: approver.displayName, at, hash: review.hash };
      ctx.db.prepare('INSERT INTO approvals (edition_id, approver_id, approved_at, content_hash) VALUES (?, ?, ?, ?)').run(e.id, actor.id, at, review.hash);
      ctx.db.prepare('UPDATE editions SET status = ?, updated_at = ? WHERE id = ?').run(input.scheduledAt ? 'scheduled' : 'queued', at, e.id);
      const job = ctx.db
        .prepare(
          `INSERT INTO outbox (item_id, edition_id, edition_number, content_hash, payload, after_job, state, next_attempt_at, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, 'pending', ?, ?, ?)`,
        )
        .run(e.itemId, e.id, e.number, review.hash, JSON.stringify(payload(ctx, e, review, approval)), e === edition ? null : previousJob, sendFrom, at, at);
      if (e === edition) previousJob = Number(job.lastInsertRowid);
      record(ctx, 'publishing.approve', { type: 'edition', id: e.id }, `${e.indexNumber} #${e.number} ${review.hash.slice(0, 12)}${input.scheduledAt ? ` scheduled ${sendFrom}` : ''}`);
      queued.push(e.id);
    }
    return { queued };
  })();
}

export function status(ctx: Ctx): CommandOutput<'publishing.status'> {
  const counts = Object.fromEntries(
    (ctx.db.prepare("SELECT state, count(*) AS n FROM outbox WHERE state IN ('pending', 'failed', 'conflict') GROUP BY state").all() as { state: string; n: number }[]).map((r) => [r.state, r.n]),
  );
  const last = ctx.db.prepare("SELECT at, outcome, status FROM outbox_attempts ORDER BY rowid DESC LIMIT 1").get() as { at: string; outcome: string; status: number | null } | undefined;
  const lastDone = ctx.db.prepare("SELECT max(at) AS at FROM outbox_attempts WHERE outcome = 'done'").get() as { at: string | null };
  return {
    configured: isConfigured(ctx),
    online: last ? last.status !== null : null,
    queued: counts.pending ?? 0,
    failed: counts.failed ?? 0,
    conflicts: counts.conflict ?? 0,
    lastSuccessAt: lastDone.at,
  };
}

/** What the website answered to the item's last successful publish: its page and edition. */
export function websiteLink(ctx: Ctx, input: ParsedInput<'publishing.websiteLink'>): CommandOutput<'publishing.websiteLink'> {
  const row = ctx.db.prepare('SELECT url, edition, published_at AS publishedAt FROM site_items WHERE item_id = ?').get(input.itemId) as
    | { url: string; edition: number; publishedAt: string }
    | undefined;
  return row?.url ? row : null;
}

export function published(ctx: Ctx): CommandOutput<'publishing.published'> {
  return ctx.db
    .prepare(
      `SELECT e.item_id AS itemId, e.id AS editionId, e.title, i.index_number AS indexNumber, s.url, s.edition, s.published_at AS publishedAt
       FROM site_items s JOIN editions e ON e.item_id = s.item_id AND e.status = 'published' JOIN items i ON i.id = e.item_id
       ORDER BY s.published_at DESC, e.item_id LIMIT 500`,
    )
    .all() as CommandOutput<'publishing.published'>;
}

export function jobs(ctx: Ctx, input: ParsedInput<'publishing.jobs'>): CommandOutput<'publishing.jobs'> {
  const rows = ctx.db
    .prepare(
      `SELECT o.id, o.item_id AS itemId, o.edition_id AS editionId, e.title, o.state, o.attempts, o.last_error AS lastError, o.url, o.updated_at AS updatedAt
       FROM outbox o JOIN editions e ON e.id = o.edition_id WHERE (? = 'all' OR o.state = ?) ORDER BY o.id DESC LIMIT 200`,
    )
    .all(input.state, input.state) as Omit<CommandOutput<'publishing.jobs'>[number], 'history'>[];
  const attempts = ctx.db.prepare('SELECT at, outcome, status, message FROM outbox_attempts WHERE job_id = ? ORDER BY rowid');
  return rows.map((r) => ({ ...r, history: attempts.all(r.id) as CommandOutput<'publishing.jobs'>[number]['history'] }));
}

function changeJob(ctx: Ctx, jobId: number, from: string[], to: 'pending' | 'cancelled', action: string): void {
  ctx.db.transaction(() => {
    const job = ctx.db.prepare('SELECT state, edition_id FROM outbox WHERE id = ?').get(jobId) as { state: string; edition_id: string } | undefined;
    if (!job || !from.includes(job.state)) throw new AppError('publishing.job_not_changeable');
    const at = ctx.clock.now().toISOString();
    ctx.db.prepare('UPDATE outbox SET state = ?, next_attempt_at = ?, updated_at = ? WHERE id = ?').run(to, at, at, jobId);
    ctx.db.prepare('UPDATE editions SET status = ?, updated_at = ? WHERE id = ?').run(to === 'pending' ? 'queued' : 'approved', at, job.edition_id);
    record(ctx, action, { type: 'edition', id: job.edition_id }, `job ${jobId}`);
  })();
}

export function retry(ctx: Ctx, input: ParsedInput<'publishing.retry'>): CommandOutput<'publishing.retry'> {
  changeJob(ctx, input.jobId, ['failed', 'conflict'], 'pending', 'publishing.retry');
  return { ok: true };
}

export function cancel(ctx: Ctx, input: ParsedInput<'publishing.cancel'>): CommandOutput<'publishing.cancel'> {
  changeJob(ctx, input.jobId, ['pending', 'failed', 'conflict'], 'cancelled', 'publishing.cancel');
  return { ok: true };
}

/** 撤稿: typed reason and a note; the website keeps the page with a withdrawal notice. */
export async function withdraw(ctx: Ctx, input: ParsedInput<'publishing.withdraw'>): Promise<CommandOutput<'publishing.withdraw'>> {
  const actor = requireActor(ctx);
  const approver = findUserById(ctx.db, actor.id ?? '');
  if (!approver || !(await verifyPassword(input.password, approver.passwordHash))) throw new AppError('auth.wrong_password');
  return ctx.db.transaction(() => {
    const editions = [...new Set(input.editionIds)].map((id) => requireEdition(ctx, id));
    const replacement = input.replacedByItemId ? ctx.db.prepare('SELECT 1 FROM site_items WHERE item_id = ?').get(input.replacedByItemId) : undefined;
    const reasons = withdrawalReasons({
      count: editions.length,
      confirmed: input.confirmed,
      items: editions.map((e) => ({ title: e.title, status: e.status })),
      reason: input.reason,
      replacementPublished: input.reason === 'superseded' ? Boolean(replacement) : null,
    });
    if (reasons.length) throw new AppError('withdrawal.refused', { count: reasons.length }, reasons);
    const at = ctx.clock.now().toISOString();
    for (const e of editions) {
      const site = ctx.db.prepare('SELECT edition, content_hash FROM site_items WHERE item_id = ?').get(e.itemId) as { edition: number; content_hash: string };
      const body = { edition: site.edition, reason: input.reason, replacedBy: input.reason === 'superseded' ? input.replacedByItemId : null, note: input.note };
      ctx.db.prepare("UPDATE editions SET status = 'withdrawn', updated_at = ? WHERE id = ?").run(at, e.id);
      ctx.db
        .prepare(
          `INSERT INTO outbox (item_id, edition_id, edition_number, kind, content_hash, payload, state, next_attempt_at, created_at, updated_at)
           VALUES (?, ?, ?, 'withdraw', ?, ?, 'pending', ?, ?, ?)`,
        )
        .run(e.itemId, e.id, site.edition, site.content_hash, JSON.stringify(body), at, at, at);
      record(ctx, 'publishing.withdraw', { type: 'edition', id: e.id }, `${e.indexNumber}: ${input.reason} ${input.note}`.slice(0, 500));
    }
    return { queued: editions.map((e) => e.id) };
  })();
}
