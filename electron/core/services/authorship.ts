/**
 * Who wrote an edition, for separation of duties (谁起草、谁不能审): the officer who created it and
 * everyone who changed its content since, as the audit trail records them. Otherwise a reviewer
 * holding the officer role could rewrite a colleague's draft and then sign off their own words.
 */
import type { Ctx } from '../context.js';
import type { EditionRecord } from '../db/items-repo.js';

/** Audit actions that change an edition's content (its creation is its author_id). */
const CONTENT_ACTIONS = ['items.saveDraft', 'items.setChangeNote', 'attachments.add', 'attachments.remove'];

export function isEditionAuthor(ctx: Ctx, edition: Pick<EditionRecord, 'id' | 'authorId'>, userId: string | null | undefined): boolean {
  if (!userId) return false;
  if (edition.authorId === userId) return true;
  const placeholders = CONTENT_ACTIONS.map(() => '?').join(', ');
  const edited = ctx.db
    .prepare(`SELECT 1 FROM audit_log WHERE target_type = 'edition' AND target_id = ? AND actor_id = ? AND action IN (${placeholders}) LIMIT 1`)
    .get(edition.id, userId, ...CONTENT_ACTIONS);
  return edited !== undefined;
}
