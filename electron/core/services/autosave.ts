/** Unsaved editor state, so that a crash or power cut loses only the last few seconds. */
import type { Ctx } from '../context.js';
import type { CommandOutput, ParsedInput } from '../../../shared/contract.js';
import { requireActor } from './users.js';

export function put(ctx: Ctx, input: ParsedInput<'autosave.put'>): CommandOutput<'autosave.put'> {
  ctx.db
    .prepare(
      `INSERT INTO autosaves (user_id, edition_id, payload, saved_at) VALUES (?, ?, ?, ?)
       ON CONFLICT(user_id, edition_id) DO UPDATE SET payload = excluded.payload, saved_at = excluded.saved_at`,
    )
    .run(requireActor(ctx).id, input.editionId, input.payload, ctx.clock.now().toISOString());
  return { ok: true };
}

export function list(ctx: Ctx): CommandOutput<'autosave.list'> {
  return ctx.db
    .prepare('SELECT edition_id AS editionId, payload, saved_at AS savedAt FROM autosaves WHERE user_id = ? ORDER BY saved_at DESC')
    .all(requireActor(ctx).id) as CommandOutput<'autosave.list'>;
}

export function discard(ctx: Ctx, input: ParsedInput<'autosave.discard'>): CommandOutput<'autosave.discard'> {
  ctx.db.prepare('DELETE FROM autosaves WHERE user_id = ? AND edition_id = ?').run(requireActor(ctx).id, input.editionId);
  return { ok: true };
}
