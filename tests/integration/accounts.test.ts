import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN, makeBackend, UNIT, type TestBackend } from '../support/backend.js';

let t: TestBackend;
beforeEach(() => {
  t = makeBackend();
});
afterEach(() => t.close());

describe('first-run setup', () => {
  it('creates the unit and the first administrator, once', async () => {
    expect(await t.ok('setup.status', {})).toEqual({ needsSetup: true, unitName: null, defaultLanguage: 'zh-CN' });
    const session = await t.setup();
    expect(await t.ok('auth.me', {}, session)).toMatchObject({ username: 'admin', roles: ['admin'] });
    expect(await t.ok('setup.status', {})).toMatchObject({ needsSetup: false, unitName: UNIT.name });
    expect(await t.fails('setup.complete', { unit: UNIT, admin: { ...ADMIN, username: 'other' }, language: 'en' })).toEqual({
      code: 'setup.already_done',
    });
  });

  it('refuses a unit code with a wrong check character and creates nothing', async () => {
    const error = await t.fails('setup.complete', { unit: { ...UNIT, code: '11441700007280420X' }, admin: ADMIN, language: 'zh-CN' });
    expect(error.code).toBe('unit.invalid_code');
    expect(await t.ok('setup.status', {})).toMatchObject({ needsSetup: true });
    expect((await t.ok('auth.login', ADMIN).catch((e: Error) => e)) instanceof Error).toBe(true);
  });

  it('normalises a 9-character organisation code typed with a hyphen', async () => {
    const { sessionId } = await t.ok('setup.complete', { unit: { ...UNIT, code: '00001434-9' }, admin: ADMIN, language: 'zh-CN' });
    expect((await t.ok('unit.get', {}, sessionId)).code).toBe('000014349');
  });

  it('refuses every non-public command before setup', async () => {
    expect(await t.fails('users.list', {}, 'whatever')).toEqual({ code: 'setup.required' });
  });
});

describe('the gate', () => {
  it('refuses unknown commands, malformed input and missing sessions with codes', async () => {
    const admin = await t.setup();
    expect(await t.fails('users.drop', {}, admin)).toEqual({ code: 'api.unknown_command', params: { name: 'users.drop' } });
    expect(await t.fails('users.create', { username: 'x' }, admin)).toMatchObject({ code: 'api.invalid_input' });
    expect(await t.fails('users.list', {}, null)).toEqual({ code: 'auth.required' });
    expect(await t.fails('users.list', {}, 'forged-session')).toEqual({ code: 'auth.required' });
  });

  it('refuses a command to a user without the role, in the main process', async () => {
    const admin = await t.setup();
    const officer = await t.userWith(admin, 'xiaoli', ['officer']);
    expect(await t.fails('users.list', {}, officer.session)).toEqual({ code: 'auth.forbidden', params: { roles: 'admin' } });
    expect(await t.fails('audit.verify', {}, officer.session)).toMatchObject({ code: 'auth.forbidden' });
    expect(await t.ok('auth.me', {}, officer.session)).toMatchObject({ roles: ['officer'] });
  });
});

describe('accounts', () => {
  it('lets a person hold several roles and an admin change them', async () => {
    const admin = await t.setup();
    const user = await t.ok('users.create', { username: 'zhang', displayName: '张审核', password: 'Passw0rd!', roles: ['reviewer', 'approver'] }, admin);
    expect(user.roles).toEqual(['approver', 'reviewer']);
    const updated = await t.ok('users.update', { id: user.id, displayName: '张审核', roles: ['reviewer'] }, admin);
    expect(updated.roles).toEqual(['reviewer']);
    expect(await t.fails('users.create', { username: 'ZHANG', displayName: 'x', password: 'Passw0rd!', roles: ['officer'] }, admin)).toEqual({
      code: 'users.username_taken',
      params: { username: 'ZHANG' },
    });
  });

  it('rejects weak passwords', async () => {
    const admin = await t.setup();
    expect(await t.fails('users.create', { username: 'li', displayName: 'li', password: 'abcdefgh', roles: ['officer'] }, admin)).toEqual({
      code: 'auth.password_too_weak',
    });
  });

  it('locks an account after five wrong passwords and unlocks it after the lockout', async () => {
    await t.setup();
    for (let i = 0; i < 4; i++) expect(await t.fails('auth.login', { username: 'admin', password: 'wrong' })).toEqual({ code: 'auth.login_failed' });
    expect(await t.fails('auth.login', { username: 'admin', password: 'wrong' })).toEqual({ code: 'auth.account_locked', params: { minutes: 15 } });
    // Even the right password is refused while locked.
    expect(await t.fails('auth.login', ADMIN)).toMatchObject({ code: 'auth.account_locked' });
    t.clock.advanceMinutes(16);
    expect(await t.ok('auth.login', ADMIN)).toHaveProperty('sessionId');
  });

  it('gives unknown users the same answer as wrong passwords', async () => {
    await t.setup();
    expect(await t.fails('auth.login', { username: 'nobody', password: 'x' })).toEqual({ code: 'auth.login_failed' });
  });

  it('disabling a user ends their sessions and refuses their login; reset clears a lockout', async () => {
    const admin = await t.setup();
    const officer = await t.userWith(admin, 'xiaoli', ['officer']);
    await t.ok('users.setDisabled', { id: officer.id, disabled: true }, admin);
    expect(await t.fails('auth.me', {}, officer.session)).toEqual({ code: 'auth.required' });
    expect(await t.fails('auth.login', { username: 'xiaoli', password: 'Passw0rd!' })).toEqual({ code: 'auth.account_disabled' });
    await t.ok('users.setDisabled', { id: officer.id, disabled: false }, admin);
    for (let i = 0; i < 5; i++) await t.fails('auth.login', { username: 'xiaoli', password: 'nope' });
    await t.ok('users.resetPassword', { id: officer.id, newPassword: 'NewPassw0rd' }, admin);
    expect(await t.ok('auth.login', { username: 'xiaoli', password: 'NewPassw0rd' })).toHaveProperty('sessionId');
  });

  it('keeps at least one enabled administrator and refuses to disable oneself', async () => {
    const admin = await t.setup();
    const me = await t.ok('auth.me', {}, admin);
    expect(await t.fails('users.update', { id: me.id, displayName: 'x', roles: ['officer'] }, admin)).toEqual({ code: 'users.last_admin' });
    expect(await t.fails('users.setDisabled', { id: me.id, disabled: true }, admin)).toEqual({ code: 'users.cannot_disable_self' });
    expect((await t.ok('auth.me', {}, admin)).roles).toEqual(['admin']);
  });

  it('locks an idle session; only the same password unlocks it', async () => {
    const admin = await t.setup();
    t.clock.advanceMinutes(16);
    expect(await t.fails('users.list', {}, admin)).toEqual({ code: 'auth.session_locked' });
    expect(await t.fails('auth.unlock', { password: 'wrong' }, admin)).toEqual({ code: 'auth.wrong_password' });
    expect(await t.ok('auth.unlock', { password: ADMIN.password }, admin)).toMatchObject({ username: 'admin' });
    expect(await t.ok('users.list', {}, admin)).toHaveLength(1);
    await t.ok('auth.lock', {}, admin);
    expect(await t.fails('auth.me', {}, admin)).toEqual({ code: 'auth.session_locked' });
  });

  it('changes the own password and language', async () => {
    const admin = await t.setup();
    expect(await t.fails('auth.changePassword', { currentPassword: 'bad', newPassword: 'Another123' }, admin)).toEqual({ code: 'auth.wrong_password' });
    await t.ok('auth.changePassword', { currentPassword: ADMIN.password, newPassword: 'Another123' }, admin);
    expect(await t.ok('auth.setLanguage', { language: 'en' }, admin)).toMatchObject({ language: 'en' });
    await t.ok('auth.logout', {}, admin);
    expect(await t.fails('auth.me', {}, admin)).toEqual({ code: 'auth.required' });
    expect(await t.ok('auth.login', { username: 'admin', password: 'Another123' })).toMatchObject({ user: { language: 'en' } });
  });
});
