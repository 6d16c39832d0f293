/**
 * 保密审查: the reviewer works through the checklist, resolves each finding of the automatic scan
 * (mask it, or waive/dismiss it with a reason), and signs off with their password. The sign-off
 * stores the SHA-256 of the canonical content read; any later change voids it.
 */
import { createHash } from 'node:crypto';
import sanitizeHtml from 'sanitize-html';
import type { Ctx } from '../context.js';
import type { CommandOutput, ParsedInput } from '../../../shared/contract.js';
import { AppError } from '../../../shared/errors.js';
import { DEFAULT_MASKING, ID_CARD_MASKS, maskFinding, scanText, type Finding, type MaskingPolicy } from '../../../shared/domain/scanner/index.js';
import { canonicalContent, decisionReasons, DEFAULT_CHECKLIST } from '../../../shared/domain/review-rules.js';
import { getSetting, setSetting } from '../db/settings-repo.js';
import { findEdition, updateEditionContent, type EditionRecord } from '../db/items-repo.js';
import { findUserById } from '../db/users-repo.js';
import { verifyPassword } from '../password.js';
import { htmlToPlainText } from '../html-sanitizer.js';
import { indexEdition } from '../search/edition-search.js';
import { listAttachments } from './attachments.js';
import { presentEdition, requireEdition } from './items.js';
import { record } from './audit-trail.js';
import { requireActor } from './users.js';

const KEY = 'review';
type ReviewSettings = CommandOutput<'review.settings'>;
type Answer = { answer: 'yes' | 'no' | 'waived'; note: string; by: string; at: string };

export function reviewSettings(ctx: Ctx): ReviewSettings {
  return { checklist: DEFAULT_CHECKLIST, ownPhoneNumbers: [], sensitiveWords: [], idMask: 'standard', ...getSetting<Partial<ReviewSettings>>(ctx.db, KEY) };
}

export function settings(ctx: Ctx): CommandOutput<'review.settings'> {
  return reviewSettings(ctx);
}

export function updateSettings(ctx: Ctx, input: ParsedInput<'review.updateSettings'>): CommandOutput<'review.updateSettings'> {
  ctx.db.transaction(() => {
    setSetting(ctx.db, KEY, input);
    record(ctx, 'review.updateSettings', { type: 'settings', id: KEY }, `${input.checklist.length} items; ${input.ownPhoneNumbers.length} own numbers; ${input.sensitiveWords.length} words; ID ${input.idMask}`);
  })();
  return reviewSettings(ctx);
}

/** SHA-256 of what the reviewer reads: metadata, body and attachment hashes. */
export function contentHash(ctx: Ctx, e: EditionRecord): string {
  const attachments = listAttachments(ctx, e.id).map((a) => ({ name: a.name, sha256: a.sha256 }));
  return createHash('sha256').update(canonicalContent({ ...e, attachments })).digest('hex');
}

interface ReviewRow {
  answers: string;
  decision: 'approve' | 'partial' | 'withhold' | 'return' | null;
  decision_basis: number | null;
  decision_note: string;
  reviewer_id: string | null;
  decided_at: string | null;
  content_hash: string | null;
  voided_at: string | null;
  void_reason: string;
}

function reviewRow(ctx: Ctx, editionId: string): ReviewRow | undefined {
  return ctx.db.prepare('SELECT * FROM reviews WHERE edition_id = ?').get(editionId) as ReviewRow | undefined;
}

function ensureReview(ctx: Ctx, editionId: string): void {
  ctx.db.prepare('INSERT OR IGNORE INTO reviews (edition_id) VALUES (?)').run(editionId);
}

function scanOptions(ctx: Ctx) {
  const s = reviewSettings(ctx);
  return { referenceYear: ctx.clock.now().getFullYear(), ownPhoneNumbers: s.ownPhoneNumbers, sensitiveWords: s.sensitiveWords };
}

type Place = 'title' | 'summary' | 'body';

function scanEdition(ctx: Ctx, e: EditionRecord): (Finding & { location: Place; key: string })[] {
  const options = scanOptions(ctx);
  const places: [Place, string][] = [
    ['title', e.title],
    ['summary', e.summary],
    ['body', e.bodyText],
  ];
  return places.flatMap(([location, text]) => scanText(text, options).map((f) => ({ ...f, location, key: `${location}:${f.kind}:${f.text}` })));
}

function state(ctx: Ctx, editionId: string): CommandOutput<'review.get'> {
  const e = requireEdition(ctx, editionId);
  const row = reviewRow(ctx, e.id);
  const answers = JSON.parse(row?.answers ?? '{}') as Record<string, Answer>;
  const resolutions = new Map(
    (ctx.db.prepare('SELECT finding_key, resolution, reason, by_user, at FROM finding_resolutions WHERE edition_id = ?').all(e.id) as {
      finding_key: string;
      resolution: 'waived' | 'dismissed';
      reason: string;
      by_user: string;
      at: string;
    }[]).map((r) => [r.finding_key, { kind: r.resolution, reason: r.reason, by: findUserById(ctx.db, r.by_user)?.displayName ?? r.by_user, at: r.at }]),
  );
  const findings = scanEdition(ctx, e).map((f) => ({
    key: f.key,
    kind: f.kind,
    text: f.text,
    severity: f.severity,
    score: f.score,
    explanation: f.explanation,
    location: f.location,
    resolution: resolutions.get(f.key) ?? null,
  }));
  const checklist = reviewSettings(ctx).checklist.map((i) => ({ ...i, answer: answers[i.id]?.answer ?? null, note: answers[i.id]?.note ?? '' }));
  const decision =
    row?.decision && row.decided_at
      ? {
          decision: row.decision,
          basis: row.decision_basis,
          note: row.decision_note,
          reviewerName: findUserById(ctx.db, row.reviewer_id ?? '')?.displayName ?? '',
          decidedAt: row.decided_at,
          signOff: row.content_hash
            ? { contentHash: row.content_hash, valid: !row.voided_at && row.content_hash === contentHash(ctx, e), voidedAt: row.voided_at, voidReason: row.void_reason }
            : null,
        }
      : null;
  const actor = ctx.actor;
  const signOffBlockers = decisionReasons({
    reviewerIsAuthor: actor?.id === e.authorId,
    reviewerIsReviewer: Boolean(actor?.roles.includes('reviewer')),
    status: e.status,
    unansweredRequired: checklist.filter((i) => i.severity === 'required' && i.answer === null).map((i) => i.id),
    failedRequired: checklist.filter((i) => i.severity === 'required' && i.answer === 'no').map((i) => i.id),
    unresolvedBlocking: findings.filter((f) => f.severity === 'block' && !f.resolution).length,
    decision: 'approve',
    basis: null,
    note: '',
  });
  return { editionId: e.id, status: e.status, checklist, findings, decision, signOffBlockers };
}

export function get(ctx: Ctx, input: ParsedInput<'review.get'>): CommandOutput<'review.get'> {
  return state(ctx, input.editionId);
}

function requireSubmitted(ctx: Ctx, editionId: string): EditionRecord {
  const e = requireEdition(ctx, editionId);
  if (e.status !== 'submitted') throw new AppError('review.not_submitted', { status: e.status });
  return e;
}

export function answer(ctx: Ctx, input: ParsedInput<'review.answer'>): CommandOutput<'review.answer'> {
  const actor = requireActor(ctx);
  const e = requireSubmitted(ctx, input.editionId);
  const item = reviewSettings(ctx).checklist.find((i) => i.id === input.itemId);
  if (!item) throw new AppError('review.unknown_item', { item: input.itemId });
  if (input.answer === 'waived' && (!item.waivable || !input.note)) throw new AppError('review.not_waivable', { item: input.itemId });
  ctx.db.transaction(() => {
    ensureReview(ctx, e.id);
    const answers = JSON.parse(reviewRow(ctx, e.id)!.answers) as Record<string, Answer>;
    answers[item.id] = { answer: input.answer, note: input.note, by: actor.id!, at: ctx.clock.now().toISOString() };
    ctx.db.prepare('UPDATE reviews SET answers = ? WHERE edition_id = ?').run(JSON.stringify(answers), e.id);
    record(ctx, 'review.answer', { type: 'edition', id: e.id }, `${e.indexNumber}: ${item.id} = ${input.answer}${input.note ? ` (${input.note})` : ''}`);
  })();
  return state(ctx, e.id);
}

export function resolveFinding(ctx: Ctx, input: ParsedInput<'review.resolveFinding'>): CommandOutput<'review.resolveFinding'> {
  const actor = requireActor(ctx);
  const e = requireSubmitted(ctx, input.editionId);
  if (!scanEdition(ctx, e).some((f) => f.key === input.findingKey)) throw new AppError('review.unknown_finding');
  ctx.db.transaction(() => {
    ctx.db
      .prepare(
        `INSERT INTO finding_resolutions (edition_id, finding_key, resolution, reason, by_user, at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT(edition_id, finding_key) DO UPDATE SET resolution = excluded.resolution, reason = excluded.reason, by_user = excluded.by_user, at = excluded.at`,
      )
      .run(e.id, input.findingKey, input.resolution, input.reason, actor.id, ctx.clock.now().toISOString());
    record(ctx, 'review.resolveFinding', { type: 'edition', id: e.id }, `${e.indexNumber}: ${input.findingKey} ${input.resolution} (${input.reason})`);
  })();
  return state(ctx, e.id);
}

function maskingPolicy(ctx: Ctx): MaskingPolicy {
  return { ...DEFAULT_MASKING, id_card: ID_CARD_MASKS[reviewSettings(ctx).idMask] };
}

/** Replaces text inside HTML text nodes only, so attribute values (image data) are never touched. */
function replaceInHtmlText(html: string, replace: (text: string) => string): string {
  return sanitizeHtml(html, { allowedTags: false, allowedAttributes: false, allowVulnerableTags: true, textFilter: replace });
}

export function mask(ctx: Ctx, input: ParsedInput<'review.mask'>): CommandOutput<'review.mask'> {
  const e = requireSubmitted(ctx, input.editionId);
  const policy = maskingPolicy(ctx);
  const replacements = new Map<string, string>();
  for (const f of scanEdition(ctx, e)) {
    if (f.severity === 'info') continue;
    const masked = maskFinding(f, policy);
    if (masked && masked !== f.text) replacements.set(f.text, masked);
  }
  if (replacements.size) {
    // Longest first, so a number inside a longer one is not masked twice.
    const ordered = [...replacements.entries()].sort((a, b) => b[0].length - a[0].length);
    const apply = (text: string) => ordered.reduce((out, [from, to]) => out.split(from).join(to), text);
    const bodyHtml = replaceInHtmlText(e.bodyHtml, apply);
    const content = { ...e, title: apply(e.title), summary: apply(e.summary), bodyHtml, bodyText: htmlToPlainText(bodyHtml) };
    ctx.db.transaction(() => {
      updateEditionContent(ctx.db, e.id, content, ctx.clock.now().toISOString());
      indexEdition(ctx.db, e.rowid, content);
      record(ctx, 'review.mask', { type: 'edition', id: e.id }, `${e.indexNumber}: ${replacements.size} masked`);
    })();
  }
  return state(ctx, e.id);
}

export async function decide(ctx: Ctx, input: ParsedInput<'review.decide'>): Promise<CommandOutput<'review.decide'>> {
  const actor = requireActor(ctx);
  const reviewer = findUserById(ctx.db, actor.id ?? '');
  if (!reviewer || !(await verifyPassword(input.password, reviewer.passwordHash))) throw new AppError('auth.wrong_password');
  ctx.db.transaction(() => {
    const e = requireEdition(ctx, input.editionId);
    const current = state(ctx, e.id);
    const reasons = decisionReasons({
      reviewerIsAuthor: actor.id === e.authorId,
      reviewerIsReviewer: actor.roles.includes('reviewer'),
      status: e.status,
      unansweredRequired: current.checklist.filter((i) => i.severity === 'required' && i.answer === null).map((i) => i.id),
      failedRequired: current.checklist.filter((i) => i.severity === 'required' && i.answer === 'no').map((i) => i.id),
      unresolvedBlocking: current.findings.filter((f) => f.severity === 'block' && !f.resolution).length,
      decision: input.decision,
      basis: input.basis,
      note: input.note,
    });
    if (reasons.length) throw new AppError('review.refused', { count: reasons.length }, reasons);
    const at = ctx.clock.now().toISOString();
    const signs = input.decision === 'approve' || input.decision === 'partial';
    ensureReview(ctx, e.id);
    ctx.db
      .prepare(
        `UPDATE reviews SET decision = ?, decision_basis = ?, decision_note = ?, reviewer_id = ?, decided_at = ?, content_hash = ?, voided_at = NULL, void_reason = ''
         WHERE edition_id = ?`,
      )
      .run(input.decision, input.basis, input.note, actor.id, at, signs ? contentHash(ctx, e) : null, e.id);
    ctx.db.prepare('UPDATE editions SET status = ?, updated_at = ? WHERE id = ?').run(signs ? 'reviewed' : 'draft', at, e.id);
    record(ctx, 'review.decide', { type: 'edition', id: e.id }, `${e.indexNumber} #${e.number}: ${input.decision}${input.basis ? ` (第${input.basis}条)` : ''}${input.note ? ` ${input.note}` : ''}`);
  })();
  return state(ctx, input.editionId);
}

/** Back to draft: the author to change it, or a reviewer; any sign-off on it is voided. */
export function returnToDraft(ctx: Ctx, input: ParsedInput<'workflow.returnToDraft'>): CommandOutput<'workflow.returnToDraft'> {
  requireActor(ctx);
  ctx.db.transaction(() => {
    const e = requireEdition(ctx, input.editionId);
    if (!['submitted', 'reviewed'].includes(e.status)) throw new AppError('items.not_editable', { status: e.status });
    const at = ctx.clock.now().toISOString();
    ctx.db.prepare("UPDATE editions SET status = 'draft', updated_at = ? WHERE id = ?").run(at, e.id);
    ctx.db.prepare('UPDATE reviews SET voided_at = ?, void_reason = ? WHERE edition_id = ? AND content_hash IS NOT NULL AND voided_at IS NULL').run(at, input.reason, e.id);
    record(ctx, 'workflow.returnToDraft', { type: 'edition', id: e.id }, `${e.indexNumber} #${e.number}: ${input.reason}`);
  })();
  return presentEdition(ctx, findEdition(ctx.db, input.editionId)!);
}
