/** 政策解读 linked to the documents they interpret, with the 三同步 settings and release timing. */
import type { Ctx } from '../context.js';
import type { CommandOutput, Edition, ParsedInput } from '../../../shared/contract.js';
import { AppError } from '../../../shared/errors.js';
import { copiedShare, DEFAULT_INTERPRETATION_FORMS } from '../../../shared/domain/interpretation-rules.js';
import { addWorkdays } from '../../../shared/domain/working-days.js';
import { shanghaiDate } from '../../../shared/domain/local-date.js';
import { getSetting, setSetting } from '../db/settings-repo.js';
import { findEdition, itemHistory, type EditionRecord } from '../db/items-repo.js';
import { workCalendar } from './calendar.js';
import { record } from './audit-trail.js';
import { presentEdition } from './items.js';
import { requireActor } from './users.js';

export const INTERPRETATION_CATEGORY = 'interpretation';
const KEY = 'interpretations';
const DEFAULTS: CommandOutput<'interpretations.settings'> = {
  forms: DEFAULT_INTERPRETATION_FORMS,
  syncRule: 'block',
  dueWorkdays: 3, // 郑州: 最迟在政策文件公开发布后3个工作日内
  copyThreshold: 0.6,
};

export function interpretationSettings(ctx: Ctx): CommandOutput<'interpretations.settings'> {
  return { ...DEFAULTS, ...getSetting<Partial<CommandOutput<'interpretations.settings'>>>(ctx.db, KEY) };
}

export function settings(ctx: Ctx): CommandOutput<'interpretations.settings'> {
  return interpretationSettings(ctx);
}

export function updateSettings(ctx: Ctx, input: ParsedInput<'interpretations.updateSettings'>): CommandOutput<'interpretations.updateSettings'> {
  ctx.db.transaction(() => {
    setSetting(ctx.db, KEY, input);
    record(ctx, 'interpretations.updateSettings', { type: 'settings', id: KEY }, `三同步 ${input.syncRule}; ${input.dueWorkdays} working days; copy ${input.copyThreshold}`);
  })();
  return interpretationSettings(ctx);
}

/** The item's newest edition. */
export function currentEdition(ctx: Ctx, itemId: string): EditionRecord {
  const current = itemHistory(ctx.db, itemId)[0];
  if (!current) throw new AppError('items.not_found');
  return current;
}

/** The newest published edition, which is what the website shows while a next edition is drafted. */
function publishedEdition(ctx: Ctx, itemId: string): EditionRecord | undefined {
  return itemHistory(ctx.db, itemId).find((e) => e.status === 'published');
}

export function linkedItemIds(ctx: Ctx, itemId: string): { documents: string[]; interpretations: string[] } {
  const documents = ctx.db.prepare('SELECT document_item_id AS id FROM interpretation_links WHERE interpretation_item_id = ? ORDER BY created_at').all(itemId) as { id: string }[];
  const interpretations = ctx.db.prepare('SELECT interpretation_item_id AS id FROM interpretation_links WHERE document_item_id = ? ORDER BY created_at').all(itemId) as { id: string }[];
  return { documents: documents.map((r) => r.id), interpretations: interpretations.map((r) => r.id) };
}

function linked(ctx: Ctx, itemId: string): Edition['links']['documents'][number] {
  const e = currentEdition(ctx, itemId);
  return { itemId, editionId: e.id, title: e.title, status: e.status, publishDate: e.publishDate };
}

export function links(ctx: Ctx, e: EditionRecord): Edition['links'] {
  const ids = linkedItemIds(ctx, e.itemId);
  return { documents: ids.documents.map((id) => linked(ctx, id)), interpretations: ids.interpretations.map((id) => linked(ctx, id)) };
}

/** For an interpretation: how much of it repeats each document it interprets. */
export function copyChecks(ctx: Ctx, e: EditionRecord): Edition['copyChecks'] {
  if (e.categoryId !== INTERPRETATION_CATEGORY) return [];
  const { copyThreshold } = interpretationSettings(ctx);
  return linkedItemIds(ctx, e.itemId).documents.map((documentItemId) => {
    const document = currentEdition(ctx, documentItemId);
    const share = Math.round(copiedShare(e.bodyText, document.bodyText) * 1000) / 1000;
    return { documentItemId, title: document.title, share, tooSimilar: share > copyThreshold };
  });
}

/**
 * An unpublished interpretation of a published document is due N working days after the
 * document's 发布日期 (the earliest, if it interprets several).
 */
export function interpretationDue(
  ctx: Ctx,
  e: Pick<EditionRecord, 'itemId' | 'categoryId' | 'status'>,
): { date: string; provisional: boolean; document: EditionRecord; published: string } | null {
  if (e.categoryId !== INTERPRETATION_CATEGORY || ['published', 'withdrawn', 'superseded'].includes(e.status)) return null;
  const { dueWorkdays } = interpretationSettings(ctx);
  const calendar = workCalendar(ctx);
  let earliest: { date: string; provisional: boolean; document: EditionRecord; published: string } | null = null;
  for (const documentItemId of linkedItemIds(ctx, e.itemId).documents) {
    const document = publishedEdition(ctx, documentItemId);
    const published = document && (document.publishDate ?? siteDate(ctx, documentItemId));
    if (!document || !published) continue;
    const { due, provisional } = addWorkdays(calendar, published, dueWorkdays);
    if (!earliest || due < earliest.date) earliest = { date: due, provisional, document, published };
  }
  return earliest;
}

/** Links are published with the interpretation, so they change only while it is a draft. */
/** The day the website first showed the item (Asia/Shanghai), for editions signed without a 发布日期. */
function siteDate(ctx: Ctx, itemId: string): string | null {
  const row = ctx.db.prepare('SELECT published_at FROM site_items WHERE item_id = ?').get(itemId) as { published_at: string } | undefined;
  return row ? shanghaiDate(new Date(row.published_at)) : null;
}

function requireInterpretation(ctx: Ctx, itemId: string): EditionRecord {
  const e = currentEdition(ctx, itemId);
  if (e.categoryId !== INTERPRETATION_CATEGORY) throw new AppError('interpretations.not_interpretation');
  if (e.status !== 'draft') throw new AppError('items.not_editable', { status: e.status });
  return e;
}

export function link(ctx: Ctx, input: ParsedInput<'interpretations.link'>): CommandOutput<'interpretations.link'> {
  const actor = requireActor(ctx);
  const interpretation = requireInterpretation(ctx, input.interpretationItemId);
  const document = currentEdition(ctx, input.documentItemId);
  if (document.categoryId === INTERPRETATION_CATEGORY) throw new AppError('interpretations.not_document');
  ctx.db.transaction(() => {
    ctx.db
      .prepare('INSERT OR IGNORE INTO interpretation_links (interpretation_item_id, document_item_id, created_by, created_at) VALUES (?, ?, ?, ?)')
      .run(interpretation.itemId, document.itemId, actor.id, ctx.clock.now().toISOString());
    record(ctx, 'interpretations.link', { type: 'item', id: interpretation.itemId }, `${interpretation.indexNumber} 解读 ${document.indexNumber}`);
  })();
  return presentEdition(ctx, findEdition(ctx.db, interpretation.id)!);
}

export function unlink(ctx: Ctx, input: ParsedInput<'interpretations.unlink'>): CommandOutput<'interpretations.unlink'> {
  const interpretation = requireInterpretation(ctx, input.interpretationItemId);
  ctx.db.transaction(() => {
    const { changes } = ctx.db
      .prepare('DELETE FROM interpretation_links WHERE interpretation_item_id = ? AND document_item_id = ?')
      .run(interpretation.itemId, input.documentItemId);
    if (changes) record(ctx, 'interpretations.unlink', { type: 'item', id: interpretation.itemId }, `${interpretation.indexNumber} ✕ ${input.documentItemId}`);
  })();
  return presentEdition(ctx, findEdition(ctx.db, interpretation.id)!);
}
