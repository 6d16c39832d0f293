import type { Ctx } from '../context.js';
import type { CommandOutput, ParsedInput, Unit } from '../../../shared/contract.js';
import { AppError } from '../../../shared/errors.js';
import { parseUnitCode } from '../../../shared/domain/unit-code.js';
import { DEFAULT_LANGUAGE, type Language } from '../../../shared/i18n/languages.js';
import { getSetting, setSetting } from '../db/settings-repo.js';
import { countUsers, findUserById, publicUser, updateUser } from '../db/users-repo.js';
import { createUserRecord } from './users.js';
import { startSession } from './auth.js';
import { record } from './audit-trail.js';

const UNIT_KEY = 'unit';
const LANGUAGE_KEY = 'defaultLanguage';

export function readUnit(ctx: Ctx): Unit | undefined {
  return getSetting<Unit>(ctx.db, UNIT_KEY);
}

/** Validates the unit's code (check character included) and stores it normalised. */
export function writeUnit(ctx: Ctx, unit: Unit): Unit {
  const parsed = parseUnitCode(unit.code);
  if (!parsed) throw new AppError('unit.invalid_code');
  const stored = { ...unit, code: parsed.code };
  setSetting(ctx.db, UNIT_KEY, stored);
  return stored;
}

export function needsSetup(ctx: Ctx): boolean {
  return !readUnit(ctx) || countUsers(ctx.db) === 0;
}

export function status(ctx: Ctx): CommandOutput<'setup.status'> {
  return {
    needsSetup: needsSetup(ctx),
    unitName: readUnit(ctx)?.name ?? null,
    defaultLanguage: getSetting<Language>(ctx.db, LANGUAGE_KEY) ?? DEFAULT_LANGUAGE,
  };
}

export async function complete(ctx: Ctx, input: ParsedInput<'setup.complete'>): Promise<CommandOutput<'setup.complete'>> {
  if (!needsSetup(ctx)) throw new AppError('setup.already_done');
  const admin = await createUserRecord(ctx, { ...input.admin, roles: ['admin'], language: input.language });
  const user = ctx.db.transaction(() => {
    if (!needsSetup(ctx)) throw new AppError('setup.already_done');
    const unit = writeUnit(ctx, input.unit);
    setSetting(ctx.db, LANGUAGE_KEY, input.language);
    const created = admin.insert();
    updateUser(ctx.db, created.id, { last_login_at: ctx.clock.now().toISOString() });
    record(ctx, 'setup.complete', { type: 'unit', id: unit.code }, `${unit.name} (${unit.code}); admin ${created.username}`, created.username);
    return publicUser(findUserById(ctx.db, created.id)!);
  })();
  return startSession(ctx, user);
}
