import type { Ctx } from '../context.js';
import type { CommandOutput, ParsedInput } from '../../../shared/contract.js';
import { listAudit, verifyAuditChain } from '../db/audit-repo.js';

export function list(ctx: Ctx, input: ParsedInput<'audit.list'>): CommandOutput<'audit.list'> {
  return listAudit(ctx.db, input.beforeSeq, input.limit);
}

export function verify(ctx: Ctx): CommandOutput<'audit.verify'> {
  const result = verifyAuditChain(ctx.db);
  return { ok: result.firstBroken === null, ...result };
}
