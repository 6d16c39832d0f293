import type { Ctx } from '../context.js';
import type { CommandOutput, ParsedInput, User } from '../../../shared/contract.js';
import { AppError } from '../../../shared/errors.js';
import { DUMMY_HASH, verifyPassword } from '../password.js';
import { findUserById, findUserByUsername, publicUser, updateUser, type UserRecord } from '../db/users-repo.js';
import { record } from './audit-trail.js';
import { hashNewPassword, requireActor } from './users.js';

/** Wrong passwords in a row before the account locks, and for how long. */
export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MINUTES = 15;

export function startSession(ctx: Ctx, user: User): CommandOutput<'auth.login'> {
  return { sessionId: ctx.sessions.create(user.id), user };
}

function minutesLeft(ctx: Ctx, until: string): number {
  return Math.max(1, Math.ceil((Date.parse(until) - ctx.clock.now().getTime()) / 60_000));
}

function isLocked(ctx: Ctx, user: UserRecord): boolean {
  return user.lockedUntil !== null && Date.parse(user.lockedUntil) > ctx.clock.now().getTime();
}

function recordFailure(ctx: Ctx, user: UserRecord): void {
  ctx.db.transaction(() => {
    const failed = user.failedLogins + 1;
    record(ctx, 'auth.login_failed', { type: 'user', id: user.id }, `${user.username} (${failed})`, user.username);
    if (failed >= MAX_FAILED_LOGINS) {
      const until = new Date(ctx.clock.now().getTime() + LOCKOUT_MINUTES * 60_000).toISOString();
      updateUser(ctx.db, user.id, { failed_logins: 0, locked_until: until });
      record(ctx, 'auth.account_locked', { type: 'user', id: user.id }, `${user.username} until ${until}`, user.username);
    } else {
      updateUser(ctx.db, user.id, { failed_logins: failed });
    }
  })();
}

export async function login(ctx: Ctx, input: ParsedInput<'auth.login'>): Promise<CommandOutput<'auth.login'>> {
  const user = findUserByUsername(ctx.db, input.username);
  // Unknown names cost the same scrypt work and get the same answer as a wrong password.
  const matches = await verifyPassword(input.password, user?.passwordHash ?? DUMMY_HASH);
  if (!user) throw new AppError('auth.login_failed');
  if (isLocked(ctx, user)) throw new AppError('auth.account_locked', { minutes: minutesLeft(ctx, user.lockedUntil!) });
  if (!matches) {
    recordFailure(ctx, user);
    const after = findUserById(ctx.db, user.id)!;
    if (isLocked(ctx, after)) throw new AppError('auth.account_locked', { minutes: minutesLeft(ctx, after.lockedUntil!) });
    throw new AppError('auth.login_failed');
  }
  if (user.disabled) throw new AppError('auth.account_disabled');
  ctx.db.transaction(() => {
    updateUser(ctx.db, user.id, { failed_logins: 0, locked_until: null, last_login_at: ctx.clock.now().toISOString() });
    record(ctx, 'auth.login', { type: 'user', id: user.id }, user.username, user.username);
  })();
  return startSession(ctx, publicUser(findUserById(ctx.db, user.id)!));
}

export function logout(ctx: Ctx): CommandOutput<'auth.logout'> {
  if (ctx.sessionId) ctx.sessions.end(ctx.sessionId);
  if (ctx.actor) ctx.db.transaction(() => record(ctx, 'auth.logout', { type: 'user', id: ctx.actor!.id }, ctx.actor!.name))();
  return { ok: true };
}

function currentUser(ctx: Ctx): UserRecord {
  const user = findUserById(ctx.db, requireActor(ctx).id ?? '');
  if (!user) throw new AppError('auth.required');
  return user;
}

export function me(ctx: Ctx): CommandOutput<'auth.me'> {
  return publicUser(currentUser(ctx));
}

export function session(ctx: Ctx): CommandOutput<'auth.session'> {
  return { user: publicUser(currentUser(ctx)), locked: ctx.sessions.touch(ctx.sessionId)?.locked ?? true };
}

export function lock(ctx: Ctx): CommandOutput<'auth.lock'> {
  if (ctx.sessionId) ctx.sessions.lock(ctx.sessionId);
  return { ok: true };
}

export async function unlock(ctx: Ctx, input: ParsedInput<'auth.unlock'>): Promise<CommandOutput<'auth.unlock'>> {
  const user = currentUser(ctx);
  if (!(await verifyPassword(input.password, user.passwordHash))) {
    recordFailure(ctx, user);
    if (isLocked(ctx, findUserById(ctx.db, user.id)!)) {
      ctx.sessions.endAllFor(user.id);
      throw new AppError('auth.account_locked', { minutes: LOCKOUT_MINUTES });
    }
    throw new AppError('auth.wrong_password');
  }
  ctx.sessions.unlock(ctx.sessionId!);
  return publicUser(user);
}

export async function changePassword(ctx: Ctx, input: ParsedInput<'auth.changePassword'>): Promise<CommandOutput<'auth.changePassword'>> {
  const user = currentUser(ctx);
  if (!(await verifyPassword(input.currentPassword, user.passwordHash))) throw new AppError('auth.wrong_password');
  const passwordHash = await hashNewPassword(input.newPassword);
  ctx.db.transaction(() => {
    updateUser(ctx.db, user.id, { password_hash: passwordHash });
    record(ctx, 'auth.changePassword', { type: 'user', id: user.id }, user.username);
  })();
  ctx.sessions.endAllFor(user.id, ctx.sessionId);
  return { ok: true };
}

export function setLanguage(ctx: Ctx, input: ParsedInput<'auth.setLanguage'>): CommandOutput<'auth.setLanguage'> {
  const user = currentUser(ctx);
  ctx.db.transaction(() => {
    updateUser(ctx.db, user.id, { language: input.language });
    record(ctx, 'auth.setLanguage', { type: 'user', id: user.id }, `${user.username}: ${input.language}`);
  })();
  return publicUser(findUserById(ctx.db, user.id)!);
}
