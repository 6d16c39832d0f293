import type { Ctx } from '../context.js';
import { appendAudit } from '../db/audit-repo.js';

export interface AuditTarget {
  type: string;
  id: string | null;
}

/** Records an action by the current actor. Call it inside the transaction of the change itself. */
export function record(ctx: Ctx, action: string, target: AuditTarget, summary: string, actorName?: string): void {
  appendAudit(ctx.db, {
    at: ctx.clock.now().toISOString(),
    actorId: ctx.actor?.id ?? null,
    actorName: actorName ?? ctx.actor?.name ?? 'system',
    action,
    targetType: target.type,
    targetId: target.id,
    summary,
  });
}
