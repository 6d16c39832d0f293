import type { Actor, Ctx } from '../context.js';
import type { CommandOutput, ParsedInput, User } from '../../../shared/contract.js';
import type { Role } from '../../../shared/roles.js';
import { AppError } from '../../../shared/errors.js';
import type { Language } from '../../../shared/i18n/languages.js';
import { hashPassword, isStrongEnough } from '../password.js';
import { uuidv7 } from '../ids.js';
import {
  countEnabledAdmins,
  findUserById,
  findUserByUsername,
  insertUser,
  listUsers,
  publicUser,
  setRoles,
  updateUser,
} from '../db/users-repo.js';
import { record } from './audit-trail.js';

export function requireActor(ctx: Ctx): Actor {
  if (!ctx.actor) throw new AppError('auth.required');
  return ctx.actor;
}

export async function hashNewPassword(password: string): Promise<string> {
  if (!isStrongEnough(password)) throw new AppError('auth.password_too_weak');
  return hashPassword(password);
}

/**
 * Hashing is slow and asynchronous; the insert is a quick synchronous step meant to run inside
 * the caller's transaction, so the user, its roles and the audit entry commit together.
 */
export async function createUserRecord(
  ctx: Ctx,
  input: { username: string; displayName: string; password: string; roles: readonly Role[]; language: Language },
): Promise<{ insert(): User }> {
  const passwordHash = await hashNewPassword(input.password);
  return {
    insert() {
      if (findUserByUsername(ctx.db, input.username)) throw new AppError('users.username_taken', { username: input.username });
      const id = uuidv7(ctx.clock.now().getTime());
      insertUser(ctx.db, { ...input, id, passwordHash, createdAt: ctx.clock.now().toISOString() });
      return publicUser(findUserById(ctx.db, id)!);
    },
  };
}

function existing(ctx: Ctx, id: string) {
  const user = findUserById(ctx.db, id);
  if (!user) throw new AppError('users.not_found');
  return user;
}

/** Refuses a change that would leave no enabled administrator. */
function keepAnAdmin(ctx: Ctx): void {
  if (countEnabledAdmins(ctx.db) === 0) throw new AppError('users.last_admin');
}

export function list(ctx: Ctx): CommandOutput<'users.list'> {
  return listUsers(ctx.db).map(publicUser);
}

export async function create(ctx: Ctx, input: ParsedInput<'users.create'>): Promise<CommandOutput<'users.create'>> {
  const language = findUserById(ctx.db, requireActor(ctx).id ?? '')?.language ?? 'zh-CN';
  const pending = await createUserRecord(ctx, { ...input, language });
  return ctx.db.transaction(() => {
    const user = pending.insert();
    record(ctx, 'users.create', { type: 'user', id: user.id }, `${user.username} [${user.roles.join(', ')}]`);
    return user;
  })();
}

export function update(ctx: Ctx, input: ParsedInput<'users.update'>): CommandOutput<'users.update'> {
  return ctx.db.transaction(() => {
    const before = existing(ctx, input.id);
    updateUser(ctx.db, input.id, { display_name: input.displayName });
    setRoles(ctx.db, input.id, input.roles);
    keepAnAdmin(ctx);
    record(ctx, 'users.update', { type: 'user', id: input.id }, `${before.username}: [${before.roles.join(', ')}] → [${[...new Set(input.roles)].sort().join(', ')}]`);
    return publicUser(existing(ctx, input.id));
  })();
}

export function setDisabled(ctx: Ctx, input: ParsedInput<'users.setDisabled'>): CommandOutput<'users.setDisabled'> {
  if (input.disabled && input.id === requireActor(ctx).id) throw new AppError('users.cannot_disable_self');
  const user = ctx.db.transaction(() => {
    const before = existing(ctx, input.id);
    updateUser(ctx.db, input.id, { disabled: input.disabled ? 1 : 0 });
    keepAnAdmin(ctx);
    record(ctx, 'users.setDisabled', { type: 'user', id: input.id }, `${before.username}: ${input.disabled ? 'disabled' : 'enabled'}`);
    return publicUser(existing(ctx, input.id));
  })();
  if (input.disabled) ctx.sessions.endAllFor(input.id);
  return user;
}

export async function resetPassword(ctx: Ctx, input: ParsedInput<'users.resetPassword'>): Promise<CommandOutput<'users.resetPassword'>> {
  const passwordHash = await hashNewPassword(input.newPassword);
  const user = ctx.db.transaction(() => {
    const before = existing(ctx, input.id);
    updateUser(ctx.db, input.id, { password_hash: passwordHash, failed_logins: 0, locked_until: null });
    record(ctx, 'users.resetPassword', { type: 'user', id: input.id }, before.username);
    return publicUser(existing(ctx, input.id));
  })();
  ctx.sessions.endAllFor(input.id, ctx.sessionId);
  return user;
}
