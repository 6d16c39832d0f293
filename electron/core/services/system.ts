import { existsSync, mkdirSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import type { Ctx } from '../context.js';
import type { CommandOutput, ParsedInput } from '../../../shared/contract.js';
import { AppError } from '../../../shared/errors.js';
import { integrityProblems } from '../db/connection.js';
import { INTEGRITY_SETTING, type IntegrityResult } from '../db/integrity-watch.js';
import { getSetting } from '../db/settings-repo.js';
import { record } from './audit-trail.js';
import { listBackups, onlineBackup } from '../db/backups.js';
import { findUserById } from '../db/users-repo.js';
import { verifyPassword } from '../password.js';

/** A file name like gongkai-20261129-0930.db under the data directory's backups folder. */
function suggestedBackupFile(ctx: Ctx): string {
  const stamp = ctx.clock.now().toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', '-');
  return join(ctx.runtime.dataDir, 'backups', `gongkai-${stamp}.db`);
}

export function info(ctx: Ctx): CommandOutput<'system.info'> {
  return { ...ctx.runtime, suggestedBackupFile: suggestedBackupFile(ctx), integrity: getSetting<IntegrityResult>(ctx.db, INTEGRITY_SETTING) ?? null };
}

export function checkDatabase(ctx: Ctx): CommandOutput<'system.checkDatabase'> {
  const problems = integrityProblems(ctx.db);
  return { ok: problems.length === 0, messages: problems };
}

/** Online backup (SQLite's backup API): consistent even while the app keeps writing. */
export async function backup(ctx: Ctx, input: ParsedInput<'system.backup'>): Promise<CommandOutput<'system.backup'>> {
  const file = isAbsolute(input.file) ? input.file : resolve(ctx.runtime.dataDir, input.file);
  if (existsSync(file)) throw new AppError('backup.exists', { file });
  let bytes: number;
  try {
    mkdirSync(dirname(file), { recursive: true });
    bytes = await onlineBackup(ctx.db, file);
  } catch (error) {
    throw new AppError('backup.failed', { detail: (error as Error).message });
  }
  ctx.db.transaction(() => record(ctx, 'system.backup', { type: 'database', id: null }, `${file} (${bytes} bytes)`))();
  return { file, bytes };
}

export function backups(ctx: Ctx): CommandOutput<'system.backups'> {
  return listBackups(ctx.runtime.dataDir).map(({ name, kind, at, bytes }) => ({ name, kind, at, bytes }));
}

/** Only a backup listed in the backups folder, by name, after the admin's password. */
export async function restore(ctx: Ctx, input: ParsedInput<'system.restore'>): Promise<CommandOutput<'system.restore'>> {
  const admin = findUserById(ctx.db, ctx.actor?.id ?? '');
  if (!admin || !(await verifyPassword(input.password, admin.passwordHash))) throw new AppError('auth.wrong_password');
  const backup = listBackups(ctx.runtime.dataDir).find((b) => b.name === input.name);
  if (!backup) throw new AppError('restore.not_found', { file: input.name });
  if (!ctx.restoreFromBackup) throw new AppError('api.internal');
  const { keptAs } = ctx.restoreFromBackup(backup.file);
  return { restored: backup.name, keptAs: keptAs && basename(keptAs) };
}
