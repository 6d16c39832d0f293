import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import type { Ctx } from '../context.js';
import type { CommandOutput, ParsedInput } from '../../../shared/contract.js';
import { AppError } from '../../../shared/errors.js';
import { integrityProblems } from '../db/connection.js';
import { record } from './audit-trail.js';

/** A file name like gongkai-20261129-0930.db under the data directory's backups folder. */
function suggestedBackupFile(ctx: Ctx): string {
  const stamp = ctx.clock.now().toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', '-');
  return join(ctx.runtime.dataDir, 'backups', `gongkai-${stamp}.db`);
}

export function info(ctx: Ctx): CommandOutput<'system.info'> {
  return { ...ctx.runtime, suggestedBackupFile: suggestedBackupFile(ctx) };
}

export function checkDatabase(ctx: Ctx): CommandOutput<'system.checkDatabase'> {
  const problems = integrityProblems(ctx.db);
  return { ok: problems.length === 0, messages: problems };
}

/** Online backup (SQLite's backup API): consistent even while the app keeps writing. */
export async function backup(ctx: Ctx, input: ParsedInput<'system.backup'>): Promise<CommandOutput<'system.backup'>> {
  const file = isAbsolute(input.file) ? input.file : resolve(ctx.runtime.dataDir, input.file);
  if (existsSync(file)) throw new AppError('backup.exists', { file });
  try {
    mkdirSync(dirname(file), { recursive: true });
    await ctx.db.backup(file);
  } catch (error) {
    throw new AppError('backup.failed', { detail: (error as Error).message });
  }
  const bytes = statSync(file).size;
  ctx.db.transaction(() => record(ctx, 'system.backup', { type: 'database', id: null }, `${file} (${bytes} bytes)`))();
  return { file, bytes };
}
