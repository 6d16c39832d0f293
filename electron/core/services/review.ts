/**
 * 保密审查: the reviewer works through the checklist, resolves each finding of the automatic scan
 * (mask it, or waive/dismiss it with a reason), and signs off with their password. The sign-off
 * stores the SHA-256 of the canonical content read; any later change voids it.
 */
import { createHash } from 'node:crypto';
import type { Ctx } from '../context.js';
import type { CommandOutput, ParsedInput } from '../../../shared/contract.js';
import { AppError } from '../../../shared/errors.js';
import { DEFAULT_MASKING, ID_CARD_MASKS, maskFinding, scanText, type Finding, type MaskingPolicy } from '../../../shared/domain/scanner/index.js';
import { canonicalContent, decisionReasons, DEFAULT_CHECKLIST } from '../../../shared/domain/review-rules.js';
import { getSetting, setSetting } from '../db/settings-repo.js';
import { findEdition, updateEditionContent, type EditionRecord } from '../db/items-repo.js';
import { findUserById } from '../db/users-repo.js';
import { verifyPassword } from '../password.js';
import { htmlToPlainText, replaceInHtmlText, sanitizeBodyHtml } from '../html-sanitizer.js';
import { indexEdition } from '../search/edition-search.js';
import { blobPath, listAttachments } from './attachments.js';
import type { TextPart } from '../extract/index.js';
import { presentEdition, requireEdition } from './items.js';
import { isEditionAuthor } from './authorship.js';
import { record } from './audit-trail.js';
import { requireActor } from './users.js';
import { readUnit } from './setup.js';

const KEY = 'review';
type ReviewSettings = CommandOutput<'review.settings'>;
type Answer = { answer: 'yes' | 'no' | 'waived'; note: string; by: string; at: string };
type MaskedFinding = { kind: string; location: 'title' | 'summary' | 'body'; masked: string };

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
  masked: string;
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

type Place = 'title' | 'summary' | 'body' | 'attachment';
type AttachmentRef = { attachmentId: string; name: string; where: Record<string, unknown> | null };
type EditionFinding = Finding & { location: Place; key: string; attachment: AttachmentRef | null };

/** Extracted attachment text by SHA-256: extraction is the slow part, and content never changes. */
const extracted = new Map<string, { parts: TextPart[]; problem: string | null }>();
const EXTRACTED_KEEP = 64;

async function attachmentText(ctx: Ctx, a: { name: string; sha256: string }): Promise<{ parts: TextPart[]; problem: string | null }> {
  const cached = extracted.get(a.sha256);
  if (cached) return cached;
  let result: { parts: TextPart[]; problem: string | null };
  try {
    const { extractFile } = await import('../extract/index.js');
    const r = await extractFile(blobPath(ctx, a.sha256), a.name);
    // Inserted runs also appear in their paragraph; scanning both would report them twice.
    const parts = r.parts.filter((p) => !(p.location.format === 'docx' && p.location.part === 'tracked_insertion'));
    result = { parts, problem: r.unsupported ? 'unsupported' : r.noTextLayer ? 'no_text_layer' : null };
  } catch (error) {
    result = { parts: [], problem: error instanceof AppError ? error.code : 'extract.damaged' };
  }
  if (extracted.size >= EXTRACTED_KEEP) extracted.delete(extracted.keys().next().value!);
  extracted.set(a.sha256, result);
  return result;
}

/**
 * Every finding in the edition: title, summary and body, and every attachment down to comments,
 * tracked deletions, hidden sheets and properties. An attachment we cannot read is itself a
 * blocking finding: someone has to look at it and say so.
 */
async function scanEdition(ctx: Ctx, e: EditionRecord): Promise<EditionFinding[]> {
  const options = scanOptions(ctx);
  const places: [Place, string][] = [
    ['title', e.title],
    ['summary', e.summary],
    ['body', e.bodyText],
  ];
  const findings: EditionFinding[] = places.flatMap(([location, text]) =>
    scanText(text, options).map((f) => ({ ...f, location, key: `${location}:${f.kind}:${f.text}`, attachment: null })),
  );
  for (const a of listAttachments(ctx, e.id)) {
    const { parts, problem } = await attachmentText(ctx, a);
    if (problem) {
      findings.push({
        kind: 'attachment_unreadable' as Finding['kind'],
        text: a.name,
        start: 0,
        end: 0,
        severity: 'block',
        score: 1,
        explanation: `cannot be checked automatically: ${problem}`,
        location: 'attachment',
        key: `attachment:${a.sha256}:unreadable`,
        attachment: { attachmentId: a.id, name: a.name, where: null },
      });
    }
    for (const part of parts) {
      for (const f of scanText(part.text, options)) {
        const where = part.location as unknown as Record<string, unknown>;
        findings.push({ ...f, location: 'attachment', key: `attachment:${a.sha256}:${JSON.stringify(where)}:${f.kind}:${f.text}`, attachment: { attachmentId: a.id, name: a.name, where } });
      }
    }
  }
  return findings;
}

async function state(ctx: Ctx, editionId: string): Promise<CommandOutput<'review.get'>> {
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
  const findings = (await scanEdition(ctx, e)).map((f) => ({
    key: f.key,
    kind: f.kind,
    text: f.text,
    severity: f.severity,
    score: f.score,
    explanation: f.explanation,
    location: f.location,
    attachment: f.attachment,
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
  const signOffBlockers = decisionReasons(decisionFacts(ctx, e, { checklist, findings }, { decision: 'approve', basis: null, note: '' }));
  return { editionId: e.id, status: e.status, checklist, findings, decision, signOffBlockers };
}

/** What the decision rules look at: who decides, the checklist, and the unresolved blocking findings. */
function decisionFacts(
  ctx: Ctx,
  e: EditionRecord,
  review: Pick<CommandOutput<'review.get'>, 'checklist' | 'findings'>,
  choice: Pick<ParsedInput<'review.decide'>, 'decision' | 'basis' | 'note'>,
) {
  const required = review.checklist.filter((i) => i.severity === 'required');
  return {
    reviewerIsAuthor: isEditionAuthor(ctx, e, ctx.actor?.id),
    reviewerIsReviewer: Boolean(ctx.actor?.roles.includes('reviewer')),
    status: e.status,
    unansweredRequired: required.filter((i) => i.answer === null).map((i) => i.id),
    failedRequired: required.filter((i) => i.answer === 'no').map((i) => i.id),
    unresolvedBlocking: review.findings.filter((f) => f.severity === 'block' && !f.resolution).length,
    ...choice,
  };
}

export function get(ctx: Ctx, input: ParsedInput<'review.get'>): Promise<CommandOutput<'review.get'>> {
  return state(ctx, input.editionId);
}

function requireSubmitted(ctx: Ctx, editionId: string): EditionRecord {
  const e = requireEdition(ctx, editionId);
  if (e.status !== 'submitted') throw new AppError('review.not_submitted', { status: e.status });
  return e;
}

export function answer(ctx: Ctx, input: ParsedInput<'review.answer'>): Promise<CommandOutput<'review.answer'>> {
  const actor = requireActor(ctx);
  const e = requireSubmitted(ctx, input.editionId);
  const item = reviewSettings(ctx).checklist.find((i) => i.id === input.itemId);
  if (!item) throw new AppError('review.unknown_item', { item: input.itemId });
  if (!actor.roles.includes(item.role)) throw new AppError('auth.forbidden', { roles: item.role });
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

export async function resolveFinding(ctx: Ctx, input: ParsedInput<'review.resolveFinding'>): Promise<CommandOutput<'review.resolveFinding'>> {
  const actor = requireActor(ctx);
  const e = requireSubmitted(ctx, input.editionId);
  if (!(await scanEdition(ctx, e)).some((f) => f.key === input.findingKey)) throw new AppError('review.unknown_finding');
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

export async function mask(ctx: Ctx, input: ParsedInput<'review.mask'>): Promise<CommandOutput<'review.mask'>> {
  const e = requireSubmitted(ctx, input.editionId);
  const policy = maskingPolicy(ctx);
  const replacements = new Map<string, string>();
  const log: MaskedFinding[] = [];
  for (const f of await scanEdition(ctx, e)) {
    // Attachments cannot be masked in place: they are replaced, or waived by the reviewer.
    if (f.severity === 'info' || f.location === 'attachment') continue;
    const masked = maskFinding(f, policy);
    if (masked && masked !== f.text) {
      replacements.set(f.text, masked);
      log.push({ kind: f.kind, location: f.location as MaskedFinding['location'], masked });
    }
  }
  if (replacements.size) {
    // Longest first, so a number inside a longer one is not masked twice.
    const ordered = [...replacements.entries()].sort((a, b) => b[0].length - a[0].length);
    const apply = (text: string) => ordered.reduce((out, [from, to]) => out.split(from).join(to), text);
    const bodyHtml = sanitizeBodyHtml(replaceInHtmlText(e.bodyHtml, apply));
    const content = { ...e, title: apply(e.title), summary: apply(e.summary), bodyHtml, bodyText: htmlToPlainText(bodyHtml) };
    ctx.db.transaction(() => {
      updateEditionContent(ctx.db, e.id, content, ctx.clock.now().toISOString());
      indexEdition(ctx.db, e.rowid, content);
      ensureReview(ctx, e.id);
      const earlier = JSON.parse(reviewRow(ctx, e.id)!.masked) as MaskedFinding[];
      ctx.db.prepare('UPDATE reviews SET masked = ? WHERE edition_id = ?').run(JSON.stringify([...earlier, ...log]), e.id);
      record(ctx, 'review.mask', { type: 'edition', id: e.id }, `${e.indexNumber}: ${replacements.size} masked`);
    })();
  }
  return state(ctx, e.id);
}

export async function decide(ctx: Ctx, input: ParsedInput<'review.decide'>): Promise<CommandOutput<'review.decide'>> {
  const actor = requireActor(ctx);
  const reviewer = findUserById(ctx.db, actor.id ?? '');
  if (!reviewer || !(await verifyPassword(input.password, reviewer.passwordHash))) throw new AppError('auth.wrong_password');
  const current = await state(ctx, input.editionId);
  ctx.db.transaction(() => {
    const e = requireEdition(ctx, input.editionId);
    const reasons = decisionReasons(decisionFacts(ctx, e, current, input));
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
  const actor = requireActor(ctx);
  ctx.db.transaction(() => {
    const e = requireEdition(ctx, input.editionId);
    // Another officer may not void a colleague's sign-off.
    if (!actor.roles.includes('reviewer') && !isEditionAuthor(ctx, e, actor.id)) throw new AppError('workflow.not_author');
    if (!['submitted', 'reviewed'].includes(e.status)) throw new AppError('items.not_editable', { status: e.status });
    const at = ctx.clock.now().toISOString();
    ctx.db.prepare("UPDATE editions SET status = 'draft', updated_at = ? WHERE id = ?").run(at, e.id);
    ctx.db.prepare('UPDATE reviews SET voided_at = ?, void_reason = ? WHERE edition_id = ? AND content_hash IS NOT NULL AND voided_at IS NULL').run(at, input.reason, e.id);
    record(ctx, 'workflow.returnToDraft', { type: 'edition', id: e.id }, `${e.indexNumber} #${e.number}: ${input.reason}`);
  })();
  return presentEdition(ctx, findEdition(ctx.db, input.editionId)!);
}

const KIND_NAMES: Record<string, string> = {
  id_card: '身份证号',
  mobile: '手机号码',
  landline: '固定电话',
  bank_card: '银行卡号',
  email: '电子邮箱',
  passport: '护照或通行证',
  license_plate: '机动车号牌',
  address: '详细地址',
  credit_code: '统一社会信用代码',
  secret_mark: '密级标志',
  process_info: '过程性信息',
  sensitive_word: '敏感词',
  attachment_unreadable: '无法自动检查的附件',
};
const PLACE_NAMES = { title: '标题', summary: '内容概述', body: '正文' } as const;
const DECISION_NAMES = { approve: '同意公开', partial: '部分公开（区分处理）', withhold: '不予公开', return: '退回修改' } as const;
const ANSWER_NAMES = { yes: '是', no: '否', waived: '豁免' } as const;
const DISCLOSURE_NAMES = { proactive: '主动公开', on_request: '依申请公开', not_disclosed: '不予公开' } as const;
const ARTICLE_NAMES: Record<number, string> = { 14: '《中华人民共和国政府信息公开条例》第十四条', 15: '《中华人民共和国政府信息公开条例》第十五条', 16: '《中华人民共和国政府信息公开条例》第十六条' };

/** The 保密审查表 as a Word document for the paper archive. */
export async function exportRecord(ctx: Ctx, input: ParsedInput<'review.exportRecord'>): Promise<CommandOutput<'review.exportRecord'>> {
  const e = requireEdition(ctx, input.editionId);
  const review = await state(ctx, e.id);
  const row = reviewRow(ctx, e.id);
  const masked = JSON.parse(row?.masked ?? '[]') as MaskedFinding[];
  const policy = maskingPolicy(ctx);
  const unit = readUnit(ctx);
  const { reviewRecordDocx } = await import('../docx/review-record.js');
  const data = await reviewRecordDocx({
    unitName: unit?.name ?? '',
    title: e.title,
    indexNumber: e.indexNumber,
    documentNumber: e.documentNumber,
    summary: e.summary,
    disclosure: DISCLOSURE_NAMES[e.disclosure],
    scope: unit?.websiteName ? `政府网站（${unit.websiteName}）` : '政府网站',
    timing: e.publishDate ?? '签发后及时公开',
    draftingUnit: e.draftingUnit,
    author: e.authorName,
    checklist: review.checklist.map((c) => ({ question: c.question, answer: c.answer ? ANSWER_NAMES[c.answer] : '未确认', note: c.note })),
    findings: [
      ...masked.map((m) => ({ kind: KIND_NAMES[m.kind] ?? m.kind, text: m.masked, location: PLACE_NAMES[m.location], handling: '已脱敏' })),
      ...review.findings.map((f) => ({
        kind: KIND_NAMES[f.kind] ?? f.kind,
        text: maskFinding({ kind: f.kind as Finding['kind'], text: f.text }, policy) ?? f.text,
        location: f.attachment ? `附件《${f.attachment.name}》` : PLACE_NAMES[f.location as keyof typeof PLACE_NAMES],
        handling: f.resolution ? `${f.resolution.kind === 'waived' ? '豁免' : '排除'}：${f.resolution.reason}（${f.resolution.by}）` : f.severity === 'info' ? '提示信息，无需处理' : '未处理',
      })),
    ],
    decision: review.decision ? DECISION_NAMES[review.decision.decision] : '尚未作出',
    basis: review.decision?.basis ? ARTICLE_NAMES[review.decision.basis]! : '',
    note: review.decision?.note ?? '',
    reviewer: review.decision?.reviewerName ?? '',
    decidedAt: review.decision ? shanghaiDateTime(review.decision.decidedAt) : '',
    contentHash: review.decision?.signOff?.contentHash ?? '',
  });
  return { fileName: `保密审查表-${e.indexNumber.replace(/[\\/:*?"<>|]/g, '-')}.docx`, dataBase64: data.toString('base64') };
}

function shanghaiDateTime(iso: string): string {
  return new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
}
